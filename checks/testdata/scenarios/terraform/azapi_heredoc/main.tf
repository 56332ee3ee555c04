# azapi 1.x bodies written as a JSON heredoc: the properties have no HCL syntax of their own, so findings
# land on the body attribute; an absent property still lands on the header. A heredoc line cannot carry
# a comment, so the expectations for line 9 are in main.tf.want.
resource "azapi_resource" "legacy" { # want AIG301
  type      = "Microsoft.CognitiveServices/accounts@2023-05-01"
  name      = "oai-legacy-weu"
  parent_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-legacy"
  location  = "westeurope"
  body      = <<-JSON
    {
      "kind": "OpenAI",
      "sku": { "name": "S0" },
      "properties": {
        "publicNetworkAccess": "Enabled",
        "disableLocalAuth": false
      }
    }
  JSON
}

resource "azapi_resource" "locked" {
  type      = "Microsoft.CognitiveServices/accounts@2023-05-01"
  name      = "oai-locked-weu"
  parent_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-legacy"
  location  = "westeurope"
  body      = <<-JSON
    {
      "kind": "OpenAI",
      "sku": { "name": "S0" },
      "properties": {
        "publicNetworkAccess": "Disabled",
        "disableLocalAuth": true,
        "encryption": { "keySource": "Microsoft.KeyVault" }
      }
    }
  JSON
}

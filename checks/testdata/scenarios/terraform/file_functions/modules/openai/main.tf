variable "name" {
  type = string
}

locals {
  body = jsondecode(templatefile("${path.module}/body.json.tftpl", { keys_off = true }))
}

resource "azapi_resource" "this" { # want AIG301
  type      = "Microsoft.CognitiveServices/accounts@2025-06-01"
  name      = var.name
  parent_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-platform"
  body      = local.body # want AIG101
}

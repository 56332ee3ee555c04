variable "accounts" {
  description = "One Azure OpenAI account per environment."
  type = map(object({
    location   = string
    allow_keys = bool
    sku        = optional(string, "S0")
  }))
  default = {
    prod = {
      location   = "eastus2"
      allow_keys = false
    }
    dev = {
      location   = "swedencentral"
      allow_keys = true
    }
    test = {
      location   = "swedencentral"
      allow_keys = false
    }
  }
}

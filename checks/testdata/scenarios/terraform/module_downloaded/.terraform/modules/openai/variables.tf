variable "name" {
  type        = string
  description = "Name of the Azure OpenAI account; also used as its custom subdomain."
}

variable "resource_group_name" {
  type = string
}

variable "location" {
  type = string
}

variable "local_auth_enabled" {
  type    = bool
  default = true
}

variable "network_acls" {
  type = object({
    default_action = string
    ip_rules       = optional(list(string), [])
  })
  default = null
}

variable "customer_managed_key" {
  type = object({
    key_vault_key_id   = string
    identity_client_id = optional(string)
  })
  default = null
}

variable "environment" {
  type = string
}

variable "network_mode" {
  type = string
  validation {
    condition     = contains(["private", "public"], var.network_mode)
    error_message = "network_mode must be private or public."
  }
}

variable "allow_api_keys" {
  type = bool
}

# Not passed by the root: the batch account keeps keys for the nightly scoring job.
variable "batch_allow_api_keys" {
  type    = bool
  default = true
}

variable "resource_group_name" {
  type = string
}

variable "location" {
  type = string
}

module "primary" {
  source = "../openai"

  name                          = "oai-underwriting-${var.environment}"
  resource_group_name           = var.resource_group_name
  location                      = var.location
  public_network_access_enabled = var.network_mode != "private"
  local_auth_enabled            = var.allow_api_keys
}

module "batch" {
  source = "../openai"

  name                          = "oai-underwriting-${var.environment}-batch"
  resource_group_name           = var.resource_group_name
  location                      = var.location
  public_network_access_enabled = var.network_mode == "public"
  local_auth_enabled            = var.batch_allow_api_keys
}

output "endpoints" {
  value = [module.primary.endpoint, module.batch.endpoint]
}

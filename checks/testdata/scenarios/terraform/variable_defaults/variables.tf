variable "location" {
  type        = string
  description = "Azure region for the AI resources."
  default     = "swedencentral"
}

variable "public_network_access_enabled" {
  type        = bool
  description = "Expose the OpenAI endpoint on the internet."
  default     = false
}

variable "allow_api_keys" {
  type        = bool
  description = "Let clients call the account with its API keys."
  default     = true
}

variable "network" {
  type = object({
    public         = bool
    default_action = string
  })
  default = {
    public         = true
    default_action = "Allow"
  }

  validation {
    condition     = contains(["Allow", "Deny"], var.network.default_action)
    error_message = "default_action must be Allow or Deny."
  }
}

# null means "not set": Terraform treats the argument as omitted and the provider default applies.
variable "local_auth_override" {
  type     = bool
  default  = null
  nullable = true
}

variable "location" {
  description = "Azure region for every resource."
  type        = string
  default     = "eastus2"
}

variable "prefix" {
  description = "Short workload name used in resource names."
  type        = string
  default     = "contoso-chat"
}

variable "environment" {
  description = "Environment name: dev, test or prod."
  type        = string
  default     = "prod"
}

variable "gpt_capacity" {
  description = "Tokens-per-minute capacity of the gpt-4o deployment, in thousands."
  type        = number
  default     = 30
}

variable "vnet_address_space" {
  description = "Address space of the workload virtual network."
  type        = string
  default     = "10.60.0.0/16"
}

variable "deployer_ip_ranges" {
  description = "Public IP ranges of the CI runners that manage the key vault keys."
  type        = list(string)
  default     = ["203.0.113.0/28"]
}

variable "tags" {
  type = map(string)
  default = {
    workload = "contoso-chat"
    owner    = "app-team"
  }
}

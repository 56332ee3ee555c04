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
  default     = "dev"
}

variable "gpt_capacity" {
  description = "Tokens-per-minute capacity of the gpt-4o deployment, in thousands."
  type        = number
  default     = 30
}

variable "tags" {
  type = map(string)
  default = {
    workload = "contoso-chat"
    owner    = "app-team"
  }
}

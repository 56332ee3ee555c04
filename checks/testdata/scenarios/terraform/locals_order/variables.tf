variable "environment_name" {
  type    = string
  default = "Sandbox"
}

variable "legacy_clients" {
  type        = bool
  description = "Older notebooks still call the API with keys."
  default     = true
}

variable "location" {
  type    = string
  default = "swedencentral"
}

variable "environment" {
  type = string
}

variable "location" {
  type    = string
  default = "eastus2"
}

variable "local_auth_enabled" {
  type    = bool
  default = false
}

variable "public_network_access_enabled" {
  type    = bool
  default = true
}

variable "allowed_ip_ranges" {
  type    = list(string)
  default = []
}

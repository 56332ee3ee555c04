variable "regions" {
  type    = list(string)
  default = ["eastus2", "swedencentral"]
}

variable "enable_sandbox" {
  type    = bool
  default = false
}

variable "replica_count" {
  type    = number
  default = 2 # terraform.tfvars sets 0
}

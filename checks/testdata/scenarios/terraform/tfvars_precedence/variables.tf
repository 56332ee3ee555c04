# Each value below is set at several levels; Terraform keeps the last one in this order:
# default < terraform.tfvars < terraform.tfvars.json < *.auto.tfvars and *.auto.tfvars.json (by file name).

variable "chat_api_keys" {
  type    = bool
  default = true # terraform.tfvars: false
}

variable "chat_public_access" {
  type    = bool
  default = false # terraform.tfvars: false, terraform.tfvars.json: true
}

variable "embeddings_api_keys" {
  type = bool # terraform.tfvars: true, terraform.tfvars.json: true, 10-network.auto.tfvars: false
}

variable "embeddings_public_access" {
  type = bool # 10-network.auto.tfvars: false, 20-overrides.auto.tfvars: true
}

variable "vision_api_keys" {
  type = bool # 20-overrides.auto.tfvars: true, 30-final.auto.tfvars.json: false
}

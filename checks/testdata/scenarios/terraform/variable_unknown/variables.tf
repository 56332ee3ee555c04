# No default and no value anywhere in this root module: these are only known when someone runs
# terraform plan with -var or a var file, so the findings they decide are "unknown".
variable "allow_api_keys" {
  type        = bool
  description = "Set by the release pipeline."
}

variable "public_access" {
  type        = bool
  description = "Set by the release pipeline."
}

variable "acl_default_action" {
  type = string
}

# Not decisive for any rule: its being unknown must not make anything unknown.
variable "owner" {
  type = string
}

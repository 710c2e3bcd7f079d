terraform {
  # Provider-free: built-in terraform_data and local-exec only, so it is tested with a real apply.
  required_version = ">= 1.10"
}

terraform {
  required_version = ">= 1.10"
  # No provider and the local backend: `terraform init && terraform apply` works on any machine.
}

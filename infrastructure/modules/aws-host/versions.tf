terraform {
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # v5: the version this configuration is tested with (v6 changes how user data is kept).
      version = "~> 5.100"
    }
  }
}

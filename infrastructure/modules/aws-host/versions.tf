terraform {
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # Not v6: AWS provider v6 stores user_data in clear text in the state (v6 upgrade guide),
      # and the user data is the boot script with the GitHub PAT in it.
      version = "~> 5.100"
    }
  }
}

terraform {
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # Not v6: AWS provider v6 stores user_data in clear text in the state (v6 upgrade guide);
      # the user data holds a registration token, short-lived but a credential.
      version = "~> 5.100"
    }
  }
}

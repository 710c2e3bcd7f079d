terraform {
  required_version = ">= 1.10" # the S3 backend's use_lockfile

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # Not v6: AWS provider v6 stores user_data in clear text in the state (v6 upgrade guide),
      # and the user data is the boot script with the GitHub PAT in it.
      version = "~> 5.100"
    }
    proxmox = {
      source  = "bpg/proxmox"
      version = ">= 0.88, < 1.0" # 0.88: the container's wait_for_ip block
    }
    cloudflare = {
      source  = "cloudflare/cloudflare"
      version = "~> 5.0"
    }
    # GitHub environments, variables and runner registration tokens.
    github = {
      source  = "integrations/github"
      version = "~> 6.9"
    }
  }
}

terraform {
  required_version = ">= 1.10" # the S3 backend's use_lockfile

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # v5: the version this configuration is tested with (v6 changes how user data is kept).
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

terraform {
  required_version = ">= 1.10"

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
    github = {
      source  = "integrations/github"
      version = "~> 6.0"
    }
    cloudflare = {
      source  = "cloudflare/cloudflare"
      version = "~> 5.0"
    }
  }
}

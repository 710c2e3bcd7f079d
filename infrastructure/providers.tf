# Credentials come from the environment, never from files in the repository:
#   AWS:        AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (or an OIDC role in CI)
#   Proxmox:    PROXMOX_VE_USERNAME=root@pam + PROXMOX_VE_PASSWORD (LXC keyctl needs root@pam),
#               or PROXMOX_VE_API_TOKEN for VM-only setups
#   Cloudflare: CLOUDFLARE_API_TOKEN (Zone > DNS > Edit on the zone)

provider "aws" {
  region = var.aws_region

  default_tags {
    tags = { "managed-by" = "launch-service" }
  }
}

provider "proxmox" {
  endpoint = var.proxmox_endpoint
  insecure = var.proxmox_insecure

  # Uploading the VM cloud-init snippet uses SSH to the node (proxmox kind = "vm" only).
  ssh {
    agent    = true
    username = var.proxmox_ssh_username
  }
}

provider "cloudflare" {}

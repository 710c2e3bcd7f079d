# The deployments of this repository: one module call each. A deployment = a service (a folder under
# services/) on a target. To add one, copy a block, pick a new name and set service/target (README.md).

locals {
  # The runners register with this repository; Terraform mints their short-lived registration
  # tokens with the `github` provider's credential, which never reaches a host.
  runner_scope      = { repository = regex("^https://[^/]+/([^/]+/[^/]+)$", var.github_url)[0] }
  github_server_url = regex("^(https://[^/]+)/", var.github_url)[0]
}

# test-service on the homelab: an unprivileged LXC container on Proxmox.
module "test_service_homelab" {
  source = "./modules/launch-service"

  name    = "test-service-homelab"
  service = "test-service"
  target  = "proxmox"

  proxmox = {
    node_name        = var.proxmox_node_name
    template_file_id = var.proxmox_lxc_template_file_id
    ipv4_address     = var.homelab_network.ipv4_address
    ipv4_gateway     = var.homelab_network.ipv4_gateway
    ssh_public_keys  = var.proxmox_ssh_public_keys
  }
  proxmox_ssh_private_key = var.proxmox_ssh_private_key
  ssh_allowed_cidrs       = var.ssh_allowed_cidrs

  runner_scope      = local.runner_scope
  github_server_url = local.github_server_url
}

# test-service on AWS: a private EC2 instance (no inbound ports).
module "test_service_aws" {
  source = "./modules/launch-service"

  name    = "test-service-aws"
  service = "test-service"
  target  = "aws"

  runner_scope      = local.runner_scope
  github_server_url = local.github_server_url
}

# LibreChat on AWS, public at https://chat.<domain> through a proxied Cloudflare record.
module "librechat" {
  source = "./modules/launch-service"

  name     = "librechat"
  service  = "librechat"
  target   = "aws"
  public   = true
  hostname = "chat.${var.domain}"

  cloudflare_zone_id = var.cloudflare_zone_id
  aws = {
    instance_type       = "t3.medium"
    root_volume_size_gb = 40
  }

  runner_scope      = local.runner_scope
  github_server_url = local.github_server_url
}

# The deployments of this repository: one module call each. A deployment = a service (a folder under
# services/) on a target. To add one, copy a block, pick a new name and set service/target (README.md).

locals {
  github = {
    url     = var.github_url
    api_url = var.github_api_url
  }
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
  # The page over HTTP from the LAN (the container's own subnet). The service publishes it on
  # 0.0.0.0 only with the variable TEST_SERVICE_HOMELAB__BIND_ADDRESS=0.0.0.0 (services/test-service).
  extra_ingress = [{
    port  = 8080
    cidrs = [cidrsubnet(var.homelab_network.ipv4_address, 0, 0)]
  }]

  github_url     = local.github.url
  github_api_url = local.github.api_url
  github_pat     = var.github_pat
}

# test-service on AWS: public at https://test.<domain> through a Cloudflare Tunnel (no inbound
# port); the AWS deployment's variable TEST_SERVICE_AWS__COMPOSE_PROFILES=tunnel runs the connector.
module "test_service_aws" {
  source = "./modules/launch-service"

  name           = "test-service-aws"
  service        = "test-service"
  target         = "aws"
  public         = true
  hostname       = "test.${var.domain}"
  origin_service = "http://web:8080"

  cloudflare_account_id = var.cloudflare_account_id
  cloudflare_zone_id    = var.cloudflare_zone_id

  github_url     = local.github.url
  github_api_url = local.github.api_url
  github_pat     = var.github_pat
}

# LibreChat on AWS, public at https://chat.<domain> through a Cloudflare Tunnel (no inbound port).
module "librechat" {
  source = "./modules/launch-service"

  name           = "librechat"
  service        = "librechat"
  target         = "aws"
  public         = true
  hostname       = "chat.${var.domain}"
  origin_service = "http://api:3080"

  cloudflare_account_id = var.cloudflare_account_id
  cloudflare_zone_id    = var.cloudflare_zone_id
  aws = {
    instance_type       = "t3.medium"
    root_volume_size_gb = 40
  }

  github_url     = local.github.url
  github_api_url = local.github.api_url
  github_pat     = var.github_pat
}

# One deployment: the provider-free record and boot script, then the host of its target, then how
# the public reaches it: a Cloudflare Tunnel (default: no inbound port) or proxied A records with an
# Origin CA certificate, SSL Full (strict) and the origin open to Cloudflare's ranges only.

locals {
  # hostname => the compose service the tunnel forwards it to (the A-record mode ignores services).
  hostnames = var.public ? merge({ (var.hostname) = var.origin_service }, var.extra_hostnames) : {}
  tunnel    = var.public && var.public_mode == "tunnel"
  a_record  = var.public && var.public_mode == "a-record"

  # The A-record mode's origin: HTTPS, from Cloudflare's published ranges only (read by
  # modules/cloudflare-dns from Cloudflare, not hard-coded).
  cloudflare_ingress = [for dns in module.dns : { port = 443, cidrs = dns.cloudflare_cidrs }]
  web_ingress        = concat(local.cloudflare_ingress, var.extra_ingress)
}

module "runner" {
  source = "../runner"

  name            = var.name
  service         = var.service
  path            = var.path
  target          = var.target
  public          = var.public
  public_hostname = var.hostname
  extra_labels    = var.extra_labels

  github_url     = var.github_url
  github_api_url = var.github_api_url
  github_pat     = var.target == "local" ? null : var.github_pat
  runner_version = var.runner_version # null: the runner module's pinned default
  runner_sha256  = var.runner_sha256
}

module "aws_host" {
  source = "../aws-host"
  count  = var.target == "aws" ? 1 : 0

  name                = var.name
  user_data           = module.runner.boot_script
  public              = local.a_record # an Elastic IP for the A records
  web_ingress         = local.web_ingress
  ssh_allowed_cidrs   = var.ssh_allowed_cidrs
  instance_type       = var.aws.instance_type
  root_volume_size_gb = var.aws.root_volume_size_gb
  ami_id              = var.aws.ami_id
  vpc_id              = var.aws.vpc_id
  subnet_id           = var.aws.subnet_id
  ssh_key_name        = var.aws.ssh_key_name
  tags                = var.tags
}

module "proxmox_host" {
  source = "../proxmox-host"
  count  = var.target == "proxmox" ? 1 : 0

  name                  = var.name
  kind                  = var.proxmox.kind
  boot_script           = module.runner.boot_script
  node_name             = var.proxmox.node_name
  template_file_id      = var.proxmox.template_file_id
  os_type               = var.proxmox.os_type
  vm_id                 = var.proxmox.vm_id
  cores                 = var.proxmox.cores
  memory_mb             = var.proxmox.memory_mb
  disk_size_gb          = var.proxmox.disk_size_gb
  datastore_id          = var.proxmox.datastore_id
  snippets_datastore_id = var.proxmox.snippets_datastore_id
  bridge                = var.proxmox.bridge
  vlan_id               = var.proxmox.vlan_id
  ipv4_address          = var.proxmox.ipv4_address
  ipv4_gateway          = var.proxmox.ipv4_gateway
  ssh_public_keys       = var.proxmox.ssh_public_keys
  ssh_private_key       = var.proxmox_ssh_private_key
  firewall_enabled      = var.proxmox.firewall_enabled
  web_ingress           = local.web_ingress
  ssh_allowed_cidrs     = var.ssh_allowed_cidrs
}

module "tunnel" {
  source = "../cloudflare-tunnel"
  count  = local.tunnel ? 1 : 0

  account_id = var.cloudflare_account_id
  zone_id    = var.cloudflare_zone_id
  name       = var.name
  hostnames  = local.hostnames
}

module "dns" {
  source = "../cloudflare-dns"
  count  = local.a_record ? 1 : 0

  name         = var.name
  zone_id      = var.cloudflare_zone_id
  hostnames    = keys(local.hostnames)
  ipv4_address = var.target == "aws" ? module.aws_host[0].public_ip : var.public_ipv4_address
}

# One deployment: the registration token, the provider-free record and boot script, then the
# host of its target, then how the public reaches it: a Cloudflare Tunnel (default: no inbound
# port) or proxied A records with an Origin CA certificate, SSL Full (strict) and the origin open
# to Cloudflare's ranges only.

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

locals {
  runner_scope = coalesce(var.runner_scope, { repository = "-/-", organization = false })
  github_url   = "${var.github_server_url}/${local.runner_scope.organization ? split("/", local.runner_scope.repository)[0] : local.runner_scope.repository}"
  # Where the boot script finds the data volume: EC2 attaches the EBS volume as /dev/sdf (an NVMe
  # device on Nitro instances, whose root EBS disk the script skips as in use); a Proxmox VM's
  # data disk carries the serial launch-data; a container gets a mount point from Proxmox.
  data_devices = {
    aws     = ["/dev/disk/by-id/nvme-Amazon_Elastic_Block_Store_*", "/dev/xvdf", "/dev/sdf"]
    proxmox = try(var.proxmox.kind, "lxc") == "vm" ? ["/dev/disk/by-id/virtio-launch-data"] : []
    local   = []
  }
  vm_admin = var.target == "proxmox" && try(var.proxmox.kind == "vm" && length(var.proxmox.ssh_public_keys) > 0, false)
}

module "registration_token" {
  source = "../registration-token"
  count  = var.target == "local" ? 0 : 1

  repository          = local.runner_scope.repository
  organization_runner = local.runner_scope.organization
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

  github_url                    = local.github_url
  github_repository             = local.runner_scope.repository
  registration_token            = one(module.registration_token[*].token)
  registration_token_expires_at = coalesce(one(module.registration_token[*].expires_at), 0)
  data_devices                  = local.data_devices[var.target]
  # A VM's cloud-init user data is the boot script, so the script creates its login user.
  admin_user     = local.vm_admin ? var.proxmox.vm_admin_user : null
  admin_ssh_keys = local.vm_admin ? var.proxmox.ssh_public_keys : []
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
  data_volume_size_gb = var.aws.data_volume_size_gb
  availability_zone   = var.aws.availability_zone
  ssm_enabled         = var.aws.ssm_enabled
  host_version        = var.host_version

  data_volume_deletion_allowed = var.data_volume_deletion_allowed
  ami_id                       = var.aws.ami_id
  vpc_id                       = var.aws.vpc_id
  subnet_id                    = var.aws.subnet_id
  ssh_key_name                 = var.aws.ssh_key_name
  tags                         = var.tags
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
  data_host_path        = var.proxmox.data_host_path
  data_disk_size_gb     = var.proxmox.data_disk_size_gb

  data_volume_deletion_allowed = var.data_volume_deletion_allowed
  host_version                 = var.host_version
  web_ingress                  = local.web_ingress
  ssh_allowed_cidrs            = var.ssh_allowed_cidrs
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

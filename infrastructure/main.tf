# Every deployment of this repository is one entry of var.deployments (terraform.tfvars): a service
# (a folder under services/) on a target. Adding a service is one entry; see README.md.

locals {
  # The runners register with this repository; Terraform mints their short-lived registration
  # tokens with the `github` provider's credential, which never reaches a host.
  runner_scope      = { repository = var.github_repository }
  github_server_url = regex("^(https://[^/]+)/", var.github_url)[0]
}

module "deployment" {
  source   = "./modules/launch-service"
  for_each = var.deployments

  name         = each.key
  service      = each.value.service
  target       = each.value.target
  path         = each.value.path
  public       = each.value.public
  hostname     = each.value.hostname
  extra_labels = each.value.extra_labels
  host_version = each.value.host_version

  public_mode           = each.value.public_mode
  origin_service        = each.value.origin_service
  extra_hostnames       = each.value.extra_hostnames
  cloudflare_account_id = var.cloudflare_account_id
  cloudflare_zone_id    = var.cloudflare_zone_id
  public_ipv4_address   = each.value.public_ipv4_address
  extra_ingress         = each.value.extra_ingress

  data_volume_deletion_allowed = each.value.data_volume_deletion_allowed

  aws = each.value.aws
  # A Proxmox entry may leave the node, the template and the SSH keys to the shared defaults.
  proxmox = each.value.proxmox == null ? null : merge(each.value.proxmox, {
    node_name        = coalesce(each.value.proxmox.node_name, var.proxmox_node_name)
    template_file_id = coalesce(each.value.proxmox.template_file_id, var.proxmox_lxc_template_file_id)
    ssh_public_keys  = coalesce(each.value.proxmox.ssh_public_keys, var.proxmox_ssh_public_keys)
  })
  proxmox_ssh_private_key = var.proxmox_ssh_private_key
  ssh_allowed_cidrs       = var.ssh_allowed_cidrs

  runner_scope      = local.runner_scope
  github_server_url = local.github_server_url
}

locals {
  github_owner           = split("/", var.github_repository)[0]
  github_repository_name = split("/", var.github_repository)[1]
}

# The contract, and the repository variables that carry it to the deploy workflow.
module "contract" {
  source = "./modules/contract"

  deployments = { for name, deployment in module.deployment : name => deployment.deployment }
  part_size   = var.deployments_variable_size
}

# GitHub: one environment per deployment (its deploy jobs run there and read its secrets), the
# infrastructure environments, and the published contract.
module "github" {
  source = "./modules/github-environments"

  repository     = local.github_repository_name
  default_branch = var.github_default_branch
  deployments    = keys(var.deployments)
  variables      = module.contract.published_variables
  # What Terraform made for a deployment that its deploy job needs, as its environment's secrets
  # (deploy writes them to .env): the tunnel connector's token, or in A-record mode the Origin CA
  # certificate and key. Which ones is known from the configuration (for_each keys must be).
  environment_secrets = {
    for pair in flatten([for name, d in var.deployments : [
      for key in(!d.public ? [] : d.public_mode == "tunnel" ? ["CLOUDFLARE_TUNNEL_TOKEN"] : ["ORIGIN_TLS_CERTIFICATE", "ORIGIN_TLS_KEY"]) :
      { key = "${name}/${key}", environment = name, name = "${upper(replace(name, "-", "_"))}__${key}" }
    ]]) : pair.key => { environment = pair.environment, name = pair.name }
  }
  environment_secret_values = merge([for name, d in module.deployment : {
    "${name}/CLOUDFLARE_TUNNEL_TOKEN" = d.tunnel_token
    "${name}/ORIGIN_TLS_CERTIFICATE"  = d.origin_certificate
    "${name}/ORIGIN_TLS_KEY"          = d.origin_private_key
  }]...)

  infrastructure_environment      = var.infrastructure_environment
  infrastructure_plan_environment = var.infrastructure_plan_environment
  infrastructure_reviewers        = var.infrastructure_reviewers
}

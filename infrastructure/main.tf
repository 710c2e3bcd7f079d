# Every deployment of this repository is one entry of var.deployments (terraform.tfvars): a service
# (a folder under services/) on a target. Adding a service is one entry; see README.md.

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

  cloudflare_zone_id  = var.cloudflare_zone_id
  public_ipv4_address = each.value.public_ipv4_address

  aws = each.value.aws
  # A Proxmox entry may leave the node, the template and the SSH keys to the shared defaults.
  proxmox = each.value.proxmox == null ? null : merge(each.value.proxmox, {
    node_name        = coalesce(each.value.proxmox.node_name, var.proxmox_node_name)
    template_file_id = coalesce(each.value.proxmox.template_file_id, var.proxmox_lxc_template_file_id)
    ssh_public_keys  = coalesce(each.value.proxmox.ssh_public_keys, var.proxmox_ssh_public_keys)
  })
  proxmox_ssh_private_key = var.proxmox_ssh_private_key
  ssh_allowed_cidrs       = var.ssh_allowed_cidrs

  github_url     = var.github_url
  github_api_url = var.github_api_url
  github_pat     = var.github_pat
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

  infrastructure_environment      = var.infrastructure_environment
  infrastructure_plan_environment = var.infrastructure_plan_environment
  infrastructure_reviewers        = var.infrastructure_reviewers
}

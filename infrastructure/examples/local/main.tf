# The `local` target: machines that already run a self-hosted runner (a single home server, a
# developer laptop, the end-to-end tests). No host is created; Terraform only publishes the
# deployment records, so the action knows which runner labels deploy which service.
#
# The same shape as the root configuration (one map, `for_each` over the deployments), built from
# its provider-free parts: modules/runner for each record and modules/contract for the published
# variables. The root calls modules/launch-service instead, which also needs the Proxmox, Cloudflare
# and GitHub providers at `terraform init`.

variable "deployments" {
  description = "Deployment name => the service (folder under services/) it runs, on a machine whose runner is labelled with the deployment name."
  type = map(object({
    service      = string
    path         = optional(string)
    extra_labels = optional(list(string), [])
  }))
  default = {
    "test-service-local" = { service = "test-service" }
  }
  nullable = false
}

module "deployment" {
  source   = "../../modules/runner"
  for_each = var.deployments

  name         = each.key
  service      = each.value.service
  path         = each.value.path
  target       = "local"
  extra_labels = each.value.extra_labels
}

module "contract" {
  source = "../../modules/contract"

  deployments = { for name, deployment in module.deployment : name => deployment.deployment }
}

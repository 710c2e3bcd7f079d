# The `local` target: a machine that already runs a self-hosted runner (a single home server,
# a developer laptop, the end-to-end tests). No host is created; Terraform only publishes the
# deployment record, so the action knows which runner labels deploy which service.
#
# This example calls the provider-free part (modules/runner) directly. In a full configuration the
# same deployment is a `module "launch-service"` call with target = "local" (see
# ../../modules/launch-service/README.md), which also needs the Proxmox and Cloudflare providers at
# `terraform init`.

module "test_service_local" {
  source = "../../modules/runner"

  name    = "test-service-local"
  service = "test-service"
  target  = "local"
}

locals {
  # Every deployment module, by deployment name (the same name as its `name` argument).
  deployment_modules = {
    "test-service-homelab" = module.test_service_homelab
    "test-service-aws"     = module.test_service_aws
    "librechat"            = module.librechat
  }
}

# The one contract between Terraform and the action (DESIGN.md): deployment name =>
# { service, path, target, runner_labels, public, url }.
output "deployments" {
  description = "Every deployment of this repository, read by the action's plan command."
  value       = { for name, deployment in local.deployment_modules : name => deployment.deployment }
}

output "hosts" {
  description = "The host created per deployment: { target, id, ipv4_address }, or null for target \"local\"."
  value       = { for name, deployment in local.deployment_modules : name => deployment.host }
}

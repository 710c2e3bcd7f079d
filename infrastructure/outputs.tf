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

  # Secrets are selected by <SERVICE>__<KEY> and <DEPLOYMENT>__<KEY>: a deployment named like
  # another service (deployment "api" of service "web", and a service "api") would get that
  # service's secrets. The action's plan refuses such a contract too.
  precondition {
    condition     = length(local.deployment_name_collisions) == 0
    error_message = "A deployment is named like another service: ${join("; ", local.deployment_name_collisions)}. Rename the deployment (e.g. <service>-<target>)."
  }
}

locals {
  deployment_services = distinct([for d in values(local.deployment_modules) : d.deployment.service])
  deployment_name_collisions = flatten([
    for name, d in local.deployment_modules : [
      for service in local.deployment_services :
      "deployment ${name} (of service ${d.deployment.service}) and service ${service}"
      if service != d.deployment.service && upper(replace(service, "-", "_")) == upper(replace(name, "-", "_"))
    ]
  ])
}

output "hosts" {
  description = "The host created per deployment: { target, id, ipv4_address }, or null for target \"local\"."
  value       = { for name, deployment in local.deployment_modules : name => deployment.host }
}

# The one contract between Terraform and the action (README.md, "The deployments contract"):
# deployment name => { service, path, target, runner_labels, public, url }.
output "deployments" {
  description = "Every deployment of this repository, read by the action's plan command."
  value       = module.contract.deployments
}

output "published_variables" {
  description = "The repository variables that carry `deployments` to the deploy workflow: LAUNCH_SERVICE_DEPLOYMENTS (the number of parts) and LAUNCH_SERVICE_DEPLOYMENTS_1..N (JSON, part of the map each)."
  value       = module.contract.published_variables
}

output "hosts" {
  description = "The host created per deployment: { target, id, ipv4_address }, or null for target \"local\"."
  value       = { for name, deployment in module.deployment : name => deployment.host }
}

output "environments" {
  description = "The GitHub environment of each deployment (its deploy jobs run there)."
  value       = module.github.environments
}

output "environment_secrets" {
  description = "Deployment => names of the secrets the apply stores in its environment (the tunnel token, or the Origin CA certificate and key); values never leave the state."
  value       = module.github.secrets
}

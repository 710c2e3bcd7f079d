output "deployments" {
  description = "The contract read by the action: deployment name => { service, path, target, runner_labels, public, url }."
  value       = module.contract.deployments
}

output "published_variables" {
  description = "The repository variables that carry the contract to the deploy workflow (the root configuration publishes them with the github provider)."
  value       = module.contract.published_variables
}

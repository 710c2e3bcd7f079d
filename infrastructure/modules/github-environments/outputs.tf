output "environments" {
  description = "Deployment name => its GitHub environment."
  value       = { for name in var.deployments : name => github_repository_environment.protected[name].environment }
}

output "variables" {
  description = "Names of the published repository variables."
  value       = sort(keys(github_actions_variable.published))
}

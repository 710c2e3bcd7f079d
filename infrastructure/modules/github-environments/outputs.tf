output "environments" {
  description = "Deployment name => its GitHub environment."
  value       = { for name in var.deployments : name => github_repository_environment.protected[name].environment }
}

output "variables" {
  description = "Names of the published repository variables."
  value       = sort(keys(github_actions_variable.published))
}

output "secrets" {
  description = "Environment => names of the secrets Terraform stores in it (never the values)."
  value = { for environment in distinct([for secret in values(var.environment_secrets) : secret.environment]) :
    environment => sort([for key, secret in github_actions_environment_secret.deployment : secret.secret_name if secret.environment == environment])
  }
}

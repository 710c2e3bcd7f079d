output "deployments" {
  description = "The contract, unchanged."
  value       = var.deployments
}

output "published_variables" {
  description = "Repository variable name => value: LAUNCH_SERVICE_DEPLOYMENTS (the number of parts) and LAUNCH_SERVICE_DEPLOYMENTS_1..N (JSON)."
  value       = local.published_variables

  precondition {
    # GitHub passes a workflow run at most 256 KB of variables (repository and organisation
    # together); the rest is left to the user's own variables.
    condition     = local.total_size <= var.total_size_limit
    error_message = "The published deployments contract is ${local.total_size} characters, more than ${var.total_size_limit}: GitHub passes a workflow run at most 256 KB of variables in all. Use fewer deployments or shorter names, paths and host names."
  }
  precondition {
    condition     = alltrue([for value in values(local.published_variables) : length(value) <= 48000])
    error_message = "A published part is longer than GitHub's 48 KB limit for one variable: lower part_size (deployments_variable_size in the root)."
  }
}

output "deployments" {
  description = "The contract, unchanged."
  value       = var.deployments
}

output "published_variables" {
  description = "Repository variable name => value: LAUNCH_SERVICE_DEPLOYMENTS (the number of parts) and LAUNCH_SERVICE_DEPLOYMENTS_1..N (JSON)."
  value       = local.published_variables
}

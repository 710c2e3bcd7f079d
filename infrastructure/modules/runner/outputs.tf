output "deployment" {
  description = "The deployment record of the `deployments` contract: service, path, target, runner_labels, public, url."
  value       = local.deployment
}

output "runner_labels" {
  description = "Labels the runner registers with: self-hosted, the target, the deployment name, then extra_labels."
  value       = local.runner_labels
}

output "url" {
  description = "https://<public_hostname> for a public deployment, otherwise null."
  value       = local.url
}

output "boot_script" {
  description = "The rendered boot script (user data / SSH bootstrap). Contains the short-lived registration token, no other credential. Null when registration_token is null."
  value       = local.boot_script
  sensitive   = true
}

output "runner_name" {
  description = "Name the runner registers under: the deployment name, plus a hash of github_repository for an organisation runner."
  value       = local.runner_name
}

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
  description = "The rendered boot script (user data / SSH bootstrap). Contains the GitHub PAT. Null when github_pat is null."
  value       = local.boot_script
  sensitive   = true
}

output "boot_script_sha256" {
  description = "SHA-256 of the boot script, to trigger re-bootstrapping without putting the script itself into triggers. Null when github_pat is null."
  value       = nonsensitive(local.boot_script == null ? null : sha256(local.boot_script))
}

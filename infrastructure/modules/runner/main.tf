locals {
  runner_labels = distinct(concat(["self-hosted", var.target, var.name], var.extra_labels))
  url           = var.public ? "https://${var.public_hostname}" : null

  # Everything after the host: "<owner>/<repo>" registers a repository runner, "<org>" an
  # organisation runner.
  github_scope            = regex("^https://[^/]+/(.+)$", var.github_url)[0]
  registration_token_path = "${length(split("/", local.github_scope)) == 2 ? "repos" : "orgs"}/${local.github_scope}/actions/runners/registration-token"

  runner_download_url = "${var.runner_download_base_url}/v${var.runner_version}/actions-runner-linux-x64-${var.runner_version}.tar.gz"

  # The contract read by the action (README.md, "The deployments contract"): one record per deployment.
  deployment = {
    service       = var.service
    path          = coalesce(var.path, "services/${var.service}")
    target        = var.target
    runner_labels = local.runner_labels
    public        = var.public
    url           = local.url
  }

  boot_script = var.github_pat == null ? null : templatefile("${path.module}/../../templates/user-data.sh.tftpl", {
    deployment_name         = var.name
    runner_labels           = join(",", local.runner_labels)
    github_url              = var.github_url
    github_api_url          = var.github_api_url
    registration_token_path = local.registration_token_path
    github_pat              = var.github_pat
    runner_version          = var.runner_version
    runner_sha256           = var.runner_sha256
    runner_download_url     = local.runner_download_url
    retry_delay_seconds     = var.registration_retry_delay_seconds
  })
}

locals {
  runner_labels = distinct(concat(["self-hosted", var.target, var.name], var.extra_labels))
  url           = var.public ? "https://${var.public_hostname}" : null

  # Everything after the host: "<owner>/<repo>" registers a repository runner, "<org>" an
  # organisation runner.
  github_scope        = regex("^https://[^/]+/(.+)$", var.github_url)[0]
  organisation_runner = length(split("/", local.github_scope)) == 1
  # Runner names are unique per scope, and --replace takes over a runner of the same name: in an
  # organisation, two repositories with the same deployment name would take each other's runner.
  # There the name carries a hash of the repository.
  runner_name = local.organisation_runner ? "${substr(var.name, 0, 54)}-${substr(sha256(lower(coalesce(var.github_repository, "-"))), 0, 8)}" : var.name

  runner_download_url = "${var.runner_download_base_url}/v${var.runner_version}/actions-runner-linux-x64-${var.runner_version}.tar.gz"

  # The `deployments` contract read by the action: one record per deployment.
  deployment = {
    service       = var.service
    path          = coalesce(var.path, "services/${var.service}")
    target        = var.target
    runner_labels = local.runner_labels
    public        = var.public
    url           = local.url
  }

  boot_script = var.registration_token == null ? null : templatefile("${path.module}/../../templates/user-data.sh.tftpl", {
    deployment_name               = var.name
    runner_name                   = local.runner_name
    runner_labels                 = join(",", local.runner_labels)
    github_url                    = var.github_url
    registration_token            = var.registration_token
    registration_token_expires_at = var.registration_token_expires_at
    registration_wait_seconds     = var.registration_wait_seconds
    runner_version                = var.runner_version
    runner_sha256                 = var.runner_sha256
    runner_download_url           = local.runner_download_url
    retry_delay_seconds           = var.registration_retry_delay_seconds
    retry_max_delay_seconds       = var.registration_retry_max_delay_seconds
    data_mount                    = var.data_mount
    data_devices                  = join(" ", var.data_devices)
    data_device_wait_seconds      = var.data_device_wait_seconds
    docker_apt_url                = var.docker_apt_url
    docker_key_fingerprint        = var.docker_key_fingerprint
    docker_version                = var.docker_versions.docker
    containerd_version            = var.docker_versions.containerd
    compose_version               = var.docker_versions.compose
    buildx_version                = var.docker_versions.buildx
    admin_user                    = var.admin_user == null ? "" : var.admin_user
    admin_ssh_keys                = join("\n", var.admin_ssh_keys)
  })
}

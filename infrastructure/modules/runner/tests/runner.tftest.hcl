# Provider-free part: labels, naming, the deployment record, the rendered boot script and the
# validation of every name that reaches a label, a path or a command.

variables {
  name    = "test-service-aws"
  service = "test-service"
  target  = "aws"
}

run "labels_and_record_for_a_private_deployment" {
  command = plan

  assert {
    condition     = output.runner_labels == tolist(["self-hosted", "aws", "test-service-aws"])
    error_message = "runner labels must be self-hosted, the target and the deployment name"
  }
  assert {
    condition = jsonencode(output.deployment) == jsonencode({
      service       = "test-service"
      path          = "services/test-service"
      target        = "aws"
      runner_labels = ["self-hosted", "aws", "test-service-aws"]
      public        = false
      url           = null
    })
    error_message = "the deployment record must match the contract"
  }
  assert {
    condition     = output.boot_script == null
    error_message = "without a registration token there is no boot script"
  }
}

run "public_deployment_with_extra_labels" {
  command = plan

  variables {
    name            = "librechat"
    service         = "librechat"
    public          = true
    public_hostname = "chat.example.com"
    extra_labels    = ["gpu", "self-hosted"]
    path            = "apps/librechat"
  }

  assert {
    condition     = output.runner_labels == tolist(["self-hosted", "aws", "librechat", "gpu"])
    error_message = "extra labels are appended once, without duplicates"
  }
  assert {
    condition     = output.url == "https://chat.example.com" && output.deployment.public
    error_message = "a public deployment has an https url"
  }
  assert {
    condition     = output.deployment.path == "apps/librechat"
    error_message = "an explicit path is kept"
  }
}

run "boot_script_for_a_repository_runner" {
  command = plan

  variables {
    registration_token            = "AABBCCTESTONLYREGISTRATIONTOKEN01"
    registration_token_expires_at = 1767225600
  }

  assert {
    condition     = output.runner_name == "test-service-aws"
    error_message = "a repository runner is named after the deployment"
  }
  assert {
    condition     = strcontains(output.boot_script, "RUNNER_NAME='test-service-aws'") && strcontains(output.boot_script, "RUNNER_LABELS='self-hosted,aws,test-service-aws'")
    error_message = "the registration gets the runner name and the comma-joined labels"
  }
  assert {
    condition     = strcontains(output.boot_script, "REGISTRATION_TOKEN='AABBCCTESTONLYREGISTRATIONTOKEN01'") && strcontains(output.boot_script, " 1767225600\" >")
    error_message = "the host receives the registration token and its expiry"
  }
  assert {
    condition     = !strcontains(output.boot_script, "api.github.com") && !strcontains(output.boot_script, "actions/runners/registration-token")
    error_message = "the host no longer asks GitHub's API for a token: Terraform mints it"
  }
  assert {
    condition     = strcontains(output.boot_script, "https://github.com/actions/runner/releases/download/v2.335.1/actions-runner-linux-x64-2.335.1.tar.gz")
    error_message = "the runner is downloaded from the pinned release"
  }
  assert {
    condition     = strcontains(output.boot_script, "9DC858229FC7DD38854AE2D88D81803C0EBFCD88") && strcontains(output.boot_script, "pinned_version docker-ce '28.5.2'") && strcontains(output.boot_script, "apt-mark hold")
    error_message = "Docker's key is checked by Docker's published fingerprint, and its packages are pinned and held"
  }
  assert {
    condition     = strcontains(output.boot_script, "DATA_MOUNT='/srv/launch-service-data'") && strcontains(output.boot_script, "DATA_DEVICES=''")
    error_message = "by default the data volume is a mount point provided by the hypervisor, at /srv/launch-service-data"
  }
  assert {
    condition     = length(base64gzip(output.boot_script)) < 16384 && length(output.boot_script) < 32768
    error_message = "the boot script, gzipped as EC2 user data, must fit EC2's 16 KB limit"
  }
  assert {
    condition     = !strcontains(output.boot_script, "useradd --create-home --shell /bin/bash --groups sudo")
    error_message = "without admin_user no administrator is created"
  }
}

run "vm_administrator_with_keys" {
  command = plan

  variables {
    registration_token = "AABBCCTESTONLYREGISTRATIONTOKEN01"
    admin_user         = "admin"
    admin_ssh_keys     = ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAITESTONLY ops@example"]
  }

  assert {
    condition     = strcontains(output.boot_script, "useradd --create-home --shell /bin/bash --groups sudo admin") && strcontains(output.boot_script, "<<'KEYS'\nssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAITESTONLY ops@example\nKEYS")
    error_message = "the boot script creates the administrator with its keys"
  }
}

run "rejects_an_administrator_without_keys" {
  command = plan
  variables {
    admin_user = "admin"
  }
  expect_failures = [var.admin_user]
}

run "rejects_a_key_that_could_end_the_heredoc" {
  command = plan
  variables {
    admin_user     = "admin"
    admin_ssh_keys = ["ssh-ed25519 AAAA x\nKEYS\nrm -rf /"]
  }
  expect_failures = [var.admin_ssh_keys]
}

run "organisation_runner_names_carry_the_repository" {
  command = plan

  variables {
    registration_token = "AABBCCTESTONLYREGISTRATIONTOKEN01"
    github_url         = "https://github.example.com/acme"
    github_repository  = "acme/shop"
  }

  assert {
    condition     = output.runner_name == "test-service-aws-${substr(sha256("acme/shop"), 0, 8)}"
    error_message = "an organisation runner's name carries a hash of the repository"
  }
  assert {
    condition     = strcontains(output.boot_script, "GITHUB_URL='https://github.example.com/acme'") && strcontains(output.boot_script, "RUNNER_NAME='${output.runner_name}'")
    error_message = "the runner registers with the organisation under the unique name"
  }
}

run "another_repository_gets_another_runner_name" {
  command = plan

  variables {
    github_url        = "https://github.com/acme"
    github_repository = "acme/blog"
  }

  assert {
    condition     = output.runner_name != run.organisation_runner_names_carry_the_repository.runner_name && startswith(output.runner_name, "test-service-aws-")
    error_message = "two repositories of one organisation with the same deployment name get different runner names"
  }
}

run "rejects_an_organisation_runner_without_its_repository" {
  command = plan
  variables {
    github_url = "https://github.com/acme"
  }
  expect_failures = [var.github_repository]
}

run "aws_data_volume_devices" {
  command = plan

  variables {
    registration_token = "AABBCCTESTONLYREGISTRATIONTOKEN01"
    data_devices       = ["/dev/disk/by-id/nvme-Amazon_Elastic_Block_Store_*", "/dev/xvdf"]
  }

  assert {
    condition     = strcontains(output.boot_script, "DATA_DEVICES='/dev/disk/by-id/nvme-Amazon_Elastic_Block_Store_* /dev/xvdf'")
    error_message = "the boot script looks for the data volume among the given devices"
  }
}

run "rejects_a_data_device_outside_dev" {
  command = plan
  variables {
    data_devices = ["/tmp/disk; rm -rf /"]
  }
  expect_failures = [var.data_devices]
}

run "rejects_a_fingerprint_with_spaces" {
  command = plan
  variables {
    docker_key_fingerprint = "9DC8 5822 9FC7 DD38 854A E2D8 8D81 803C 0EBF CD88"
  }
  expect_failures = [var.docker_key_fingerprint]
}

run "rejects_a_bad_deployment_name" {
  command = plan
  variables {
    name = "Test_Service"
  }
  expect_failures = [var.name]
}

run "rejects_a_bad_service_name" {
  command = plan
  variables {
    service = "-service"
  }
  expect_failures = [var.service]
}

# '--' would let service "foo" select the secrets FOO__BAR__* of service "foo--bar"; a trailing '-'
# is no DNS label and no image tag. The action refuses both as well.
run "rejects_a_double_dash_in_a_service_name" {
  command = plan
  variables {
    service = "foo--bar"
  }
  expect_failures = [var.service]
}

run "rejects_a_trailing_dash_in_a_deployment_name" {
  command = plan
  variables {
    name = "web-"
  }
  expect_failures = [var.name]
}

run "rejects_a_label_with_a_comma" {
  command = plan
  variables {
    extra_labels = ["gpu,big"]
  }
  expect_failures = [var.extra_labels]
}

run "rejects_a_label_with_whitespace" {
  command = plan
  variables {
    extra_labels = ["two words"]
  }
  expect_failures = [var.extra_labels]
}

run "rejects_an_unknown_target" {
  command = plan
  variables {
    target = "azure"
  }
  expect_failures = [var.target]
}

run "rejects_a_path_outside_the_repository" {
  command = plan
  variables {
    path = "../elsewhere"
  }
  expect_failures = [var.path]
}

run "rejects_public_without_a_hostname" {
  command = plan
  variables {
    public = true
  }
  expect_failures = [var.public_hostname]
}

run "rejects_a_token_that_could_break_the_script" {
  command = plan
  variables {
    registration_token = "AABB'; rm -rf / #0123456789"
  }
  expect_failures = [var.registration_token]
}

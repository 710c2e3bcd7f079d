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
    error_message = "without a PAT there is no boot script"
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
    github_pat = "github_pat_TESTONLY0123456789abcdef"
  }

  assert {
    condition     = strcontains(output.boot_script, "--name 'test-service-aws' --labels 'self-hosted,aws,test-service-aws'")
    error_message = "config.sh must get the deployment name and the comma-joined labels"
  }
  assert {
    condition     = strcontains(output.boot_script, "https://api.github.com/repos/example/launch-service/actions/runners/registration-token")
    error_message = "a repository URL requests a repository registration token"
  }
  assert {
    condition     = strcontains(output.boot_script, "https://github.com/actions/runner/releases/download/v2.335.1/actions-runner-linux-x64-2.335.1.tar.gz")
    error_message = "the runner is downloaded from the pinned release"
  }
  assert {
    condition     = length(output.boot_script) < 16384
    error_message = "the boot script must fit EC2's 16 KB user-data limit"
  }
  assert {
    condition     = output.boot_script_sha256 == sha256(output.boot_script)
    error_message = "boot_script_sha256 is the script's hash"
  }
}

run "boot_script_for_an_organisation_runner_on_ghes" {
  command = plan

  variables {
    github_pat     = "ghp_TESTONLY0123456789abcdef"
    github_url     = "https://github.example.com/acme"
    github_api_url = "https://github.example.com/api/v3"
  }

  assert {
    condition     = strcontains(output.boot_script, "https://github.example.com/api/v3/orgs/acme/actions/runners/registration-token")
    error_message = "an organisation URL requests an organisation registration token from the configured API"
  }
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

run "rejects_a_pat_that_could_break_the_script" {
  command = plan
  variables {
    github_pat = "ghp_abc'; rm -rf / #0123456789"
  }
  expect_failures = [var.github_pat]
}

# The root configuration with the deployments of terraform.tfvars.example (scripts/test-terraform.sh
# copies it to terraform.tfvars), every provider mocked (offline, scripts/test-terraform.sh serves
# bpg/proxmox, cloudflare/cloudflare and integrations/github from their schemas). Plan only: the
# homelab container is bootstrapped over SSH by a provisioner, which terraform test would run.

mock_provider "aws" {
  source = "./tests/mocks"
}

mock_provider "github" {
  source = "./tests/mocks/github"
}

mock_provider "proxmox" {}

mock_provider "cloudflare" {}

variables {
  github_url        = "https://github.com/example/launch-service"
  github_repository = "example/launch-service"
}

run "deployments_output_is_the_contract" {
  # A plan: the records are known before anything exists (and an apply would leave data volumes
  # that the guard refuses to destroy at clean-up).
  command = plan

  # infrastructure/deployments.json is the offline copy of this output (README: "The deployments
  # contract"); it must be this output exactly.
  assert {
    condition     = jsonencode(output.deployments) == jsonencode(jsondecode(file("deployments.json")))
    error_message = "deployments must equal infrastructure/deployments.json (regenerate: terraform output -json deployments > deployments.json)"
  }
  assert {
    condition     = output.hosts["librechat"].target == "aws" && output.hosts["test-service-homelab"].target == "proxmox"
    error_message = "every deployment has its host"
  }
}

run "the_published_variables_carry_the_contract" {
  command = plan

  assert {
    condition     = output.published_variables["LAUNCH_SERVICE_DEPLOYMENTS"] == "1" && length(output.published_variables) == 2
    error_message = "three deployments fit one part"
  }
  assert {
    condition     = jsonencode(jsondecode(output.published_variables["LAUNCH_SERVICE_DEPLOYMENTS_1"])) == jsonencode(output.deployments)
    error_message = "the one part is the whole contract"
  }
}

run "the_contract_is_split_into_parts" {
  command = plan

  variables {
    deployments_variable_size = 300
  }
  assert {
    condition     = output.published_variables["LAUNCH_SERVICE_DEPLOYMENTS"] == "2"
    error_message = "three records of about 180 characters, cut after 300, are two parts"
  }
  assert {
    condition = jsonencode(merge(
      jsondecode(output.published_variables["LAUNCH_SERVICE_DEPLOYMENTS_1"]),
      jsondecode(output.published_variables["LAUNCH_SERVICE_DEPLOYMENTS_2"]),
    )) == jsonencode(output.deployments) && length(jsondecode(output.published_variables["LAUNCH_SERVICE_DEPLOYMENTS_2"])) == 1
    error_message = "the parts together are the contract, each deployment once"
  }
}

run "no_deployments_publishes_zero_parts" {
  command = plan

  variables {
    deployments = {}
  }
  assert {
    condition     = output.published_variables == { LAUNCH_SERVICE_DEPLOYMENTS = "0" }
    error_message = "an empty map still publishes the count, so the plan job knows it is empty and not missing"
  }
}

run "every_deployment_has_its_github_environment" {
  command = plan

  assert {
    condition     = output.environments == { for name in keys(output.deployments) : name => name }
    error_message = "each deployment's deploy jobs run in the environment of its name"
  }
}

run "the_tunnel_token_reaches_the_deployments_environment" {
  command = plan

  # deploy writes the environment's secrets to .env; the cloudflared connector reads the token there.
  assert {
    condition = jsonencode(output.environment_secrets) == jsonencode({
      "librechat"        = ["LIBRECHAT__CLOUDFLARE_TUNNEL_TOKEN"]
      "test-service-aws" = ["TEST_SERVICE_AWS__CLOUDFLARE_TUNNEL_TOKEN"]
    })
    error_message = "each public deployment in tunnel mode, and only those, gets <NAME>__CLOUDFLARE_TUNNEL_TOKEN"
  }
}

run "a_record_mode_delivers_the_origin_certificate" {
  command = plan

  variables {
    deployments = {
      web = { service = "web", target = "aws", public = true, public_mode = "a-record", hostname = "web.example.com" }
    }
  }
  assert {
    condition     = jsonencode(output.environment_secrets) == jsonencode({ web = ["WEB__ORIGIN_TLS_CERTIFICATE", "WEB__ORIGIN_TLS_KEY"] })
    error_message = "A-record mode stores the Origin CA certificate and key"
  }
}

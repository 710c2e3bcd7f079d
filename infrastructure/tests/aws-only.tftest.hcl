# An AWS-only configuration needs no homelab input: every Proxmox variable is left unset (null),
# overriding what terraform.tfvars may hold, and the plan still succeeds.

mock_provider "aws" {
  source = "./tests/mocks"
}

mock_provider "github" {
  source = "./tests/mocks/github"
}

mock_provider "proxmox" {}

mock_provider "cloudflare" {}

variables {
  github_url                   = "https://github.com/example/launch-service"
  github_repository            = "example/launch-service"
  proxmox_endpoint             = null
  proxmox_node_name            = null
  proxmox_lxc_template_file_id = null
  proxmox_ssh_public_keys      = null
  proxmox_ssh_private_key      = null
  deployments = {
    web-aws = { service = "web", target = "aws" }
  }
}

run "aws_only_plans_without_homelab_input" {
  command = plan

  assert {
    condition     = toset(keys(output.deployments)) == toset(["web-aws"]) && output.deployments["web-aws"].target == "aws"
    error_message = "the AWS deployment is planned without any Proxmox input"
  }
}

# The root configuration's `deployments` output, exactly as the contract says, with every provider
# mocked (offline, scripts/test-terraform.sh serves bpg/proxmox and cloudflare/cloudflare from their
# schemas). Plan only: the homelab container is bootstrapped over SSH by a provisioner, which
# terraform test would run.

mock_provider "aws" {
  source = "./tests/mocks"
}

mock_provider "proxmox" {}

mock_provider "cloudflare" {}

variables {
  github_url            = "https://github.com/example/launch-service"
  github_pat            = "github_pat_TESTONLY0123456789abcdef"
  domain                = "example.com"
  cloudflare_zone_id    = "0123456789abcdef0123456789abcdef"
  cloudflare_account_id = "fedcba9876543210fedcba9876543210"
  proxmox_endpoint      = "https://192.168.1.10:8006/"
  ssh_allowed_cidrs     = ["192.168.1.0/24"]

  homelab_network         = { ipv4_address = "192.168.1.50/24", ipv4_gateway = "192.168.1.1" }
  proxmox_ssh_public_keys = ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAITESTONLY test"]
}

run "deployments_output_is_the_contract" {
  command = plan

  # infrastructure/deployments.json is what the deploy workflow's plan job reads; it must be this
  # output exactly (the Terraform workflow regenerates and compares it against real state too).
  assert {
    condition     = jsonencode(output.deployments) == jsonencode(jsondecode(file("deployments.json")))
    error_message = "deployments must equal infrastructure/deployments.json (regenerate: terraform output -json deployments > deployments.json)"
  }
  assert {
    condition     = output.hosts["librechat"].target == "aws" && output.hosts["test-service-homelab"].target == "proxmox"
    error_message = "every deployment has its host"
  }
}

# A homelab-only configuration plans with the REAL hashicorp/aws provider (not mocked), no network
# and the state backend's R2 key in AWS_ACCESS_KEY_ID (as the Terraform workflow exports it): the
# provider must neither use that key nor call AWS (STS, the metadata service).

mock_provider "proxmox" {}

mock_provider "cloudflare" {}

mock_provider "github" {
  source = "./tests/mocks/github"
}

variables {
  github_url        = "https://github.com/example/launch-service"
  github_repository = "example/launch-service"
  deployments = {
    web-homelab = { service = "web", target = "proxmox", proxmox = { ipv4_address = "192.168.1.51/24", ipv4_gateway = "192.168.1.1" } }
    web-local   = { service = "web", target = "local" }
  }
}

run "homelab_only_plans_without_aws" {
  command = plan

  assert {
    condition     = toset(keys(output.deployments)) == toset(["web-homelab", "web-local"])
    error_message = "both deployments are planned"
  }
}

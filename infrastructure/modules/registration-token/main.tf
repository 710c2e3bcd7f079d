# A runner registration token, minted by Terraform with its own GitHub credential (a PAT or a GitHub
# App, configured on the `github` provider): only this token, valid one hour, reaches a host. A new
# one is read at every plan; the hosts ignore it once they exist (see aws-host / proxmox-host).

data "github_actions_registration_token" "repository" {
  count      = var.organization_runner ? 0 : 1
  repository = split("/", var.repository)[1]
}

data "github_actions_organization_registration_token" "organization" {
  count = var.organization_runner ? 1 : 0
}

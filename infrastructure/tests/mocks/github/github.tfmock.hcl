# Mock values for the integrations/github provider in terraform test: registration tokens of the
# shape GitHub returns (the boot script accepts only such), with an expiry in Unix seconds.
mock_data "github_actions_registration_token" {
  defaults = {
    token      = "AABBCCMOCKREPOSITORYTOKEN0123"
    expires_at = 1767225600
  }
}

mock_data "github_actions_organization_registration_token" {
  defaults = {
    token      = "AABBCCMOCKORGANIZATIONTOKEN01"
    expires_at = 1767225600
  }
}

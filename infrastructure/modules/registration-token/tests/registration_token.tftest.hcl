# Which of the provider's data sources mints the token, for a repository or an organisation runner.
# integrations/github is mocked; offline it is served from its schema by scripts/schema-provider.

mock_provider "github" {
  source = "../../tests/mocks/github"
}

run "repository_runner" {
  variables {
    repository = "example/launch-service"
  }

  assert {
    condition     = length(data.github_actions_registration_token.repository) == 1 && length(data.github_actions_organization_registration_token.organization) == 0
    error_message = "a repository runner gets a repository registration token"
  }
  assert {
    condition     = data.github_actions_registration_token.repository[0].repository == "launch-service"
    error_message = "the data source takes the repository's name (the provider's owner is the owner)"
  }
  assert {
    condition     = output.token == "AABBCCMOCKREPOSITORYTOKEN0123" && output.expires_at == 1767225600
    error_message = "the token and its expiry come from the repository data source"
  }
}

run "organisation_runner" {
  variables {
    repository          = "example/launch-service"
    organization_runner = true
  }

  assert {
    condition     = length(data.github_actions_registration_token.repository) == 0 && output.token == "AABBCCMOCKORGANIZATIONTOKEN01"
    error_message = "an organisation runner gets an organisation registration token"
  }
}

run "rejects_a_repository_without_its_owner" {
  command = plan
  variables {
    repository = "launch-service"
  }
  expect_failures = [var.repository]
}

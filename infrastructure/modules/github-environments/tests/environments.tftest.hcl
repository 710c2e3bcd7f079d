# The GitHub side of the deployments with the github provider mocked (offline; scripts/test-terraform.sh
# serves integrations/github from its schema).

mock_provider "github" {}

variables {
  repository     = "homelab"
  default_branch = "trunk"
  deployments    = ["web-aws", "web-homelab"]
  variables = {
    LAUNCH_SERVICE_DEPLOYMENTS   = "1"
    LAUNCH_SERVICE_DEPLOYMENTS_1 = "{\"web-aws\":{}}"
  }
}

run "one_environment_per_deployment_default_branch_only" {
  assert {
    condition     = output.environments == { "web-aws" = "web-aws", "web-homelab" = "web-homelab" }
    error_message = "each deployment has the environment of its name"
  }
  assert {
    condition = alltrue([for name in ["web-aws", "web-homelab", "infrastructure"] :
      github_repository_environment.protected[name].deployment_branch_policy[0].custom_branch_policies &&
      !github_repository_environment.protected[name].deployment_branch_policy[0].protected_branches &&
      github_repository_environment_deployment_policy.default_branch[name].branch_pattern == "trunk"
    ])
    error_message = "the deployment environments and the apply's environment admit only the default branch"
  }
  assert {
    condition     = length(github_repository_environment.plan) == 1 && github_repository_environment.plan[0].environment == "infrastructure-plan"
    error_message = "pull request plans get their own environment (read-only credentials)"
  }
  assert {
    condition     = length(github_repository_environment.protected["infrastructure"].reviewers) == 0
    error_message = "no reviewers unless asked for"
  }
}

run "the_contract_is_published_as_repository_variables" {
  assert {
    condition     = tomap({ for name, variable in github_actions_variable.published : name => variable.value }) == var.variables
    error_message = "every published variable is a repository variable with its value"
  }
  assert {
    condition     = alltrue([for variable in github_actions_variable.published : variable.repository == "homelab"])
    error_message = "in this repository"
  }
}

run "reviewers_guard_the_apply" {
  variables {
    infrastructure_reviewers = { users = [101], teams = [7] }
  }
  assert {
    condition     = github_repository_environment.protected["infrastructure"].reviewers[0].users == toset([101]) && github_repository_environment.protected["infrastructure"].reviewers[0].teams == toset([7])
    error_message = "the apply waits for one of the reviewers"
  }
}

run "a_tunnel_token_becomes_a_secret_of_its_environment" {
  variables {
    environment_secrets = {
      "web-aws/tunnel" = { environment = "web-aws", name = "WEB_AWS__CLOUDFLARE_TUNNEL_TOKEN" }
    }
    environment_secret_values = { "web-aws/tunnel" = "tunnel-token-TESTONLY" }
  }
  assert {
    condition     = github_actions_environment_secret.deployment["web-aws/tunnel"].environment == "web-aws" && github_actions_environment_secret.deployment["web-aws/tunnel"].secret_name == "WEB_AWS__CLOUDFLARE_TUNNEL_TOKEN"
    error_message = "the token is a secret of the deployment's environment, named by the action's rule"
  }
}

run "a_deployment_cannot_take_the_infrastructure_environment" {
  command = plan
  variables {
    deployments = ["web-aws", "infrastructure"]
  }
  expect_failures = [var.deployments]
}

run "a_variable_over_48_kb_is_refused" {
  command = plan
  variables {
    variables = { LAUNCH_SERVICE_DEPLOYMENTS_1 = format("%48001s", "x") }
  }
  expect_failures = [var.variables]
}

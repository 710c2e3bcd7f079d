# The GitHub side of the deployments: where their secrets live and how the deploy workflow learns
# about them. The infrastructure credentials never live at repository level, where every job of
# every workflow could read them.

locals {
  # Environments only the default branch may deploy to / apply from.
  protected_environments = merge(
    { for name in var.deployments : name => { reviewers = null } },
    var.infrastructure_environment == null ? {} : { (var.infrastructure_environment) = {
      reviewers = length(var.infrastructure_reviewers.users) + length(var.infrastructure_reviewers.teams) > 0 ? var.infrastructure_reviewers : null
    } },
  )
}

resource "github_repository_environment" "protected" {
  for_each = local.protected_environments

  repository  = var.repository
  environment = each.key

  dynamic "reviewers" {
    for_each = each.value.reviewers == null ? [] : [each.value.reviewers]
    content {
      users = reviewers.value.users
      teams = reviewers.value.teams
    }
  }

  deployment_branch_policy {
    protected_branches     = false
    custom_branch_policies = true
  }
}

resource "github_repository_environment_deployment_policy" "default_branch" {
  for_each = local.protected_environments

  repository     = var.repository
  environment    = github_repository_environment.protected[each.key].environment
  branch_pattern = var.default_branch
}

# Pull request plans run from any branch of this repository (never from forks: the workflow skips
# them), with credentials that can only read.
resource "github_repository_environment" "plan" {
  count = var.infrastructure_plan_environment == null ? 0 : 1

  repository  = var.repository
  environment = var.infrastructure_plan_environment
}

resource "github_actions_variable" "published" {
  for_each = var.variables

  repository    = var.repository
  variable_name = each.key
  value         = each.value
}

resource "github_actions_environment_secret" "deployment" {
  for_each = var.environment_secrets

  repository      = var.repository
  environment     = github_repository_environment.protected[each.value.environment].environment
  secret_name     = each.value.name
  plaintext_value = var.environment_secret_values[each.key]
}

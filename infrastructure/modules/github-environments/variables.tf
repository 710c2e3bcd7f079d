variable "repository" {
  description = "Name of the repository (without the owner; the provider's owner is used)."
  type        = string
}

variable "default_branch" {
  description = "The only branch whose jobs may use the deployment environments and the infrastructure environment."
  type        = string
  default     = "main"
}

variable "deployments" {
  description = "Deployment names: one environment each, named after the deployment. (The deploy job sets the environment's URL.)"
  type        = set(string)
  default     = []
  nullable    = false

  # A deployment named like an infrastructure environment would read the Terraform credentials.
  validation {
    condition     = !contains(var.deployments, coalesce(var.infrastructure_environment, "-")) && !contains(var.deployments, coalesce(var.infrastructure_plan_environment, "-"))
    error_message = "A deployment must not be named like infrastructure_environment or infrastructure_plan_environment: its deploy jobs would read the Terraform credentials. Rename the deployment."
  }
}

variable "variables" {
  description = "Repository variables to publish: name => value (the deployments contract, in parts). Each value must fit GitHub's 48 KB limit."
  type        = map(string)
  default     = {}
  nullable    = false

  validation {
    # GitHub counts bytes; every character of the contract's JSON is ASCII except what a URL may
    # carry, so 48000 characters keeps each value below 48 KB with a margin.
    condition     = alltrue([for value in values(var.variables) : length(value) <= 48000])
    error_message = "A published variable is longer than GitHub's 48 KB limit: lower deployments_variable_size."
  }
}

variable "environment_secrets" {
  description = "Secrets to store in the deployment environments: key => { environment, name }. The keys must be known at plan time; the values come from environment_secret_values under the same key."
  type = map(object({
    environment = string
    name        = string
  }))
  default  = {}
  nullable = false
}

variable "environment_secret_values" {
  description = "The values of environment_secrets, by the same keys."
  type        = map(string)
  default     = {}
  nullable    = false
  sensitive   = true
}

variable "infrastructure_environment" {
  description = "Environment of the Terraform apply: default branch only, optional reviewers. Null: not managed here."
  type        = string
  default     = "infrastructure"
}

variable "infrastructure_plan_environment" {
  description = "Environment of the pull request plans (read-only credentials). Null: not managed here."
  type        = string
  default     = "infrastructure-plan"
}

variable "infrastructure_reviewers" {
  description = "User and team IDs (up to 6 each) who must approve an apply. Empty: no approval."
  type = object({
    users = optional(list(number), [])
    teams = optional(list(number), [])
  })
  default  = {}
  nullable = false
}


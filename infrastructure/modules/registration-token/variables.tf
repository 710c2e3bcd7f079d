variable "repository" {
  description = "The repository the runner serves, as <owner>/<repo>. The `github` provider's owner must be <owner>."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.repository))
    error_message = "repository must be <owner>/<repo>, e.g. octo-org/launch-service."
  }
}

variable "organization_runner" {
  description = "Mint an organisation registration token (the runner registers with the organisation <owner>) instead of a repository one."
  type        = bool
  default     = false
  nullable    = false
}

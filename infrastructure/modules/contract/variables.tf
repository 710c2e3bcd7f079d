variable "deployments" {
  description = "The `deployments` contract: deployment name => the record of modules/runner (service, path, target, runner_labels, public, url)."
  type        = map(any)
  nullable    = false
}

variable "deployments_per_variable" {
  description = "How many deployments go into one published variable. A GitHub Actions variable holds at most 48 KB: about 100 typical records fit with room to spare."
  type        = number
  default     = 100
  nullable    = false

  validation {
    condition     = var.deployments_per_variable >= 1 && var.deployments_per_variable <= 200 && floor(var.deployments_per_variable) == var.deployments_per_variable
    error_message = "deployments_per_variable must be a whole number from 1 to 200."
  }
}

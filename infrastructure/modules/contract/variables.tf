variable "deployments" {
  description = "The `deployments` contract: deployment name => the record of modules/runner (service, path, target, runner_labels, public, url)."
  type        = map(any)
  nullable    = false

  # Secrets are selected by <SERVICE>__<KEY> and <DEPLOYMENT>__<KEY>: a deployment named like
  # another service (deployment "api" of service "web", and a service "api") would get that
  # service's secrets. The action's plan refuses such a contract too.
  validation {
    condition = alltrue(flatten([
      for name, d in var.deployments : [
        for other in distinct([for r in values(var.deployments) : r.service]) :
        other == d.service || upper(replace(other, "-", "_")) != upper(replace(name, "-", "_"))
      ]
    ]))
    error_message = "A deployment is named like another service: ${join("; ", flatten([for name, d in var.deployments : [for other in distinct([for r in values(var.deployments) : r.service]) : "deployment ${name} (of service ${d.service}) and service ${other}" if other != d.service && upper(replace(other, "-", "_")) == upper(replace(name, "-", "_"))]]))}. Rename the deployment (e.g. <service>-<target>)."
  }
}

variable "part_size" {
  description = "Characters of records after which the next record starts a new published variable. A GitHub Actions variable holds at most 48 KB: a part is at most part_size plus one record."
  type        = number
  default     = 40000
  nullable    = false

  validation {
    condition     = var.part_size >= 1 && var.part_size <= 40000 && floor(var.part_size) == var.part_size
    error_message = "part_size must be a whole number from 1 to 40000 (a part may exceed it by one record, and GitHub's limit is 48 KB)."
  }
}

variable "total_size_limit" {
  description = "Most characters all published parts may take together; GitHub passes a run at most 256 KB of repository and organisation variables in all."
  type        = number
  default     = 200000
  nullable    = false
}

# Provider-free: the contract as the repository variables the deploy workflow reads through
# `toJSON(vars)` (the action's `vars` input). LAUNCH_SERVICE_DEPLOYMENTS is the number of parts,
# LAUNCH_SERVICE_DEPLOYMENTS_1..N each a JSON object with up to deployments_per_variable records, in
# name order. The count is published even for zero parts, so "empty" and "never published" differ.

locals {
  parts = chunklist(sort(keys(var.deployments)), var.deployments_per_variable)
  published_variables = merge(
    { LAUNCH_SERVICE_DEPLOYMENTS = tostring(length(local.parts)) },
    { for index, part in local.parts :
      "LAUNCH_SERVICE_DEPLOYMENTS_${index + 1}" => jsonencode({ for name in part : name => var.deployments[name] })
    },
  )
}

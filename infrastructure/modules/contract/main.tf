# Provider-free: the contract as the repository variables the deploy workflow reads through
# `toJSON(vars)` (the action's `vars` input). LAUNCH_SERVICE_DEPLOYMENTS is the number of parts,
# LAUNCH_SERVICE_DEPLOYMENTS_1..N each a JSON object of whole records, in name order, cut by size:
# a record starts a new part when the records before it filled part_size characters. The count is
# published even for zero parts, so "empty" and "never published" differ.

locals {
  names = sort(keys(var.deployments))
  # Each record's share of its part's JSON: "name":{...} and a comma.
  sizes = [for name in local.names : length(jsonencode(name)) + length(jsonencode(var.deployments[name])) + 2]
  # Which part_size slot each record starts in; empty slots are skipped, so parts are 1..N.
  slots = [for i, name in local.names : floor(sum(concat([0], slice(local.sizes, 0, i))) / var.part_size)]
  parts = [for slot in distinct(local.slots) : [for i, name in local.names : name if local.slots[i] == slot]]
  published_variables = merge(
    { LAUNCH_SERVICE_DEPLOYMENTS = tostring(length(local.parts)) },
    { for index, part in local.parts :
      "LAUNCH_SERVICE_DEPLOYMENTS_${index + 1}" => jsonencode({ for name in part : name => var.deployments[name] })
    },
  )
  total_size = sum(concat([0], [for value in values(local.published_variables) : length(value)]))
}

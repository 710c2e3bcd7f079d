# The published parts are cut by size, not by count: long records still fit GitHub's 48 KB per
# variable, and a contract larger than GitHub passes to a run fails the plan with a clear error.

variables {
  # 300 records of about 590 characters each (the longest names, paths and host names), about 175 KB.
  deployments = { for i in range(300) : format("%s-%03d", substr(join("", [for j in range(20) : "long"]), 0, 59), i) => {
    service       = substr(join("", [for j in range(20) : "service"]), 0, 63)
    path          = "services/${substr(join("", [for j in range(20) : "service"]), 0, 63)}"
    target        = "proxmox"
    runner_labels = ["self-hosted", "proxmox", format("%s-%03d", substr(join("", [for j in range(20) : "long"]), 0, 59), i), substr(join("", [for j in range(30) : "label"]), 0, 100)]
    public        = true
    url           = "https://${substr(join("", [for j in range(20) : "host"]), 0, 63)}.${substr(join("", [for j in range(20) : "zone"]), 0, 63)}.example.com"
  } }
}

run "long_records_are_cut_by_size" {
  command = plan

  assert {
    condition     = alltrue([for name, value in output.published_variables : length(value) <= 48000])
    error_message = "every part fits GitHub's 48 KB"
  }
  assert {
    condition     = tonumber(output.published_variables["LAUNCH_SERVICE_DEPLOYMENTS"]) == length(output.published_variables) - 1 && tonumber(output.published_variables["LAUNCH_SERVICE_DEPLOYMENTS"]) >= 4
    error_message = "parts are numbered 1..N with none missing"
  }
  assert {
    condition     = length(merge([for i in range(tonumber(output.published_variables["LAUNCH_SERVICE_DEPLOYMENTS"])) : jsondecode(output.published_variables["LAUNCH_SERVICE_DEPLOYMENTS_${i + 1}"])]...)) == 300
    error_message = "the parts together hold every record once"
  }
}

run "a_contract_larger_than_github_passes_to_a_run_is_refused" {
  command = plan

  variables {
    total_size_limit = 100000
  }
  expect_failures = [output.published_variables]
}

run "one_huge_record_still_gets_its_own_part" {
  command = plan

  variables {
    part_size   = 1
    deployments = { a = { service = "a" }, b = { service = "b" }, c = { service = "c" } }
  }
  assert {
    condition     = output.published_variables["LAUNCH_SERVICE_DEPLOYMENTS"] == "3" && jsondecode(output.published_variables["LAUNCH_SERVICE_DEPLOYMENTS_3"]) == { c = { service = "c" } }
    error_message = "records larger than part_size are one part each, numbered without gaps"
  }
}

run "a_deployment_named_like_another_service_is_refused" {
  command = plan

  variables {
    deployments = {
      api       = { service = "web", path = "services/web", target = "local", runner_labels = ["self-hosted", "local", "api"], public = false, url = null }
      api-local = { service = "api", path = "services/api", target = "local", runner_labels = ["self-hosted", "local", "api-local"], public = false, url = null }
    }
  }
  expect_failures = [var.deployments]
}

output "deployments" {
  description = "The contract read by the action: deployment name => { service, path, target, runner_labels, public, url }."
  value = {
    "test-service-local" = module.test_service_local.deployment
  }
}

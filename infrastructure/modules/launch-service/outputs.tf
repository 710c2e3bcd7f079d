output "deployment" {
  description = "This deployment's record in the `deployments` contract: { service, path, target, runner_labels, public, url }."
  value       = module.runner.deployment
}

output "runner_labels" {
  description = "Labels of the deployment's runner."
  value       = module.runner.runner_labels
}

output "host" {
  description = "The created host: { target, id, ipv4_address } (ipv4_address is the public IP on AWS). Null for target \"local\"."
  value = one(concat(
    [for host in module.aws_host : { target = "aws", id = host.instance_id, ipv4_address = host.public_ip }],
    [for host in module.proxmox_host : { target = "proxmox", id = tostring(host.vm_id), ipv4_address = host.ipv4_address }],
  ))
}

output "dns_record_id" {
  description = "ID of the Cloudflare DNS record, or null when none was created."
  value       = one(module.dns[*].record_id)
}

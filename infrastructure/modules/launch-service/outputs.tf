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

output "dns_record_ids" {
  description = "Hostname => ID of its Cloudflare DNS record (a CNAME to the tunnel, or an A record); empty when none was created."
  value       = merge(concat(module.tunnel[*].record_ids, module.dns[*].record_ids)...)
}

output "tunnel_id" {
  description = "UUID of the deployment's Cloudflare Tunnel, or null."
  value       = one(module.tunnel[*].tunnel_id)
}

output "tunnel_token" {
  description = "The cloudflared connector's token, or null when the deployment has no tunnel. Store it as the deployment's GitHub secret <DEPLOYMENT>__CLOUDFLARE_TUNNEL_TOKEN: deploy writes it to .env and the connector reads it there. Never in user data or logs."
  value       = one(module.tunnel[*].tunnel_token)
  sensitive   = true
}

output "origin_certificate" {
  description = "A-record mode: the Origin CA certificate (PEM) the origin serves, or null. Deliver it like the tunnel token (secret <DEPLOYMENT>__ORIGIN_TLS_CERTIFICATE)."
  value       = one(module.dns[*].origin_certificate)
}

output "origin_private_key" {
  description = "A-record mode: the certificate's private key (PEM), or null. Secret <DEPLOYMENT>__ORIGIN_TLS_KEY."
  value       = one(module.dns[*].origin_private_key)
  sensitive   = true
}

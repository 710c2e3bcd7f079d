output "tunnel_id" {
  description = "UUID of the tunnel."
  value       = cloudflare_zero_trust_tunnel_cloudflared.this.id
}

output "tunnel_token" {
  description = "Token the cloudflared connector runs with (TUNNEL_TOKEN). Secret: stored as the deployment's GitHub secret <DEPLOYMENT>__CLOUDFLARE_TUNNEL_TOKEN, never in user data."
  value       = data.cloudflare_zero_trust_tunnel_cloudflared_token.this.token
  sensitive   = true
}

output "ingress" {
  description = "The tunnel's ingress rules, in order: one per hostname, then the catch-all 404."
  value       = cloudflare_zero_trust_tunnel_cloudflared_config.this.config.ingress
}

output "record_ids" {
  description = "Hostname => ID of its CNAME record."
  value       = { for hostname, record in cloudflare_dns_record.this : hostname => record.id }
}

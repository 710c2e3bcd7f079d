output "record_ids" {
  description = "Hostname => ID of its A record."
  value       = { for hostname, record in cloudflare_dns_record.host : hostname => record.id }
}

output "origin_certificate" {
  description = "The Origin CA certificate (PEM) the host serves for the hostnames; Cloudflare verifies it (Full (strict))."
  value       = cloudflare_origin_ca_certificate.origin.certificate
}

output "origin_private_key" {
  description = "The certificate's private key (PEM). Secret: delivered like the tunnel token (GitHub environment secret → .env)."
  value       = tls_private_key.origin.private_key_pem
  sensitive   = true
}

output "ssl_mode" {
  description = "The SSL mode set for the hostnames by the configuration rule."
  value       = cloudflare_ruleset.ssl.rules[0].action_parameters.ssl
}

output "cloudflare_cidrs" {
  description = "Cloudflare's published IPv4 and IPv6 ranges (cloudflare_ip_ranges): the only sources the origin admits."
  value       = concat(data.cloudflare_ip_ranges.cloudflare.ipv4_cidrs, data.cloudflare_ip_ranges.cloudflare.ipv6_cidrs)
}

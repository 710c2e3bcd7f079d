output "hostname" {
  description = "The record's name."
  value       = cloudflare_dns_record.host.name
}

output "url" {
  description = "https://<hostname>."
  value       = "https://${var.hostname}"
}

output "record_id" {
  description = "ID of the Cloudflare DNS record."
  value       = cloudflare_dns_record.host.id
}

output "content" {
  description = "The IPv4 address the record points at."
  value       = cloudflare_dns_record.host.content
}

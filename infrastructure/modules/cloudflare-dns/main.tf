# cloudflare/cloudflare v5: the resource is cloudflare_dns_record and the address is `content`
# (v4's cloudflare_record used `value`); ttl = 1 means automatic, required for proxied records.
resource "cloudflare_dns_record" "host" {
  zone_id = var.zone_id
  name    = var.hostname
  type    = "A"
  content = var.ipv4_address
  proxied = var.proxied
  ttl     = 1
  comment = var.comment
}

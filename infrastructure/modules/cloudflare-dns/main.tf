# The A-record mode of a public deployment: proxied A records to the host, a Cloudflare Origin CA
# certificate for the origin's TLS, and SSL "Full (strict)" for these hostnames only (a
# configuration rule), so Cloudflare → origin is encrypted and verified. Never "Flexible". Also
# Cloudflare's published address ranges, the only sources the origin's firewall admits.

data "cloudflare_ip_ranges" "cloudflare" {}

# cloudflare/cloudflare v5: cloudflare_dns_record with `content` (v4's cloudflare_record used
# `value`); ttl = 1 means automatic, required for proxied records.
resource "cloudflare_dns_record" "host" {
  for_each = toset(var.hostnames)

  zone_id = var.zone_id
  name    = each.key
  type    = "A"
  content = var.ipv4_address
  proxied = true # the origin accepts only Cloudflare's addresses
  ttl     = 1
  comment = var.comment
}

# The origin's key and certificate. The key stays in Terraform's state (keep the state private)
# and reaches the host like any other secret: the deployment's GitHub environment → .env.
resource "tls_private_key" "origin" {
  algorithm   = "ECDSA"
  ecdsa_curve = "P256"
}

resource "tls_cert_request" "origin" {
  private_key_pem = tls_private_key.origin.private_key_pem
  dns_names       = var.hostnames

  subject {
    common_name = var.hostnames[0]
  }
}

resource "cloudflare_origin_ca_certificate" "origin" {
  csr                = tls_cert_request.origin.cert_request_pem
  hostnames          = var.hostnames
  request_type       = "origin-ecc"
  requested_validity = var.origin_certificate_validity_days
}

# A zone has one entry-point ruleset per phase: this one holds the SSL rule for these hostnames.
resource "cloudflare_ruleset" "ssl" {
  zone_id     = var.zone_id
  name        = "launch-service: SSL for ${var.name}"
  description = "Full (strict) for the hostnames of deployment ${var.name} (managed by Terraform)"
  kind        = "zone"
  phase       = "http_config_settings"

  rules = [{
    ref         = "launch_service_${replace(var.name, "-", "_")}_ssl_strict"
    description = "SSL Full (strict) for ${join(", ", var.hostnames)}"
    expression  = "(http.host in {${join(" ", [for hostname in var.hostnames : "\"${hostname}\""])}})"
    action      = "set_config"
    action_parameters = {
      ssl = "strict"
    }
  }]
}

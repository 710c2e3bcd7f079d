# The A-record mode's Cloudflare side, with the providers mocked (offline, cloudflare/cloudflare and
# hashicorp/tls are served from their schemas by scripts/schema-provider): proxied A records, an Origin CA
# certificate for exactly these hostnames, and SSL Full (strict) for them alone, never Flexible.

mock_provider "cloudflare" {}
mock_provider "tls" {}

variables {
  name         = "librechat"
  zone_id      = "0123456789abcdef0123456789abcdef"
  hostnames    = ["chat.example.com", "api.example.com"]
  ipv4_address = "203.0.113.10"
}

run "records_certificate_and_strict_ssl" {
  assert {
    condition     = alltrue([for name, record in cloudflare_dns_record.host : record.name == name && record.type == "A" && record.proxied && record.ttl == 1 && record.content == "203.0.113.10"])
    error_message = "each hostname is a proxied A record with automatic TTL to the host"
  }
  assert {
    condition     = jsonencode(cloudflare_origin_ca_certificate.origin.hostnames) == jsonencode(["chat.example.com", "api.example.com"]) && cloudflare_origin_ca_certificate.origin.csr == tls_cert_request.origin.cert_request_pem
    error_message = "the Origin CA certificate covers the hostnames, from the key Terraform made"
  }
  assert {
    condition     = cloudflare_ruleset.ssl.phase == "http_config_settings" && cloudflare_ruleset.ssl.kind == "zone"
    error_message = "the SSL mode is a configuration rule of the zone"
  }
  assert {
    condition     = cloudflare_ruleset.ssl.rules[0].action == "set_config" && output.ssl_mode == "strict"
    error_message = "the rule sets SSL Full (strict)"
  }
  assert {
    condition     = cloudflare_ruleset.ssl.rules[0].expression == "(http.host in {\"chat.example.com\" \"api.example.com\"})"
    error_message = "the rule matches these hostnames only, not the zone"
  }
}

run "rejects_a_duplicate_hostname" {
  command = plan
  variables {
    hostnames = ["chat.example.com", "chat.example.com"]
  }
  expect_failures = [var.hostnames]
}

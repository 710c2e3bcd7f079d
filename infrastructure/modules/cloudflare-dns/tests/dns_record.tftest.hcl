# The record a public deployment gets (cloudflare/cloudflare mocked; offline it is served from its
# schema by scripts/schema-provider).

mock_provider "cloudflare" {}

variables {
  zone_id      = "0123456789abcdef0123456789abcdef"
  hostname     = "chat.example.com"
  ipv4_address = "203.0.113.10"
}

run "proxied_a_record" {
  assert {
    condition = (
      cloudflare_dns_record.host.type == "A" && cloudflare_dns_record.host.name == "chat.example.com" &&
      cloudflare_dns_record.host.content == "203.0.113.10" && cloudflare_dns_record.host.proxied &&
      cloudflare_dns_record.host.ttl == 1
    )
    error_message = "a proxied A record with automatic TTL points the hostname at the host"
  }
  assert {
    condition     = output.content == "203.0.113.10" && output.url == "https://chat.example.com"
    error_message = "the outputs give the address and the https url"
  }
}

run "dns_only" {
  variables {
    proxied = false
  }

  assert {
    condition     = !cloudflare_dns_record.host.proxied
    error_message = "proxied = false makes a DNS-only record"
  }
}

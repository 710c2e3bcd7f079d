# The tunnel of one deployment, with the Cloudflare provider mocked: its ingress sends each hostname
# to its compose service and ends in a 404, each hostname gets a proxied CNAME to the tunnel, and
# the token comes out sensitive.

mock_provider "cloudflare" {}

variables {
  account_id = "fedcba9876543210fedcba9876543210"
  zone_id    = "0123456789abcdef0123456789abcdef"
  name       = "librechat"
  hostnames  = { "chat.example.com" = "http://api:3080" }
}

run "one_hostname" {
  assert {
    condition     = cloudflare_zero_trust_tunnel_cloudflared.this.config_src == "cloudflare" && cloudflare_zero_trust_tunnel_cloudflared.this.name == "librechat"
    error_message = "a remotely managed tunnel named after the deployment: the connector needs only its token"
  }
  assert {
    condition = jsonencode([for rule in output.ingress : { hostname = rule.hostname, service = rule.service }]) == jsonencode([
      { hostname = "chat.example.com", service = "http://api:3080" },
      { hostname = null, service = "http_status:404" },
    ])
    error_message = "the ingress sends the deployment's hostname to its service, anything else to a 404"
  }
  assert {
    condition     = cloudflare_dns_record.this["chat.example.com"].type == "CNAME" && cloudflare_dns_record.this["chat.example.com"].proxied
    error_message = "the hostname is a proxied CNAME"
  }
  assert {
    condition     = cloudflare_dns_record.this["chat.example.com"].content == "${cloudflare_zero_trust_tunnel_cloudflared.this.id}.cfargotunnel.com"
    error_message = "the CNAME points at <tunnel id>.cfargotunnel.com"
  }
  assert {
    condition     = data.cloudflare_zero_trust_tunnel_cloudflared_token.this.tunnel_id == cloudflare_zero_trust_tunnel_cloudflared.this.id && output.tunnel_token != null
    error_message = "the token is the tunnel's"
  }
}

run "several_hostnames" {
  variables {
    hostnames = {
      "chat.example.com" = "http://api:3080"
      "docs.example.com" = "http://docs:8080"
    }
  }

  assert {
    condition     = jsonencode([for rule in output.ingress : rule.hostname]) == jsonencode(["chat.example.com", "docs.example.com", null])
    error_message = "one ingress rule per hostname, then the catch-all"
  }
  assert {
    condition     = toset(keys(output.record_ids)) == toset(["chat.example.com", "docs.example.com"])
    error_message = "one CNAME per hostname"
  }
}

run "rejects_a_service_that_is_not_a_compose_address" {
  command = plan
  variables {
    hostnames = { "chat.example.com" = "api:3080; rm -rf /" }
  }
  expect_failures = [var.hostnames]
}

run "rejects_an_upper_case_hostname" {
  command = plan
  variables {
    hostnames = { "Chat.Example.com" = "http://api:3080" }
  }
  expect_failures = [var.hostnames]
}

# A remotely managed Cloudflare Tunnel for one deployment: the tunnel, its ingress (each hostname to
# the compose service that answers it, then a 404 for anything else), a proxied CNAME per hostname
# to <tunnel id>.cfargotunnel.com, and the token the host's cloudflared connector runs with.

resource "cloudflare_zero_trust_tunnel_cloudflared" "this" {
  account_id = var.account_id
  name       = var.name
  # "cloudflare": the ingress below lives in Cloudflare, so the connector needs only its token.
  config_src = "cloudflare"
}

resource "cloudflare_zero_trust_tunnel_cloudflared_config" "this" {
  account_id = var.account_id
  tunnel_id  = cloudflare_zero_trust_tunnel_cloudflared.this.id

  config = {
    ingress = concat(
      [for hostname, service in var.hostnames : { hostname = hostname, service = service }],
      # cloudflared requires a last rule without a hostname: whatever else reaches the tunnel.
      [{ service = "http_status:404" }],
    )
  }
}

resource "cloudflare_dns_record" "this" {
  for_each = var.hostnames

  zone_id = var.zone_id
  name    = each.key
  type    = "CNAME"
  content = "${cloudflare_zero_trust_tunnel_cloudflared.this.id}.cfargotunnel.com"
  proxied = true
  ttl     = 1 # automatic, as proxied records require
  comment = var.comment
}

data "cloudflare_zero_trust_tunnel_cloudflared_token" "this" {
  account_id = var.account_id
  tunnel_id  = cloudflare_zero_trust_tunnel_cloudflared.this.id
}

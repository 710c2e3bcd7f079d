# How the public reaches a deployment, with every provider mocked: the tunnel mode (default) opens
# no inbound port on AWS or Proxmox and routes the deployment's hostname through its tunnel; the
# A-record mode opens 443 to Cloudflare's ranges only (read from the cloudflare_ip_ranges data
# source) and sets SSL Full (strict).

mock_provider "aws" {
  source = "../../tests/mocks"
}
mock_provider "cloudflare" {}
mock_provider "tls" {}
mock_provider "proxmox" {}

# Cloudflare's published ranges, as the data source returns them (a sample of the real list).
override_data {
  target = module.dns[0].data.cloudflare_ip_ranges.cloudflare
  values = {
    ipv4_cidrs = ["173.245.48.0/20", "103.21.244.0/22"]
    ipv6_cidrs = ["2400:cb00::/32", "2606:4700::/32"]
  }
}

variables {
  github_url = "https://github.com/example/launch-service"
  github_pat = "github_pat_TESTONLY0123456789abcdef"

  name                  = "librechat"
  service               = "librechat"
  target                = "aws"
  public                = true
  hostname              = "chat.example.com"
  origin_service        = "http://api:3080"
  cloudflare_account_id = "fedcba9876543210fedcba9876543210"
  cloudflare_zone_id    = "0123456789abcdef0123456789abcdef"
}

run "aws_tunnel" {
  assert {
    condition     = length(module.tunnel) == 1 && length(module.dns) == 0
    error_message = "the default public mode is a tunnel: no A record"
  }
  assert {
    condition     = module.tunnel[0].ingress[0].hostname == var.hostname && module.tunnel[0].ingress[0].service == "http://api:3080"
    error_message = "the tunnel's ingress hostname is the deployment's hostname, sent to its compose service"
  }
  assert {
    condition     = output.deployment.url == "https://${module.tunnel[0].ingress[0].hostname}"
    error_message = "the deployment's url is the tunnel's hostname"
  }
  assert {
    condition     = length(module.aws_host[0].ingress_rules) == 0
    error_message = "no inbound port is open on the host: the connector dials out"
  }
  assert {
    condition     = !anytrue([for rule in module.aws_host[0].ingress_rules : contains(["0.0.0.0/0", "::/0"], rule.cidr)])
    error_message = "nothing is open to 0.0.0.0/0 or ::/0"
  }
  assert {
    condition     = output.tunnel_token != null && output.tunnel_id == module.tunnel[0].tunnel_id
    error_message = "the deployment exposes its tunnel's token for its GitHub environment"
  }
  assert {
    condition     = keys(output.dns_record_ids) == ["chat.example.com"]
    error_message = "the hostname gets its (CNAME) record"
  }
}

run "aws_tunnel_with_several_hostnames" {
  variables {
    extra_hostnames = { "api.example.com" = "http://api:3080" }
  }

  assert {
    condition     = jsonencode([for rule in module.tunnel[0].ingress : rule.hostname]) == jsonencode(["api.example.com", "chat.example.com", null])
    error_message = "each hostname has its ingress rule (in name order), then the catch-all 404"
  }
  assert {
    condition     = output.deployment.url == "https://chat.example.com"
    error_message = "the url stays the main hostname"
  }
}

run "proxmox_tunnel_needs_no_port" {
  command = plan # an LXC is bootstrapped by an SSH provisioner, which runs even when mocked
  variables {
    name     = "test-service-homelab"
    service  = "test-service"
    target   = "proxmox"
    hostname = "test.example.com"
    proxmox = {
      node_name        = "pve"
      template_file_id = "local:vztmpl/ubuntu-24.04-standard_24.04-2_amd64.tar.zst"
      ipv4_address     = "192.168.1.50/24"
      ipv4_gateway     = "192.168.1.1"
      ssh_public_keys  = ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAITESTONLY test"]
    }
    ssh_allowed_cidrs = ["192.168.1.0/24"]
  }

  assert {
    condition     = length(module.tunnel) == 1 && module.tunnel[0].ingress[0].hostname == "test.example.com"
    error_message = "a homelab deployment is public through its tunnel, without port forwarding"
  }
  assert {
    condition     = [for rule in module.proxmox_host[0].firewall_rules : rule.dport] == ["22"]
    error_message = "the homelab firewall opens only SSH from the listed CIDRs"
  }
}

run "proxmox_lan_page" {
  command = plan
  variables {
    name    = "test-service-homelab"
    service = "test-service"
    target  = "proxmox"
    public  = false
    proxmox = {
      node_name        = "pve"
      template_file_id = "local:vztmpl/ubuntu-24.04-standard_24.04-2_amd64.tar.zst"
      ipv4_address     = "192.168.1.50/24"
      ipv4_gateway     = "192.168.1.1"
      ssh_public_keys  = ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAITESTONLY test"]
    }
    ssh_allowed_cidrs = ["192.168.1.0/24"]
    extra_ingress     = [{ port = 8080, cidrs = ["192.168.1.0/24"] }]
  }

  assert {
    condition     = contains([for rule in module.proxmox_host[0].firewall_rules : "${rule.dport} ${rule.source}"], "8080 192.168.1.0/24")
    error_message = "the page's port is open to the LAN"
  }
  assert {
    condition     = length(module.tunnel) == 0 && length(module.dns) == 0 && output.tunnel_token == null
    error_message = "a LAN-only deployment has no tunnel and no record"
  }
}

run "aws_a_record" {
  variables {
    public_mode           = "a-record"
    cloudflare_account_id = null
  }

  assert {
    condition     = length(module.tunnel) == 0 && length(module.dns) == 1 && output.tunnel_token == null
    error_message = "the A-record mode creates records, no tunnel"
  }
  assert {
    condition     = length(module.aws_host[0].ingress_rules) == 4 && alltrue([for rule in module.aws_host[0].ingress_rules : rule.port == 443])
    error_message = "443, once per Cloudflare range"
  }
  assert {
    condition     = toset([for rule in module.aws_host[0].ingress_rules : rule.cidr]) == toset(["173.245.48.0/20", "103.21.244.0/22", "2400:cb00::/32", "2606:4700::/32"])
    error_message = "the origin is open to Cloudflare's ranges only, as the data source reads them"
  }
  assert {
    condition     = module.dns[0].ssl_mode == "strict"
    error_message = "SSL Full (strict) for the hostname, never Flexible"
  }
  assert {
    condition     = output.origin_certificate != null && output.origin_private_key != null
    error_message = "the origin gets a certificate and key to serve"
  }
}

run "rejects_a_homelab_a_record_without_an_address" {
  command = plan
  variables {
    public_mode = "a-record"
    target      = "proxmox"
    proxmox = {
      node_name        = "pve"
      template_file_id = "local:vztmpl/ubuntu-24.04-standard_24.04-2_amd64.tar.zst"
      ipv4_address     = "192.168.1.50/24"
      ssh_public_keys  = ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAITESTONLY test"]
    }
    ssh_allowed_cidrs = ["192.168.1.0/24"]
  }
  expect_failures = [var.public_ipv4_address]
}

run "rejects_tunnel_without_origin_service" {
  command = plan
  variables {
    origin_service = null
  }
  expect_failures = [var.origin_service]
}

run "rejects_tunnel_without_account" {
  command = plan
  variables {
    cloudflare_account_id = null
  }
  expect_failures = [var.cloudflare_account_id]
}

run "rejects_extra_ingress_from_the_internet" {
  command = plan
  variables {
    extra_ingress = [{ port = 8080, cidrs = ["0.0.0.0/0"] }]
  }
  expect_failures = [var.extra_ingress]
}

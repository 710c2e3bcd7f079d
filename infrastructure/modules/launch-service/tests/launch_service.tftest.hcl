# The orchestrator: which parts each target creates, the deployment record, and the cross-checks of
# its settings, with every provider mocked (the public modes in detail: public.tftest.hcl). Offline, scripts/test-terraform.sh serves bpg/proxmox
# and cloudflare/cloudflare from their schemas (scripts/schema-provider). A container is bootstrapped
# over SSH by a provisioner, which terraform test would run even with mocked providers: the LXC runs
# only plan.

mock_provider "aws" {
  source = "../../tests/mocks"
}

mock_provider "proxmox" {}

mock_provider "cloudflare" {}

mock_provider "tls" {}

variables {
  github_url = "https://github.com/example/launch-service"
  github_pat = "github_pat_TESTONLY0123456789abcdef"

  # The homelab deployment, for the proxmox runs; the other runs set their own.
  name    = "test-service-homelab"
  service = "test-service"
  target  = "proxmox"
}

run "aws_private" {
  variables {
    name    = "test-service-aws"
    service = "test-service"
    target  = "aws"
  }

  assert {
    condition = jsonencode(output.deployment) == jsonencode({
      service       = "test-service"
      path          = "services/test-service"
      target        = "aws"
      runner_labels = ["self-hosted", "aws", "test-service-aws"]
      public        = false
      url           = null
    })
    error_message = "the deployment record must match the contract"
  }
  assert {
    condition     = length(module.aws_host) == 1 && length(module.proxmox_host) == 0 && length(module.dns) == 0
    error_message = "a private AWS deployment creates an EC2 host and no DNS record"
  }
  assert {
    condition     = output.host.target == "aws" && length(output.dns_record_ids) == 0 && output.tunnel_token == null
    error_message = "the host output describes the EC2 instance"
  }
}

run "aws_public_gets_a_tunnel" {
  variables {
    name                  = "librechat"
    service               = "librechat"
    target                = "aws"
    public                = true
    hostname              = "chat.example.com"
    origin_service        = "http://api:3080"
    cloudflare_account_id = "fedcba9876543210fedcba9876543210"
    cloudflare_zone_id    = "0123456789abcdef0123456789abcdef"
  }

  assert {
    condition     = length(module.tunnel) == 1 && length(module.dns) == 0 && output.deployment.url == "https://chat.example.com"
    error_message = "a public AWS deployment gets a Cloudflare Tunnel (the default mode) and an https url"
  }
  assert {
    condition     = keys(output.dns_record_ids) == ["chat.example.com"] && output.tunnel_token != null
    error_message = "the hostname gets its record, the deployment its tunnel token"
  }
  assert {
    condition     = module.aws_host[0].security_group_id != null && output.runner_labels == tolist(["self-hosted", "aws", "librechat"])
    error_message = "an AWS host has its own security group, and the runner the deployment's labels"
  }
}

run "aws_public_a_record_points_at_the_elastic_ip" {
  variables {
    name               = "librechat"
    service            = "librechat"
    target             = "aws"
    public             = true
    public_mode        = "a-record"
    hostname           = "chat.example.com"
    cloudflare_zone_id = "0123456789abcdef0123456789abcdef"
  }

  assert {
    condition     = length(module.dns) == 1 && length(module.tunnel) == 0 && output.deployment.url == "https://chat.example.com"
    error_message = "a public AWS deployment in A-record mode gets DNS records and an https url"
  }
  assert {
    condition     = output.host.ipv4_address == "203.0.113.10" && keys(output.dns_record_ids) == ["chat.example.com"]
    error_message = "the record is made for the instance's Elastic IP"
  }
  assert {
    condition     = module.aws_host[0].security_group_id != null && output.runner_labels == tolist(["self-hosted", "aws", "librechat"])
    error_message = "an AWS host has its own security group, and the runner the deployment's labels"
  }
}

run "proxmox_lxc_public_a_record_with_an_address_gets_a_dns_record" {
  command = plan
  variables {
    public              = true
    public_mode         = "a-record"
    hostname            = "test.example.com"
    cloudflare_zone_id  = "0123456789abcdef0123456789abcdef"
    public_ipv4_address = "198.51.100.7"
    ssh_allowed_cidrs   = ["192.168.1.0/24"]
    proxmox = {
      node_name        = "pve"
      template_file_id = "local:vztmpl/ubuntu-24.04-standard_24.04-2_amd64.tar.zst"
      ipv4_address     = "192.168.1.50/24"
      ipv4_gateway     = "192.168.1.1"
      ssh_public_keys  = ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAITESTONLY test"]
    }
  }

  assert {
    condition     = length(module.proxmox_host) == 1 && length(module.aws_host) == 0 && length(module.dns) == 1
    error_message = "a public homelab deployment with a public address gets a Proxmox host and a DNS record"
  }
  assert {
    condition     = keys(output.dns_record_ids) == ["test.example.com"] && length(module.tunnel) == 0
    error_message = "the A record is made for test.example.com, without a tunnel"
  }
  assert {
    condition     = module.proxmox_host[0].kind == "lxc" && output.host.ipv4_address == "192.168.1.50"
    error_message = "the default kind is an LXC container at its static address"
  }
}

run "proxmox_vm_private" {
  variables {
    name    = "test-service-vm"
    service = "test-service"
    proxmox = {
      kind             = "vm"
      node_name        = "pve"
      template_file_id = "local:import/noble-server-cloudimg-amd64.qcow2"
    }
  }

  assert {
    condition     = length(module.proxmox_host) == 1 && length(module.aws_host) == 0 && length(module.dns) == 0
    error_message = "a private VM deployment creates a Proxmox host and no DNS record"
  }
  assert {
    condition     = module.proxmox_host[0].kind == "vm" && output.host.target == "proxmox" && output.host.ipv4_address == null
    error_message = "a VM on DHCP has no address known to Terraform"
  }
  assert {
    condition = jsonencode(output.deployment) == jsonencode({
      service       = "test-service"
      path          = "services/test-service"
      target        = "proxmox"
      runner_labels = ["self-hosted", "proxmox", "test-service-vm"]
      public        = false
      url           = null
    })
    error_message = "the deployment record must match the contract"
  }
}

run "proxmox_vm_public_gets_a_tunnel" {
  variables {
    name                  = "test-service-vm"
    service               = "test-service"
    public                = true
    hostname              = "vm.example.com"
    origin_service        = "http://web:8080"
    cloudflare_account_id = "fedcba9876543210fedcba9876543210"
    cloudflare_zone_id    = "0123456789abcdef0123456789abcdef"
    proxmox = {
      kind             = "vm"
      node_name        = "pve"
      template_file_id = "local:import/noble-server-cloudimg-amd64.qcow2"
    }
  }

  assert {
    condition     = length(module.proxmox_host) == 1 && length(module.dns) == 0 && length(module.tunnel) == 1 && output.deployment.url == "https://vm.example.com"
    error_message = "a public VM needs no public address: it gets a Cloudflare Tunnel and its url"
  }
}

run "local_creates_nothing" {
  variables {
    name       = "test-service-local"
    service    = "test-service"
    target     = "local"
    github_pat = null
  }

  assert {
    condition     = length(module.aws_host) + length(module.proxmox_host) + length(module.dns) == 0 && output.host == null
    error_message = "target local creates no host and no DNS record"
  }
  assert {
    condition     = output.runner_labels == tolist(["self-hosted", "local", "test-service-local"])
    error_message = "target local still publishes the runner labels"
  }
}

run "proxmox_lxc_public_gets_a_tunnel_and_no_a_record" {
  command = plan
  variables {
    public                = true
    hostname              = "test.example.com"
    origin_service        = "http://web:8080"
    cloudflare_account_id = "fedcba9876543210fedcba9876543210"
    cloudflare_zone_id    = "0123456789abcdef0123456789abcdef"
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
    condition     = length(module.proxmox_host) == 1 && length(module.aws_host) == 0 && length(module.tunnel) == 1 && length(module.dns) == 0
    error_message = "a public homelab deployment gets a Proxmox host and a Cloudflare Tunnel, no A record"
  }
  assert {
    condition     = output.host.target == "proxmox" && output.deployment.url == "https://test.example.com"
    error_message = "the url is still https://<hostname>"
  }
}

run "rejects_proxmox_without_settings" {
  command         = plan
  expect_failures = [var.proxmox]
}

run "rejects_an_lxc_without_ssh_keys" {
  command = plan
  variables {
    proxmox = {
      node_name        = "pve"
      template_file_id = "local:vztmpl/ubuntu-24.04-standard_24.04-2_amd64.tar.zst"
      ipv4_address     = "192.168.1.50/24"
    }
  }
  expect_failures = [var.proxmox]
}

run "rejects_an_lxc_on_dhcp" {
  command = plan
  variables {
    proxmox = {
      node_name        = "pve"
      template_file_id = "local:vztmpl/ubuntu-24.04-standard_24.04-2_amd64.tar.zst"
      ssh_public_keys  = ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAITESTONLY test"]
    }
  }
  expect_failures = [var.proxmox]
}

run "rejects_an_lxc_from_a_cloud_image" {
  command = plan
  variables {
    proxmox = {
      node_name        = "pve"
      template_file_id = "local:import/noble-server-cloudimg-amd64.qcow2"
      ipv4_address     = "192.168.1.50/24"
      ssh_public_keys  = ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAITESTONLY test"]
    }
  }
  expect_failures = [var.proxmox]
}

run "rejects_a_vm_from_an_lxc_template" {
  command = plan
  variables {
    proxmox = {
      kind             = "vm"
      node_name        = "pve"
      template_file_id = "local:vztmpl/ubuntu-24.04-standard_24.04-2_amd64.tar.zst"
    }
  }
  expect_failures = [var.proxmox]
}

run "accepts_a_vm_on_dhcp_without_ssh_keys" {
  command = plan
  variables {
    proxmox = {
      kind             = "vm"
      node_name        = "pve"
      template_file_id = "local:import/noble-server-cloudimg-amd64.qcow2"
    }
  }

  assert {
    condition     = length(module.proxmox_host) == 1
    error_message = "a VM needs neither a static address nor SSH keys (cloud-init runs the boot script)"
  }
}

run "rejects_a_host_without_a_pat" {
  command = plan
  variables {
    name       = "test-service-aws"
    service    = "test-service"
    target     = "aws"
    github_pat = null
  }
  expect_failures = [var.github_pat]
}

run "rejects_public_aws_without_a_zone" {
  command = plan
  variables {
    name                  = "librechat"
    service               = "librechat"
    target                = "aws"
    public                = true
    hostname              = "chat.example.com"
    origin_service        = "http://api:3080"
    cloudflare_account_id = "fedcba9876543210fedcba9876543210"
  }
  expect_failures = [var.cloudflare_zone_id]
}

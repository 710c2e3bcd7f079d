# The input checks of modules/proxmox-host, in particular those that depend on kind (bpg/proxmox
# mocked; offline it is served from its schema by scripts/schema-provider).

mock_provider "proxmox" {}

variables {
  name              = "test-service-homelab"
  boot_script       = "#!/bin/sh"
  node_name         = "pve"
  template_file_id  = "local:vztmpl/ubuntu-24.04-standard_24.04-2_amd64.tar.zst"
  ipv4_address      = "192.168.1.50/24"
  ipv4_gateway      = "192.168.1.1"
  ssh_public_keys   = ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAITESTONLY test"]
  ssh_allowed_cidrs = ["192.168.1.0/24"]
}

run "accepts_an_lxc_with_keys_a_static_address_and_a_template" {
  command = plan
}

run "rejects_an_lxc_without_ssh_keys" {
  command = plan
  variables {
    ssh_public_keys = []
  }
  expect_failures = [var.ssh_public_keys]
}

run "rejects_an_lxc_on_dhcp" {
  command = plan
  variables {
    ipv4_address = "dhcp"
    ipv4_gateway = null
  }
  expect_failures = [var.ipv4_address]
}

run "rejects_an_lxc_from_a_cloud_image" {
  command = plan
  variables {
    template_file_id = "local:import/noble-server-cloudimg-amd64.qcow2"
  }
  expect_failures = [var.template_file_id]
}

run "accepts_a_vm_on_dhcp_without_ssh_keys" {
  command = plan
  variables {
    kind              = "vm"
    template_file_id  = "local:import/noble-server-cloudimg-amd64.qcow2"
    ipv4_address      = "dhcp"
    ipv4_gateway      = null
    ssh_public_keys   = []
    ssh_allowed_cidrs = []
  }
}

run "rejects_a_vm_from_an_lxc_template" {
  command = plan
  variables {
    kind = "vm"
  }
  expect_failures = [var.template_file_id]
}

run "rejects_an_iso_for_either_kind" {
  command = plan
  variables {
    template_file_id = "local:iso/ubuntu-24.04-live-server-amd64.iso"
  }
  expect_failures = [var.template_file_id]
}

run "rejects_web_ingress_from_the_whole_internet" {
  command = plan
  variables {
    web_ingress = [{ port = 8080, cidrs = ["0.0.0.0/0"] }]
  }
  expect_failures = [var.web_ingress]
}

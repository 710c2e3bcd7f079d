# What each kind creates, and the firewall that mirrors the AWS security group (web_ingress ports
# from their CIDRs, SSH from ssh_allowed_cidrs, everything else dropped). bpg/proxmox is mocked; offline it is served
# from its schema by scripts/schema-provider. A container is bootstrapped over SSH by a provisioner,
# which terraform test would run: the LXC runs only plan.

mock_provider "proxmox" {}

variables {
  name              = "test-service-homelab"
  boot_script       = "#!/bin/sh\necho boot"
  node_name         = "pve"
  template_file_id  = "local:vztmpl/ubuntu-24.04-standard_24.04-2_amd64.tar.zst"
  ipv4_address      = "192.168.1.50/24"
  ipv4_gateway      = "192.168.1.1"
  ssh_public_keys   = ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAITESTONLY test"]
  ssh_allowed_cidrs = ["192.168.1.0/24", "10.0.0.0/8"]
}

run "lxc_with_web_ingress" {
  command = plan
  variables {
    web_ingress = [
      { port = 8080, cidrs = ["192.168.1.0/24"] },
      { port = 443, cidrs = ["173.245.48.0/20", "2400:cb00::/32", "103.21.244.0/22"] },
    ]
  }

  assert {
    condition     = length(proxmox_virtual_environment_container.host) == 1 && length(proxmox_virtual_environment_vm.host) == 0 && length(proxmox_virtual_environment_file.user_data) == 0
    error_message = "kind lxc creates a container, no VM and no cloud-init snippet"
  }
  assert {
    condition     = length(terraform_data.bootstrap) == 1
    error_message = "a container is bootstrapped over SSH"
  }
  assert {
    condition     = proxmox_virtual_environment_container.host[0].unprivileged && proxmox_virtual_environment_container.host[0].features[0].nesting && proxmox_virtual_environment_container.host[0].features[0].keyctl
    error_message = "Docker needs an unprivileged container with nesting and keyctl"
  }
  assert {
    condition     = proxmox_virtual_environment_container.host[0].tags == tolist(["launch-service", "test-service-homelab"])
    error_message = "the guest is tagged launch-service and with its deployment name"
  }
  assert {
    condition     = proxmox_virtual_environment_firewall_options.host[0].enabled && proxmox_virtual_environment_firewall_options.host[0].input_policy == "DROP"
    error_message = "the firewall drops inbound traffic by default"
  }
  assert {
    condition = jsonencode([for rule in proxmox_virtual_environment_firewall_rules.host[0].rule : [rule.type, rule.action, rule.proto, rule.dport, rule.source]]) == jsonencode([
      ["in", "ACCEPT", "tcp", "8080", "192.168.1.0/24"],
      ["in", "ACCEPT", "tcp", "443", "173.245.48.0/20,103.21.244.0/22"],
      ["in", "ACCEPT", "tcp", "443", "2400:cb00::/32"],
      ["in", "ACCEPT", "tcp", "22", "192.168.1.0/24,10.0.0.0/8"]
    ])
    error_message = "each web_ingress port opens to its CIDRs (one rule per address family), SSH to ssh_allowed_cidrs; nothing to all"
  }
}

run "lxc_private" {
  command = plan

  assert {
    condition     = jsonencode([for rule in proxmox_virtual_environment_firewall_rules.host[0].rule : rule.dport]) == jsonencode(["22"])
    error_message = "a private host opens only SSH"
  }
}

run "vm_private_without_ssh_has_no_rules" {
  variables {
    kind              = "vm"
    template_file_id  = "local:import/noble-server-cloudimg-amd64.qcow2"
    ipv4_address      = "dhcp"
    ipv4_gateway      = null
    ssh_public_keys   = []
    ssh_allowed_cidrs = []
  }

  assert {
    condition     = length(proxmox_virtual_environment_vm.host) == 1 && length(proxmox_virtual_environment_container.host) == 0 && length(terraform_data.bootstrap) == 0
    error_message = "kind vm creates a VM and no container or SSH bootstrap"
  }
  assert {
    condition     = proxmox_virtual_environment_vm.host[0].initialization[0].user_data_file_id == proxmox_virtual_environment_file.user_data[0].id
    error_message = "the VM boots with the uploaded cloud-init snippet"
  }
  assert {
    condition     = proxmox_virtual_environment_file.user_data[0].source_raw[0].data == "#!/bin/sh\necho boot" && proxmox_virtual_environment_file.user_data[0].content_type == "snippets"
    error_message = "the snippet holds the boot script"
  }
  assert {
    condition     = proxmox_virtual_environment_firewall_options.host[0].dhcp && length(proxmox_virtual_environment_firewall_rules.host) == 0
    error_message = "a VM on DHCP allows DHCP; with no opening there are no rules, only the default DROP"
  }
}

run "vm_with_web_ingress" {
  variables {
    kind             = "vm"
    template_file_id = "local:import/noble-server-cloudimg-amd64.qcow2"
    web_ingress      = [{ port = 443, cidrs = ["173.245.48.0/20", "2400:cb00::/32"] }]
  }

  assert {
    condition     = proxmox_virtual_environment_firewall_rules.host[0].vm_id == proxmox_virtual_environment_vm.host[0].vm_id && proxmox_virtual_environment_firewall_rules.host[0].container_id == null
    error_message = "the VM's firewall rules are attached to the VM"
  }
  assert {
    condition     = length(proxmox_virtual_environment_firewall_rules.host[0].rule) == 3
    error_message = "a VM opens 443 (IPv4 and IPv6 rules) and SSH"
  }
}

run "firewall_disabled" {
  command = plan
  variables {
    firewall_enabled = false
  }

  assert {
    condition     = length(proxmox_virtual_environment_firewall_options.host) + length(proxmox_virtual_environment_firewall_rules.host) == 0
    error_message = "firewall_enabled = false manages no firewall"
  }
}

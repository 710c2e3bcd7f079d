locals {
  is_lxc      = var.kind == "lxc"
  tags        = distinct(concat(["launch-service", var.name], var.tags))
  description = "launch-service deployment ${var.name} (managed by Terraform)"

  # A container always has a static address (validated: Terraform connects to it over SSH); a VM on
  # DHCP has none known to Terraform (that would need the QEMU guest agent).
  ipv4_address = var.ipv4_address == "dhcp" ? null : split("/", var.ipv4_address)[0]

  guest_vm_id = one(concat(proxmox_virtual_environment_container.host[*].vm_id, proxmox_virtual_environment_vm.host[*].vm_id))

  # The same openings as the AWS security group: each web_ingress port from its CIDRs (one rule per
  # address family: a Proxmox source list is of one family), SSH from the listed CIDRs.
  firewall_rules = concat(
    flatten([for rule in var.web_ingress : [
      for family, cidrs in {
        ipv4 = [for cidr in rule.cidrs : cidr if !strcontains(cidr, ":")]
        ipv6 = [for cidr in rule.cidrs : cidr if strcontains(cidr, ":")]
      } : { dport = tostring(rule.port), source = join(",", cidrs), comment = "${rule.port}/tcp (${family}) from web_ingress" } if length(cidrs) > 0
    ]]),
    length(var.ssh_allowed_cidrs) > 0 ? [{ dport = "22", source = join(",", var.ssh_allowed_cidrs), comment = "SSH from ssh_allowed_cidrs" }] : [],
  )
}

# --- kind = "lxc": unprivileged container, bootstrapped over SSH ----------------------------

resource "proxmox_virtual_environment_container" "host" {
  count = local.is_lxc ? 1 : 0

  node_name   = var.node_name
  vm_id       = var.vm_id
  description = local.description
  tags        = local.tags

  unprivileged = true
  # Docker inside an unprivileged container needs nesting and keyctl. Setting keyctl requires the
  # provider to authenticate as root@pam (see README).
  features {
    nesting = true
    keyctl  = true
  }

  initialization {
    hostname = var.name

    ip_config {
      ipv4 {
        address = var.ipv4_address
        gateway = var.ipv4_gateway
      }
    }

    user_account {
      keys = var.ssh_public_keys
    }
  }

  network_interface {
    name     = "eth0"
    bridge   = var.bridge
    vlan_id  = var.vlan_id
    firewall = var.firewall_enabled
  }

  operating_system {
    template_file_id = var.template_file_id
    type             = var.os_type
  }

  cpu {
    cores = var.cores
  }

  memory {
    dedicated = var.memory_mb
    swap      = 0
  }

  disk {
    datastore_id = var.datastore_id
    size         = var.disk_size_gb
  }

  # Wait until the container reports an IPv4 address, not just any address (without this block an
  # IPv6 address may satisfy the wait first). The provider polls for 10 s only and then merely warns,
  # which is why a container needs a static ipv4_address rather than DHCP (variables.tf).
  wait_for_ip {
    ipv4 = true
  }

  started       = true
  start_on_boot = true
}

# LXC has no cloud-init: copy the boot script in over SSH and run it (it deletes itself, and with
# it the PAT, once the runner is registered). Runs once per container: a changed script (a rotated
# PAT, other labels, a new runner version) would do nothing on a registered host but copy the PAT in
# again, so, as for EC2 and VMs, it reaches a host only when the container is replaced. A failed run
# leaves this resource tainted, and the next apply runs it again.
resource "terraform_data" "bootstrap" {
  count = local.is_lxc ? 1 : 0

  triggers_replace = [proxmox_virtual_environment_container.host[0].id]

  connection {
    type        = "ssh"
    user        = "root"
    host        = local.ipv4_address
    private_key = var.ssh_private_key
    agent       = var.ssh_private_key == null
    timeout     = "5m"
  }

  provisioner "file" {
    content     = var.boot_script
    destination = "/root/launch-service-boot.sh"
  }

  provisioner "remote-exec" {
    inline = ["chmod 0700 /root/launch-service-boot.sh", "/root/launch-service-boot.sh"]
  }

  depends_on = [proxmox_virtual_environment_firewall_rules.host, proxmox_virtual_environment_firewall_options.host]
}

# --- kind = "vm": cloud image + cloud-init user data from a snippet -------------------------

resource "proxmox_virtual_environment_file" "user_data" {
  count = local.is_lxc ? 0 : 1

  content_type = "snippets"
  datastore_id = var.snippets_datastore_id
  node_name    = var.node_name

  source_raw {
    data      = var.boot_script
    file_name = "launch-service-${var.name}-user-data.sh"
  }
}

resource "proxmox_virtual_environment_vm" "host" {
  count = local.is_lxc ? 0 : 1

  name        = var.name
  node_name   = var.node_name
  vm_id       = var.vm_id
  description = local.description
  tags        = local.tags

  agent {
    enabled = false # cloud images ship without qemu-guest-agent
  }

  cpu {
    cores = var.cores
    type  = "x86-64-v2-AES"
  }

  memory {
    dedicated = var.memory_mb
  }

  disk {
    datastore_id = var.datastore_id
    import_from  = var.template_file_id
    interface    = "virtio0"
    size         = var.disk_size_gb
    discard      = "on"
  }

  initialization {
    datastore_id = var.datastore_id

    ip_config {
      ipv4 {
        address = var.ipv4_address
        gateway = var.ipv4_gateway
      }
    }

    user_data_file_id = proxmox_virtual_environment_file.user_data[0].id
  }

  network_device {
    bridge   = var.bridge
    vlan_id  = var.vlan_id
    firewall = var.firewall_enabled
  }

  operating_system {
    type = "l26"
  }

  serial_device {}

  started = true
  on_boot = true
  # Without the guest agent a shutdown relies on ACPI and may hang until the timeout; the guest
  # keeps no state worth a clean shutdown (the runner is re-registered by a new guest).
  stop_on_destroy = true
}

# --- firewall, mirroring the AWS security group ---------------------------------------------

resource "proxmox_virtual_environment_firewall_options" "host" {
  count = var.firewall_enabled ? 1 : 0

  node_name    = var.node_name
  container_id = local.is_lxc ? local.guest_vm_id : null
  vm_id        = local.is_lxc ? null : local.guest_vm_id

  enabled       = true
  dhcp          = var.ipv4_address == "dhcp"
  input_policy  = "DROP"
  output_policy = "ACCEPT"
}

resource "proxmox_virtual_environment_firewall_rules" "host" {
  count = var.firewall_enabled && length(local.firewall_rules) > 0 ? 1 : 0

  node_name    = var.node_name
  container_id = local.is_lxc ? local.guest_vm_id : null
  vm_id        = local.is_lxc ? null : local.guest_vm_id

  dynamic "rule" {
    for_each = local.firewall_rules
    content {
      type    = "in"
      action  = "ACCEPT"
      proto   = "tcp"
      dport   = rule.value.dport
      source  = rule.value.source
      comment = rule.value.comment
    }
  }
}

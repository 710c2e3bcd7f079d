output "vm_id" {
  description = "Proxmox ID of the container or VM."
  value       = local.guest_vm_id
}

output "ipv4_address" {
  description = "IPv4 address of the guest (its static address); null for a VM on dhcp."
  value       = local.ipv4_address
}

output "kind" {
  description = "\"lxc\" or \"vm\"."
  value       = var.kind
}

output "guest_id" {
  description = "Terraform ID of the container or VM (changes when it is replaced)."
  value       = one(concat(proxmox_virtual_environment_container.host[*].id, proxmox_virtual_environment_vm.host[*].id))
}

output "data_disk_holder_id" {
  description = "vm: Terraform ID of the never-started VM that owns the data disk; it outlives the deployment's VM. Null for lxc."
  value       = one(proxmox_virtual_environment_vm.data[*].id)
}

output "firewall_rules" {
  description = "The guest firewall's inbound ACCEPT rules: [{ dport, source, comment }] (source: comma-separated CIDRs); empty with the firewall off."
  value       = var.firewall_enabled ? local.firewall_rules : []
}

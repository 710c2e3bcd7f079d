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

output "firewall_rules" {
  description = "The guest firewall's inbound ACCEPT rules: [{ dport, source, comment }] (source: comma-separated CIDRs); empty with the firewall off."
  value       = var.firewall_enabled ? local.firewall_rules : []
}

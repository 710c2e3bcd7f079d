output "instance_id" {
  description = "ID of the EC2 instance."
  value       = aws_instance.host.id
}

output "public_ip" {
  description = "Public IPv4 address: the Elastic IP of a public deployment, otherwise the instance's (possibly changing) public IP, or null."
  value       = var.public ? aws_eip.host[0].public_ip : aws_instance.host.public_ip
}

output "private_ip" {
  description = "Private IPv4 address of the instance."
  value       = aws_instance.host.private_ip
}

output "security_group_id" {
  description = "ID of the instance's own security group."
  value       = aws_security_group.host.id
}

output "ingress_rules" {
  description = "What the security group lets in: [{ port, cidr }], one per rule (IPv4 or IPv6 CIDR)."
  value = [for rule in aws_vpc_security_group_ingress_rule.host : {
    port = rule.from_port
    cidr = coalesce(rule.cidr_ipv4, rule.cidr_ipv6)
  }]
}

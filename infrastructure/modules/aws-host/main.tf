data "aws_ami" "ubuntu" {
  count = var.ami_id == null ? 1 : 0

  most_recent = true
  owners      = ["099720109477"] # Canonical

  filter {
    name   = "name"
    values = ["ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*"]
  }

  filter {
    name   = "virtualization-type"
    values = ["hvm"]
  }
}

locals {
  tags = merge(var.tags, { Name = var.name, "launch-service/deployment" = var.name })

  # Nothing is open by default. Web ports only as web_ingress lists them (the A-record mode of a
  # public deployment: Cloudflare's ranges; a Cloudflare Tunnel needs none), SSH only from listed CIDRs.
  web_ingress = merge([for rule in var.web_ingress : {
    for cidr in rule.cidrs : "web-${rule.port}-${cidr}" => {
      port      = rule.port
      cidr_ipv4 = strcontains(cidr, ":") ? null : cidr
      cidr_ipv6 = strcontains(cidr, ":") ? cidr : null
    }
  }]...)
  ssh_ingress = { for cidr in var.ssh_allowed_cidrs : "ssh-${cidr}" => { port = 22, cidr_ipv4 = cidr, cidr_ipv6 = null } }
  ingress     = merge(local.web_ingress, local.ssh_ingress)
}

resource "aws_security_group" "host" {
  name_prefix = "${var.name}-"
  description = "launch-service deployment ${var.name}"
  vpc_id      = var.vpc_id
  tags        = local.tags

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "host" {
  for_each = local.ingress

  security_group_id = aws_security_group.host.id
  description       = "${each.key} for ${var.name}"
  ip_protocol       = "tcp"
  from_port         = each.value.port
  to_port           = each.value.port
  cidr_ipv4         = each.value.cidr_ipv4
  cidr_ipv6         = each.value.cidr_ipv6
  tags              = local.tags
}

# The runner polls GitHub, pulls images and packages: all outbound traffic is allowed.
resource "aws_vpc_security_group_egress_rule" "host" {
  for_each = { ipv4 = { cidr_ipv4 = "0.0.0.0/0", cidr_ipv6 = null }, ipv6 = { cidr_ipv4 = null, cidr_ipv6 = "::/0" } }

  security_group_id = aws_security_group.host.id
  description       = "all outbound (${each.key}) for ${var.name}"
  ip_protocol       = "-1"
  cidr_ipv4         = each.value.cidr_ipv4
  cidr_ipv6         = each.value.cidr_ipv6
  tags              = local.tags
}

resource "aws_instance" "host" {
  ami                         = coalesce(var.ami_id, one(data.aws_ami.ubuntu[*].id))
  instance_type               = var.instance_type
  subnet_id                   = var.subnet_id
  vpc_security_group_ids      = [aws_security_group.host.id]
  key_name                    = var.ssh_key_name
  user_data                   = var.user_data
  user_data_replace_on_change = true

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required" # IMDSv2 only
    # 1 hop: containers on Docker's bridge networks cannot reach the metadata service. This does not
    # protect the user data (and the PAT in it) from workflow jobs: `docker run --network host`
    # has no extra hop, and the runner user is in the docker group (root-equivalent). README.md.
    http_put_response_hop_limit = 1
  }

  root_block_device {
    encrypted   = true
    volume_type = "gp3"
    volume_size = var.root_volume_size_gb
  }

  tags        = local.tags
  volume_tags = local.tags

  lifecycle {
    # A newer Ubuntu AMI must not replace a running host; replace it deliberately (-replace).
    ignore_changes = [ami]
  }
}

resource "aws_eip" "host" {
  count = var.public ? 1 : 0

  domain   = "vpc"
  instance = aws_instance.host.id
  tags     = local.tags
}

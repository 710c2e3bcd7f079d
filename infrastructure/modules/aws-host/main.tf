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

data "aws_subnet" "host" {
  count = var.subnet_id == null ? 0 : 1
  id    = var.subnet_id
}

data "aws_availability_zones" "available" {
  count = var.subnet_id == null && var.availability_zone == null ? 1 : 0
  state = "available"
}

data "aws_partition" "current" {}

locals {
  tags = merge(var.tags, { Name = var.name, "launch-service/deployment" = var.name })

  # The data volume and the instance must share an availability zone, known before either exists
  # (a zone known only after a replacement instance is created would plan the volume's replacement).
  availability_zone = coalesce(one(data.aws_subnet.host[*].availability_zone), var.availability_zone, try(data.aws_availability_zones.available[0].names[0], null))

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

# Session Manager instead of SSH: a private host has no open port, and its boot log can be read
# with `aws ssm start-session` (infrastructure/README.md).
resource "aws_iam_role" "host" {
  count = var.ssm_enabled ? 1 : 0

  name_prefix = "${substr(var.name, 0, 37)}-"
  description = "launch-service host ${var.name}: Session Manager only"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
  tags = local.tags
}

resource "aws_iam_role_policy_attachment" "ssm" {
  count = var.ssm_enabled ? 1 : 0

  role       = aws_iam_role.host[0].name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "host" {
  count = var.ssm_enabled ? 1 : 0

  name_prefix = "${substr(var.name, 0, 37)}-"
  role        = aws_iam_role.host[0].name
  tags        = local.tags
}

# Replacing the host is a decision, not a side effect: bump host_version (or use
# `terraform apply -replace=...`) to boot a new instance with the current boot script.
resource "terraform_data" "host_version" {
  triggers_replace = var.host_version
}

resource "aws_instance" "host" {
  ami                    = coalesce(var.ami_id, one(data.aws_ami.ubuntu[*].id))
  instance_type          = var.instance_type
  availability_zone      = local.availability_zone
  subnet_id              = var.subnet_id
  vpc_security_group_ids = [aws_security_group.host.id]
  key_name               = var.ssh_key_name
  iam_instance_profile   = one(aws_iam_instance_profile.host[*].name)
  # gzip: cloud-init unpacks it, and the script stays far below EC2's 16 KB limit.
  user_data_base64 = base64gzip(var.user_data)

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required" # IMDSv2 only
    # 1 hop: containers on Docker's bridge networks cannot reach the metadata service (and the
    # instance profile's credentials). Jobs with `--network host` can; the user data they would
    # find holds only the registration token, spent or expired after an hour.
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
    # A newer Ubuntu AMI and a new registration token (minted at every plan) must not replace or
    # stop a running host: user data runs only at first boot anyway. host_version replaces it.
    ignore_changes       = [ami, user_data, user_data_base64]
    replace_triggered_by = [terraform_data.host_version]
  }
}

# Service data (Docker's data-root: images, containers, named volumes) lives here, not on the root
# disk, and outlives the instance: a replacement host mounts it again (the boot script never formats
# a volume that has a file system).
resource "aws_ebs_volume" "data" {
  availability_zone = local.availability_zone
  size              = var.data_volume_size_gb
  type              = "gp3"
  encrypted         = true
  tags              = merge(local.tags, { Name = "${var.name}-data" })
}

# Destroying or replacing the volume fails unless data_volume_deletion_allowed was applied first.
module "data_volume_guard" {
  source = "../data-volume-guard"

  volume_id        = aws_ebs_volume.data.id
  name             = var.name
  deletion_allowed = var.data_volume_deletion_allowed
}

resource "aws_volume_attachment" "data" {
  device_name = "/dev/sdf"
  volume_id   = aws_ebs_volume.data.id
  instance_id = aws_instance.host.id
  # Shut the instance down before detaching, so the file system is unmounted cleanly.
  stop_instance_before_detaching = true
}

resource "aws_eip" "host" {
  count = var.public ? 1 : 0

  domain   = "vpc"
  instance = aws_instance.host.id
  tags     = local.tags
}

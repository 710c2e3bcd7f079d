# The AWS host with a mocked provider (no AWS account, no network): security-group rules for
# private and public deployments, IMDSv2, the encrypted root volume, the real boot script as
# gzipped user data under EC2's 16 KB limit, Session Manager, and the data volume that survives a
# replacement, while a new registration token replaces nothing.

mock_provider "aws" {
  source = "../../tests/mocks"
}

variables {
  # Lets `terraform test` clean up; the guard itself is tested with a real apply
  # (scripts/test-terraform.sh data-guard).
  data_volume_deletion_allowed = true
}

run "render_boot_script" {
  command = apply

  module {
    source = "../runner"
  }

  variables {
    name               = "test-service-aws"
    service            = "test-service"
    target             = "aws"
    extra_labels       = ["x64"]
    registration_token = "AABBCCTESTONLYREGISTRATIONTOKEN01"
    data_devices       = ["/dev/disk/by-id/nvme-Amazon_Elastic_Block_Store_*", "/dev/xvdf"]
  }
}

run "private_host_opens_nothing_inbound" {
  variables {
    name      = "test-service-aws"
    user_data = run.render_boot_script.boot_script
  }

  assert {
    condition     = length(aws_vpc_security_group_ingress_rule.host) == 0
    error_message = "a private deployment without ssh_allowed_cidrs has no inbound rule"
  }
  assert {
    condition     = length(aws_vpc_security_group_egress_rule.host) == 2
    error_message = "outbound traffic (IPv4 and IPv6) is allowed, so the runner can reach GitHub"
  }
  assert {
    condition     = aws_instance.host.metadata_options[0].http_tokens == "required" && aws_instance.host.metadata_options[0].http_put_response_hop_limit == 1
    error_message = "IMDSv2 must be required, with a hop limit of 1 (bridge-networked containers cannot reach the metadata service)"
  }
  assert {
    condition     = aws_instance.host.root_block_device[0].encrypted && aws_instance.host.root_block_device[0].volume_type == "gp3"
    error_message = "the root volume must be encrypted gp3"
  }
  assert {
    condition     = aws_instance.host.ami == "ami-0123456789abcdef0"
    error_message = "the AMI comes from the Ubuntu 24.04 lookup"
  }
  assert {
    condition     = data.aws_ami.ubuntu[0].owners == tolist(["099720109477"]) && contains(flatten([for filter in data.aws_ami.ubuntu[0].filter : filter.values]), "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*")
    error_message = "the AMI lookup is Canonical's Ubuntu 24.04 amd64"
  }
  assert {
    condition     = aws_instance.host.user_data_base64 == base64gzip(run.render_boot_script.boot_script) && length(aws_instance.host.user_data_base64) < 16384
    error_message = "user data is the gzipped boot script, under EC2's 16 KB limit"
  }
  assert {
    condition     = !coalesce(aws_instance.host.user_data_replace_on_change, false)
    error_message = "a changed boot script must not replace the instance by itself (host_version does)"
  }
  assert {
    condition     = aws_iam_role_policy_attachment.ssm[0].policy_arn == "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore" && aws_instance.host.iam_instance_profile == aws_iam_instance_profile.host[0].name && aws_iam_instance_profile.host[0].role == aws_iam_role.host[0].name
    error_message = "the instance has a profile with AmazonSSMManagedInstanceCore (Session Manager)"
  }
  assert {
    condition     = jsondecode(aws_iam_role.host[0].assume_role_policy).Statement[0].Principal.Service == "ec2.amazonaws.com"
    error_message = "only EC2 can assume the host's role"
  }
  assert {
    condition     = aws_ebs_volume.data.encrypted && aws_ebs_volume.data.type == "gp3" && aws_ebs_volume.data.size == 20
    error_message = "the data volume is an encrypted 20 GiB gp3 volume"
  }
  assert {
    condition     = aws_ebs_volume.data.availability_zone == "eu-central-1a" && aws_instance.host.availability_zone == "eu-central-1a"
    error_message = "the data volume and the instance share the region's first zone when no subnet is given"
  }
  assert {
    condition     = aws_volume_attachment.data.volume_id == aws_ebs_volume.data.id && aws_volume_attachment.data.instance_id == aws_instance.host.id && aws_volume_attachment.data.device_name == "/dev/sdf"
    error_message = "the data volume is attached to the instance as /dev/sdf"
  }
  assert {
    condition     = length(aws_eip.host) == 0
    error_message = "a private deployment has no Elastic IP"
  }
  assert {
    condition     = aws_instance.host.tags["Name"] == "test-service-aws"
    error_message = "the instance is named after the deployment"
  }
}

run "render_boot_script_with_a_new_token" {
  command = apply

  module {
    source = "../runner"
  }

  variables {
    name               = "test-service-aws"
    service            = "test-service"
    target             = "aws"
    extra_labels       = ["x64"]
    registration_token = "AABBCCTESTONLYTOKENOFTHENEXTPLAN02"
    data_devices       = ["/dev/disk/by-id/nvme-Amazon_Elastic_Block_Store_*", "/dev/xvdf"]
  }
}

# Every plan mints a new token: that must not replace (or stop) the host.
run "a_new_token_does_not_replace_the_instance" {
  variables {
    name      = "test-service-aws"
    user_data = run.render_boot_script_with_a_new_token.boot_script
  }

  assert {
    condition     = run.render_boot_script_with_a_new_token.boot_script != run.render_boot_script.boot_script
    error_message = "the test needs two different boot scripts"
  }
  assert {
    condition     = output.instance_id == run.private_host_opens_nothing_inbound.instance_id
    error_message = "a new registration token must not replace the instance"
  }
  assert {
    condition     = aws_instance.host.user_data_base64 == base64gzip(run.render_boot_script.boot_script)
    error_message = "the running instance keeps its user data (no stop/start to change it)"
  }
}

run "host_version_replaces_the_instance_and_keeps_the_data_volume" {
  variables {
    name         = "test-service-aws"
    user_data    = run.render_boot_script_with_a_new_token.boot_script
    host_version = "2"
  }

  assert {
    condition     = output.instance_id != run.private_host_opens_nothing_inbound.instance_id
    error_message = "a new host_version replaces the instance"
  }
  assert {
    condition     = output.data_volume_id == run.private_host_opens_nothing_inbound.data_volume_id
    error_message = "the data volume is not destroyed when the instance is replaced"
  }
  assert {
    condition     = aws_volume_attachment.data.instance_id == aws_instance.host.id && aws_volume_attachment.data.volume_id == output.data_volume_id
    error_message = "the kept data volume is attached to the new instance"
  }
  assert {
    condition     = aws_instance.host.user_data_base64 == base64gzip(run.render_boot_script_with_a_new_token.boot_script)
    error_message = "the new instance boots with the current boot script"
  }
}

run "without_ssm_there_is_no_instance_profile" {
  variables {
    name         = "test-service-aws"
    user_data    = run.render_boot_script.boot_script
    host_version = "2"
    ssm_enabled  = false
  }

  assert {
    condition     = length(aws_iam_role.host) == 0 && output.instance_profile == null
    error_message = "ssm_enabled = false creates no role and no profile"
  }
}


run "public_host_opens_only_the_listed_web_ranges_and_ssh" {
  variables {
    name   = "librechat"
    public = true
    web_ingress = [
      { port = 443, cidrs = ["173.245.48.0/20", "2400:cb00::/32"] },
    ]
    ssh_allowed_cidrs = ["203.0.113.7/32"]
    user_data         = run.render_boot_script.boot_script
  }

  assert {
    condition     = toset(keys(aws_vpc_security_group_ingress_rule.host)) == toset(["web-443-173.245.48.0/20", "web-443-2400:cb00::/32", "ssh-203.0.113.7/32"])
    error_message = "a public deployment opens the listed web port to the listed ranges and SSH only from the listed CIDR"
  }
  assert {
    condition     = aws_vpc_security_group_ingress_rule.host["web-443-173.245.48.0/20"].from_port == 443 && aws_vpc_security_group_ingress_rule.host["web-443-173.245.48.0/20"].cidr_ipv4 == "173.245.48.0/20"
    error_message = "HTTPS is open to the IPv4 range"
  }
  assert {
    condition     = aws_vpc_security_group_ingress_rule.host["web-443-2400:cb00::/32"].cidr_ipv6 == "2400:cb00::/32" && aws_vpc_security_group_ingress_rule.host["web-443-2400:cb00::/32"].cidr_ipv4 == null
    error_message = "an IPv6 range becomes an IPv6 rule"
  }
  assert {
    condition     = alltrue([for rule in aws_vpc_security_group_ingress_rule.host : !contains(["0.0.0.0/0", "::/0"], coalesce(rule.cidr_ipv4, rule.cidr_ipv6))])
    error_message = "nothing is open to the whole internet"
  }
  assert {
    condition     = aws_vpc_security_group_ingress_rule.host["ssh-203.0.113.7/32"].from_port == 22 && aws_vpc_security_group_ingress_rule.host["ssh-203.0.113.7/32"].cidr_ipv4 == "203.0.113.7/32"
    error_message = "SSH is open only to the listed CIDR"
  }
  assert {
    condition     = length(aws_eip.host) == 1 && output.public_ip == aws_eip.host[0].public_ip
    error_message = "a public deployment gets an Elastic IP, published as public_ip"
  }
}

run "public_host_without_web_ingress_opens_nothing" {
  variables {
    name      = "librechat"
    public    = true
    user_data = run.render_boot_script.boot_script
  }

  assert {
    condition     = length(aws_vpc_security_group_ingress_rule.host) == 0
    error_message = "without web_ingress (a Cloudflare Tunnel) no port is open"
  }
}

run "rejects_web_ingress_from_the_whole_internet" {
  command = plan
  variables {
    name        = "librechat"
    web_ingress = [{ port = 443, cidrs = ["::/0"] }]
    user_data   = run.render_boot_script.boot_script
  }
  expect_failures = [var.web_ingress]
}

run "private_host_with_ssh_opens_only_ssh" {
  variables {
    name              = "test-service-aws"
    ssh_allowed_cidrs = ["192.0.2.0/24"]
    user_data         = run.render_boot_script.boot_script
  }

  assert {
    condition     = keys(aws_vpc_security_group_ingress_rule.host) == ["ssh-192.0.2.0/24"]
    error_message = "a private deployment opens only SSH from the listed CIDR"
  }
}

run "rejects_user_data_over_16_kb" {
  command = plan
  variables {
    name = "test-service-aws"
    # Hex digits: gzip halves them at best, so this stays above the limit once compressed.
    user_data = join("", [for i in range(500) : sha256(tostring(i))])
  }
  expect_failures = [var.user_data]
}

run "rejects_an_ipv6_or_malformed_ssh_cidr" {
  command = plan
  variables {
    name              = "test-service-aws"
    user_data         = "#!/bin/sh"
    ssh_allowed_cidrs = ["0.0.0.0"]
  }
  expect_failures = [var.ssh_allowed_cidrs]
}

run "rejects_a_vpc_without_a_subnet" {
  command = plan
  variables {
    name      = "test-service-aws"
    user_data = "#!/bin/sh"
    vpc_id    = "vpc-0123456789abcdef0"
  }
  expect_failures = [var.subnet_id]
}

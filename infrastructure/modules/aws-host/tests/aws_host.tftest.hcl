# The AWS host with a mocked provider (no AWS account, no network): security-group rules for
# private and public deployments, IMDSv2, the encrypted root volume, and the real boot script as
# user data under EC2's 16 KB limit.

mock_provider "aws" {
  source = "../../tests/mocks"
}

run "render_boot_script" {
  command = apply

  module {
    source = "../runner"
  }

  variables {
    name         = "test-service-aws"
    service      = "test-service"
    target       = "aws"
    extra_labels = ["x64"]
    # A PAT of the longest plausible length, so the size check below is a worst case.
    github_pat = "github_pat_TESTONLY_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
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
    condition     = length(aws_instance.host.user_data) < 16384 && strcontains(aws_instance.host.user_data, "--labels 'self-hosted,aws,test-service-aws,x64'")
    error_message = "user data is the boot script, under EC2's 16 KB limit"
  }
  assert {
    condition     = aws_instance.host.user_data_replace_on_change
    error_message = "a changed boot script must replace the instance (user data runs only at first boot)"
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
    name      = "test-service-aws"
    user_data = format("%16384s", "#")
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

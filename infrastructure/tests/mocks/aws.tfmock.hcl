# Mock values for the hashicorp/aws provider in terraform test (mock_provider "aws" { source = ... }):
# an AMI ID that passes the lookup, and a dotted Elastic IP that the Cloudflare record accepts;
# the partition and availability zones the host's IAM policy ARN and data volume are built from.
mock_data "aws_ami" {
  defaults = {
    id = "ami-0123456789abcdef0"
  }
}

mock_resource "aws_eip" {
  defaults = {
    public_ip = "203.0.113.10"
  }
}

mock_data "aws_partition" {
  defaults = {
    partition = "aws"
  }
}

mock_data "aws_availability_zones" {
  defaults = {
    names = ["eu-central-1a", "eu-central-1b"]
  }
}

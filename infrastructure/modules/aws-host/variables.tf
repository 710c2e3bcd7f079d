variable "name" {
  description = "Deployment name; names the instance, its security group and its tags."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{0,62}$", var.name))
    error_message = "name must match ^[a-z0-9][a-z0-9-]{0,62}$."
  }
}

variable "user_data" {
  description = "Boot script run once by cloud-init at first boot (the rendered templates/user-data.sh.tftpl). EC2 limits user data to 16 KB."
  type        = string
  sensitive   = true

  validation {
    condition     = length(var.user_data) < 16384
    error_message = "user_data must be smaller than 16384 bytes (EC2's user-data limit)."
  }
}

variable "public" {
  description = "Give the instance an Elastic IP, for the A records of a public deployment in A-record mode. Opens no port (see web_ingress)."
  type        = bool
  default     = false
}

variable "web_ingress" {
  description = "Inbound TCP ports and the IPv4/IPv6 CIDRs allowed to reach each (e.g. 443 from Cloudflare's ranges). Empty (the default) opens none; the internet at large (0.0.0.0/0, ::/0) is refused."
  type = list(object({
    port  = number
    cidrs = list(string)
  }))
  default = []

  validation {
    condition     = alltrue(flatten([for rule in var.web_ingress : [for cidr in rule.cidrs : can(cidrhost(cidr, 0)) && !contains(["0.0.0.0/0", "::/0"], cidr)]]))
    error_message = "web_ingress CIDRs must be CIDRs such as 173.245.48.0/20 or 2400:cb00::/32, never 0.0.0.0/0 or ::/0: a public service is reached through Cloudflare."
  }

  validation {
    condition     = alltrue([for rule in var.web_ingress : rule.port >= 1 && rule.port <= 65535 && floor(rule.port) == rule.port])
    error_message = "web_ingress ports must be whole numbers from 1 to 65535."
  }
}

variable "ssh_allowed_cidrs" {
  description = "IPv4 CIDRs allowed to reach SSH (22). Empty (the default) opens no SSH port; use SSM Session Manager or the console instead."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for cidr in var.ssh_allowed_cidrs : can(cidrhost(cidr, 0)) && !strcontains(cidr, ":")])
    error_message = "ssh_allowed_cidrs must be IPv4 CIDRs such as 203.0.113.7/32."
  }
}

variable "instance_type" {
  description = "EC2 instance type (x86_64: the boot script installs the linux-x64 runner)."
  type        = string
  default     = "t3.small"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]*\\.[a-z0-9]+$", var.instance_type))
    error_message = "instance_type must be an EC2 instance type such as t3.small."
  }
}

variable "root_volume_size_gb" {
  description = "Size of the encrypted gp3 root volume in GiB (Docker images live there)."
  type        = number
  default     = 30

  validation {
    condition     = var.root_volume_size_gb >= 8 && var.root_volume_size_gb <= 16384
    error_message = "root_volume_size_gb must be between 8 and 16384."
  }
}

variable "ami_id" {
  description = "AMI to boot. Null looks up the newest Canonical Ubuntu 24.04 LTS (amd64) image; later AMI releases do not replace a running instance."
  type        = string
  default     = null

  validation {
    condition     = var.ami_id == null || can(regex("^ami-[0-9a-f]{8,17}$", coalesce(var.ami_id, "-")))
    error_message = "ami_id must look like ami-0123456789abcdef0."
  }
}

variable "vpc_id" {
  description = "VPC of the security group. Null uses the region's default VPC."
  type        = string
  default     = null

  validation {
    condition     = var.vpc_id == null || can(regex("^vpc-[0-9a-f]{8,17}$", coalesce(var.vpc_id, "-")))
    error_message = "vpc_id must look like vpc-0123456789abcdef0."
  }
}

variable "subnet_id" {
  description = "Subnet of the instance (it needs outbound internet access to reach GitHub). Null uses a default subnet of the default VPC; required when vpc_id is set."
  type        = string
  default     = null

  validation {
    condition     = var.subnet_id == null || can(regex("^subnet-[0-9a-f]{8,17}$", coalesce(var.subnet_id, "-")))
    error_message = "subnet_id must look like subnet-0123456789abcdef0."
  }

  validation {
    condition     = var.vpc_id == null || var.subnet_id != null
    error_message = "subnet_id is required when vpc_id is set: without it the instance lands in the default VPC, apart from its security group in vpc_id."
  }
}

variable "ssh_key_name" {
  description = "Name of an EC2 key pair for SSH. Null installs no key."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags added to every resource of this host."
  type        = map(string)
  default     = {}
}

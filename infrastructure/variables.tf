# Values for these live in terraform.tfvars (not secret ones) and TF_VAR_* environment variables
# (secret ones: github_pat, proxmox_ssh_private_key). See terraform.tfvars.example and README.md.

variable "github_url" {
  description = "Repository (https://github.com/<owner>/<repo>) or organisation (https://github.com/<org>) the runners register with: normally this repository."
  type        = string

  validation {
    condition     = can(regex("^https://[A-Za-z0-9.-]+(:[0-9]+)?/[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)?$", var.github_url))
    error_message = "github_url must look like https://github.com/<owner>/<repo> or https://github.com/<org>."
  }
}

variable "github_api_url" {
  description = "GitHub REST API base URL: https://api.github.com, or https://<host>/api/v3 on GitHub Enterprise Server."
  type        = string
  default     = "https://api.github.com"
}

variable "github_pat" {
  description = "GitHub PAT each new host uses once to request a runner registration token. Fine-grained: repository \"Administration: read and write\" (repository runners) or organisation \"Self-hosted runners: read and write\". Set TF_VAR_github_pat."
  type        = string
  sensitive   = true

  validation {
    condition     = can(regex("^[A-Za-z0-9_]{20,255}$", var.github_pat))
    error_message = "github_pat must be a GitHub token (github_pat_... or ghp_...)."
  }
}

variable "domain" {
  description = "Domain managed in Cloudflare; public services get <subdomain>.<domain> (librechat: chat.<domain>)."
  type        = string

  validation {
    condition     = can(regex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$", var.domain))
    error_message = "domain must be a lower-case domain name such as example.com."
  }
}

variable "cloudflare_zone_id" {
  description = "Cloudflare zone ID of domain (dashboard > the domain > Overview > API > Zone ID)."
  type        = string

  validation {
    condition     = can(regex("^[0-9a-f]{32}$", var.cloudflare_zone_id))
    error_message = "cloudflare_zone_id must be a 32-character hex zone ID."
  }
}

variable "cloudflare_account_id" {
  description = "Cloudflare account that owns domain, for the public deployments' Cloudflare Tunnels (dashboard > the domain > Overview > API > Account ID)."
  type        = string

  validation {
    condition     = can(regex("^[0-9a-f]{32}$", var.cloudflare_account_id))
    error_message = "cloudflare_account_id must be a 32-character hex account ID."
  }
}

variable "aws_region" {
  description = "AWS region of the EC2 deployments."
  type        = string
  default     = "eu-central-1"

  validation {
    condition     = can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", var.aws_region))
    error_message = "aws_region must be an AWS region such as eu-central-1."
  }
}

variable "ssh_allowed_cidrs" {
  description = "IPv4 CIDRs allowed to reach SSH on the hosts. Must include the infrastructure runner (it bootstraps Proxmox LXC containers over SSH). Empty opens SSH nowhere on AWS."
  type        = list(string)
  default     = []
}

variable "proxmox_endpoint" {
  description = "Proxmox VE API URL, e.g. https://192.168.1.10:8006/ (without /api2/json). Needed when a deployment targets proxmox; null leaves it to PROXMOX_VE_ENDPOINT."
  type        = string
  default     = null

  validation {
    condition     = var.proxmox_endpoint == null || can(regex("^https://[^/\\s]+(:[0-9]+)?/?$", coalesce(var.proxmox_endpoint, "-")))
    error_message = "proxmox_endpoint must look like https://192.168.1.10:8006/."
  }
}

variable "proxmox_insecure" {
  description = "Skip TLS verification of the Proxmox API (its default certificate is self-signed). Prefer installing a trusted certificate."
  type        = bool
  default     = false
}

variable "proxmox_ssh_username" {
  description = "User for the provider's SSH connection to the Proxmox node (needed to upload VM cloud-init snippets)."
  type        = string
  default     = "root"
}

variable "proxmox_node_name" {
  description = "Proxmox node that hosts the homelab deployments (e.g. \"pve\")."
  type        = string
  default     = "pve"
}

variable "proxmox_lxc_template_file_id" {
  description = "LXC OS template for homelab containers (Ubuntu 24.04 or Debian 12), e.g. \"local:vztmpl/ubuntu-24.04-standard_24.04-2_amd64.tar.zst\" (download it once: node > local > CT Templates)."
  type        = string
  default     = "local:vztmpl/ubuntu-24.04-standard_24.04-2_amd64.tar.zst"
}

variable "homelab_network" {
  description = "Static address of the homelab test-service container: ipv4_address in CIDR notation (e.g. \"192.168.1.50/24\") and its gateway. An LXC container needs a static address: Terraform connects to it over SSH to run the boot script."
  type = object({
    ipv4_address = string
    ipv4_gateway = optional(string)
  })
}

variable "proxmox_ssh_public_keys" {
  description = "SSH public keys authorised for root in the homelab containers (at least one); the matching private key bootstraps them."
  type        = list(string)
}

variable "proxmox_ssh_private_key" {
  description = "Private key Terraform uses to SSH into new LXC containers. Null uses the SSH agent. Set TF_VAR_proxmox_ssh_private_key."
  type        = string
  default     = null
  sensitive   = true
}

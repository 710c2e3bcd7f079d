# Values for these live in terraform.tfvars (not secret ones) and TF_VAR_* environment variables
# (secret ones: proxmox_ssh_private_key). GitHub credentials are the `github` provider's (README.md).

variable "deployments" {
  description = "Every deployment, by name (the runner's name and label, the GitHub environment, the compose project): the service (folder under services/), the target (\"aws\", \"proxmox\" or \"local\") and that target's settings. See README.md, \"Adding a service\"."
  type = map(object({
    service             = string
    target              = string
    path                = optional(string)
    public              = optional(bool, false)
    hostname            = optional(string)
    public_ipv4_address = optional(string)
    extra_labels        = optional(list(string), [])
    # Public mode (modules/launch-service): "tunnel" (default) or "a-record".
    public_mode     = optional(string, "tunnel")
    origin_service  = optional(string)
    extra_hostnames = optional(map(string), {})
    extra_ingress = optional(list(object({
      port  = number
      cidrs = list(string)
    })), [])
    # Changing it replaces the host (a new boot); the data volume stays.
    host_version                 = optional(string, "1")
    data_volume_deletion_allowed = optional(bool, false)
    aws = optional(object({
      instance_type       = optional(string)
      root_volume_size_gb = optional(number)
      ami_id              = optional(string)
      vpc_id              = optional(string)
      subnet_id           = optional(string)
      ssh_key_name        = optional(string)
    }), {})
    # node_name, template_file_id and ssh_public_keys default to the proxmox_* variables below.
    proxmox = optional(object({
      kind                  = optional(string)
      node_name             = optional(string)
      template_file_id      = optional(string)
      os_type               = optional(string)
      vm_id                 = optional(number)
      cores                 = optional(number)
      memory_mb             = optional(number)
      disk_size_gb          = optional(number)
      datastore_id          = optional(string)
      snippets_datastore_id = optional(string)
      bridge                = optional(string)
      vlan_id               = optional(number)
      ipv4_address          = optional(string)
      ipv4_gateway          = optional(string)
      ssh_public_keys       = optional(list(string))
      firewall_enabled      = optional(bool)
    }))
  }))
  default  = {}
  nullable = false
}

variable "deployments_variable_size" {
  description = "Characters of deployment records per published repository variable (LAUNCH_SERVICE_DEPLOYMENTS_<n>), below GitHub's 48 KB; see modules/contract."
  type        = number
  default     = 40000
}

variable "github_repository" {
  description = "This repository, <owner>/<name>: Terraform creates its environments and variables. The Terraform workflow sets it (TF_VAR_github_repository)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.github_repository))
    error_message = "github_repository must be <owner>/<name>, e.g. octo-org/homelab."
  }
}

variable "github_default_branch" {
  description = "The repository's default branch: the only branch whose jobs may use the deployment and infrastructure environments. The Terraform workflow sets it (TF_VAR_github_default_branch)."
  type        = string
  default     = "main"
}

variable "github_app" {
  description = "Authenticate the github provider as a GitHub App installation instead of a token (GITHUB_TOKEN). Null id / installation_id come from GITHUB_APP_ID / GITHUB_APP_INSTALLATION_ID (and the key from github_app_pem_file, else GITHUB_APP_PEM_FILE), so {} reads all three from the environment. Null: use GITHUB_TOKEN."
  type = object({
    id              = optional(string)
    installation_id = optional(string)
  })
  default = null
}

variable "github_app_pem_file" {
  description = "The GitHub App's private key (PEM). Null: GITHUB_APP_PEM_FILE (what the Terraform workflow sets). Only used with github_app."
  type        = string
  default     = null
  sensitive   = true
}

variable "infrastructure_environment" {
  description = "The GitHub environment that holds the write credentials of the Terraform apply (created by hand once, then managed here: default branch only)."
  type        = string
  default     = "infrastructure"
}

variable "infrastructure_plan_environment" {
  description = "The GitHub environment that holds the read-only credentials of pull request plans."
  type        = string
  default     = "infrastructure-plan"
}

variable "infrastructure_reviewers" {
  description = "Users and teams (numeric IDs, up to 6 each) who must approve each apply. Empty: applies run without approval."
  type = object({
    users = optional(list(number), [])
    teams = optional(list(number), [])
  })
  default  = {}
  nullable = false
}

variable "github_url" {
  description = "This repository (https://github.com/<owner>/<repo>): the runners register with it."
  type        = string

  validation {
    condition     = can(regex("^https://[A-Za-z0-9.-]+(:[0-9]+)?/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.github_url))
    error_message = "github_url must look like https://github.com/<owner>/<repo>."
  }
}

variable "github_api_url" {
  description = "GitHub REST API base URL: https://api.github.com, or https://<host>/api/v3 on GitHub Enterprise Server."
  type        = string
  default     = "https://api.github.com"
}

variable "cloudflare_zone_id" {
  description = "Cloudflare zone ID of the public deployments' host names (dashboard > the domain > Overview > API > Zone ID). Null when no deployment is public."
  type        = string
  default     = null

  validation {
    condition     = var.cloudflare_zone_id == null || can(regex("^[0-9a-f]{32}$", coalesce(var.cloudflare_zone_id, "-")))
    error_message = "cloudflare_zone_id must be a 32-character hex zone ID."
  }
}

variable "cloudflare_account_id" {
  description = "Cloudflare account that owns the public deployments' tunnels (dashboard > the domain > Overview > API > Account ID). Null when no deployment is public in tunnel mode."
  type        = string
  default     = null

  validation {
    condition     = var.cloudflare_account_id == null || can(regex("^[0-9a-f]{32}$", var.cloudflare_account_id == null ? "" : var.cloudflare_account_id))
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

variable "aws_access_key_id" {
  description = "Access key of the AWS provider (EC2 hosts), kept apart from the state backend's credentials (AWS_ACCESS_KEY_ID, which may be an R2 key). Null: the provider's usual chain. Set TF_VAR_aws_access_key_id."
  type        = string
  default     = null
  sensitive   = true
}

variable "aws_secret_access_key" {
  description = "Secret key that goes with aws_access_key_id. Set TF_VAR_aws_secret_access_key."
  type        = string
  default     = null
  sensitive   = true
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

variable "proxmox_ssh_public_keys" {
  description = "SSH public keys authorised for root in homelab LXC containers whose entry sets none; the matching private key bootstraps them."
  type        = list(string)
  default     = []
}

variable "proxmox_ssh_private_key" {
  description = "Private key Terraform uses to SSH into new LXC containers. Null uses the SSH agent. Set TF_VAR_proxmox_ssh_private_key."
  type        = string
  default     = null
  sensitive   = true
}

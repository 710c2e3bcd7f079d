# --- what is deployed where ---------------------------------------------------------------------

variable "name" {
  description = "Deployment name: one host and one runner (e.g. \"test-service-aws\"). The runner is named after it and carries it as a label; the deploy job runs on it."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{0,62}$", var.name)) && !endswith(var.name, "-") && !strcontains(var.name, "--")
    error_message = "name must match ^[a-z0-9][a-z0-9-]{0,62}$ with no '--' and no trailing '-' (lower-case letters, digits and dashes, at most 63 characters; the action refuses the others too)."
  }
}

variable "service" {
  description = "Service name: the folder under services/ with its compose.yaml. Several deployments may share one service."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{0,62}$", var.service)) && !endswith(var.service, "-") && !strcontains(var.service, "--")
    error_message = "service must match ^[a-z0-9][a-z0-9-]{0,62}$ with no '--' and no trailing '-' (lower-case letters, digits and dashes, at most 63 characters; the action refuses the others too)."
  }
}

variable "path" {
  description = "Service folder relative to the repository root. Null means services/<service>."
  type        = string
  default     = null
}

variable "target" {
  description = "\"aws\" (an EC2 instance), \"proxmox\" (an LXC container or VM on the homelab) or \"local\" (a machine that already runs a self-hosted runner; only the deployment record is published)."
  type        = string

  validation {
    condition     = contains(["aws", "proxmox", "local"], var.target)
    error_message = "target must be one of \"aws\", \"proxmox\" or \"local\"."
  }
}

variable "public" {
  description = "Serve the service on the internet at https://<hostname> through Cloudflare, as public_mode says."
  type        = bool
  default     = false
}

variable "public_mode" {
  description = "How the public reaches a public deployment. \"tunnel\" (default): a Cloudflare Tunnel; the host's cloudflared connector dials out, so no inbound port is open and a homelab needs no port forwarding. \"a-record\": proxied A records to the host's public address, 443 open to Cloudflare's ranges only, a Cloudflare Origin CA certificate for the origin and SSL Full (strict) for the hostnames."
  type        = string
  default     = "tunnel"

  validation {
    condition     = contains(["tunnel", "a-record"], var.public_mode)
    error_message = "public_mode must be \"tunnel\" or \"a-record\"."
  }
}

variable "hostname" {
  description = "Public host name, e.g. \"chat.example.com\": the deployment's url. Required when public is true."
  type        = string
  default     = null

  validation {
    condition     = !var.public || var.hostname != null
    error_message = "hostname is required for a public deployment: it is the deployment's url (e.g. chat.example.com)."
  }
}

variable "origin_service" {
  description = "Tunnel mode: where the connector sends requests for hostname, as seen on the service's compose network: http://<compose service>:<container port>, e.g. \"http://api:3080\"."
  type        = string
  default     = null

  validation {
    condition     = !(var.public && var.public_mode == "tunnel") || var.origin_service != null
    error_message = "origin_service is required for a public deployment in tunnel mode: the compose service and port that answers hostname, such as http://api:3080."
  }
}

variable "extra_hostnames" {
  description = "More public hostnames for the same deployment => the compose service each is sent to (tunnel mode), e.g. { \"api.example.com\" = \"http://api:3080\" }. Each gets its own DNS record (and a place on the Origin CA certificate in A-record mode, where the services are ignored)."
  type        = map(string)
  default     = {}
}

variable "cloudflare_account_id" {
  description = "Cloudflare account that owns the tunnel (dashboard > the domain > Overview > API > Account ID). Required for a public deployment in tunnel mode."
  type        = string
  default     = null

  validation {
    condition     = !(var.public && var.public_mode == "tunnel") || var.cloudflare_account_id != null
    error_message = "cloudflare_account_id is required for a public deployment in tunnel mode: the tunnel belongs to the account."
  }
}

variable "cloudflare_zone_id" {
  description = "Cloudflare zone that holds hostname and its DNS records. Required for a public deployment."
  type        = string
  default     = null

  validation {
    condition     = !var.public || var.cloudflare_zone_id != null
    error_message = "cloudflare_zone_id is required for a public deployment: it holds the DNS records."
  }
}

variable "public_ipv4_address" {
  description = "A-record mode on proxmox: the home's public IPv4 for the A records (with a port forward of 443 to the guest). The tunnel mode needs neither."
  type        = string
  default     = null

  validation {
    condition     = !(var.public && var.public_mode == "a-record" && var.target == "proxmox") || var.public_ipv4_address != null
    error_message = "public_ipv4_address is required for a public proxmox deployment in A-record mode (the home's public IPv4, with 443 forwarded to the guest); or use public_mode = \"tunnel\", which needs no address and no port forward."
  }
}

variable "extra_ingress" {
  description = "More inbound TCP ports and the CIDRs allowed to reach them, in the host's security group or Proxmox firewall: e.g. [{ port = 8080, cidrs = [\"192.168.1.0/24\"] }] to reach a page from the LAN. The whole internet (0.0.0.0/0, ::/0) is refused."
  type = list(object({
    port  = number
    cidrs = list(string)
  }))
  default = []

  validation {
    condition     = alltrue(flatten([for rule in var.extra_ingress : [for cidr in rule.cidrs : can(cidrhost(cidr, 0)) && !contains(["0.0.0.0/0", "::/0"], cidr)]]))
    error_message = "extra_ingress CIDRs must be CIDRs such as 192.168.1.0/24, never 0.0.0.0/0 or ::/0: a public service is reached through Cloudflare."
  }
}

variable "extra_labels" {
  description = "Runner labels added to self-hosted, the target and the deployment name."
  type        = list(string)
  default     = []
}

variable "tags" {
  description = "AWS tags for every resource of the deployment (the provider's default_tags also apply)."
  type        = map(string)
  default     = {}
}

# --- GitHub runner registration -------------------------------------------------------------

variable "github_url" {
  description = "Repository (https://github.com/<owner>/<repo>) or organisation (https://github.com/<org>) the runner registers with."
  type        = string
}

variable "github_api_url" {
  description = "GitHub REST API base URL: https://api.github.com, or https://<host>/api/v3 for GitHub Enterprise Server."
  type        = string
  default     = "https://api.github.com"
}

variable "github_pat" {
  description = "GitHub PAT the host uses once to request a runner registration token (fine-grained: repository \"Administration: read and write\", or organisation \"Self-hosted runners: read and write\"). Not used by target \"local\"."
  type        = string
  default     = null
  sensitive   = true

  validation {
    condition     = var.target == "local" || var.github_pat != null
    error_message = "github_pat is required for targets \"aws\" and \"proxmox\": the new host registers itself as a runner with it."
  }
}

variable "runner_version" {
  description = "Pinned actions/runner version. Null uses the pinned default of modules/runner."
  type        = string
  default     = null
}

variable "runner_sha256" {
  description = "SHA-256 of actions-runner-linux-x64-<runner_version>.tar.gz. Set it together with runner_version."
  type        = string
  default     = null
}

# --- per-target host settings ---------------------------------------------------------------

variable "ssh_allowed_cidrs" {
  description = "IPv4 CIDRs allowed to reach SSH on the host (AWS security group / Proxmox firewall). For a Proxmox LXC include the machine that runs Terraform."
  type        = list(string)
  default     = []
}

variable "aws" {
  description = "EC2 settings (target \"aws\"). Every attribute is optional; see modules/aws-host for the meaning of each."
  type = object({
    instance_type       = optional(string, "t3.small")
    root_volume_size_gb = optional(number, 30)
    ami_id              = optional(string)
    vpc_id              = optional(string)
    subnet_id           = optional(string)
    ssh_key_name        = optional(string)
  })
  default = {}
}

variable "proxmox" {
  description = "Proxmox settings (target \"proxmox\"): node_name and template_file_id are required, and for kind \"lxc\" (the default) also a static ipv4_address and ssh_public_keys; see modules/proxmox-host for the meaning of each."
  type = object({
    kind                  = optional(string, "lxc")
    node_name             = string
    template_file_id      = string
    os_type               = optional(string, "ubuntu")
    vm_id                 = optional(number)
    cores                 = optional(number, 2)
    memory_mb             = optional(number, 2048)
    disk_size_gb          = optional(number, 20)
    datastore_id          = optional(string, "local-lvm")
    snippets_datastore_id = optional(string, "local")
    bridge                = optional(string, "vmbr0")
    vlan_id               = optional(number)
    ipv4_address          = optional(string, "dhcp")
    ipv4_gateway          = optional(string)
    ssh_public_keys       = optional(list(string), [])
    firewall_enabled      = optional(bool, true)
  })
  default = null

  validation {
    condition     = var.target != "proxmox" || var.proxmox != null
    error_message = "target \"proxmox\" needs the proxmox settings (at least node_name and template_file_id)."
  }

  # The checks of modules/proxmox-host that depend on kind, repeated here so they fail early and
  # are tested (tests/launch_service.tftest.hcl). proxmox is null for other targets: try() and
  # can() turn the attribute access on null into true / false.
  validation {
    condition     = try(var.proxmox.kind != "lxc" || length(var.proxmox.ssh_public_keys) > 0, true)
    error_message = "proxmox.kind = \"lxc\" needs at least one key in proxmox.ssh_public_keys: Terraform logs in as root with the matching private key to run the boot script (LXC has no cloud-init)."
  }

  validation {
    condition     = try(var.proxmox.kind != "lxc" || var.proxmox.ipv4_address != "dhcp", true)
    error_message = "proxmox.kind = \"lxc\" needs a static proxmox.ipv4_address such as 192.168.1.50/24 (and ipv4_gateway): Terraform bootstraps the container over SSH at that address."
  }

  validation {
    condition     = var.proxmox == null || can(regex("^[A-Za-z0-9_.-]+:${var.proxmox.kind == "vm" ? "import" : "vztmpl"}/[^/\\s]+$", var.proxmox.template_file_id))
    error_message = "proxmox.template_file_id must match proxmox.kind: an LXC template such as local:vztmpl/<file> for \"lxc\", a cloud image of content type import such as local:import/<file> for \"vm\"."
  }
}

variable "proxmox_ssh_private_key" {
  description = "Private key Terraform uses to SSH into a new LXC container to run the boot script. Null uses the SSH agent."
  type        = string
  default     = null
  sensitive   = true
}

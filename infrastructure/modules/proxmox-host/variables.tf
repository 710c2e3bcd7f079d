variable "name" {
  description = "Deployment name; becomes the container's host name or the VM's name."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{0,62}$", var.name)) && !endswith(var.name, "-") && !strcontains(var.name, "--")
    error_message = "name must match ^[a-z0-9][a-z0-9-]{0,62}$ with no '--' and no trailing '-' (lower-case letters, digits and dashes, at most 63 characters; the action refuses the others too)."
  }
}

variable "kind" {
  description = "\"lxc\": an unprivileged container with nesting and keyctl (Docker needs both), bootstrapped over SSH because LXC has no cloud-init. \"vm\": a QEMU VM whose cloud-init runs the boot script from a snippet."
  type        = string
  default     = "lxc"

  validation {
    condition     = contains(["lxc", "vm"], var.kind)
    error_message = "kind must be \"lxc\" or \"vm\"."
  }
}

variable "boot_script" {
  description = "The rendered boot script (templates/user-data.sh.tftpl). Contains the GitHub PAT."
  type        = string
  sensitive   = true
}

variable "node_name" {
  description = "Proxmox node that hosts the container or VM (e.g. \"pve\")."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9][A-Za-z0-9.-]{0,62}$", var.node_name))
    error_message = "node_name must be a Proxmox node name such as pve."
  }
}

variable "vm_id" {
  description = "Proxmox ID of the container or VM. Null lets Proxmox pick the next free ID."
  type        = number
  default     = null

  validation {
    condition     = var.vm_id == null || (coalesce(var.vm_id, 100) >= 100 && coalesce(var.vm_id, 100) <= 999999999)
    error_message = "vm_id must be between 100 and 999999999."
  }
}

variable "template_file_id" {
  description = "For lxc: an OS template (e.g. \"local:vztmpl/ubuntu-24.04-standard_24.04-2_amd64.tar.zst\" or a Debian 12 one). For vm: a cloud image of content type import (e.g. \"local:import/noble-server-cloudimg-amd64.qcow2\")."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+:${var.kind == "vm" ? "import" : "vztmpl"}/[^/\\s]+$", var.template_file_id))
    error_message = "template_file_id must match kind: an LXC template volume such as local:vztmpl/<file> for kind = \"lxc\", a cloud image of content type import such as local:import/<file> for kind = \"vm\"."
  }
}

variable "os_type" {
  description = "Distribution of the LXC template, so Proxmox configures it correctly: \"ubuntu\" or \"debian\" (ignored for vm)."
  type        = string
  default     = "ubuntu"

  validation {
    condition     = contains(["ubuntu", "debian"], var.os_type)
    error_message = "os_type must be \"ubuntu\" or \"debian\" (the distributions the boot script supports)."
  }
}

variable "cores" {
  description = "CPU cores."
  type        = number
  default     = 2

  validation {
    condition     = var.cores >= 1 && var.cores <= 128 && floor(var.cores) == var.cores
    error_message = "cores must be a whole number between 1 and 128."
  }
}

variable "memory_mb" {
  description = "Memory in MiB."
  type        = number
  default     = 2048

  validation {
    condition     = var.memory_mb >= 512
    error_message = "memory_mb must be at least 512."
  }
}

variable "disk_size_gb" {
  description = "Size of the root disk in GiB (Docker images live there)."
  type        = number
  default     = 20

  validation {
    condition     = var.disk_size_gb >= 8
    error_message = "disk_size_gb must be at least 8."
  }
}

variable "datastore_id" {
  description = "Proxmox storage for the root disk (and the VM's cloud-init drive)."
  type        = string
  default     = "local-lvm"

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+$", var.datastore_id))
    error_message = "datastore_id must be a Proxmox storage ID such as local-lvm."
  }
}

variable "snippets_datastore_id" {
  description = "Proxmox storage with the \"snippets\" content type enabled, for the VM's cloud-init user data (vm only)."
  type        = string
  default     = "local"

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+$", var.snippets_datastore_id))
    error_message = "snippets_datastore_id must be a Proxmox storage ID such as local."
  }
}

variable "bridge" {
  description = "Network bridge of the container's or VM's interface."
  type        = string
  default     = "vmbr0"

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+$", var.bridge))
    error_message = "bridge must be a Linux bridge name such as vmbr0."
  }
}

variable "vlan_id" {
  description = "VLAN tag of the interface. Null for untagged."
  type        = number
  default     = null
}

variable "ipv4_address" {
  description = "IPv4 address in CIDR notation (e.g. \"192.168.1.50/24\"), or \"dhcp\" (vm only: Terraform connects to a container over SSH, so it needs an address known in advance)."
  type        = string
  default     = "dhcp"

  validation {
    condition     = var.ipv4_address == "dhcp" || (can(cidrhost(var.ipv4_address, 0)) && !strcontains(var.ipv4_address, ":"))
    error_message = "ipv4_address must be \"dhcp\" or an IPv4 address with prefix length, such as 192.168.1.50/24."
  }

  validation {
    condition     = var.kind != "lxc" || var.ipv4_address != "dhcp"
    error_message = "kind = \"lxc\" needs a static ipv4_address such as 192.168.1.50/24 (and ipv4_gateway): Terraform bootstraps the container over SSH at that address; the provider does not reliably report a DHCP address."
  }
}

variable "ipv4_gateway" {
  description = "IPv4 gateway for a static address; must be null with dhcp."
  type        = string
  default     = null

  validation {
    condition     = var.ipv4_gateway == null || (var.ipv4_address != "dhcp" && can(cidrhost("${coalesce(var.ipv4_gateway, "-")}/32", 0)))
    error_message = "ipv4_gateway must be an IPv4 address, and only with a static ipv4_address."
  }
}

variable "ssh_public_keys" {
  description = "SSH public keys authorised for root in the container (lxc). Terraform bootstraps the container with the matching private key."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for key in var.ssh_public_keys : can(regex("^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp[0-9]+) [A-Za-z0-9+/=]+( .*)?$", key))])
    error_message = "ssh_public_keys must be OpenSSH public keys (ssh-ed25519 AAAA... comment)."
  }

  validation {
    condition     = var.kind != "lxc" || length(var.ssh_public_keys) > 0
    error_message = "kind = \"lxc\" needs at least one key in ssh_public_keys: Terraform logs in as root with the matching private key to run the boot script (LXC has no cloud-init)."
  }
}

variable "ssh_private_key" {
  description = "Private key Terraform uses to SSH into the container as root to run the boot script (lxc). Null uses the SSH agent of the machine that runs Terraform."
  type        = string
  default     = null
  sensitive   = true
}

variable "web_ingress" {
  description = "Inbound TCP ports and the IPv4/IPv6 CIDRs allowed to reach each, in the Proxmox firewall (e.g. 8080 from the LAN, or 443 from Cloudflare's ranges). Empty (the default) opens none; the internet at large (0.0.0.0/0, ::/0) is refused."
  type = list(object({
    port  = number
    cidrs = list(string)
  }))
  default = []

  validation {
    condition     = alltrue(flatten([for rule in var.web_ingress : [for cidr in rule.cidrs : can(cidrhost(cidr, 0)) && !contains(["0.0.0.0/0", "::/0"], cidr)]]))
    error_message = "web_ingress CIDRs must be CIDRs such as 192.168.1.0/24 or 2400:cb00::/32, never 0.0.0.0/0 or ::/0."
  }

  validation {
    condition     = alltrue([for rule in var.web_ingress : rule.port >= 1 && rule.port <= 65535 && floor(rule.port) == rule.port])
    error_message = "web_ingress ports must be whole numbers from 1 to 65535."
  }
}

variable "firewall_enabled" {
  description = "Turn on the Proxmox firewall for this guest: inbound DROP except the rules that mirror the AWS security group (web_ingress, SSH from ssh_allowed_cidrs)."
  type        = bool
  default     = true
}

variable "ssh_allowed_cidrs" {
  description = "IPv4 CIDRs allowed to reach SSH (22). For kind = \"lxc\" with the firewall on, include the address of the machine that runs Terraform (it bootstraps over SSH)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for cidr in var.ssh_allowed_cidrs : can(cidrhost(cidr, 0)) && !strcontains(cidr, ":")])
    error_message = "ssh_allowed_cidrs must be IPv4 CIDRs such as 192.168.1.0/24."
  }

  validation {
    condition     = var.kind != "lxc" || !var.firewall_enabled || length(var.ssh_allowed_cidrs) > 0
    error_message = "kind = \"lxc\" is bootstrapped over SSH: with firewall_enabled, ssh_allowed_cidrs must include the address of the machine that runs Terraform."
  }
}

variable "tags" {
  description = "Proxmox tags (lower-case) added to the guest, besides \"launch-service\" and the deployment name."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for tag in var.tags : can(regex("^[a-z0-9_.-]+$", tag))])
    error_message = "tags must be lower-case letters, digits, '.', '_' or '-' (Proxmox lower-cases tags)."
  }
}

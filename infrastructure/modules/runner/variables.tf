variable "name" {
  description = "Deployment name: one host and one runner, unique in the repository (e.g. \"test-service-aws\"). It is the runner's name and one of its labels."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{0,62}$", var.name)) && !endswith(var.name, "-") && !strcontains(var.name, "--")
    error_message = "name must match ^[a-z0-9][a-z0-9-]{0,62}$ with no '--' and no trailing '-' (lower-case letters, digits and dashes, at most 63 characters; the action refuses the others too)."
  }
}

variable "service" {
  description = "Service name: the folder under services/ that holds its compose.yaml (e.g. \"test-service\")."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{0,62}$", var.service)) && !endswith(var.service, "-") && !strcontains(var.service, "--")
    error_message = "service must match ^[a-z0-9][a-z0-9-]{0,62}$ with no '--' and no trailing '-' (lower-case letters, digits and dashes, at most 63 characters; the action refuses the others too)."
  }
}

variable "path" {
  description = "Path of the service folder, relative to the repository root. Null means services/<service>."
  type        = string
  default     = null

  validation {
    condition     = var.path == null || (can(regex("^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$", var.path == null ? "" : var.path)) && length(setintersection(split("/", var.path == null ? "" : var.path), [".", ".."])) == 0)
    error_message = "path must be a folder inside the repository (e.g. services/test-service): segments of letters, digits, '.', '_', '-' joined by '/', none of them '.' or '..' (the repository root is not a service folder)."
  }
}

variable "target" {
  description = "Where the deployment runs: \"aws\" (EC2), \"proxmox\" (LXC or VM on a homelab) or \"local\" (an existing machine that already runs a self-hosted runner; no host is created)."
  type        = string

  validation {
    condition     = contains(["aws", "proxmox", "local"], var.target)
    error_message = "target must be one of \"aws\", \"proxmox\" or \"local\"."
  }
}

variable "public" {
  description = "Whether the service is reachable from the internet at https://<public_hostname>."
  type        = bool
  default     = false
  nullable    = false
}

variable "public_hostname" {
  description = "Fully qualified host name of a public service (e.g. \"chat.example.com\"). Required when public is true, ignored otherwise."
  type        = string
  default     = null

  validation {
    condition     = !var.public || can(regex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$", coalesce(var.public_hostname, "-")))
    error_message = "public_hostname must be a lower-case fully qualified host name (e.g. chat.example.com) when public is true."
  }
}

variable "extra_labels" {
  description = "Runner labels added to the standard ones (self-hosted, the target, the deployment name)."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for label in var.extra_labels : can(regex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", label))])
    error_message = "extra_labels: each label is 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit (no commas, no whitespace)."
  }
}

variable "github_url" {
  description = "URL the runner registers with: a repository (https://github.com/<owner>/<repo>) or an organisation (https://github.com/<org>). On GitHub Enterprise Server use its host. Only the boot script uses it (the default is a placeholder)."
  type        = string
  default     = "https://github.com/example/launch-service"
  nullable    = false

  validation {
    condition     = can(regex("^https://[A-Za-z0-9.-]+(:[0-9]+)?/[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)?$", var.github_url))
    error_message = "github_url must look like https://github.com/<owner>/<repo> or https://github.com/<org> (no trailing slash)."
  }
}

variable "github_repository" {
  description = "The repository that holds the deployments, as <owner>/<repo>. Required for an organisation runner (github_url https://github.com/<org>): its name then carries a hash of the repository, so that two repositories with the same deployment name do not take over each other's runner."
  type        = string
  default     = null

  validation {
    condition     = var.github_repository == null || can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", coalesce(var.github_repository, "-")))
    error_message = "github_repository must be <owner>/<repo>, e.g. octo-org/launch-service."
  }

  validation {
    condition     = length(split("/", regex("^https://[^/]+/(.*)$", var.github_url)[0])) == 2 || var.github_repository != null
    error_message = "github_repository (<owner>/<repo>) is required with an organisation github_url: the runner's name must be unique in the organisation."
  }
}

variable "registration_token" {
  description = "Short-lived runner registration token (valid one hour), minted by Terraform (modules/launch-service). The only credential a host receives. Null renders no boot script (target \"local\")."
  type        = string
  default     = null
  sensitive   = true

  validation {
    condition     = var.registration_token == null || can(regex("^[A-Za-z0-9_-]{20,255}$", coalesce(var.registration_token, "-")))
    error_message = "registration_token must be a GitHub runner registration token (20-255 letters, digits, '_' or '-')."
  }
}

variable "registration_token_expires_at" {
  description = "Expiry of registration_token in Unix seconds (the data source's expires_at), so the host can say when it has missed the window. 0: unknown."
  type        = number
  default     = 0
  nullable    = false
}

variable "registration_wait_seconds" {
  description = "How long the boot script waits for the registration before it reports failure (cloud-init's status, the LXC bootstrap over SSH). The unit keeps retrying afterwards."
  type        = number
  default     = 300
  nullable    = false

  validation {
    condition     = var.registration_wait_seconds >= 0 && var.registration_wait_seconds <= 3600
    error_message = "registration_wait_seconds must be between 0 and 3600."
  }
}

variable "runner_version" {
  description = "Pinned actions/runner release, without the leading v."
  type        = string
  default     = "2.335.1"
  nullable    = false

  validation {
    condition     = can(regex("^[0-9]+\\.[0-9]+\\.[0-9]+$", var.runner_version))
    error_message = "runner_version must be a release number like 2.335.1."
  }
}

variable "runner_sha256" {
  description = "SHA-256 of actions-runner-linux-x64-<runner_version>.tar.gz, from the release notes of that version. Change it together with runner_version."
  type        = string
  default     = "4ef2f25285f0ae4477f1fe1e346db76d2f3ebf03824e2ddd1973a2819bf6c8cf"
  nullable    = false

  validation {
    condition     = can(regex("^[0-9a-f]{64}$", var.runner_sha256))
    error_message = "runner_sha256 must be 64 lower-case hex digits."
  }
}

variable "runner_download_base_url" {
  description = "Base URL of runner releases; the boot script downloads <base>/v<version>/actions-runner-linux-x64-<version>.tar.gz. Override for a mirror (or a test double)."
  type        = string
  default     = "https://github.com/actions/runner/releases/download"
  nullable    = false

  validation {
    condition     = can(regex("^https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9_.~-]+)*$", var.runner_download_base_url))
    error_message = "runner_download_base_url must be an http(s) URL without a trailing slash."
  }
}

variable "registration_retry_delay_seconds" {
  description = "First delay between registration attempts; it doubles up to registration_retry_max_delay_seconds, and attempts go on until one succeeds."
  type        = number
  default     = 5
  nullable    = false

  validation {
    condition     = var.registration_retry_delay_seconds >= 0 && var.registration_retry_delay_seconds <= 60 && floor(var.registration_retry_delay_seconds) == var.registration_retry_delay_seconds
    error_message = "registration_retry_delay_seconds must be a whole number between 0 and 60."
  }
}

variable "registration_retry_max_delay_seconds" {
  description = "Longest delay between registration attempts."
  type        = number
  default     = 300
  nullable    = false

  validation {
    condition     = var.registration_retry_max_delay_seconds >= 0 && var.registration_retry_max_delay_seconds <= 3600 && floor(var.registration_retry_max_delay_seconds) == var.registration_retry_max_delay_seconds
    error_message = "registration_retry_max_delay_seconds must be a whole number between 0 and 3600."
  }
}

variable "data_mount" {
  description = "Where the data volume is mounted on the host; Docker's data-root (images, containers, named volumes) is <data_mount>/docker."
  type        = string
  default     = "/srv/launch-service-data"
  nullable    = false

  validation {
    condition     = can(regex("^(/[A-Za-z0-9._-]+)+$", var.data_mount)) && !contains(split("/", var.data_mount), "..")
    error_message = "data_mount must be an absolute path such as /srv/launch-service-data (letters, digits, '.', '_', '-')."
  }
}

variable "data_devices" {
  description = "Block devices (glob patterns) that may be the data volume; the boot script waits for exactly one that is unused, formats it only when it is blank and mounts it at data_mount. Empty: data_mount is mounted by the hypervisor (a Proxmox container's mount point)."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for device in var.data_devices : can(regex("^/dev/[A-Za-z0-9/_.*-]+$", device))])
    error_message = "data_devices must be paths under /dev (glob * allowed), e.g. /dev/disk/by-id/virtio-launch-data."
  }
}

variable "data_device_wait_seconds" {
  description = "How long the boot script waits for the data volume to be attached (EC2 attaches it after the instance starts)."
  type        = number
  default     = 600
  nullable    = false
}

variable "docker_versions" {
  description = "Versions of Docker's packages the boot script installs and holds (apt-mark hold), matched as prefixes of the repository's version strings (\"28.5.2\" matches 5:28.5.2-1~ubuntu.24.04~noble). Change them deliberately, after trying them on a host of the same kind (an unprivileged LXC is the sensitive one)."
  type = object({
    docker     = string
    containerd = string
    compose    = string
    buildx     = string
  })
  default = {
    docker     = "28.5.2"
    containerd = "1.7.28"
    compose    = "2.40.3"
    buildx     = "0.29"
  }
  nullable = false

  validation {
    condition     = alltrue([for version in values(var.docker_versions) : can(regex("^[0-9]+(\\.[0-9]+)+(-[0-9]+)?$", version))])
    error_message = "docker_versions: each version is numeric, such as 28.5.2 or 1.7.28-1."
  }
}

variable "docker_apt_url" {
  description = "Docker's apt repository without the distribution: <url>/ubuntu or <url>/debian is used, with its key at <url>/<distribution>/gpg."
  type        = string
  default     = "https://download.docker.com/linux"
  nullable    = false

  validation {
    condition     = can(regex("^https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9_.~-]+)*$", var.docker_apt_url))
    error_message = "docker_apt_url must be an http(s) URL without a trailing slash."
  }
}

variable "docker_key_fingerprint" {
  description = "Fingerprint of the key that signs Docker's apt repository (docs.docker.com: 9DC8 5822 9FC7 DD38 854A E2D8 8D81 803C 0EBF CD88), without spaces. The boot script refuses any other key."
  type        = string
  default     = "9DC858229FC7DD38854AE2D88D81803C0EBFCD88"
  nullable    = false

  validation {
    condition     = can(regex("^[0-9A-F]{40}$", var.docker_key_fingerprint))
    error_message = "docker_key_fingerprint must be 40 upper-case hex digits, without spaces."
  }
}

variable "admin_user" {
  description = "An administrator the boot script creates (sudo without password, login by admin_ssh_keys only). For a Proxmox VM, whose cloud-init user data is the boot script: cloud-init creates no user then. Null: none."
  type        = string
  default     = null

  validation {
    condition     = var.admin_user == null || (can(regex("^[a-z_][a-z0-9_-]{0,31}$", coalesce(var.admin_user, "-"))) && !contains(["root", "runner"], coalesce(var.admin_user, "-")))
    error_message = "admin_user must be a Linux user name (lower-case letters, digits, '_' and '-', at most 32 characters), not root or runner."
  }

  validation {
    condition     = var.admin_user == null || length(var.admin_ssh_keys) > 0
    error_message = "admin_user needs at least one key in admin_ssh_keys: it has no password."
  }
}

variable "admin_ssh_keys" {
  description = "OpenSSH public keys of admin_user."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for key in var.admin_ssh_keys : can(regex("^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp[0-9]+) [A-Za-z0-9+/=]+( [A-Za-z0-9@._-]+)?$", key))])
    error_message = "admin_ssh_keys must be OpenSSH public keys (ssh-ed25519 AAAA... comment; the comment without spaces)."
  }
}

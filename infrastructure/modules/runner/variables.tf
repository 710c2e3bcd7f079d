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

variable "github_api_url" {
  description = "GitHub REST API base URL, without a trailing slash: https://api.github.com, or https://<host>/api/v3 on GitHub Enterprise Server."
  type        = string
  default     = "https://api.github.com"
  nullable    = false

  validation {
    condition     = can(regex("^https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9_.~-]+)*$", var.github_api_url))
    error_message = "github_api_url must be an http(s) URL without a trailing slash, e.g. https://api.github.com or https://github.example.com/api/v3."
  }
}

variable "github_pat" {
  description = "GitHub personal access token used once, at boot, to request a runner registration token (fine-grained: repository \"Administration: read and write\", or organisation \"Self-hosted runners: read and write\"). Null renders no boot script (target \"local\")."
  type        = string
  default     = null
  sensitive   = true

  validation {
    condition     = var.github_pat == null || can(regex("^[A-Za-z0-9_]{20,255}$", coalesce(var.github_pat, "-")))
    error_message = "github_pat must be a GitHub token (20-255 letters, digits and underscores, e.g. github_pat_... or ghp_...)."
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
  description = "Base delay of the boot script's retries of the registration-token request (attempt n waits n*n times this)."
  type        = number
  default     = 5
  nullable    = false

  validation {
    condition     = var.registration_retry_delay_seconds >= 0 && var.registration_retry_delay_seconds <= 60
    error_message = "registration_retry_delay_seconds must be between 0 and 60."
  }
}

variable "name" {
  description = "Deployment name; names the SSL configuration rule."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{0,62}$", var.name))
    error_message = "name must match ^[a-z0-9][a-z0-9-]{0,62}$."
  }
}

variable "zone_id" {
  description = "ID of the Cloudflare zone (the domain) that holds the records: Cloudflare dashboard > the domain > Overview > API > Zone ID."
  type        = string

  validation {
    condition     = can(regex("^[0-9a-f]{32}$", var.zone_id))
    error_message = "zone_id must be a 32-character hex Cloudflare zone ID."
  }
}

variable "hostnames" {
  description = "Fully qualified names inside the zone (e.g. [\"chat.example.com\"]); the first is the certificate's common name."
  type        = list(string)

  validation {
    condition     = length(var.hostnames) > 0 && length(distinct(var.hostnames)) == length(var.hostnames)
    error_message = "hostnames needs at least one hostname, each once."
  }

  validation {
    condition     = alltrue([for hostname in var.hostnames : can(regex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$", hostname))])
    error_message = "each hostname must be a lower-case fully qualified host name such as chat.example.com."
  }
}

variable "ipv4_address" {
  description = "Public IPv4 address the records point to (A records)."
  type        = string

  validation {
    condition     = can(regex("^((25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])$", var.ipv4_address))
    error_message = "ipv4_address must be a dotted IPv4 address such as 203.0.113.10."
  }
}

variable "origin_certificate_validity_days" {
  description = "Validity of the Origin CA certificate in days (one of Cloudflare's: 7, 30, 90, 365, 730, 1095, 5475)."
  type        = number
  default     = 5475

  validation {
    condition     = contains([7, 30, 90, 365, 730, 1095, 5475], var.origin_certificate_validity_days)
    error_message = "origin_certificate_validity_days must be one of 7, 30, 90, 365, 730, 1095 or 5475."
  }
}

variable "comment" {
  description = "Comment stored on the records."
  type        = string
  default     = "managed by launch-service (Terraform)"
}

variable "zone_id" {
  description = "ID of the Cloudflare zone (the domain) that holds the record: Cloudflare dashboard > the domain > Overview > API > Zone ID."
  type        = string

  validation {
    condition     = can(regex("^[0-9a-f]{32}$", var.zone_id))
    error_message = "zone_id must be a 32-character hex Cloudflare zone ID."
  }
}

variable "hostname" {
  description = "Fully qualified name of the record, inside the zone (e.g. \"chat.example.com\")."
  type        = string

  validation {
    condition     = can(regex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$", var.hostname))
    error_message = "hostname must be a lower-case fully qualified host name such as chat.example.com."
  }
}

variable "ipv4_address" {
  description = "Public IPv4 address the record points to (an A record)."
  type        = string

  validation {
    condition     = can(regex("^((25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])$", var.ipv4_address))
    error_message = "ipv4_address must be a dotted IPv4 address such as 203.0.113.10."
  }
}

variable "proxied" {
  description = "Serve the name through Cloudflare's proxy (TLS at the edge, origin IP hidden). A proxied record's TTL is automatic."
  type        = bool
  default     = true
}

variable "comment" {
  description = "Comment stored on the record."
  type        = string
  default     = "managed by launch-service (Terraform)"
}

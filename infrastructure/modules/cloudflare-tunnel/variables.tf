variable "account_id" {
  description = "Cloudflare account that owns the tunnel: dashboard > the domain > Overview > API > Account ID."
  type        = string

  validation {
    condition     = can(regex("^[0-9a-f]{32}$", var.account_id))
    error_message = "account_id must be a 32-character hex Cloudflare account ID."
  }
}

variable "zone_id" {
  description = "Cloudflare zone (the domain) that holds the hostnames' CNAME records."
  type        = string

  validation {
    condition     = can(regex("^[0-9a-f]{32}$", var.zone_id))
    error_message = "zone_id must be a 32-character hex Cloudflare zone ID."
  }
}

variable "name" {
  description = "Tunnel name: the deployment's name."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{0,62}$", var.name))
    error_message = "name must match ^[a-z0-9][a-z0-9-]{0,62}$."
  }
}

variable "hostnames" {
  description = "Public hostname => the service the connector forwards it to, as seen from the connector's compose network (e.g. { \"chat.example.com\" = \"http://api:3080\" })."
  type        = map(string)

  validation {
    condition     = length(var.hostnames) > 0
    error_message = "hostnames needs at least one hostname."
  }

  validation {
    condition     = alltrue([for hostname in keys(var.hostnames) : can(regex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$", hostname))])
    error_message = "each hostname must be a lower-case fully qualified host name such as chat.example.com."
  }

  validation {
    condition     = alltrue([for service in values(var.hostnames) : can(regex("^https?://[a-z0-9]([a-z0-9_.-]*[a-z0-9])?(:[0-9]{1,5})?$", service))])
    error_message = "each service must be http://<compose service>:<port> or https://<compose service>:<port>, such as http://api:3080."
  }
}

variable "comment" {
  description = "Comment stored on the DNS records."
  type        = string
  default     = "managed by launch-service (Terraform): Cloudflare Tunnel"
}

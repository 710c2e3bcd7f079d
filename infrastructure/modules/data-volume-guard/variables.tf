variable "volume_id" {
  description = "ID of the guarded volume (an EBS volume ID, or a Proxmox volume). A change means the volume is being replaced, which the guard refuses too."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9:/_.-]+$", var.volume_id))
    error_message = "volume_id must be a volume ID such as vol-0123456789abcdef0 or local-lvm:vm-101-disk-1."
  }
}

variable "name" {
  description = "Deployment name, for the refusal message."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{0,62}$", var.name))
    error_message = "name must match ^[a-z0-9][a-z0-9-]{0,62}$."
  }
}

variable "deletion_allowed" {
  description = "Let Terraform destroy or replace the volume. Apply with true first, then destroy; set it back afterwards."
  type        = bool
  default     = false
  nullable    = false
}

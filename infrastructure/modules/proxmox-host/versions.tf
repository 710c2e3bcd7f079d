terraform {
  required_version = ">= 1.10"

  required_providers {
    proxmox = {
      source  = "bpg/proxmox"
      version = ">= 0.88, < 1.0" # 0.88: the container's wait_for_ip block
    }
  }
}

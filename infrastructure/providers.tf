# Credentials come from the environment, never from files in the repository:
#   AWS:        TF_VAR_aws_access_key_id/TF_VAR_aws_secret_access_key, else AWS_PROFILE or
#               AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (which the S3 state backend reads too)
#   Proxmox:    PROXMOX_VE_USERNAME=root@pam + PROXMOX_VE_PASSWORD (LXC keyctl needs root@pam),
#               or PROXMOX_VE_API_TOKEN for VM-only setups
#   Cloudflare: CLOUDFLARE_API_TOKEN (Zone > DNS > Edit on the zone)
#   GitHub:     GITHUB_TOKEN (a fine-grained PAT), or a GitHub App (var.github_app / GITHUB_APP_*)

# Terraform configures the AWS provider even when no deployment targets AWS. Without an AWS
# deployment it gets placeholder keys and checks nothing, so it never picks up the state backend's
# AWS_ACCESS_KEY_ID (an R2 key in a Proxmox-only setup) nor calls AWS.
locals {
  aws_used = anytrue([for deployment in var.deployments : deployment.target == "aws"])
}

provider "aws" {
  region = var.aws_region
  # Separate from the state backend's AWS_ACCESS_KEY_ID (an R2 or S3 key): null uses the usual
  # chain (AWS_PROFILE, the environment, an instance role).
  access_key = local.aws_used ? var.aws_access_key_id : "unused-no-aws-deployment"
  secret_key = local.aws_used ? var.aws_secret_access_key : "unused-no-aws-deployment"

  skip_credentials_validation = !local.aws_used
  skip_requesting_account_id  = !local.aws_used
  skip_metadata_api_check     = !local.aws_used
  skip_region_validation      = !local.aws_used

  default_tags {
    tags = { "managed-by" = "launch-service" }
  }
}

provider "proxmox" {
  endpoint = var.proxmox_endpoint
  insecure = var.proxmox_insecure

  # Uploading the VM cloud-init snippet uses SSH to the node (proxmox kind = "vm" only).
  ssh {
    agent    = true
    username = var.proxmox_ssh_username
  }
}

provider "cloudflare" {}

# Repository permissions needed: Administration, Environments, Secrets and Variables: read and write.
provider "github" {
  owner    = local.github_owner
  base_url = "${trimsuffix(var.github_api_url, "/")}/"

  dynamic "app_auth" {
    for_each = var.github_app == null ? [] : [var.github_app]
    content {
      id              = app_auth.value.id
      installation_id = app_auth.value.installation_id
      pem_file        = var.github_app_pem_file # null: GITHUB_APP_PEM_FILE
    }
  }
}

# State lives in an S3 bucket (AWS S3 or Cloudflare R2), locked by a lock file next to it
# (use_lockfile, Terraform >= 1.10: no DynamoDB table). Partial configuration: the bucket, key and
# endpoint come from a file at init time, e.g.
#   terraform init -backend-config=backend-configs/aws-s3.s3.tfbackend
#   terraform init -backend-config=backend-configs/cloudflare-r2.s3.tfbackend
# See README.md, "State".
terraform {
  backend "s3" {
    use_lockfile = true
  }
}

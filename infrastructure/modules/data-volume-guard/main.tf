# Refuses to let Terraform destroy a data volume unless deletion_allowed was applied first.
# prevent_destroy would do the same but cannot come from a variable, and it also stops `terraform
# test` from cleaning up. Terraform destroys this guard before the volume it depends on (and
# replaces it with the volume); when its destroy-time command fails, the volume stays.
resource "terraform_data" "guard" {
  triggers_replace = var.volume_id
  input            = { volume_id = var.volume_id, name = var.name, deletion_allowed = var.deletion_allowed }

  provisioner "local-exec" {
    when    = destroy
    command = self.input.deletion_allowed ? "true" : "echo 'refusing to destroy the data volume ${self.input.volume_id} of ${self.input.name}: it holds the services data. To really delete it, set its deletion_allowed input, apply, then destroy (infrastructure/README.md, Data volumes).' >&2; exit 1"
  }
}

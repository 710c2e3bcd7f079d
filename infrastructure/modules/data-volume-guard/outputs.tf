output "deletion_allowed" {
  description = "Whether the guarded volume may be destroyed (as last applied)."
  value       = terraform_data.guard.output.deletion_allowed
}

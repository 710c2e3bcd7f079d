output "token" {
  description = "The registration token (valid one hour)."
  value       = one(concat(data.github_actions_registration_token.repository[*].token, data.github_actions_organization_registration_token.organization[*].token))
  sensitive   = true
}

output "expires_at" {
  description = "Expiry of the token, in Unix seconds."
  value       = one(concat(data.github_actions_registration_token.repository[*].expires_at, data.github_actions_organization_registration_token.organization[*].expires_at))
}

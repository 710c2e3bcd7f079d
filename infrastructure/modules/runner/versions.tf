terraform {
  # Provider-free on purpose: labels, naming, the deployment record and the boot script can be
  # planned, applied and tested anywhere.
  required_version = ">= 1.10"
}

"""The REST API: DRF plumbing (errors, paging, CSV, permissions, schema) and the endpoints of every
domain, which read through the apps' selectors and write through their services."""

"""Tables of the audit area (filled in by its issue)."""

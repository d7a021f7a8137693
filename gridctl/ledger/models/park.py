"""Tables of the park area (filled in by its issue)."""

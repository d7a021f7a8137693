"""Tables of the imports area (filled in by its issue)."""

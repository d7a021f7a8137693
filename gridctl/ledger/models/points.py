"""Tables of the points area (filled in by its issue)."""

"""Tests of gridctl/sharing/: welfare claims and their points, the resource map."""

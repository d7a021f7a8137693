"""Tests of gridctl/organisation/: chains, brands, the belt."""

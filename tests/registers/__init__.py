"""Tests of gridctl/registers/: grids, groups, supervisors, enterprises, members."""

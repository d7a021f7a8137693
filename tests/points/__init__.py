"""Tests of gridctl/points/: rules, derived entries, standings, subsidy, notice."""

"""Tests of the import kinds (gridctl/imports/kinds/): each kind's columns and rules."""

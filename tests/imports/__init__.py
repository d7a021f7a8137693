"""Tests of the import engine (gridctl/imports/): files, rows, all or nothing, export."""

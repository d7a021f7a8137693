"""Tests of gridctl/ledger/: migrations, backup and check, the audit trail, concurrency."""

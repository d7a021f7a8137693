"""The suite: one folder per package of gridctl/, each testing it as a user would (through the
CLI) and checking the ledger with plain SQL; the house rules in test_architecture.py."""

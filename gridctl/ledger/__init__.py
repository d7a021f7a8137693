"""The ledger: where it is (config), how it is opened (session), what it holds (models)."""

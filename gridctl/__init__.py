"""gridctl: the ledger of a park's grid-based party-building guidance scheme."""

__version__ = "0.1.0"

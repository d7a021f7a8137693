"""The command line: parses arguments, opens the ledger, calls one service, prints."""

"""One module per import kind, named for it (visits.py, funding.py, referrals.py, ...): its Spec,
that is its columns and how a row is resolved, checked, written and exported. A new kind is
one file here and one line in imports/registry.py.

A kind checks each row with its domain's own check functions, so a rule is decided in one
place: it may import the import engine, every domain package, the ledger and the leaves.
"""

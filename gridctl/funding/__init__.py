"""Work funding (工作经费): money in exact cents, the yearly allocation per member in force,
extra support and spending, and the statement of what is left.

May import registers (enterprises and their member history), the ledger and the leaves.
"""

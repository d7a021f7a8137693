"""The registers: grids (网格), guidance groups (指导组), supervisors (指导员), enterprises (企业)
with their dated member history, and looking any of them up by code or name.

The bottom of the domain: imports the ledger and the leaves (errors, dates, uscc, vocab,
textsafe, i18n) and no other domain package; every other domain package may import it.
"""

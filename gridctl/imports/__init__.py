"""Batch import and export: the engine (readers for CSV and xlsx, the column spec and cell
parsing, bulk look-ups and writes, the all-or-nothing loader and its log, export), and in
kinds/ one module per import kind, listed in registry.py.

May import every domain package, the ledger and the leaves; never reports (except that
export.py writes its cells through reports/xlsxsafe.py) nor cli.
Heavy readers (python-calamine, openpyxl) are imported inside functions.
"""

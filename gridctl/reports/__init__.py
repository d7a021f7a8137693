"""Excel reports: monthly (the group meeting), quarterly (the group leaders), the dossier of one
enterprise (一企一档) and the funding workbook, from figures aggregated in SQL.

Every workbook is written through book.py (the one safe writer, with xlsxsafe.py). May import
every domain package, the ledger and the leaves; never imports nor cli. This package imports
openpyxl: the CLI imports it inside command functions only, never at module level.
"""

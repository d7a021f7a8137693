"""The ledger: where it is (config), how it is opened (session: engine, pragmas, one
transaction per command), its schema (migrate), the audit trail and who the user is (audit,
audit_read), looking after it (backup, restore, check, info) and its tables (models/, split by
domain; typed.py takes SQLModel's typing noise in one place).

Imports only itself and the leaves (errors, dates, uscc, vocab, textsafe, i18n); never a
domain package. What the trail audits is declared once, in audit.py, not by imports.
"""

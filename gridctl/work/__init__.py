"""The work records: visits (走访) and the problems found on them, activities, the work diary,
meetings with the problems referred to them, and classified visiting (who is due a visit).

May import points (a record earns points) and registers, the ledger and the leaves; never
funding, organisation or sharing.
"""

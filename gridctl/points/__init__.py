"""The points scheme (量化积分): the rules file, the sources that earn points, the entries derived
from the records, standings and their explanation, points granted by hand, the monthly subsidy
and quarterly rewards, and the notice.

May import registers, the ledger and the leaves. This package re-exports nothing: import from
its modules (`gridctl.points.standings` stays the module).
"""

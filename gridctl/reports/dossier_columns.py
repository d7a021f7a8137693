"""The dossier workbook's columns: which of the dossier's fields each sheet shows, in what
order, and how (a date, a sum of money, text that wraps); the facts sheet's fields, and the
codes among them that the workbook spells in words."""

from __future__ import annotations

from gridctl import vocab
from gridctl.reports.layout import Column

ACTIVITY_KINDS = vocab.ACTIVITY_KIND
FACT_VOCABS = {
    "chain": vocab.CHAIN,
    "chain_kind": vocab.CHAIN_KIND,
    "party_org": vocab.PARTY_ORG,
    "visit_class": vocab.VISIT_CLASS,
    "status": vocab.ENTERPRISE_STATUS,
}
# Facts whose table header (report.col.<key>) would be ambiguous on their own.
FACT_LABELS = {"supervisor_name": "col.supervisor_name"}
FACT_KEYS = (
    "name",
    "credit_code",
    "bad_check_reason",
    "status",
    "grid",
    "grid_name",
    "level1_grid",
    "chain",
    "chain_kind",
    "chain_lead",
    "chain_lead_enterprise",
    "core",
    "party_org",
    "members",
    "members_in_force",
    "supervisor",
    "supervisor_name",
    "visit_class",
    "safety_grid",
    "order_grid",
    "market_grid",
    "brand_names",
    "belt_places",
)
VISIT_COLUMNS = [
    Column("id", "id"),
    Column("date", "date"),
    Column("supervisor"),
    Column("supervisor_name"),
    Column("group", max_width=24),
    Column("category"),
    Column("notes", max_width=60, wrap=True),
]
ACTIVITY_COLUMNS = [
    Column("id", "id"),
    Column("date", "date"),
    Column("title", max_width=40, wrap=True),
    Column("kind"),
    Column("participants", "int"),
    Column("supervisor"),
    Column("supervisor_name"),
    Column("group", max_width=24),
]
PROBLEM_COLUMNS = [
    Column("id", "id"),
    Column("opened", "date"),
    Column("supervisor"),
    Column("description", max_width=50, wrap=True),
    Column("status"),
    Column("closed", "date"),
    Column("resolution", max_width=40, wrap=True),
    Column("resolved_by"),
]

MEMBER_COLUMNS = [Column("from", "date", min_width=12), Column("members", "int")]
FUNDING_COLUMNS = [
    Column("year", "id"),
    Column("members_jan1", "int"),
    Column("rate", "money"),
    Column("funding_amount", "money"),
    Column("support", "money"),
    Column("spent", "money"),
    Column("balance", "money"),
]
MEETING_COLUMNS = [
    Column("date", "date"),
    Column("meeting_kind"),
    Column("group", max_width=24),
    Column("meeting_title", max_width=20, wrap=True),
    Column("problem_id", "id"),
    Column("problem", max_width=30, wrap=True),
    Column("note", max_width=24, wrap=True),
    # The outcome is decided at the meeting: its day is the meeting's, in the first column.
    Column("outcome", max_width=30, wrap=True),
]
CLAIM_COLUMNS = [
    Column("id", "id"),
    Column("project", max_width=30),
    Column("welfare_category"),
    Column("claimed", "date"),
    Column("completed_on", "date"),
    Column("participants", "int"),
    Column("note", max_width=40, wrap=True),
]
RESOURCE_COLUMNS = [
    Column("id", "id"),
    Column("resource", max_width=30),
    Column("resource_kind"),
    Column("grid"),
    Column("capacity", "int"),
    Column("terms", max_width=40, wrap=True),
    Column("address", max_width=30, wrap=True),
    Column("uses", "int"),
]
USE_COLUMNS = [
    Column("id", "id"),
    Column("date", "date"),
    Column("resource", max_width=30),
    Column("owner", max_width=30),
    Column("purpose", max_width=40, wrap=True),
    Column("participants", "int"),
]
BRAND_COLUMNS = [
    Column("brand", max_width=30),
    Column("since", "id"),
    Column("about", max_width=60, wrap=True),
]

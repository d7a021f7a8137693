"""How `gridctl enterprise show` prints a dossier (gridctl.reports.dossier) on a terminal: the
facts, then one headed section per kind of record, each a table or (none). JSON and CSV print
the dossier as it is, its fields in order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gridctl.cli import output
from gridctl.cli.options import Format
from gridctl.cli.output import Col
from gridctl.i18n import t

if TYPE_CHECKING:
    from gridctl.reports.dossier import Dossier

FACT_COLUMNS = [
    Col("chain", "chain"),
    Col("chain_kind", "chain_kind"),
    Col("party_org", "party_org"),
    Col("members", right=True),
    Col("visit_class", "visit_class"),
    Col("status", "enterprise_status"),
]
ACTIVITY_COLUMNS = [
    Col("id", right=True),
    Col("date"),
    Col("supervisor"),
    Col("supervisor_name"),
    Col("title"),
    Col("kind", "activity_kind"),
    Col("participants", right=True),
]
# Section key in the dossier -> its columns (visits and problems take the lists' own).
SECTIONS: dict[str, list[Col]] = {
    "member_history": [Col("from"), Col("members", right=True)],
    "funding": [
        Col("year"),
        Col("members", right=True, label="col.members_jan1"),
        Col("rate", right=True),
        Col("amount", right=True, label="col.funding_amount"),
        Col("support", right=True),
        Col("spent", right=True),
        Col("balance", right=True),
    ],
    "meetings": [
        Col("date"),
        Col("kind", "meeting_kind"),
        Col("group"),
        Col("title", label="col.meeting_title"),
        Col("problem_id", right=True),
        Col("problem"),
        Col("note"),
        Col("outcome"),
    ],
    "welfare_claims": [
        Col("id", right=True),
        Col("project"),
        Col("claimed"),
        Col("completed"),
        Col("participants", right=True),
        Col("note"),
    ],
    "resources": [
        Col("name"),
        Col("kind", "resource_kind"),
        Col("grid"),
        Col("capacity", right=True),
        Col("terms"),
        Col("uses", right=True),
    ],
    "resource_uses": [
        Col("date"),
        Col("resource"),
        Col("owner"),
        Col("purpose"),
        Col("participants", right=True),
    ],
    "brands": [Col("name", label="col.brand"), Col("since"), Col("description", label="col.about")],
    "belt": [
        Col("belt"),
        Col("position", right=True),
        Col("stops", right=True),
        Col("previous"),
        Col("next"),
        Col("feature"),
    ],
}


def show(rec: Dossier, fmt: Format, columns: list[Col]) -> None:
    """Print the dossier; `columns` are the enterprise list's (labels and vocabularies)."""
    from gridctl.cli.problem import COLUMNS as PROBLEM_COLUMNS
    from gridctl.cli.visit import COLUMNS as VISIT_COLUMNS

    by_key = {c.key: c for c in columns}
    by_key.update({c.key: c for c in FACT_COLUMNS})
    output.record(rec, fmt, list(by_key.values()))
    if fmt is not Format.table:
        return
    own = [c for c in VISIT_COLUMNS if c.key != "enterprise"]
    output.section(t("dossier.visits"), rec.visits, own, fmt)
    own = [c for c in PROBLEM_COLUMNS if c.key != "enterprise"]
    output.section(t("dossier.problems"), rec.problems, own, fmt)
    output.section(t("dossier.activities"), rec.activities, ACTIVITY_COLUMNS, fmt)
    history = [output.plain(r) for r in rec.member_history]
    for row in history:
        row["from"] = row["from"] or t("dossier.baseline")
    output.section(t("dossier.member_history"), history, SECTIONS["member_history"], fmt)
    for key, cols in SECTIONS.items():
        if key != "member_history":
            output.section(t(f"dossier.{key}"), getattr(rec, key), cols, fmt)

"""How `gridctl enterprise show` prints a dossier on a terminal: the facts, then one headed
section per kind of record, each a table or (none). JSON and CSV print the dossier as it is."""

from __future__ import annotations

from gridctl.cli import output
from gridctl.cli.options import Format
from gridctl.cli.output import Col
from gridctl.i18n import t

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


def show(rec: dict[str, object], fmt: Format, columns: list[Col]) -> None:
    from gridctl.cli.problem import COLUMNS as PROBLEM_COLUMNS
    from gridctl.cli.visit import COLUMNS as VISIT_COLUMNS

    by_key = {c.key: c for c in columns}
    by_key.update({c.key: c for c in FACT_COLUMNS})
    output.record(rec, fmt, list(by_key.values()))
    if fmt is not Format.table:
        return
    own = [c for c in VISIT_COLUMNS if c.key != "enterprise"]
    output.section(t("dossier.visits"), _list(rec, "visits"), own, fmt)
    own = [c for c in PROBLEM_COLUMNS if c.key != "enterprise"]
    output.section(t("dossier.problems"), _list(rec, "problems"), own, fmt)
    output.section(t("dossier.activities"), _list(rec, "activities"), ACTIVITY_COLUMNS, fmt)
    history = [
        dict(r, **{"from": r["from"] or t("dossier.baseline")})
        for r in _list(rec, "member_history")
    ]
    output.section(t("dossier.member_history"), history, SECTIONS["member_history"], fmt)
    for key, cols in SECTIONS.items():
        if key != "member_history":
            output.section(t(f"dossier.{key}"), _list(rec, key), cols, fmt)


def _list(rec: dict[str, object], key: str) -> list[dict[str, object]]:
    return rec.get(key) or []  # type: ignore[return-value]

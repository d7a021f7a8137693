"""One file per enterprise (一企一档) as a workbook: facts and organisation (its chain, brands
and place on the demonstration belt), every visit, problem and activity, its members over
time, its work funding by year, the meetings that took up its problems, its welfare claims,
the resources it shares and its uses of others'. The content is gridctl.dossier's; every
sheet is there even when it has no rows, so two dossiers read alike."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlmodel import Session

from gridctl import vocab
from gridctl.registers.lookup import find_enterprise
from gridctl.reports import Labels
from gridctl.reports.book import Book, Column
from gridctl.reports.dossier_figures import dossier

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


def dossier_name(session: Session, ref: str) -> str:
    return find_enterprise(session, ref, "ENTERPRISE").name


def _day(text: object) -> date | None:
    return date.fromisoformat(str(text)) if text else None


def fact_items(facts: dict[str, Any], labels: Labels) -> list[tuple[str, object]]:
    items: list[tuple[str, object]] = []
    summaries = {
        "brand_names": labels.t("dossier.list_sep").join(
            labels.t("dossier.brand_since", **b) if b["since"] else str(b["name"])
            for b in facts["brands"]
        ),
        "belt_places": "\n".join(_belt_place(p, labels) for p in facts["belt"]),
    }
    for key in FACT_KEYS:
        value = summaries[key] if key in summaries else facts.get(key)
        if key in FACT_VOCABS:
            value = labels.vocab(FACT_VOCABS[key], value or None)
        elif isinstance(value, bool):
            value = labels.t("yes") if value else labels.t("no")
        items.append((labels.t(FACT_LABELS[key]) if key in FACT_LABELS else labels(key), value))
    return items


def _belt_place(place: dict[str, Any], labels: Labels) -> str:
    where = labels.t("dossier.belt_place", **place)
    if not place["feature"]:
        return where
    return labels.t("dossier.belt_feature", place=where, feature=place["feature"])


def build_dossier(
    session: Session, *, ref: str, path: Path, lang: str = "zh", today: date | None = None
) -> dict[str, Any]:
    facts = dossier(session, ref, today=today)
    labels = Labels(lang)
    book = Book(labels)
    title = labels.t("report.title.dossier", name=facts["name"])
    line = labels.t("report.period.dossier", as_of=(today or date.today()).isoformat())

    def sheet_title(key: str) -> str:
        return labels.t("report.title.sheet", title=title, what=labels.sheet(key))

    book.pairs(labels.sheet("facts"), title=title, period=line, items=fact_items(facts, labels))
    visits = [
        dict(v, date=_day(v["date"]), category=labels.vocab(vocab.VISIT_CATEGORY, v["category"]))
        for v in facts["visits"]
    ]
    book.table(
        labels.sheet("visits"),
        title=sheet_title("visits"),
        period=line,
        columns=VISIT_COLUMNS,
        rows=visits,
        totals={"date": len(visits)},
    )
    problems = [
        dict(
            p,
            opened=_day(p["opened"]),
            closed=_day(p["closed"]),
            status=labels.vocab(vocab.PROBLEM_STATUS, p["status"]),
        )
        for p in facts["problems"]
    ]
    book.table(
        labels.sheet("problems"),
        title=sheet_title("problems"),
        period=line,
        columns=PROBLEM_COLUMNS,
        rows=problems,
        totals={"opened": len(problems)},
    )
    activities = [
        dict(a, date=_day(a["date"]), kind=labels.vocab(ACTIVITY_KINDS, a["kind"]))
        for a in facts["activities"]  # type: ignore[attr-defined]
    ]
    book.table(
        labels.sheet("activities"),
        title=sheet_title("activities"),
        period=line,
        columns=ACTIVITY_COLUMNS,
        rows=activities,
        totals={"date": len(activities)},
    )
    park_sheets(book, facts, labels, line, sheet_title)
    book.save(path)
    return facts


def park_sheets(
    book: Book,
    facts: dict[str, Any],
    labels: Labels,
    line: str,
    sheet_title: Callable[[str], str],
) -> None:
    """The sheets of the park's own work: members, funding, meetings, claims, resources."""

    def table(
        key: str,
        columns: list[Column],
        rows: list[dict[str, Any]],
        *,
        count: bool = True,
        **sums: Any,
    ) -> None:
        """A sheet of rows and its totals row: 合计 first, then (as on the visits sheet) the
        number of rows in the second column when `count`, and the sums given."""
        totals = {columns[1].key: len(rows), **sums} if count else sums
        book.table(
            labels.sheet(key),
            title=sheet_title(key),
            period=line,
            columns=columns,
            rows=rows,
            totals=totals or None,
            note=None if rows else labels.t("none_found"),
        )

    history = [
        dict(m, **{"from": _day(m["from"]) or labels.t("dossier.baseline")})
        for m in facts["member_history"]
    ]
    table("member_history", MEMBER_COLUMNS, history, count=False)
    money = [
        dict(f, members_jan1=f["members"], funding_amount=f["amount"]) for f in facts["funding"]
    ]
    sums = {
        k: sum((f[k] for f in facts["funding"]), Decimal(0))
        for k in ("amount", "support", "spent", "balance")
    }
    table(
        "funding",
        FUNDING_COLUMNS,
        money,
        count=False,
        funding_amount=sums["amount"],
        support=sums["support"],
        spent=sums["spent"],
        balance=sums["balance"],
    )
    meetings = [
        dict(
            m,
            date=_day(m["date"]),
            meeting_kind=labels.vocab(vocab.MEETING_KIND, m["kind"]),
            meeting_title=m["title"],
        )
        for m in facts["meetings"]
    ]
    table("meetings", MEETING_COLUMNS, meetings)
    claims = [
        dict(
            c,
            claimed=_day(c["claimed"]),
            completed_on=_day(c["completed"]),
            welfare_category=c["category"],
        )
        for c in facts["welfare_claims"]
    ]
    people = sum(c["participants"] or 0 for c in claims)
    table("welfare_claims", CLAIM_COLUMNS, claims, participants=people)
    owned = [
        dict(r, resource=r["name"], resource_kind=labels.vocab(vocab.RESOURCE_KIND, r["kind"]))
        for r in facts["resources"]
    ]
    table("resources", RESOURCE_COLUMNS, owned, uses=sum(r["uses"] for r in owned))
    uses = [dict(u, date=_day(u["date"])) for u in facts["resource_uses"]]
    people = sum(u["participants"] or 0 for u in uses)
    table("resource_uses", USE_COLUMNS, uses, participants=people)
    marks = [dict(b, brand=b["name"], about=b["description"]) for b in facts["brands"]]
    table("brands", BRAND_COLUMNS, marks, count=False)

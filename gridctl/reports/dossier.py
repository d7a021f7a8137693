"""One file per enterprise (一企一档) as a workbook: facts and organisation, every visit,
problem and activity. The content is gridctl.dossier's."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sqlmodel import Session

from gridctl import vocab
from gridctl.dossier import dossier
from gridctl.registers import find_enterprise
from gridctl.reports import Labels
from gridctl.reports.xlsx import Book, Column

ACTIVITY_KINDS = vocab.ACTIVITY_KIND
FACT_VOCABS = {
    "chain": vocab.CHAIN,
    "party_org": vocab.PARTY_ORG,
    "visit_class": vocab.VISIT_CLASS,
    "status": vocab.ENTERPRISE_STATUS,
}
FACT_KEYS = (
    "name",
    "credit_code",
    "bad_check_reason",
    "status",
    "grid",
    "grid_name",
    "level1_grid",
    "chain",
    "core",
    "party_org",
    "members",
    "supervisor",
    "supervisor_name",
    "visit_class",
    "safety_grid",
    "order_grid",
    "market_grid",
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


def dossier_name(session: Session, ref: str) -> str:
    return find_enterprise(session, ref, "ENTERPRISE").name


def _day(text: object) -> date | None:
    return date.fromisoformat(str(text)) if text else None


def fact_items(facts: dict[str, Any], labels: Labels) -> list[tuple[str, object]]:
    items: list[tuple[str, object]] = []
    for key in FACT_KEYS:
        value = facts.get(key)
        if key in FACT_VOCABS:
            value = labels.vocab(FACT_VOCABS[key], value or None)
        elif isinstance(value, bool):
            value = labels.t("yes") if value else labels.t("no")
        items.append((labels(key), value))
    return items


def build_dossier(
    session: Session, *, ref: str, path: Path, lang: str = "zh", today: date | None = None
) -> dict[str, Any]:
    facts = dossier(session, ref)
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
    book.save(path)
    return facts

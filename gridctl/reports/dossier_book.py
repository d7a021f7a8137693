"""One file per enterprise (一企一档) as a workbook: facts and organisation (its chain, brands
and place on the demonstration belt), every visit, problem and activity, its members over
time, its work funding by year, the meetings that took up its problems, its welfare claims,
the resources it shares and its uses of others'. The content is reports.dossier's; every
sheet is there even when it has no rows, so two dossiers read alike."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlmodel import Session

from gridctl import vocab
from gridctl.reports.book import Book
from gridctl.reports.dossier import BeltPlace, Dossier, dossier, find
from gridctl.reports.dossier_columns import (
    ACTIVITY_COLUMNS,
    ACTIVITY_KINDS,
    BRAND_COLUMNS,
    CLAIM_COLUMNS,
    FACT_KEYS,
    FACT_LABELS,
    FACT_VOCABS,
    FUNDING_COLUMNS,
    MEETING_COLUMNS,
    MEMBER_COLUMNS,
    PROBLEM_COLUMNS,
    RESOURCE_COLUMNS,
    USE_COLUMNS,
    VISIT_COLUMNS,
)
from gridctl.reports.labels import Labels
from gridctl.reports.layout import Column, as_row


def dossier_name(session: Session, ref: str) -> str:
    """The enterprise's name, for the workbook's file name."""
    return find(session, ref).name


def _day(text: object) -> date | None:
    return date.fromisoformat(str(text)) if text else None


def _shown(rec: object, **changes: object) -> dict[str, object]:
    """A record as a sheet's row, with the values the workbook shows differently."""
    return as_row(rec) | changes


def _code(value: object) -> str | None:
    return None if value is None else str(value)


def fact_items(facts: Dossier, labels: Labels) -> list[tuple[str, object]]:
    """The facts sheet: (label, value) pairs, codes and yes/no in the workbook's words."""
    items: list[tuple[str, object]] = []
    values = as_row(facts) | {
        "brand_names": labels.t("dossier.list_sep").join(
            labels.t("dossier.brand_since", name=b.name, since=b.since) if b.since else b.name
            for b in facts.brands
        ),
        "belt_places": "\n".join(_belt_place(p, labels) for p in facts.belt),
    }
    for key in FACT_KEYS:
        value = values.get(key)
        if key in FACT_VOCABS:
            value = labels.vocab(FACT_VOCABS[key], _code(value or None))
        elif isinstance(value, bool):
            value = labels.t("yes") if value else labels.t("no")
        items.append((labels.t(FACT_LABELS[key]) if key in FACT_LABELS else labels(key), value))
    return items


def _belt_place(place: BeltPlace, labels: Labels) -> str:
    where = labels.t("dossier.belt_place", **as_row(place))
    if not place.feature:
        return where
    return labels.t("dossier.belt_feature", place=where, feature=place.feature)


def build_dossier(
    session: Session, *, ref: str, path: Path, lang: str = "zh", today: date | None = None
) -> Dossier:
    """The enterprise's dossier, written to `path` as a workbook."""
    facts = dossier(session, ref, today=today)
    labels = Labels(lang)
    book = Book(labels)
    title = labels.t("report.title.dossier", name=facts.name)
    line = labels.t("report.period.dossier", as_of=(today or date.today()).isoformat())

    def sheet_title(key: str) -> str:
        return labels.t("report.title.sheet", title=title, what=labels.sheet(key))

    book.pairs(labels.sheet("facts"), title=title, period=line, items=fact_items(facts, labels))
    work_sheets(book, facts, labels, line, sheet_title)
    record_sheets(book, facts, labels, line, sheet_title)
    book.save(path)
    return facts


def work_sheets(
    book: Book,
    facts: Dossier,
    labels: Labels,
    line: str,
    sheet_title: Callable[[str], str],
) -> None:
    """The visits, problems and activities sheets, each with its count in the totals row."""
    visits = []
    for v in map(as_row, facts.visits):
        category = labels.vocab(vocab.VISIT_CATEGORY, _code(v["category"]))
        visits.append(v | {"date": _day(v["date"]), "category": category})
    problems = []
    for p in map(as_row, facts.problems):
        status = labels.vocab(vocab.PROBLEM_STATUS, _code(p["status"]))
        problems.append(
            p | {"opened": _day(p["opened"]), "closed": _day(p["closed"]), "status": status}
        )
    activities = []
    for a in map(as_row, facts.activities):
        kind = labels.vocab(ACTIVITY_KINDS, _code(a["kind"]))
        activities.append(a | {"date": _day(a["date"]), "kind": kind})
    for key, columns, rows, first in (
        ("visits", VISIT_COLUMNS, visits, "date"),
        ("problems", PROBLEM_COLUMNS, problems, "opened"),
        ("activities", ACTIVITY_COLUMNS, activities, "date"),
    ):
        book.table(
            labels.sheet(key),
            title=sheet_title(key),
            period=line,
            columns=columns,
            rows=rows,
            totals={first: len(rows)},
        )


def record_sheets(
    book: Book,
    facts: Dossier,
    labels: Labels,
    line: str,
    sheet_title: Callable[[str], str],
) -> None:
    """The sheets of its other records: members, funding, meetings, claims, resources."""

    def table(
        key: str,
        columns: list[Column],
        rows: list[dict[str, object]],
        *,
        count: bool = True,
        **sums: object,
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

    baseline = labels.t("dossier.baseline")
    history = [m | {"from": _day(m["from"]) or baseline} for m in map(as_row, facts.member_history)]
    table("member_history", MEMBER_COLUMNS, history, count=False)
    money = [_shown(f, members_jan1=f.members, funding_amount=f.amount) for f in facts.funding]
    table(
        "funding",
        FUNDING_COLUMNS,
        money,
        count=False,
        funding_amount=sum((f.amount for f in facts.funding), Decimal(0)),
        support=sum((f.support for f in facts.funding), Decimal(0)),
        spent=sum((f.spent for f in facts.funding), Decimal(0)),
        balance=sum((f.balance for f in facts.funding), Decimal(0)),
    )
    meetings = [
        _shown(
            m,
            date=_day(m.date),
            meeting_kind=labels.vocab(vocab.MEETING_KIND, m.kind),
            meeting_title=m.title,
        )
        for m in facts.meetings
    ]
    table("meetings", MEETING_COLUMNS, meetings)
    claims = [
        _shown(
            c,
            claimed=_day(c.claimed),
            completed_on=_day(c.completed),
            welfare_category=c.category,
        )
        for c in facts.welfare_claims
    ]
    people = sum(c.participants or 0 for c in facts.welfare_claims)
    table("welfare_claims", CLAIM_COLUMNS, claims, participants=people)
    owned = [
        _shown(r, resource=r.name, resource_kind=labels.vocab(vocab.RESOURCE_KIND, r.kind))
        for r in facts.resources
    ]
    table("resources", RESOURCE_COLUMNS, owned, uses=sum(r.uses for r in facts.resources))
    uses = [_shown(u, date=_day(u.date)) for u in facts.resource_uses]
    people = sum(u.participants or 0 for u in facts.resource_uses)
    table("resource_uses", USE_COLUMNS, uses, participants=people)
    marks = [_shown(b, brand=b.name, about=b.description) for b in facts.brands]
    table("brands", BRAND_COLUMNS, marks, count=False)

"""The monthly report's workbook (指导组月度例会): a summary per group, per supervisor, the
month's visits in full, enterprises overdue under classified visiting, open problems with
their age, and charts."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlmodel import Session

from gridctl import vocab
from gridctl.dates import Period
from gridctl.reports.book import Book
from gridctl.reports.labels import Labels
from gridctl.reports.layout import Column, SheetInfo, as_row, chart_anchor
from gridctl.reports.listings import open_problem_rows, visit_stream
from gridctl.reports.monthly import MonthlyData, monthly_data
from gridctl.work.schedule import due_rows, visit_class_months

SUPERVISOR_SUMS = (
    "visits",
    "covered",
    "enterprises",
    "problems_raised",
    "problems_solved",
    "activities",
    "points_problems",
    "points_activities",
    "points_effectiveness",
    "points_total",
    "subsidy",
)
# Above this many supervisors a bar per supervisor says nothing: the chart is left out.
MAX_BARS = 60

SUMMARY_COLUMNS = [
    Column("group", max_width=30),
    Column("supervisors", "int"),
    Column("enterprises", "int"),
    Column("visited", "int"),
    Column("coverage", "percent"),
    Column("visits", "int"),
    Column("problems_raised", "int"),
    Column("problems_solved", "int"),
    Column("problems_open", "int"),
    Column("activities", "int"),
    Column("points", "points"),
]
SUPERVISOR_COLUMNS = [
    Column("supervisor"),
    Column("supervisor_name"),
    Column("group", max_width=24),
    Column("kind"),
    Column("visits", "int"),
    Column("covered", "int"),
    Column("enterprises", "int"),
    Column("problems_raised", "int"),
    Column("problems_solved", "int"),
    Column("activities", "int"),
    Column("points_problems", "points"),
    Column("points_activities", "points"),
    Column("points_effectiveness", "points"),
    Column("points_total", "points"),
    Column("rank", "int"),
    Column("subsidy", "money"),
]


VISIT_COLUMNS = [
    Column("id", "id"),
    Column("date", "date"),
    Column("supervisor"),
    Column("supervisor_name"),
    Column("group", max_width=24),
    Column("enterprise", max_width=44),
    Column("credit_code"),
    Column("category"),
    Column("notes", max_width=50, wrap=True),
]
OVERDUE_COLUMNS = [
    Column("enterprise", max_width=36, wrap=True),
    Column("credit_code"),
    Column("visit_class"),
    Column("every_months", "int"),
    Column("last_visit", "date"),
    Column("due_date", "date"),
    Column("days_overdue", "days"),
    Column("supervisor"),
    Column("supervisor_name"),
    Column("group", max_width=24),
]
PROBLEM_COLUMNS = [
    Column("id", "id"),
    Column("opened", "date"),
    Column("age_days", "days"),
    Column("enterprise", max_width=36, wrap=True),
    Column("description", max_width=50, wrap=True),
    Column("status"),
    Column("supervisor"),
    Column("supervisor_name"),
    Column("group", max_width=24),
]


def write_monthly(session: Session, data: MonthlyData, *, lang: str, path: Path) -> Path:
    """Write the month's workbook to `path` (the visits, overdue and open problems are read
    here, sheet by sheet, not held in `data`)."""
    labels = Labels(lang)
    book = Book(labels)
    scope = data.group.name if data.group else labels.t("report.scope.park")
    title = labels.t("report.title.monthly", scope=scope, period=labels.period(data.period))
    line = labels.period_line(data.period, data.as_of, data.made)

    def sheet_title(key: str) -> str:
        return labels.t("report.title.sheet", title=title, what=labels.sheet(key))

    summary = book.table(
        labels.sheet("summary"),
        title=title,
        period=line,
        columns=SUMMARY_COLUMNS,
        rows=[as_row(g) for g in data.groups],
        totals=as_row(data.totals),
    )
    people_rows = [_vocab(p, labels, kind=vocab.SUPERVISOR_KIND) for p in data.supervisors]
    people = book.table(
        labels.sheet("supervisors"),
        title=sheet_title("supervisors"),
        period=line,
        columns=SUPERVISOR_COLUMNS,
        rows=people_rows,
        totals=column_sums(people_rows, SUPERVISOR_SUMS),
        freeze_first_col=True,
    )
    gid = data.group.id if data.group else None
    book.table(
        labels.sheet("visits"),
        title=sheet_title("visits"),
        period=line,
        columns=VISIT_COLUMNS,
        rows=_visits_shown(session, data.period, gid, labels),
    )
    overdue = due_rows(session, as_of=data.as_of, group=data.group.name if data.group else None)
    book.table(
        labels.sheet("overdue"),
        title=sheet_title("overdue"),
        period=line,
        columns=OVERDUE_COLUMNS,
        rows=[_vocab(r, labels, visit_class=vocab.VISIT_CLASS) for r in overdue],
        note=_overdue_note(session, labels),
    )
    problems = open_problem_rows(session, period=data.period, as_of=data.as_of, group_id=gid)
    book.table(
        labels.sheet("open_problems"),
        title=sheet_title("open_problems"),
        period=line,
        columns=PROBLEM_COLUMNS,
        rows=[_vocab(r, labels, status=vocab.PROBLEM_STATUS) for r in problems],
    )
    _charts(book, labels, summary, people, sheet_title("charts"), line)
    return book.save(path)


def _charts(
    book: Book,
    labels: Labels,
    summary: SheetInfo,
    people: SheetInfo,
    title: str,
    line: str,
) -> None:
    ws = book.chart_sheet(labels.sheet("charts"), title=title, period=line)
    anchors = (chart_anchor(i) for i in range(4))
    book.chart(
        ws,
        next(anchors),
        summary,
        title=labels.t("report.chart.visits_by_group"),
        category="group",
        values=["visits", "visited"],
    )
    book.chart(
        ws,
        next(anchors),
        summary,
        title=labels.t("report.chart.coverage_by_group"),
        category="group",
        values=["coverage"],
    )
    book.chart(
        ws,
        next(anchors),
        summary,
        title=labels.t("report.chart.points_by_group"),
        category="group",
        values=["points"],
    )
    if 0 < people.count <= MAX_BARS:
        book.chart(
            ws,
            next(anchors),
            people,
            title=labels.t("report.chart.visits_by_supervisor"),
            category="supervisor_name",
            values=["visits"],
        )


def _overdue_note(session: Session, labels: Labels) -> str:
    classes = "; ".join(
        labels.t("report.overdue_class", name=labels.vocab(vocab.VISIT_CLASS, code), n=n)
        for code, n in visit_class_months(session).items()
    )
    return labels.t("report.overdue_note", classes=classes)


def column_sums(rows: Sequence[Mapping[str, object]], keys: Sequence[str]) -> dict[str, object]:
    """A totals row: the sums of the columns `keys` that have figures (points in Decimal)."""
    out: dict[str, object] = {}
    for key in keys:
        values = [v for r in rows if isinstance(v := r.get(key), int | Decimal)]
        if values:
            out[key] = sum(values, Decimal(0) if any(isinstance(v, Decimal) for v in values) else 0)
    return out


def _vocab(rec: object, labels: Labels, **tables: dict[str, str]) -> dict[str, object]:
    """The record as a row, the codes of `tables`' columns in the workbook's words."""
    shown = as_row(rec)
    for key, table in tables.items():
        code = shown.get(key)
        shown[key] = labels.vocab(table, code if isinstance(code, str) else None)
    return shown


def _visits_shown(
    session: Session, period: Period, group_id: int | None, labels: Labels
) -> Iterator[dict[str, object]]:
    names = {code: labels.vocab(vocab.VISIT_CATEGORY, code) for code in vocab.VISIT_CATEGORY}
    for v in visit_stream(session, period=period, group_id=group_id):
        category = names.get(v.category, v.category) if v.category is not None else None
        yield {
            "id": v.id,
            "date": v.date,
            "supervisor": v.supervisor,
            "supervisor_name": v.supervisor_name,
            "group": v.group,
            "enterprise": v.enterprise,
            "credit_code": v.credit_code,
            "category": category,
            "notes": v.notes,
        }


def build_monthly(
    session: Session,
    *,
    period: Period,
    path: Path,
    group: str | None = None,
    lang: str = "zh",
    today: date | None = None,
) -> MonthlyData:
    """Compute the month's figures and write the workbook to `path`. Points are read as
    they are: bring the derived entries up to date first (gridctl.points.derive.sync)."""
    data = monthly_data(session, period=period, group=group, today=today)
    write_monthly(session, data, lang=lang, path=path)
    return data

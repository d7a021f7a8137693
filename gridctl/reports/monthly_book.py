"""The monthly report for a guidance group's meeting (指导组月度例会).

Sheets: summary per group, per supervisor, the month's visits in full, enterprises overdue
under classified visiting, open problems with their age, and charts.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlmodel import Session

from gridctl import vocab
from gridctl.dates import Period
from gridctl.ledger.models import GuidanceGroup
from gridctl.registers.lookup import find_group
from gridctl.reports import Labels
from gridctl.reports import figures as fig
from gridctl.reports.book import Book, Column, SheetInfo, chart_anchor
from gridctl.work.schedule import due_rows, visit_class_months

SUMMARY_SUMS = (
    "supervisors",
    "enterprises",
    "visited",
    "visits",
    "problems_raised",
    "problems_solved",
    "problems_open",
    "activities",
    "points",
)
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


@dataclass
class MonthlyData:
    period: Period
    as_of: date
    made: date
    group: GuidanceGroup | None
    supervisors: list[dict[str, Any]]
    groups: list[dict[str, Any]]
    totals: dict[str, Any]


def monthly_data(
    session: Session, *, period: Period, group: str | None = None, today: date | None = None
) -> MonthlyData:
    made = today or date.today()
    team = find_group(session, group) if group else None
    gid = team.id if team else None
    people = fig.supervisor_figures(session, period=period, group_id=gid)
    merge_points(people, fig.points_link(session, period=period, group=team.name if team else None))
    groups = fig.group_figures(session, period=period, group_id=gid, supervisors=people)
    return MonthlyData(
        period=period,
        as_of=fig.as_of_for(period, made),
        made=made,
        group=team,
        supervisors=people,
        groups=groups,
        totals=fig.totals(groups, SUMMARY_SUMS),
    )


def merge_points(people: list[dict[str, Any]], points: fig.PointsFigures) -> None:
    for row in people:
        row.update(points.by_supervisor.get(row["supervisor"], {}))


def summary_records(data: MonthlyData) -> list[dict[str, Any]]:
    """The summary's figures with stable English keys (terminal table and --format json)."""
    keys = ["group", "supervisors", "enterprises", "visited", "coverage", "visits"]
    keys += ["problems_raised", "problems_solved", "problems_open", "activities", "points"]
    out = [{k: g.get(k) for k in keys} for g in data.groups]
    for rec in out:
        if rec["coverage"] is not None:
            rec["coverage"] = round(rec["coverage"], 4)
    return out


# --- the workbook -----------------------------------------------------------------------


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
        rows=data.groups,
        totals=data.totals,
    )
    people = book.table(
        labels.sheet("supervisors"),
        title=sheet_title("supervisors"),
        period=line,
        columns=SUPERVISOR_COLUMNS,
        rows=[_person_shown(p, labels) for p in data.supervisors],
        totals=fig.totals(data.supervisors, SUPERVISOR_SUMS),
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
    problems = fig.open_problem_rows(session, period=data.period, as_of=data.as_of, group_id=gid)
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


def _person_shown(row: dict[str, Any], labels: Labels) -> dict[str, Any]:
    return _vocab(row, labels, kind=vocab.SUPERVISOR_KIND)


def _vocab(row: dict[str, Any], labels: Labels, **tables: dict[str, str]) -> dict[str, Any]:
    shown = dict(row)
    for key, table in tables.items():
        shown[key] = labels.vocab(table, row.get(key))
    return shown


def _visits_shown(
    session: Session, period: Period, group_id: int | None, labels: Labels
) -> Iterator[dict[str, Any]]:
    names = {code: labels.vocab(vocab.VISIT_CATEGORY, code) for code in vocab.VISIT_CATEGORY}
    for row in fig.visit_stream(session, period=period, group_id=group_id):
        row["category"] = names.get(row["category"], row["category"])
        yield row


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
    they are: bring the derived entries up to date first (gridctl.points.scoring.sync)."""
    data = monthly_data(session, period=period, group=group, today=today)
    write_monthly(session, data, lang=lang, path=path)
    return data

"""The quarterly report for the group leaders' meeting (组长季度工作例会).

Sheets: the groups side by side, month by month (visits, coverage, problems solved,
activities, points); the points ranking with reward tiers; highlights; trends against the
previous quarter; charts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlmodel import Session

from gridctl.dates import Period, previous
from gridctl.reports import Labels
from gridctl.reports.book import Book, Column, SheetInfo, chart_anchor
from gridctl.reports.monthly import MonthlyData, monthly_data
from gridctl.work.schedule import due_rows

# Figures compared month by month, and how each is shown.
METRICS = (
    ("visits", "int"),
    ("coverage", "percent"),
    ("problems_solved", "int"),
    ("activities", "int"),
    ("points", "points"),
)
TREND_METRICS = (
    ("visits", "int"),
    ("coverage", "percent"),
    ("problems_raised", "int"),
    ("problems_solved", "int"),
    ("problems_open", "int"),
    ("activities", "int"),
    ("points", "points"),
)


@dataclass
class QuarterlyData:
    period: Period
    months: list[MonthlyData]
    quarter: MonthlyData
    before: MonthlyData
    overdue: int


def quarterly_data(session: Session, *, period: Period, today: date | None = None) -> QuarterlyData:
    made = today or date.today()
    quarter = monthly_data(session, period=period, today=made)
    return QuarterlyData(
        period=period,
        months=[monthly_data(session, period=m, today=made) for m in period.months()],
        quarter=quarter,
        before=monthly_data(session, period=previous(period), today=made),
        overdue=len(due_rows(session, as_of=quarter.as_of)),
    )


def _group_key(gid: int) -> str:
    return f"g{gid}"


def compare_rows(data: QuarterlyData, labels: Labels) -> list[dict[str, Any]]:
    """One row per metric and month (then the quarter), a column per group, and the park."""
    rows = []
    for key, kind in METRICS:
        for span in [*data.months, data.quarter]:
            row: dict[str, Any] = {
                "metric": labels(key),
                "month": labels.period(span.period)
                if span is not data.quarter
                else labels.t("report.quarter_total", period=labels.period(span.period)),
                "_kind": kind,
                "park": span.totals.get(key),
            }
            for g in span.groups:
                row[_group_key(g["group_id"])] = g.get(key)
            rows.append(row)
    return rows


def trend_rows(data: QuarterlyData, labels: Labels) -> list[dict[str, Any]]:
    """Per metric: last quarter, this quarter and the change, a column per group and the park."""
    spans = {
        "previous": {g["group_id"]: g for g in data.before.groups},
        "current": {g["group_id"]: g for g in data.quarter.groups},
    }
    totals = {"previous": data.before.totals, "current": data.quarter.totals}
    keys = [_group_key(g["group_id"]) for g in data.quarter.groups]
    rows = []
    for key, kind in TREND_METRICS:
        block: dict[str, dict[str, Any]] = {}
        for which in ("previous", "current"):
            row: dict[str, Any] = {"metric": labels(key), "which": labels(which), "_kind": kind}
            for g in data.quarter.groups:
                row[_group_key(g["group_id"])] = spans[which].get(g["group_id"], {}).get(key)
            row["park"] = totals[which].get(key)
            block[which] = row
        change: dict[str, Any] = {"metric": labels(key), "which": labels("change"), "_kind": kind}
        for col in [*keys, "park"]:
            before, now = block["previous"][col], block["current"][col]
            change[col] = now - before if before is not None and now is not None else None
        rows += [block["previous"], block["current"], change]
        if key == "visits":
            pct: dict[str, Any] = {
                "metric": labels(key),
                "which": labels("change_pct"),
                "_kind": "percent",
            }
            for col in [*keys, "park"]:
                before = block["previous"][col]
                pct[col] = change[col] / before if before else None
            rows.append(pct)
    return rows


def _best(groups: list[dict[str, Any]], key: str) -> dict[str, Any] | None:
    """The group (or person) with the highest figure; ties share the place, names joined."""
    scored = [g for g in groups if g.get(key)]
    if not scored:
        return None
    top = max(g[key] for g in scored)
    return {"group": "、".join(g["group"] for g in scored if g[key] == top), key: top}


def highlights(data: QuarterlyData, labels: Labels) -> list[tuple[str, object]]:
    q = data.quarter
    none = labels.t("report.hl.none")
    items: list[tuple[str, object]] = []
    top = _best(q.groups, "visits")
    items.append(
        (
            labels.t("report.hl.most_visits"),
            labels.t("report.hl.times", name=top["group"], n=top["visits"]) if top else none,
        )
    )
    cover = _best(q.groups, "coverage")
    items.append(
        (
            labels.t("report.hl.best_coverage"),
            labels.t("report.hl.share", name=cover["group"], share=f"{cover['coverage']:.1%}")
            if cover
            else none,
        )
    )
    solved = _best(q.groups, "problems_solved")
    items.append(
        (
            labels.t("report.hl.most_solved"),
            labels.t("report.hl.solved", name=solved["group"], n=solved["problems_solved"])
            if solved
            else none,
        )
    )
    person = _best(
        [dict(p, group=f"{p['supervisor']} {p['supervisor_name']}") for p in q.supervisors],
        "visits",
    )
    items.append(
        (
            labels.t("report.hl.top_supervisor"),
            labels.t("report.hl.times", name=person["group"], n=person["visits"])
            if person
            else none,
        )
    )
    first = [p for p in q.supervisors if p.get("rank") == 1]
    items.append(
        (
            labels.t("report.hl.top_points"),
            "; ".join(f"{p['supervisor']} {p['supervisor_name']}" for p in first) or none,
        )
    )
    items.append(
        (
            labels.t("report.hl.problems"),
            labels.t(
                "report.hl.pair",
                a=q.totals.get("problems_raised", 0),
                b=q.totals.get("problems_solved", 0),
            ),
        )
    )
    now, before = q.totals.get("visits", 0), data.before.totals.get("visits", 0)
    items.append(
        (
            labels.t("report.hl.visits_change"),
            labels.t("report.hl.change", now=now, before=before, delta=now - before),
        )
    )
    items.append((labels.t("report.hl.overdue"), data.overdue))
    return items


# --- the workbook -----------------------------------------------------------------------


def write_quarterly(data: QuarterlyData, *, lang: str, path: Path) -> Path:
    labels = Labels(lang)
    book = Book(labels)
    title = labels.t("report.title.quarterly", period=labels.period(data.period))
    line = labels.period_line(data.period, data.quarter.as_of, data.quarter.made)

    def sheet_title(key: str) -> str:
        return labels.t("report.title.sheet", title=title, what=labels.sheet(key))

    groups = data.quarter.groups
    compare_cols = [Column("metric", max_width=20), Column("month", max_width=24)]
    compare_cols += [
        Column(_group_key(g["group_id"]), "auto", header=g["group"], max_width=20) for g in groups
    ]
    compare_cols.append(Column("park", "auto", header=labels.t("report.scope.park")))
    compare = book.table(
        labels.sheet("compare"),
        title=title,
        period=line,
        columns=compare_cols,
        rows=compare_rows(data, labels),
        freeze_first_col=True,
    )
    _ranking(book, labels, data, sheet_title("ranking"), line)
    book.pairs(
        labels.sheet("highlights"),
        title=sheet_title("highlights"),
        period=line,
        items=highlights(data, labels),
    )
    _trends(book, labels, data, sheet_title("trends"), line)
    _charts(book, labels, data, compare, sheet_title("charts"), line)
    return book.save(path)


def _ranking(book: Book, labels: Labels, data: QuarterlyData, title: str, line: str) -> None:
    people = sorted(
        (p for p in data.quarter.supervisors if p.get("rank") is not None),
        key=lambda p: (p["rank"], p["supervisor"]),
    )
    cols = [
        Column("rank", "int"),
        Column("supervisor"),
        Column("supervisor_name"),
        Column("group", max_width=24),
        Column("visits", "int"),
        Column("points_problems", "points"),
        Column("points_activities", "points"),
        Column("points_effectiveness", "points"),
        Column("points_total", "points"),
        Column("tier"),
        Column("reward", "money"),
        Column("subsidy", "money"),
    ]
    book.table(labels.sheet("ranking"), title=title, period=line, columns=cols, rows=people)


def _trends(book: Book, labels: Labels, data: QuarterlyData, title: str, line: str) -> None:
    cols = [Column("metric", max_width=20), Column("which", max_width=16)]
    cols += [
        Column(_group_key(g["group_id"]), "auto", header=g["group"], max_width=20)
        for g in data.quarter.groups
    ]
    cols.append(Column("park", "auto", header=labels.t("report.scope.park")))
    book.table(
        labels.sheet("trends"),
        title=title,
        period=line,
        columns=cols,
        rows=trend_rows(data, labels),
        freeze_first_col=True,
    )


def _charts(
    book: Book, labels: Labels, data: QuarterlyData, compare: SheetInfo, title: str, line: str
) -> None:
    ws = book.chart_sheet(labels.sheet("charts"), title=title, period=line)
    per_metric = len(data.months) + 1
    series = [_group_key(g["group_id"]) for g in data.quarter.groups]
    if not series:
        return
    for i, (key, _) in enumerate(METRICS):
        first = compare.first_row + i * per_metric
        book.chart(
            ws,
            chart_anchor(i),
            compare,
            title=labels.t("report.chart.month_trend", what=labels(key)),
            category="month",
            values=series,
            rows=(first, first + len(data.months) - 1),
        )


def build_quarterly(
    session: Session, *, period: Period, path: Path, lang: str = "zh", today: date | None = None
) -> QuarterlyData:
    """Compute the quarter's figures and write the workbook to `path`. Points are read as
    they are: bring the derived entries up to date first (gridctl.points.scoring.sync)."""
    data = quarterly_data(session, period=period, today=today)
    write_quarterly(data, lang=lang, path=path)
    return data

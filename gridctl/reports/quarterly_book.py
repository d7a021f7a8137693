"""The quarterly report's workbook for the group leaders' meeting (组长季度工作例会).

Sheets: the groups side by side, month by month (visits, coverage, problems solved,
activities, points); the points ranking with reward tiers; highlights; trends against the
previous quarter; charts.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sqlmodel import Session

from gridctl.dates import Period
from gridctl.reports.book import Book
from gridctl.reports.figures import GroupFigures, ParkFigures
from gridctl.reports.labels import Labels
from gridctl.reports.layout import Column, SheetInfo, as_row, chart_anchor
from gridctl.reports.quarterly import QuarterlyData, best, quarterly_data

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


def _group_key(gid: int) -> str:
    return f"g{gid}"


def _figure(figures: GroupFigures | ParkFigures | None, key: str) -> Any:
    """A metric of a group's or all groups' figures (None where the group had none)."""
    return None if figures is None else getattr(figures, key)


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
                "park": _figure(span.totals, key),
            }
            for g in span.groups:
                row[_group_key(g.group_id)] = _figure(g, key)
            rows.append(row)
    return rows


def trend_rows(data: QuarterlyData, labels: Labels) -> list[dict[str, Any]]:
    """Per metric: last quarter, this quarter and the change, a column per group and the park."""
    spans = {
        "previous": {g.group_id: g for g in data.before.groups},
        "current": {g.group_id: g for g in data.quarter.groups},
    }
    totals = {"previous": data.before.totals, "current": data.quarter.totals}
    keys = [_group_key(g.group_id) for g in data.quarter.groups]
    rows = []
    for key, kind in TREND_METRICS:
        block: dict[str, dict[str, Any]] = {}
        for which in ("previous", "current"):
            row: dict[str, Any] = {"metric": labels(key), "which": labels(which), "_kind": kind}
            for g in data.quarter.groups:
                row[_group_key(g.group_id)] = _figure(spans[which].get(g.group_id), key)
            row["park"] = _figure(totals[which], key)
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


def highlights(data: QuarterlyData, labels: Labels) -> list[tuple[str, object]]:
    """The quarter's highlights as (label, sentence) pairs."""
    q = data.quarter
    none = labels.t("report.hl.none")
    items: list[tuple[str, object]] = []
    top = best([(g.group, g.visits) for g in q.groups])
    items.append(
        (
            labels.t("report.hl.most_visits"),
            labels.t("report.hl.times", name=top.names, n=top.value) if top else none,
        )
    )
    cover = best([(g.group, g.coverage) for g in q.groups])
    items.append(
        (
            labels.t("report.hl.best_coverage"),
            labels.t("report.hl.share", name=cover.names, share=f"{cover.value:.1%}")
            if cover
            else none,
        )
    )
    solved = best([(g.group, g.problems_solved) for g in q.groups])
    items.append(
        (
            labels.t("report.hl.most_solved"),
            labels.t("report.hl.solved", name=solved.names, n=solved.value) if solved else none,
        )
    )
    person = best([(f"{p.supervisor} {p.supervisor_name}", p.visits) for p in q.supervisors])
    items.append(
        (
            labels.t("report.hl.top_supervisor"),
            labels.t("report.hl.times", name=person.names, n=person.value) if person else none,
        )
    )
    first = [p for p in q.supervisors if p.rank == 1]
    items.append(
        (
            labels.t("report.hl.top_points"),
            "; ".join(f"{p.supervisor} {p.supervisor_name}" for p in first) or none,
        )
    )
    items.append(
        (
            labels.t("report.hl.problems"),
            labels.t(
                "report.hl.pair",
                a=q.totals.problems_raised or 0,
                b=q.totals.problems_solved or 0,
            ),
        )
    )
    now, before = q.totals.visits or 0, data.before.totals.visits or 0
    items.append(
        (
            labels.t("report.hl.visits_change"),
            labels.t("report.hl.change", now=now, before=before, delta=now - before),
        )
    )
    items.append((labels.t("report.hl.overdue"), data.overdue))
    return items


def write_quarterly(data: QuarterlyData, *, lang: str, path: Path) -> Path:
    """Write the quarter's workbook to `path`."""
    labels = Labels(lang)
    book = Book(labels)
    title = labels.t("report.title.quarterly", period=labels.period(data.period))
    line = labels.period_line(data.period, data.quarter.as_of, data.quarter.made)

    def sheet_title(key: str) -> str:
        return labels.t("report.title.sheet", title=title, what=labels.sheet(key))

    groups = data.quarter.groups
    compare_cols = [Column("metric", max_width=20), Column("month", max_width=24)]
    compare_cols += [
        Column(_group_key(g.group_id), "auto", header=g.group, max_width=20) for g in groups
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
    ranked = [p for p in data.quarter.supervisors if p.rank is not None]
    people = [as_row(p) for p in sorted(ranked, key=lambda p: (p.rank or 0, p.supervisor))]
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
        Column(_group_key(g.group_id), "auto", header=g.group, max_width=20)
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
    series = [_group_key(g.group_id) for g in data.quarter.groups]
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
    they are: bring the derived entries up to date first (gridctl.points.derive.sync)."""
    data = quarterly_data(session, period=period, today=today)
    write_quarterly(data, lang=lang, path=path)
    return data

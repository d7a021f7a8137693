"""How long the monthly and quarterly reports take on a big ledger, against what they cannot avoid.

Builds (once; reused with --db) a ledger made by `gridctl init` and filled with raw sqlite3
executemany: grids, groups, supervisors, enterprises, visits spread over --months months, and
problems. Then times, in one process:
  - the report:  gridctl.reports.monthly_book.build_monthly / quarterly_book.build_quarterly
  - the floor:   the plain SQL aggregate queries the report needs (sqlite3, no ORM) plus
                 writing the same number of cells with openpyxl's write-only mode, no styles
and prints the ratio report / floor. It also prints the query plan of the month's queries, so
a missing index shows.

Default size (1,000,000 visits) runs in a few minutes. The scheme's planning size:
    .venv/bin/python bench/report.py --visits 10000000 --enterprises 100000 \\
        --supervisors 5000 --groups 50 --db /tmp/bench-10m.db
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

CATEGORIES = ("routine", "guidance", "policy", "follow-up", "joint")
NOTES = ("了解党员发展情况", "指导支部换届", "宣讲人才政策", "回访招工问题", "=SUM(A1:A9) 核对")


def build(db: Path, args: argparse.Namespace) -> None:
    env = {**os.environ, "GRIDCTL_DB": str(db), "GRIDCTL_LANG": "en"}
    subprocess.run([sys.executable, "-m", "gridctl", "init"], env=env, check=True)
    rng = random.Random(20261124)
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA foreign_keys=OFF")
    n_l1 = 5
    n_l2 = max(10, args.groups * 2)
    con.executemany(
        "INSERT INTO grid (id, code, name, level, parent_id) VALUES (?, ?, ?, ?, ?)",
        [(i, f"G{i}", f"一级网格{i}", 1, None) for i in range(1, n_l1 + 1)]
        + [
            (n_l1 + j, f"G{j % n_l1 + 1}-{j}", f"二级网格{j}", 2, j % n_l1 + 1)
            for j in range(1, n_l2 + 1)
        ],
    )
    con.executemany(
        "INSERT INTO guidance_group (id, name, grid_id) VALUES (?, ?, ?)",
        [(g, f"第{g}指导组", (g - 1) % n_l1 + 1) for g in range(1, args.groups + 1)],
    )
    con.executemany(
        "INSERT INTO supervisor (id, code, name, kind, group_id, active) VALUES (?, ?, ?, ?, ?, 1)",
        [
            (
                s,
                f"S{s:05d}",
                f"指导员{s}",
                "full-time" if s % 3 else "part-time",
                (s - 1) % args.groups + 1,
            )
            for s in range(1, args.supervisors + 1)
        ],
    )
    orgs = ("none", "branch", "joint-branch", "committee")
    con.executemany(
        "INSERT INTO enterprise (id, name, grid_id, party_org, members, supervisor_id, "
        "visit_class, is_core, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 'active', ?)",
        [
            (
                e,
                f"企业{e:06d}有限公司",
                n_l1 + (e % n_l2) + 1,
                orgs[e % 4],
                (e % 4) * 3,
                (e - 1) % args.supervisors + 1,
                "quarterly" if e % 4 == 0 else "monthly",
                "2024-01-01 00:00:00",
            )
            for e in range(1, args.enterprises + 1)
        ],
    )
    con.commit()
    start = args.last_month_end - timedelta(days=30 * args.months)
    days = (args.last_month_end - start).days
    per_firm = max(1, args.visits // args.enterprises)

    def visits() -> Iterator[tuple]:
        vid = 0
        for e in range(1, args.enterprises + 1):
            contact = (e - 1) % args.supervisors + 1
            for d in rng.sample(range(days), min(per_firm, days)):
                vid += 1
                sup = contact if vid % 5 else rng.randrange(1, args.supervisors + 1)
                yield (
                    vid,
                    sup,
                    e,
                    (start + timedelta(days=d)).isoformat(),
                    CATEGORIES[vid % 5],
                    NOTES[vid % 5],
                    "bench",
                    "2026-11-24 00:00:00",
                )

    t0 = time.perf_counter()
    con.executemany(
        "INSERT INTO visit (id, supervisor_id, enterprise_id, date, category, notes, source, "
        "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        visits(),
    )
    con.commit()
    # One problem per 20 visits; two in three of them solved 10 days later.
    con.execute(
        "INSERT INTO problem (visit_id, enterprise_id, supervisor_id, description, status, "
        "opened, closed_on, resolution, resolved_by_id, recorded_at) "
        "SELECT id, enterprise_id, supervisor_id, '招工难', "
        "CASE WHEN id % 3 = 0 THEN 'open' ELSE 'solved' END, date, "
        "CASE WHEN id % 3 = 0 THEN NULL ELSE date(date, '+10 days') END, "
        "CASE WHEN id % 3 = 0 THEN NULL ELSE '已协调' END, "
        "CASE WHEN id % 3 = 0 THEN NULL ELSE supervisor_id END, '2026-11-24' "
        "FROM visit WHERE id % 20 = 0"
    )
    con.commit()
    con.execute("ANALYZE")
    con.close()
    print(f"built in {time.perf_counter() - t0:.1f}s", file=sys.stderr)


# --- the floor: plain SQL plus the same cells, write-only, no styles --------------------


def floor_queries(con: sqlite3.Connection, start: str, end: str, as_of: str) -> list[list]:
    """The aggregates and listings a monthly report needs, as plain SQL."""
    p = (start, end)
    out = [
        con.execute(
            "SELECT s.id, s.code, s.name, s.kind, g.name FROM supervisor s "
            "JOIN guidance_group g ON g.id = s.group_id ORDER BY g.name, s.code"
        ).fetchall(),
        con.execute(
            "SELECT supervisor_id, count(*), count(DISTINCT enterprise_id) FROM visit "
            "WHERE date >= ? AND date < ? GROUP BY supervisor_id",
            p,
        ).fetchall(),
        con.execute(
            "SELECT supervisor_id, count(*) FROM enterprise WHERE status = 'active' "
            "GROUP BY supervisor_id"
        ).fetchall(),
        con.execute(
            "SELECT supervisor_id, count(*) FROM problem WHERE opened >= ? AND opened < ? "
            "GROUP BY supervisor_id",
            p,
        ).fetchall(),
        con.execute(
            "SELECT supervisor_id, count(*) FROM problem WHERE status = 'solved' "
            "AND closed_on >= ? AND closed_on < ? GROUP BY supervisor_id",
            p,
        ).fetchall(),
        con.execute(
            "SELECT supervisor_id, count(*) FROM problem WHERE opened < ? "
            "AND (closed_on IS NULL OR closed_on >= ?) GROUP BY supervisor_id",
            (end, end),
        ).fetchall(),
        con.execute(
            "SELECT s.group_id, count(DISTINCT v.enterprise_id) FROM visit v "
            "JOIN enterprise e ON e.id = v.enterprise_id "
            "JOIN supervisor s ON s.id = e.supervisor_id "
            "WHERE v.date >= ? AND v.date < ? AND e.status = 'active' GROUP BY s.group_id",
            p,
        ).fetchall(),
    ]
    # Points per supervisor and area (entries and adjustments), activities per supervisor.
    for table in ("point_entry", "point_adjustment"):
        out.append(
            con.execute(
                f"SELECT supervisor_id, area, sum(points) FROM {table} "
                "WHERE date >= ? AND date < ? GROUP BY supervisor_id, area",
                p,
            ).fetchall()
        )
    out.append(
        con.execute(
            "SELECT supervisor_id, count(*) FROM activity WHERE date >= ? AND date < ? "
            "GROUP BY supervisor_id",
            p,
        ).fetchall()
    )
    return out


def floor_listings(con: sqlite3.Connection, start: str, end: str, as_of: str) -> list[list]:
    return [
        con.execute(
            "SELECT v.id, v.date, s.code, s.name, g.name, e.name, e.credit_code, v.category, "
            "v.notes FROM visit v JOIN supervisor s ON s.id = v.supervisor_id "
            "JOIN guidance_group g ON g.id = s.group_id "
            "JOIN enterprise e ON e.id = v.enterprise_id "
            "WHERE v.date >= ? AND v.date < ? ORDER BY v.date, v.id",
            (start, end),
        ).fetchall(),
        con.execute(
            "SELECT e.name, e.credit_code, e.visit_class, e.created_at, (SELECT max(date) "
            "FROM visit v WHERE v.enterprise_id = e.id AND v.date <= ?), s.code, s.name, "
            "g.name FROM enterprise e "
            "LEFT JOIN supervisor s ON s.id = e.supervisor_id "
            "LEFT JOIN guidance_group g ON g.id = s.group_id WHERE e.status = 'active'",
            (as_of,),
        ).fetchall(),
        con.execute(
            "SELECT p.id, p.opened, p.status, p.description, e.name, s.code, s.name, g.name "
            "FROM problem p JOIN enterprise e ON e.id = p.enterprise_id "
            "JOIN supervisor s ON s.id = p.supervisor_id "
            "JOIN guidance_group g ON g.id = s.group_id "
            "WHERE p.opened < ? AND (p.closed_on IS NULL OR p.closed_on >= ?) "
            "ORDER BY p.opened, p.id",
            (end, end),
        ).fetchall(),
    ]


def write_cells(path: Path, sheets: list[list]) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    for i, rows in enumerate(sheets):
        ws = wb.create_sheet(f"s{i}")
        for row in rows:
            ws.append(list(row))
    wb.save(path)


def due_rows_floor(listing: list, as_of: date) -> list:
    """The overdue sheet's rows: the same per-enterprise date arithmetic the report does."""
    from gridctl.work.schedule import add_months

    out = []
    for row in listing:
        ref = date.fromisoformat((row[4] or row[3])[:10])
        due = add_months(ref, 1 if row[2] == "monthly" else 3)
        if due <= as_of:
            out.append((*row, (as_of - due).days))
    return out


def floor_month(con: sqlite3.Connection, start: date, end: date, out: Path) -> None:
    as_of = end - timedelta(days=1)
    aggregates = floor_queries(con, start.isoformat(), end.isoformat(), as_of.isoformat())
    visits, due, problems = floor_listings(
        con, start.isoformat(), end.isoformat(), as_of.isoformat()
    )
    write_cells(out, [aggregates[0], visits, due_rows_floor(due, as_of), problems])


def floor_quarter(con: sqlite3.Connection, quarter: tuple[date, date], out: Path) -> None:
    from gridctl.dates import previous, quarter_of

    q = quarter_of(quarter[0])
    spans = [*q.months(), q, previous(q)]
    sheets = []
    for span in spans:
        sheets += floor_queries(
            con, span.start.isoformat(), span.end.isoformat(), span.end.isoformat()
        )
    as_of = q.end - timedelta(days=1)
    due = floor_listings(con, q.start.isoformat(), q.end.isoformat(), as_of.isoformat())[1]
    due_rows_floor(due, as_of)
    write_cells(out, sheets)


# --- the reports ------------------------------------------------------------------------


def run_report(db: Path, kind: str, label: str, out: Path) -> None:
    from gridctl import dates
    from gridctl.ledger.config import resolve
    from gridctl.ledger.session import open_ledger

    with open_ledger(resolve(str(db)), write=False) as session:
        if kind == "monthly":
            from gridctl.reports.monthly_book import build_monthly

            period = dates.month(label)
            build_monthly(session, period=period, path=out, today=period.end)
        else:
            from gridctl.reports.quarterly_book import build_quarterly

            period = dates.quarter(label)
            build_quarterly(session, period=period, path=out, today=period.end)


REPEAT = 2


def sync_points(db: Path) -> float:
    """Derive the points entries once, as the first `points show` or report would."""
    from gridctl.ledger.config import resolve
    from gridctl.ledger.session import open_ledger
    from gridctl.points.derive import sync

    start = time.perf_counter()
    with open_ledger(resolve(str(db)), write=True) as session:
        sync(session)
    return time.perf_counter() - start


def timed(fn, *args) -> float:  # type: ignore[no-untyped-def]
    """The best of REPEAT runs (the machine is shared; the minimum is the least noisy)."""
    best = float("inf")
    for _ in range(REPEAT):
        start = time.perf_counter()
        fn(*args)
        best = min(best, time.perf_counter() - start)
    return best


def plans(con: sqlite3.Connection, start: str, end: str) -> None:
    for sql in (
        "SELECT supervisor_id, count(*), count(DISTINCT enterprise_id) FROM visit "
        "WHERE date >= ? AND date < ? GROUP BY supervisor_id",
        "SELECT e.id, (SELECT max(date) FROM visit v WHERE v.enterprise_id = e.id "
        "AND v.date <= ?) FROM enterprise e",
    ):
        params = (start, end) if sql.count("?") == 2 else (end,)
        plan = " | ".join(r[3] for r in con.execute("EXPLAIN QUERY PLAN " + sql, params))
        print(f"  plan: {plan}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=1_000_000)
    parser.add_argument("--enterprises", type=int, default=10_000)
    parser.add_argument("--supervisors", type=int, default=500)
    parser.add_argument("--groups", type=int, default=10)
    parser.add_argument("--months", type=int, default=24, help="months the visits span")
    parser.add_argument("--month", default="2026-10", help="month to report")
    parser.add_argument("--quarter", default="2026Q3", help="quarter to report")
    parser.add_argument("--db", type=Path, help="ledger to build, or reuse if it exists")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each; the best counts")
    args = parser.parse_args()
    global REPEAT
    REPEAT = args.repeat
    from gridctl import dates

    month = dates.month(args.month)
    quarter = dates.quarter(args.quarter)
    args.last_month_end = max(month.end, quarter.end)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.db"
        if not db.exists():
            build(db, args)
        print(f"points entries derived in {sync_points(db):.1f}s (once; kept)")
        con = sqlite3.connect(db)
        n = con.execute("SELECT count(*) FROM visit").fetchone()[0]
        in_month = con.execute(
            "SELECT count(*) FROM visit WHERE date >= ? AND date < ?",
            (month.start.isoformat(), month.end.isoformat()),
        ).fetchone()[0]
        print(f"ledger: {n:,} visits, {in_month:,} in {month.label}")
        plans(con, month.start.isoformat(), month.end.isoformat())
        out = Path(tmp)
        rows = []
        for kind, label, floor in (
            (
                "monthly",
                month.label,
                lambda: floor_month(con, month.start, month.end, out / "f.xlsx"),
            ),
            (
                "quarterly",
                quarter.label,
                lambda: floor_quarter(con, (quarter.start, quarter.end), out / "g.xlsx"),
            ),
        ):
            floor_s = timed(floor)
            report_s = timed(run_report, db, kind, label, out / f"{kind}.xlsx")
            rows.append((kind, label, report_s, floor_s))
        con.close()
    for kind, label, report_s, floor_s in rows:
        print(
            f"{kind:9} {label}: report {report_s:7.2f}s   plain SQL + write-only cells "
            f"{floor_s:7.2f}s   ratio {report_s / floor_s:5.2f}"
        )


if __name__ == "__main__":
    main()

"""Points reads at scale: the first sync, `points show/subsidy` for a month and a quarter,
against the plain SQL aggregate of the same month.

    .venv/bin/python bench/points.py                     # 1,000,000 visits (a few minutes)
    .venv/bin/python bench/points.py --visits 10000000   # the planned scale (long: run it
        # in the background, e.g. nohup .venv/bin/python bench/points.py --visits 10000000
        # --keep /tmp/points10m.db > /tmp/points10m.log 2>&1 &)

Builds a ledger with `gridctl init`, then raw sqlite3 executemany into the real tables:
5,000 supervisors in 100 groups, 100,000 enterprises, N visits spread evenly over
2021-01-01..2025-12-31 (60 months), a problem for one visit in 10 (half of them solved 15
days later), an activity for one visit in 100 and an award for one in 1,000. The shipped
default rules (visit cap 1 per enterprise-month, activity and problem caps per month).

Then times, each as a real `python -m gridctl ...` process (start-up included, about 0.3 s):
- first sync: `points show` (all time) on the fresh ledger, which derives every entry;
- `points show --month M` cold (1,000 visits were just added in M, so sync has work) and
  warm (nothing to sync: the cost every report pays);
- `points show --quarter Q`, `points subsidy --month M` (warm);
- baseline: sqlite3 `SELECT supervisor_id, area, sum(points) FROM point_entry WHERE date in
  M GROUP BY ...` (no start-up), and checks its totals equal `points show --month M`'s.
Prints seconds, the ratio to the baseline and seconds less the start-up (`gridctl --help`,
best of 3). `--keep FILE` keeps the ledger for reruns
(`--reuse` skips the build and the first sync when FILE exists).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

SUPERVISORS = 5_000
GROUPS = 100
ENTERPRISES = 100_000
START = dt.date(2021, 1, 1)
DAYS = 1826  # 2021-01-01 .. 2025-12-31
MONTH = "2024-05"
QUARTER = "2024Q2"
CATEGORIES = ["routine", "guidance", "policy", "follow-up", "joint"]
KINDS = ["theme-day", "lecture", "training", "joint-building", "volunteer", "other"]
AWARDS = ["party-org-founded", "enterprise-commended", "model-site", "brand"]
CHUNK = 200_000


def gridctl(db: Path, *args: str) -> tuple[float, str]:
    env = {**os.environ, "GRIDCTL_DB": str(db), "GRIDCTL_USER": "bench"}
    env.pop("GRIDCTL_RULES", None)
    t0 = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "gridctl", *args], env=env, capture_output=True, text=True
    )
    elapsed = time.perf_counter() - t0
    if done.returncode != 0:
        raise SystemExit(f"gridctl {' '.join(args)} failed:\n{done.stderr}")
    return elapsed, done.stdout


def build(db: Path, visits: int) -> None:
    gridctl(db, "init")
    con = sqlite3.connect(db)
    con.execute("PRAGMA synchronous=OFF")
    now = dt.datetime.now(dt.UTC).isoformat()
    with con:
        con.executemany(
            "INSERT INTO grid (id, code, name, level, parent_id) VALUES (?,?,?,?,?)",
            [(g, f"G{g}", f"区{g}", 1, None) for g in range(1, GROUPS + 1)]
            + [(GROUPS + g, f"G{g}-1", f"区{g}网格", 2, g) for g in range(1, GROUPS + 1)],
        )
        con.executemany(
            "INSERT INTO guidance_group (id, name, grid_id) VALUES (?,?,?)",
            [(g, f"第{g}指导组", g) for g in range(1, GROUPS + 1)],
        )
        con.executemany(
            "INSERT INTO supervisor (id, code, name, kind, group_id, active) VALUES (?,?,?,?,?,1)",
            [
                (s, f"S{s:05d}", f"指导员{s}", "part-time", (s - 1) % GROUPS + 1)
                for s in range(1, SUPERVISORS + 1)
            ],
        )
        con.executemany(
            "INSERT INTO enterprise (id, name, grid_id, supervisor_id, party_org, members, "
            "is_core, status, created_at) VALUES (?,?,?,?,'none',0,0,'active',?)",
            [
                (e, f"企业{e:06d}有限公司", GROUPS + _sup(e) % GROUPS + 1, _sup(e), now)
                for e in range(1, ENTERPRISES + 1)
            ],
        )
    for lo in range(0, visits, CHUNK):
        _chunk(con, lo, min(visits, lo + CHUNK), now)
    con.close()


def _sup(e: int) -> int:
    return (e - 1) % SUPERVISORS + 1


def _chunk(con: sqlite3.Connection, lo: int, hi: int, now: str) -> None:
    """Visits lo..hi-1: visit i is to enterprise i % E by its supervisor, distinct dates."""
    v, p, a, w = [], [], [], []
    for i in range(lo, hi):
        e = i % ENTERPRISES + 1
        day = START + dt.timedelta(days=(i // ENTERPRISES * 17 + e) % DAYS)
        sup = _sup(e)
        v.append((i + 1, sup, e, day.isoformat(), CATEGORIES[i % 5], now))
        if i % 10 == 0:
            solved = i % 20 == 0
            closed = (day + dt.timedelta(days=15)).isoformat() if solved else None
            status = "solved" if solved else "open"
            p.append((i + 1, e, sup, f"问题{i}", status, day.isoformat(), closed, sup, now))
        if i % 100 == 0:
            a.append((sup, f"活动{i}", day.isoformat(), KINDS[i // 100 % 6], now))
        if i % 1000 == 0:
            w.append((sup, AWARDS[i // 1000 % 4], day.isoformat(), e, "成效", now))
    with con:
        con.executemany(
            "INSERT INTO visit (id, supervisor_id, enterprise_id, date, category, source, "
            "recorded_at) VALUES (?,?,?,?,?,'bench',?)",
            v,
        )
        con.executemany(
            "INSERT INTO problem (visit_id, enterprise_id, supervisor_id, description, status, "
            "opened, closed_on, resolved_by_id, recorded_at) VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (vid, e, s, d, st, o, c, r if st == "solved" else None, n)
                for vid, e, s, d, st, o, c, r, n in p
            ],
        )
        con.executemany(
            "INSERT INTO activity (supervisor_id, title, date, kind, source, recorded_at) "
            "VALUES (?,?,?,?,'bench',?)",
            a,
        )
        con.executemany(
            "INSERT INTO effectiveness_award (supervisor_id, kind, date, enterprise_id, reason, "
            "recorded_by, recorded_at) VALUES (?,?,?,?,?,'bench',?)",
            w,
        )


def add_month_visits(db: Path, n: int) -> None:
    """n more visits in MONTH (category 'joint-extra' days never used by the build)."""
    con = sqlite3.connect(db)
    first = dt.date.fromisoformat(MONTH + "-01")
    now = dt.datetime.now(dt.UTC).isoformat()
    (top,) = con.execute("SELECT max(id) FROM visit").fetchone()
    tag = f"extra{top}"
    with con:
        con.executemany(
            "INSERT INTO visit (supervisor_id, enterprise_id, date, category, source, "
            "recorded_at) VALUES (?,?,?,?,'bench',?)",
            [
                (_sup(e), e, (first + dt.timedelta(days=e % 28)).isoformat(), tag, now)
                for e in range(1, n + 1)
            ],
        )
    con.close()


def baseline(db: Path) -> tuple[float, dict[str, Decimal]]:
    first = dt.date.fromisoformat(MONTH + "-01")
    end = (first + dt.timedelta(days=32)).replace(day=1)
    con = sqlite3.connect(db)
    t0 = time.perf_counter()
    rows = con.execute(
        "SELECT s.code, sum(e.points) FROM point_entry e JOIN supervisor s "
        "ON s.id = e.supervisor_id WHERE e.date >= ? AND e.date < ? GROUP BY s.code",
        (first.isoformat(), end.isoformat()),
    ).fetchall()
    elapsed = time.perf_counter() - t0
    con.close()
    return elapsed, {code: Decimal(str(total)).quantize(Decimal("0.01")) for code, total in rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="build the ledger here and keep it")
    parser.add_argument("--reuse", action="store_true", help="reuse --keep FILE if it exists")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="gridctl-points-bench-"))
    db = args.keep or tmp / "ledger.db"
    figures: list[tuple[str, float]] = []
    if not (args.reuse and db.exists()):
        if db.exists():
            db.unlink()
        t0 = time.perf_counter()
        build(db, args.visits)
        print(f"built {args.visits:,} visits in {time.perf_counter() - t0:.1f} s: {db}")
        first = gridctl(db, "points", "show", "--format", "json")[0]
        figures.append(("first sync (points show, all time)", first))
    con = sqlite3.connect(db)
    counts = {
        t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("visit", "problem", "activity", "effectiveness_award", "point_entry")
    }
    con.close()
    print("rows:", ", ".join(f"{t} {n:,}" for t, n in counts.items()))
    add_month_visits(db, 1_000)
    month = ("points", "show", "--month", MONTH, "--format", "json")
    figures.append(
        (f"points show --month {MONTH} (cold: 1,000 new visits)", gridctl(db, *month)[0])
    )
    warm, out = gridctl(db, *month)
    figures.append((f"points show --month {MONTH} (warm)", warm))
    quarter = ("points", "show", "--quarter", QUARTER, "--format", "json")
    figures.append((f"points show --quarter {QUARTER} (warm)", gridctl(db, *quarter)[0]))
    subsidy = ("points", "subsidy", "--month", MONTH, "--format", "json")
    figures.append((f"points subsidy --month {MONTH} (warm)", gridctl(db, *subsidy)[0]))
    alltime = gridctl(db, "points", "show", "--format", "json")[0]
    figures.append(("points show (all time, warm)", alltime))
    base, sums = baseline(db)
    shown = {
        r["supervisor"]: Decimal(str(r["total"])).quantize(Decimal("0.01"))
        for r in json.loads(out)
        if r["total"]
    }
    assert shown == {k: v for k, v in sums.items() if v}, "points show != SQL aggregate"
    startup = min(gridctl(db, "--help")[0] for _ in range(3))
    print(f"{'what':58} {'seconds':>9} {'x baseline':>11} {'less start-up':>14}")
    for name, secs in figures:
        print(f"{name:58} {secs:9.3f} {secs / base:11.0f} {secs - startup:14.3f}")
    print(f"{'baseline: SQL sum of the month (no start-up)':58} {base:9.3f} {1:11.0f}")
    print(f"checked: points show --month {MONTH} equals the SQL aggregate ({len(sums):,} rows)")


if __name__ == "__main__":
    main()

"""Import speed: `gridctl import visits` against raw sqlite3 executemany of the same rows.

    .venv/bin/python bench/import.py                 # 200,000 visits (about a minute)
    .venv/bin/python bench/import.py --rows 1000000  # the million-row file

Builds a ledger (grids, groups, supervisors, enterprises) and a visits CSV, copies the ledger
twice, then, on the same rows:
- gridctl: `python -m gridctl import visits FILE` (reads, validates and resolves every row,
  checks duplicates, writes in one transaction, logs the run), timed end to end;
- raw: sqlite3 `executemany` INSERT of the rows already resolved to ids, in one transaction.
Prints rows/s of each and the ratio (goal: gridctl within 3x of raw), and the peak memory
(max RSS) of the gridctl process: its own VmHWM on Linux. Not getrusage's ru_maxrss: Linux
carries the parent's high-water mark across (v)fork and exec, so ru_maxrss of the child
reported this bench's own memory (the generated rows), not gridctl's.

With --pg URL (or GRIDCTL_TEST_POSTGRES set) it does the same on PostgreSQL: two scratch
databases made from that server URL (dropped afterwards), `gridctl import visits` into one and
a plain psycopg `COPY visit (...) FROM STDIN` of the same resolved rows into the other; prints
the ratio (goal: within 2x of COPY).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from gridctl import uscc

SUPERVISORS = 500
ENTERPRISES = 5000
CATEGORIES = ["routine", "guidance", "policy", "follow-up", "joint"]


def credit_code(i: int) -> str:
    body = f"9134010{i:010d}"
    return body + uscc.check_char(body)


def build_ledger(path: Path) -> None:
    env = {**os.environ, "GRIDCTL_DB": str(path)}
    subprocess.run(
        [sys.executable, "-m", "gridctl", "init"], env=env, check=True, capture_output=True
    )
    con = sqlite3.connect(path)
    with con:
        con.execute("INSERT INTO grid (id, code, name, level) VALUES (1, 'G1', '一区', 1)")
        con.execute(
            "INSERT INTO grid (id, code, name, level, parent_id) "
            "VALUES (2, 'G1-1', '一区一网格', 2, 1)"
        )
        con.execute("INSERT INTO guidance_group (id, name, grid_id) VALUES (1, '第一指导组', 1)")
        con.executemany(
            "INSERT INTO supervisor (id, code, name, kind, group_id, active) VALUES (?,?,?,?,1,1)",
            [(i, f"S{i:04d}", f"指导员{i}", "part-time") for i in range(1, SUPERVISORS + 1)],
        )
        now = dt.datetime.now(dt.UTC).isoformat()
        con.executemany(
            "INSERT INTO enterprise (id, name, credit_code, grid_id, party_org, members, "
            "is_core, status, created_at) VALUES (?,?,?,2,'none',0,0,'active',?)",
            [(i, f"企业{i:05d}有限公司", credit_code(i), now) for i in range(1, ENTERPRISES + 1)],
        )
    con.close()


def make_rows(n: int, seed: int = 7) -> list[tuple[int, int, dt.date, str, str]]:
    """n distinct (supervisor id, enterprise id, date, category, notes)."""
    rng = random.Random(seed)
    start = dt.date(2016, 1, 1)
    seen: set[tuple[int, int, dt.date, str]] = set()
    rows = []
    while len(rows) < n:
        key = (
            rng.randint(1, SUPERVISORS),
            rng.randint(1, ENTERPRISES),
            start + dt.timedelta(days=rng.randint(0, 3600)),
            rng.choice(CATEGORIES),
        )
        if key not in seen:
            seen.add(key)
            rows.append((*key, f"走访记录{len(rows)}：了解党员发展和企业用工情况"))
    return rows


def write_csv(path: Path, rows: list[tuple[int, int, dt.date, str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["指导员", "企业", "走访日期", "走访类型", "走访情况"])
        for s, e, d, c, notes in rows:
            # Enterprises by name and by credit code, dates in two spellings, as offices send.
            firm = f"企业{e:05d}有限公司" if e % 3 else credit_code(e)
            day = d.isoformat() if s % 4 else f"{d.year}/{d.month}/{d.day}"
            out.writerow([f"S{s:04d}", firm, day, c, notes])


def time_gridctl(ledger: Path | str, file: Path) -> tuple[float, str, int]:
    env = {**os.environ, "GRIDCTL_DB": str(ledger), "GRIDCTL_LANG": "en"}
    code = (
        "import atexit, runpy, sys; sys.argv=['gridctl','import','visits',sys.argv[1]];"
        "hwm = lambda: next(int(l.split()[1]) for l in open('/proc/self/status') "
        "if l.startswith('VmHWM'));"
        "atexit.register(lambda: print('maxrss_kib', hwm(), file=sys.stderr));"
        "runpy.run_module('gridctl', run_name='__main__')"
    )
    t0 = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, str(file)], env=env, capture_output=True, text=True
    )
    elapsed = time.perf_counter() - t0
    if done.returncode != 0:
        raise SystemExit(f"gridctl import failed:\n{done.stderr}")
    rss = int(done.stderr.split("maxrss_kib")[-1].split()[0])
    return elapsed, done.stdout.strip(), rss


def time_raw(ledger: Path, rows: list[tuple[int, int, dt.date, str, str]]) -> float:
    now = dt.datetime.now(dt.UTC).isoformat()
    resolved = [(s, e, d.isoformat(), c, n, "import:raw", now) for s, e, d, c, n in rows]
    con = sqlite3.connect(ledger, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute("PRAGMA foreign_keys=ON")
    t0 = time.perf_counter()
    con.execute("BEGIN IMMEDIATE")
    con.executemany(
        "INSERT INTO visit (supervisor_id, enterprise_id, date, category, notes, source, "
        "recorded_at) VALUES (?,?,?,?,?,?,?)",
        resolved,
    )
    con.execute("COMMIT")
    elapsed = time.perf_counter() - t0
    con.close()
    return elapsed


PG_SEED = [
    "INSERT INTO grid (id, code, name, level) VALUES (1, 'G1', '一区', 1)",
    "INSERT INTO grid (id, code, name, level, parent_id) VALUES (2, 'G1-1', '一区一网格', 2, 1)",
    "INSERT INTO guidance_group (id, name, grid_id) VALUES (1, '第一指导组', 1)",
]


def pg_url(url: str, database: str) -> str:
    from sqlalchemy.engine import make_url

    base = make_url(url.replace("postgresql://", "postgresql+psycopg://", 1))
    return base.set(database=database).render_as_string(hide_password=False)


def pg_connect(url: str):  # type: ignore[no-untyped-def]
    import psycopg

    return psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://", 1))


def build_pg_ledger(url: str) -> None:
    env = {**os.environ, "GRIDCTL_DB": url}
    subprocess.run(
        [sys.executable, "-m", "gridctl", "init"], env=env, check=True, capture_output=True
    )
    now = dt.datetime.now(dt.UTC)
    with pg_connect(url) as con, con.cursor() as cur:
        for stmt in PG_SEED:
            cur.execute(stmt)
        cur.executemany(
            "INSERT INTO supervisor (id, code, name, kind, group_id, active) "
            "VALUES (%s,%s,%s,%s,1,true)",
            [(i, f"S{i:04d}", f"指导员{i}", "part-time") for i in range(1, SUPERVISORS + 1)],
        )
        cur.executemany(
            "INSERT INTO enterprise (id, name, credit_code, grid_id, party_org, members, "
            "is_core, status, created_at) VALUES (%s,%s,%s,2,'none',0,false,'active',%s)",
            [(i, f"企业{i:05d}有限公司", credit_code(i), now) for i in range(1, ENTERPRISES + 1)],
        )
        for table in ("grid", "guidance_group", "supervisor", "enterprise"):
            cur.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT max(id) FROM {table}))"
            )


def time_pg_copy(url: str, rows: list[tuple[int, int, dt.date, str, str]]) -> float:
    now = dt.datetime.now(dt.UTC)
    with pg_connect(url) as con, con.cursor() as cur:
        t0 = time.perf_counter()
        with cur.copy(
            "COPY visit (supervisor_id, enterprise_id, date, category, notes, source, "
            "recorded_at) FROM STDIN"
        ) as copy:
            for s, e, d, c, n in rows:
                copy.write_row((s, e, d, c, n, "import:raw", now))
        con.commit()
        return time.perf_counter() - t0


def pg_count(url: str) -> int:
    with pg_connect(url) as con:
        row = con.execute("SELECT count(*) FROM visit").fetchone()
    return int(row[0]) if row else 0


def bench_pg(server: str, rows: list[tuple[int, int, dt.date, str, str]], file: Path) -> None:
    names = ["gridctl_bench_import", "gridctl_bench_copy"]
    admin = pg_connect(pg_url(server, "postgres"))
    admin.autocommit = True
    try:
        for name in names:
            admin.execute(f"DROP DATABASE IF EXISTS {name}")
            admin.execute(f"CREATE DATABASE {name}")
        g_url, c_url = (pg_url(server, n) for n in names)
        for url in (g_url, c_url):
            build_pg_ledger(url)
        g_time, summary, rss = time_gridctl(g_url, file)
        c_time = time_pg_copy(c_url, rows)
        assert pg_count(g_url) == pg_count(c_url) == len(rows)
        print(
            f"PostgreSQL gridctl import visits: {g_time:6.2f} s  {len(rows) / g_time:10,.0f} "
            f"rows/s  (max RSS {rss / 1024:.0f} MiB)  [{summary}]"
        )
        print(f"PostgreSQL plain COPY: {c_time:6.2f} s  {len(rows) / c_time:10,.0f} rows/s")
        print(f"ratio gridctl/COPY: {g_time / c_time:.2f}x (goal: within 2x)")
    finally:
        for name in names:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--keep", type=Path, help="write the ledger and CSV here and keep them")
    parser.add_argument(
        "--pg",
        default=os.environ.get("GRIDCTL_TEST_POSTGRES"),
        help="a PostgreSQL server URL: also bench the import against a plain COPY there",
    )
    parser.add_argument("--pg-only", action="store_true", help="skip the SQLite bench")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="gridctl-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        base = work / "base.db"
        for old in work.glob("*.db*"):
            old.unlink()
        build_ledger(base)
        rows = make_rows(args.rows)
        file = work / "visits.csv"
        write_csv(file, rows)
        if args.pg:
            bench_pg(args.pg, rows, file)
        if args.pg_only:
            return
        for name in ("gridctl.db", "raw.db"):
            shutil.copy(base, work / name)
        g_time, summary, rss = time_gridctl(work / "gridctl.db", file)
        r_time = time_raw(work / "raw.db", rows)
        count = (
            sqlite3.connect(work / "gridctl.db").execute("SELECT count(*) FROM visit").fetchone()
        )
        assert count[0] == args.rows, count
        print(f"rows: {args.rows:,} ({file.stat().st_size / 1e6:.1f} MB CSV)")
        print(
            f"gridctl import visits: {g_time:6.2f} s  {args.rows / g_time:10,.0f} rows/s  "
            f"(max RSS {rss / 1024:.0f} MiB)  [{summary}]"
        )
        print(f"raw sqlite3 executemany: {r_time:6.2f} s  {args.rows / r_time:10,.0f} rows/s")
        print(f"ratio gridctl/raw: {g_time / r_time:.2f}x (goal: within 3x)")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

"""The province-scale park, built once with bulk SQL and kept, so every bench can run on it.

    .venv/bin/python bench/scale.py --cache /var/tmp/gridctl-scale            # 10,000,000 visits
    .venv/bin/python bench/scale.py --cache DIR --visits 1000000             # a smaller one
    .venv/bin/python bench/scale.py --cache DIR --pg postgresql://postgres@127.0.0.1:5432/postgres

The park (the same as bench/points.py builds row by row, so figures compare): 100 groups on
100 level-1 grids, 5,000 supervisors, 100,000 enterprises, N visits spread evenly over
2021-01-01..2025-12-31 (visit i is to enterprise i % E by its contact supervisor), a problem
for one visit in 10 (half solved 15 days later), an activity for one in 100, an effectiveness
award for one in 1,000; each visit has a line of notes. Deterministic: the same N gives
the same rows.

SQLite: DIR/park-N.db. `gridctl init` makes the schema; the work tables' secondary indexes are
dropped, the rows go in with one INSERT ... SELECT each from a recursive counter, in id order,
and the indexes are built again afterwards (one sort each instead of 10M random inserts);
then ANALYZE. PostgreSQL (--pg names a server database to create from): database
gridctl_scale_N, the same with generate_series, then ANALYZE. A park already built (its
visit count matches N) is reused; `--rebuild` builds it again.

Point entries are not part of the build: `--derive` then runs `gridctl points recompute` on
it and prints that time apart (it is the derivation's own figure, not the builder's).
Prints each step's seconds and the rows and size; `--print-target` prints only the ledger
to pass as `--db` to another bench.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

SUPERVISORS = 5_000
GROUPS = 100
ENTERPRISES = 100_000
WORK_TABLES = ("visit", "problem", "activity", "effectiveness_award")
NOW = "2026-01-01 00:00:00.000000"

# The rows, as SQL over a counter n(i) = 0..N-1: e is the enterprise, s its supervisor, d
# the visit's day number from 2021-01-01 (DAYS = 1826 days to 2025-12-31).
E = f"(i % {ENTERPRISES} + 1)"
S = f"((i % {ENTERPRISES}) % {SUPERVISORS} + 1)"
D = f"((i / {ENTERPRISES} * 17 + (i % {ENTERPRISES} + 1)) % 1826)"
CATEGORY = (
    "CASE i % 5 WHEN 0 THEN 'routine' WHEN 1 THEN 'guidance' WHEN 2 THEN 'policy' "
    "WHEN 3 THEN 'follow-up' ELSE 'joint' END"
)
KIND = (
    "CASE i / 100 % 6 WHEN 0 THEN 'theme-day' WHEN 1 THEN 'lecture' WHEN 2 THEN 'training' "
    "WHEN 3 THEN 'joint-building' WHEN 4 THEN 'volunteer' ELSE 'other' END"
)
# A visit's notes, as long as a typical line of a visit ledger.
NOTES = "'第' || (i + 1) || '次走访：了解企业党员发展情况，宣传党建工作政策。'"
AWARD = (
    "CASE i / 1000 % 4 WHEN 0 THEN 'party-org-founded' WHEN 1 THEN 'enterprise-commended' "
    "WHEN 2 THEN 'model-site' ELSE 'brand' END"
)


def work_sql(day: str, counter: str) -> list[str]:
    """The four INSERT ... SELECTs; `day(x)` renders day number x as a date, `counter` is the
    FROM clause giving i."""
    solved = "i % 20 = 0"
    return [
        "INSERT INTO visit (id, supervisor_id, enterprise_id, date, category, notes, source, "
        f"recorded_at) SELECT i + 1, {S}, {E}, {day.format(D)}, {CATEGORY}, {NOTES}, 'bench', "
        f"'{NOW}' FROM {counter}",
        "INSERT INTO problem (visit_id, enterprise_id, supervisor_id, description, status, "
        "opened, closed_on, resolved_by_id, recorded_at) "
        f"SELECT i + 1, {E}, {S}, '问题' || i, CASE WHEN {solved} THEN 'solved' ELSE 'open' "
        f"END, {day.format(D)}, CASE WHEN {solved} THEN {day.format(D + ' + 15')} END, "
        f"CASE WHEN {solved} THEN {S} END, '{NOW}' FROM {counter} WHERE i % 10 = 0",
        "INSERT INTO activity (supervisor_id, title, date, kind, source, recorded_at) "
        f"SELECT {S}, '活动' || i, {day.format(D)}, {KIND}, 'bench', '{NOW}' "
        f"FROM {counter} WHERE i % 100 = 0",
        "INSERT INTO effectiveness_award (supervisor_id, kind, date, enterprise_id, reason, "
        f"recorded_by, recorded_at) SELECT {S}, {AWARD}, {day.format(D)}, {E}, '成效', "
        f"'bench', '{NOW}' FROM {counter} WHERE i % 1000 = 0",
    ]


def register_sql(counter: str, true: str, pad: str) -> list[str]:
    """Grids, groups, supervisors, enterprises; `counter` takes the upper bound, `pad` a
    number and a width (zero-padded text)."""
    return [
        "INSERT INTO grid (id, code, name, level, parent_id) "
        f"SELECT i + 1, 'G' || (i + 1), '区' || (i + 1), 1, NULL FROM {counter.format(GROUPS)}",
        "INSERT INTO grid (id, code, name, level, parent_id) "
        f"SELECT {GROUPS} + i + 1, 'G' || (i + 1) || '-1', '区' || (i + 1) || '网格', 2, i + 1 "
        f"FROM {counter.format(GROUPS)}",
        "INSERT INTO guidance_group (id, name, grid_id) "
        f"SELECT i + 1, '第' || (i + 1) || '指导组', i + 1 FROM {counter.format(GROUPS)}",
        "INSERT INTO supervisor (id, code, name, kind, group_id, active) "
        f"SELECT i + 1, 'S' || {pad.format('i + 1', 5)}, '指导员' || (i + 1), "
        f"'part-time', i % {GROUPS} + 1, {true} FROM {counter.format(SUPERVISORS)}",
        "INSERT INTO enterprise (id, name, grid_id, supervisor_id, party_org, members, is_core, "
        "status, created_at) "
        f"SELECT i + 1, '企业' || {pad.format('i + 1', 6)} || '有限公司', "
        f"{GROUPS} + (i % {SUPERVISORS} + 1) % {GROUPS} + 1, i % {SUPERVISORS} + 1, 'none', 0, "
        f"NOT {true}, 'active', '{NOW}' FROM {counter.format(ENTERPRISES)}",
    ]


def gridctl(target: str, *args: str) -> float:
    env = {**os.environ, "GRIDCTL_DB": target, "GRIDCTL_USER": "bench"}
    env.pop("GRIDCTL_RULES", None)
    t0 = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "gridctl", *args], env=env, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"gridctl {' '.join(args)} failed:\n{done.stderr}")
    return time.perf_counter() - t0


def step(name: str, started: float) -> float:
    now = time.perf_counter()
    print(f"  {name:48} {now - started:8.1f} s", flush=True)
    return now


# --- SQLite ------------------------------------------------------------------------------


def sqlite_visits(db: Path) -> int | None:
    if not db.exists():
        return None
    con = sqlite3.connect(db)
    try:
        return int(con.execute("SELECT count(*) FROM visit").fetchone()[0])
    except sqlite3.Error:
        return None
    finally:
        con.close()


def build_sqlite(db: Path, visits: int) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    t0 = time.perf_counter()
    gridctl(str(db), "init")
    t = step("gridctl init", t0)
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA journal_mode=OFF")  # a build from nothing: rebuilt whole on failure
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA cache_size=-1000000")
    con.execute("PRAGMA temp_store=MEMORY")
    indexes = con.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({','.join('?' * len(WORK_TABLES))})",
        WORK_TABLES,
    ).fetchall()
    con.execute("BEGIN")
    for name, _ in indexes:
        con.execute(f'DROP INDEX "{name}"')
    counter = (
        "(WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {} - 1)"
        " SELECT i FROM n)"
    )
    for sql in register_sql(counter, "1", "substr('000000' || ({}), -{})"):
        con.execute(sql)
    t = step("registers", t)
    day = "date('2021-01-01', '+' || ({}) || ' days')"
    for table, sql in zip(WORK_TABLES, work_sql(day, counter.format(visits)), strict=True):
        con.execute(sql)
        t = step(f"{table} rows", t)
    for _name, sql in indexes:
        con.execute(sql)
    t = step(f"{len(indexes)} indexes built again", t)
    con.execute("COMMIT")
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("ANALYZE")
    step("ANALYZE", t)
    con.close()


# --- PostgreSQL ----------------------------------------------------------------------------


def pg_url(server: str, visits: int) -> str:
    from sqlalchemy.engine import make_url

    url = make_url(server.replace("postgresql://", "postgresql+psycopg://", 1))
    return url.set(database=f"gridctl_scale_{visits}").render_as_string(hide_password=False)


def pg_visits(server: str, visits: int) -> int | None:
    import psycopg

    url = pg_url(server, visits).replace("postgresql+psycopg://", "postgresql://", 1)
    try:
        with psycopg.connect(url) as conn:
            row = conn.execute("SELECT count(*) FROM visit").fetchone()
            return int(row[0]) if row else None
    except psycopg.Error:
        return None


def build_pg(server: str, visits: int) -> None:
    import psycopg
    from sqlalchemy.engine import make_url

    name = f"gridctl_scale_{visits}"
    admin = make_url(server.replace("postgresql+psycopg://", "postgresql://", 1))
    with psycopg.connect(admin.render_as_string(hide_password=False), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    target = pg_url(server, visits)
    t0 = time.perf_counter()
    gridctl(target, "init")
    t = step("gridctl init", t0)
    plain = target.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(plain) as conn:
        # Rows made here are right by construction: no per-row foreign-key triggers (a
        # superuser's setting; another login checks every row, slower).
        superuser = conn.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        if (superuser.fetchone() or (False,))[0]:
            conn.execute("SET session_replication_role = replica")
        indexes = conn.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' "
            "AND tablename = ANY(%s) AND indexname NOT LIKE 'pk_%%' AND indexname NOT LIKE 'uq_%%'",
            (list(WORK_TABLES),),
        ).fetchall()
        for index, _ in indexes:
            conn.execute(f'DROP INDEX "{index}"')
        counter = "generate_series(0, {} - 1) AS n(i)"
        for sql in register_sql(counter, "true", "lpad(({})::text, {}, '0')"):
            conn.execute(sql)
        t = step("registers", t)
        day = "(DATE '2021-01-01' + ({})::int)"
        for table, sql in zip(WORK_TABLES, work_sql(day, counter.format(visits)), strict=True):
            conn.execute(sql)
            t = step(f"{table} rows", t)
        for _, definition in indexes:
            conn.execute(definition)
        t = step(f"{len(indexes)} indexes built again", t)
        for table in ("grid", "guidance_group", "supervisor", "enterprise", *WORK_TABLES):
            conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT max(id) FROM {table}))"
            )
        conn.commit()
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute("ANALYZE")
    step("ANALYZE", t)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=10_000_000)
    parser.add_argument("--cache", type=Path, required=True, help="folder that keeps the park")
    parser.add_argument("--pg", help="a server database URL to create gridctl_scale_N from")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--derive", action="store_true", help="then time points recompute")
    parser.add_argument("--print-target", action="store_true")
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    db = args.cache / f"park-{args.visits}.db"
    if args.print_target:
        print(pg_url(args.pg, args.visits) if args.pg else db)
        return
    targets: list[str] = []
    if args.rebuild or sqlite_visits(db) != args.visits:
        print(f"SQLite {db}: building {args.visits:,} visits")
        t0 = time.perf_counter()
        build_sqlite(db, args.visits)
        print(
            f"SQLite built in {time.perf_counter() - t0:.1f} s, {db.stat().st_size / 2**30:.2f} GiB"
        )
    else:
        print(f"SQLite {db}: kept ({args.visits:,} visits)")
    targets.append(str(db))
    if args.pg:
        if args.rebuild or pg_visits(args.pg, args.visits) != args.visits:
            print(f"PostgreSQL gridctl_scale_{args.visits}: building")
            t0 = time.perf_counter()
            build_pg(args.pg, args.visits)
            print(f"PostgreSQL built in {time.perf_counter() - t0:.1f} s")
        else:
            print(f"PostgreSQL gridctl_scale_{args.visits}: kept")
        targets.append(pg_url(args.pg, args.visits))
    if args.derive:
        for target in targets:
            seconds = gridctl(target, "points", "recompute", "--from", "2021-01-01")
            print(f"points recompute on {target.split('@')[-1]}: {seconds:.1f} s")


if __name__ == "__main__":
    main()

"""Visits per second with N writer processes at once, on SQLite (WAL) and on PostgreSQL.

Each writer is a process that records visits one command-sized transaction at a time, as
`gridctl visit add` does (open the ledger, check the schema, resolve supervisor and
enterprise, insert, commit, close), without the interpreter start-up that every real command
also pays (bench/startup.py measures that). Writers start together on a barrier; the rate is
all visits over the wall time until the last writer is done. Printed side by side:

    writers   sqlite visits/s   postgresql visits/s
          1              ...                   ...

PostgreSQL is used when a server answers: --postgres URL, else $GRIDCTL_TEST_POSTGRES, else
postgresql+psycopg://postgres@127.0.0.1:5432/postgres. A database is created for the run and
dropped afterwards.

Usage: .venv/bin/python bench/concurrency.py [--writers 1 4 16] [--visits 40]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import secrets
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
SUPERVISORS = 32


def setup_ledger(url: str) -> None:
    from gridctl.ledger.config import resolve
    from gridctl.ledger.migrate import upgrade
    from gridctl.ledger.session import make_engine, open_ledger
    from gridctl.registers.enterprises import add_enterprise
    from gridctl.registers.grids import add_grid
    from gridctl.registers.groups import add_group
    from gridctl.registers.supervisors import add_supervisor

    target = resolve(url)
    engine = make_engine(target)
    try:
        upgrade(engine)
    finally:
        engine.dispose()
    with open_ledger(target, write=True) as session:
        add_grid(session, code="G1", name="一区")
        add_grid(session, code="G1-1", name="一区一网格", parent="G1")
        add_group(session, name="第一指导组", grid="G1")
        for i in range(SUPERVISORS):
            add_supervisor(session, code=f"S{i:03d}", name=f"指导员{i}", group="第一指导组")
            add_enterprise(session, name=f"企业{i:03d}", grid="G1-1")


def writer(url: str, index: int, visits: int, barrier, done) -> None:  # type: ignore[no-untyped-def]
    from gridctl.ledger.config import resolve
    from gridctl.ledger.session import open_ledger
    from gridctl.work.visits import add_visit

    target = resolve(url)
    start = date(2020, 1, 1)
    barrier.wait()
    for n in range(visits):
        with open_ledger(target, write=True) as session:
            add_visit(
                session,
                supervisor=f"S{index % SUPERVISORS:03d}",
                enterprise=f"企业{n % SUPERVISORS:03d}",
                day=start + timedelta(days=index * visits + n),
                notes=f"bench {index}/{n}",
            )
    done.put(index)


def rate(url: str, writers: int, visits: int) -> float:
    barrier = mp.Barrier(writers + 1)
    done: mp.Queue[int] = mp.Queue()
    procs = [
        mp.Process(target=writer, args=(url, i, visits, barrier, done)) for i in range(writers)
    ]
    for p in procs:
        p.start()
    barrier.wait()
    began = time.perf_counter()
    for _ in procs:
        done.get(timeout=600)
    elapsed = time.perf_counter() - began
    for p in procs:
        p.join()
        if p.exitcode != 0:
            raise SystemExit(f"a writer failed (exit {p.exitcode})")
    return writers * visits / elapsed


class PgRun:
    """A database on the server for one measurement, dropped afterwards."""

    def __init__(self, server_url: str) -> None:
        from sqlalchemy import create_engine
        from sqlalchemy.engine import make_url

        self.base = make_url(server_url.replace("postgresql://", "postgresql+psycopg://", 1))
        self.admin = create_engine(self.base, isolation_level="AUTOCOMMIT")

    def reachable(self) -> bool:
        try:
            with self.admin.connect():
                return True
        except Exception:  # noqa: BLE001 - any failure means "no server here"
            return False

    def fresh(self) -> str:
        from sqlalchemy import text

        self.name = f"gridctl_bench_{secrets.token_hex(4)}"
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{self.name}"'))
        return self.base.set(database=self.name).render_as_string(hide_password=False)

    def drop(self) -> None:
        from sqlalchemy import text

        with self.admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))


def measure_sqlite(writers: int, visits: int) -> float:
    with tempfile.TemporaryDirectory() as folder:
        url = str(Path(folder) / "bench.db")
        setup_ledger(url)
        return rate(url, writers, visits)


def measure_pg(pg: PgRun, writers: int, visits: int) -> float:
    url = pg.fresh()
    try:
        setup_ledger(url)
        return rate(url, writers, visits)
    finally:
        pg.drop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--writers", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--visits", type=int, default=40, help="visits per writer")
    parser.add_argument("--postgres", default=os.environ.get("GRIDCTL_TEST_POSTGRES", DEFAULT_PG))
    args = parser.parse_args()
    mp.set_start_method("fork")
    pg = PgRun(args.postgres)
    has_pg = pg.reachable()
    print(
        f"{args.visits} visits per writer; {os.cpu_count()} CPUs; python {sys.version.split()[0]}"
    )
    if not has_pg:
        print(f"PostgreSQL: no server answers at {pg.base.render_as_string()} (SQLite only)")
    print(f"{'writers':>8} {'sqlite visits/s':>16} {'postgresql visits/s':>20}")
    for n in args.writers:
        lite = measure_sqlite(n, args.visits)
        post = f"{measure_pg(pg, n, args.visits):20.1f}" if has_pg else f"{'-':>20}"
        print(f"{n:>8} {lite:16.1f} {post}", flush=True)


if __name__ == "__main__":
    main()

"""`gridctl visit list` on a big ledger, against `gridctl --version` (start-up alone).

    .venv/bin/python bench/lists.py                        # 200,000 visits
    .venv/bin/python bench/lists.py --visits 10000000 --db /tmp/lists10m.db   # kept, reused

Runs on the park of bench/scale.py (100 groups, 5,000 supervisors, 100,000 enterprises, N
visits over 2021-01-01..2025-12-31), built there with bulk SQL, or reuses --db FILE when it
already holds visits (e.g. `--db $(bench/scale.py --cache DIR --print-target)`). Then times,
each a real `python -m gridctl` process with its stdout into /dev/null (not a terminal, so a
table prints plainly), median of --runs:
- `gridctl --version`: what every command pays (no database layer since it loads none);
- `python -c "import sqlite3, typer, sqlmodel"`: what a command reading the ledger pays
  before its first row;
- `gridctl visit list`: the default page (the newest 50 and the count on stderr);
- `gridctl visit list --format table`: the same page drawn in a box (rich imported);
- `gridctl visit list --all --format csv`: every visit, streamed (rows per second).
Each with its peak RSS (the child's own, from os.wait4), and the ratios to --version. Goals:
the default page within 1.5x --version; the CSV's peak memory flat (near the page's, not
growing with N).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# What any command that reads the ledger pays before its first row: the CLI and the ORM.
FLOOR = ("-c", "import sqlite3, typer, sqlmodel")


def run(db: Path, *args: str) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MB) of one gridctl process
    (or of `python -c` when args are FLOOR), stdout into /dev/null. On a shared machine the
    CPU time is the steadier figure."""
    env = {**os.environ, "GRIDCTL_DB": str(db), "GRIDCTL_LANG": "en", "GRIDCTL_USER": "bench"}
    t0 = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, *(args if args == FLOOR else ("-m", "gridctl", *args))],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - t0
    child.returncode = os.waitstatus_to_exitcode(status)
    err = child.stderr.read().decode() if child.stderr else ""
    if child.returncode != 0:
        raise SystemExit(f"gridctl {' '.join(args)} exited {child.returncode}:\n{err}")
    # ru_maxrss is in KB on Linux.
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def visits_in(db: Path) -> int:
    if not db.exists():
        return 0
    con = sqlite3.connect(db)
    try:
        (n,) = con.execute("SELECT count(*) FROM visit").fetchone()
    except sqlite3.Error:
        n = 0
    con.close()
    return int(n)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=200_000)
    parser.add_argument("--db", type=Path, help="build the ledger here, or reuse it if built")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--build-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    db = args.db or Path(tempfile.mkdtemp(prefix="gridctl-lists-bench-")) / "ledger.db"
    if args.build_only:
        from scale import build_sqlite

        build_sqlite(db, args.visits)
        return
    n = visits_in(db)
    if not n:
        if db.exists():
            db.unlink()
        t0 = time.perf_counter()
        # In a child: a forked child's peak RSS starts at its parent's, so this process
        # stays small for the figures to be the commands' own.
        subprocess.run(
            [
                sys.executable,
                __file__,
                "--build-only",
                "--db",
                str(db),
                "--visits",
                str(args.visits),
            ],
            check=True,
        )
        n = args.visits
        print(f"built {n:,} visits in {time.perf_counter() - t0:.1f} s: {db}")
    else:
        print(f"reusing {db}: {n:,} visits")

    def median(*cmd: str, runs: int = args.runs) -> tuple[float, float, float]:
        got = [run(db, *cmd) for _ in range(runs)]
        return (
            statistics.median(g[0] for g in got),
            statistics.median(g[1] for g in got),
            max(g[2] for g in got),
        )

    run(db, "visit", "list")  # warm the file cache
    version = median("--version")
    floor = median(*FLOOR)
    page = median("visit", "list")
    boxed = median("visit", "list", "--format", "table")
    every = median("visit", "list", "--all", "--format", "csv", runs=max(1, args.runs // 3))
    print(f"\n{'command':44} {'wall s':>7} {'x':>6} {'CPU s':>7} {'x':>6} {'peak MB':>8}")
    for name, (secs, cpu, rss) in (
        ("gridctl --version", version),
        ("python -c 'import sqlite3, typer, sqlmodel'", floor),
        ("gridctl visit list (default page, piped)", page),
        ("gridctl visit list --format table (boxed)", boxed),
        ("gridctl visit list --all --format csv", every),
    ):
        print(
            f"{name:44} {secs:7.3f} {secs / version[0]:6.2f} {cpu:7.3f} {cpu / version[1]:6.2f}"
            f" {rss:8.1f}"
        )
    print(
        f"\n--all --format csv: {n / every[0]:,.0f} rows/s wall, {n / every[1]:,.0f} rows/s CPU,"
        f" over {n:,} visits"
    )
    for what, i in (("wall", 0), ("CPU", 1)):
        ratio = page[i] / version[i]
        goal = "met" if ratio <= 1.5 else "NOT met"
        print(f"default page / --version ({what}): {ratio:.2f} (goal <= 1.5: {goal})")
    for what, i in (("wall", 0), ("CPU", 1)):
        print(f"default page / import sqlite3, typer, sqlmodel ({what}): {page[i] / floor[i]:.2f}")
    print(f"csv peak RSS / default page's: {every[2] / page[2]:.2f} (flat: near 1)")


if __name__ == "__main__":
    main()

"""How long `gridctl visit add` takes, against what it cannot avoid.

Prints, side by side in one run, the median wall time of:
  - python -c "import typer, sqlmodel"   (the floor: the libraries the CLI stands on)
  - python -c <sqlite3 insert>            (a bare insert, no libraries)
  - gridctl visit add ...                 (the real command on a small ledger)
and the ratios. The goal (issue 2): visit add adds at most 30% to `import typer, sqlmodel`.

Usage: .venv/bin/python bench/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def gridctl(env: dict[str, str], *args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "gridctl", *args], env=env, check=True, stdout=subprocess.DEVNULL
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        env = {**os.environ, "GRIDCTL_DB": str(db), "GRIDCTL_LANG": "en"}
        gridctl(env, "init")
        for args in (
            ("grid", "add", "G1", "一区"),
            ("grid", "add", "G1-1", "一区一网格", "--parent", "G1"),
            ("group", "add", "第一指导组", "--grid", "G1"),
            ("supervisor", "add", "S001", "张伟", "--group", "第一指导组"),
            ("enterprise", "add", "合肥芯联微电子有限公司", "--grid", "G1-1"),
        ):
            gridctl(env, *args)
        raw = Path(tmp) / "raw.db"
        import sqlite3

        sqlite3.connect(raw).execute("CREATE TABLE v (s, e, d, n)").connection.commit()
        floor_cmd = [sys.executable, "-c", "import typer, sqlmodel"]
        raw_cmd = [
            sys.executable,
            "-c",
            f"import sqlite3; c = sqlite3.connect({str(raw)!r}); "
            "c.execute(\"INSERT INTO v VALUES ('S001', 'x', '2026-01-01', 'n')\"); c.commit()",
        ]
        floor, bare, visit = [], [], []
        first = date(2020, 1, 1)
        for i in range(runs):
            floor.append(timed(floor_cmd, env))
            bare.append(timed(raw_cmd, env))
            day = (first + timedelta(days=i)).isoformat()
            visit.append(
                timed(
                    [
                        sys.executable,
                        "-m",
                        "gridctl",
                        "visit",
                        "add",
                        "-s",
                        "S001",
                        "-e",
                        "芯联",
                        "--date",
                        day,
                        "--notes",
                        "走访",
                    ],
                    env,
                )
            )
    m_floor, m_bare, m_visit = (statistics.median(x) for x in (floor, bare, visit))
    print(f"runs: {runs} each, median wall time")
    print(f"{'python -c sqlite3 insert':32} {m_bare * 1000:8.1f} ms")
    print(f"{'python -c import typer, sqlmodel':32} {m_floor * 1000:8.1f} ms")
    print(f"{'gridctl visit add':32} {m_visit * 1000:8.1f} ms")
    print(f"visit add / import typer+sqlmodel = {m_visit / m_floor:.2f}x (goal <= 1.30x)")
    print(f"visit add / bare sqlite3 insert   = {m_visit / m_bare:.2f}x")


if __name__ == "__main__":
    main()

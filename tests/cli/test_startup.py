"""What a command loads before it runs: `--help` and `--version` no database layer, `visit
add` nothing of the importer, the reports or pandas (start-up time is paid by every command)."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("sqlalchemy", "sqlmodel", "alembic", "psycopg", "openpyxl", "pandas", "python_calamine")
PROBE = """
import sys
from gridctl.cli.app import main
sys.argv = ["gridctl", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print("LOADED", " ".join(sorted({m.split(".")[0] for m in sys.modules})))
print("MODULES", " ".join(sorted(m for m in sys.modules if m.startswith("gridctl"))))
"""


def _loaded(*args: str) -> tuple[set[str], set[str]]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=True
    )
    lines = dict(
        line.split(" ", 1) for line in done.stdout.splitlines() if line[:6] in ("LOADED", "MODULE")
    )
    return set(lines["LOADED"].split()), set(lines["MODULES"].split())


@pytest.mark.parametrize("args", [("--help",), ("--version",), ()])
def test_help_and_version_load_no_database_layer(args: tuple[str, ...]) -> None:
    packages, _ = _loaded(*args)
    assert packages.isdisjoint(HEAVY), packages & set(HEAVY)


def test_visit_add_loads_neither_the_importer_nor_the_reports() -> None:
    packages, modules = _loaded("visit", "add", "--help")
    assert packages.isdisjoint({"alembic", "openpyxl", "pandas", "python_calamine"})
    assert not {m for m in modules if m.startswith(("gridctl.imports", "gridctl.reports"))}

"""The README's tour runs: every `gridctl …` line of its examples, in order, on a fresh ledger.

The lines run as a new user would type them, one after another, in one folder, on the ledger
`make demo` makes (`gridctl init --sample`; the README's first lines use it); later lines use
what earlier ones made. A line meant to fail says so in its comment, `(exit N)`, and must exit
with N. `mkdir -p` lines make their folders. Lines of a block under a heading marked
`<!-- tour: skip REASON -->` are not run (the roles need a PostgreSQL server and logins,
tested in tests/ledger/test_roles.py).

The files the import lines name are the sample park's own files (sample_data/), copied under
the names the README gives them, plus the one Big5 file the README's `--encoding` line reads.
"""

from __future__ import annotations

import re
import shlex
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
SAMPLE = ROOT / "sample_data"

# README name -> the sample file it is (re-importing the sample's own rows adds nothing).
FILES = {
    "走访台账.xlsx": SAMPLE / "visits.xlsx",
    "grids.csv": SAMPLE / "grids.csv",
    "groups.csv": SAMPLE / "groups.csv",
    "supervisors.csv": SAMPLE / "supervisors.csv",
    "enterprises.csv": SAMPLE / "enterprises.csv",
    "problems.csv": SAMPLE / "problems.csv",
    "activities.csv": SAMPLE / "activities.csv",
    **{path.name: path for path in (SAMPLE / "park").glob("*.csv")},
}
# A Hong Kong supplier's list, saved in Big5 (traditional characters only).
BIG5_FILE = "供应商.csv"
BIG5_TEXT = "name,credit_code,grid\r\n香港陳記貿易有限公司,91440300708461144M,G1-1\r\n"

EXIT = re.compile(r"\(exit (\d)\)")
SKIP = re.compile(r"<!-- tour: skip (.+?) -->")


@dataclass(frozen=True)
class Line:
    number: int  # in README.md
    args: list[str]
    expect: int


def tour_lines(text: str) -> Iterator[Line]:
    """Every command of the README's ```sh blocks, with the exit code it expects."""
    skipping = False
    in_block = False
    pending = ""
    start = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw.startswith("#"):
            skipping = False
        if SKIP.search(raw):
            skipping = True
        if raw.startswith("```"):
            in_block = raw.strip() == "```sh" and not skipping
            continue
        if not in_block:
            continue
        if not pending:
            start = number
        if raw.rstrip().endswith("\\"):
            pending += raw.rstrip()[:-1] + " "
            continue
        command, pending = pending + raw, ""
        for part in command.split(" · "):
            line = _line(part, start)
            if line is not None:
                yield line


def _line(text: str, number: int) -> Line | None:
    words = shlex.split(text, comments=True)
    comment = text.split("#", 1)[1] if "#" in text else ""
    if words[:1] == [".venv/bin/gridctl"]:
        words[0] = "gridctl"
    if words[:2] == ["mkdir", "-p"] or words[:1] == ["gridctl"]:
        found = EXIT.search(comment)
        return Line(number, words, int(found.group(1)) if found else 0)
    return None


def test_the_tour_has_the_lines_it_should() -> None:
    lines = list(tour_lines(README))
    commands = [" ".join(line.args) for line in lines]
    assert len(lines) > 100
    assert "gridctl init --sample" in commands
    assert not any("[" in word or "|" in word for line in lines for word in line.args)
    assert not any("role grant" in command for command in commands)  # PostgreSQL only


@pytest.mark.sqlite_only
def test_the_readme_tour_runs_on_a_fresh_sample_ledger(
    cli: Callable[..., object], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "tour"
    work.mkdir()
    for name, source in FILES.items():
        shutil.copyfile(source, work / name)
    (work / BIG5_FILE).write_bytes(BIG5_TEXT.encode("big5"))
    monkeypatch.chdir(work)
    monkeypatch.setenv("GRIDCTL_DB", str(work / "park.db"))
    cli("init", "--sample")
    failures = []
    for line in tour_lines(README):
        if line.args[0] == "mkdir":
            for folder in line.args[2:]:
                (work / folder).mkdir(parents=True, exist_ok=True)
            continue
        result = cli(*line.args[1:], ok=False)
        code = result.exit_code  # type: ignore[attr-defined]
        if code != line.expect:
            failures.append(
                f"README.md:{line.number}: {shlex.join(line.args)}: exit {code}, "
                f"expected {line.expect}: "
                f"{(result.stderr or result.stdout).strip()[:300]}"  # type: ignore[attr-defined]
            )
    assert failures == [], "\n".join(failures)

"""Random sequences of adds, imports, corrections and reads (seeded, so a failure replays):
afterwards `points show` and the stored entries equal a derivation from nothing.

The derivation from nothing runs on a copy of the ledger whose entries were deleted; both
are compared by plain SQL (points per supervisor, area and month) and through `points show`.
On PostgreSQL the copy is a transaction that deletes the entries, derives them again and is
rolled back.
"""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.points.test_points_cli import rules_file  # noqa: F401  (the fixture)

SEQUENCES = 32
# The first few run in `make test`; all of them in `make test-big` (about 3 minutes).
QUICK = 4
STEPS = 10
CODES = ("S001", "S002", "S003", "S004")
PROBLEM_HEAD = "企业,指导员,问题描述,提出日期,状态,办结日期,解决情况,办结人\n"
ACTIVITY_HEAD = "活动名称,指导员,活动日期,活动类型\n"


def _day(rng: random.Random, lo: int = 0) -> str:
    # 2025-09-01 .. 2026-01-28, as ordinal offsets
    import datetime as dt

    start = dt.date(2025, 9, 1).toordinal()
    return dt.date.fromordinal(start + rng.randint(lo, 149)).isoformat()


def _offset(day: str) -> int:
    import datetime as dt

    return dt.date.fromisoformat(day).toordinal() - dt.date(2025, 9, 1).toordinal()


def _csv(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _step(rng: random.Random, cli, sql, tmp_path: Path, n: int) -> None:
    firms = [name for (name,) in sql("SELECT name FROM enterprise ORDER BY id")]
    problems = sql(
        "SELECT p.id, e.name, p.description, CAST(p.opened AS TEXT), s.code, p.status "
        "FROM problem p JOIN enterprise e ON e.id = p.enterprise_id "
        "JOIN supervisor s ON s.id = p.supervisor_id ORDER BY p.id"
    )
    what = rng.choice(["visit", "visit", "problems", "activities", "solve", "read"])
    if what == "visit" or (what in ("problems", "solve") and not problems):
        args = ["visit", "add", "-s", rng.choice(CODES), "-e", rng.choice(firms)]
        args += ["--date", _day(rng)]
        for k in range(rng.randint(0, 2)):
            args += ["--problem", f"问题{n}-{k}"]
        cli(*args)
    elif what == "problems":
        rows = []
        for _pid, firm, text, opened, code, _status in rng.sample(problems, min(2, len(problems))):
            status = rng.choice(["open", "solved", "solved"])
            collector = rng.choice([code, rng.choice(CODES)])
            if status == "open":
                rows.append(f"{firm},{collector},{text},{opened},open,,,\n")
            else:
                closed = _day(rng, _offset(opened))
                rows.append(
                    f"{firm},{collector},{text},{opened},solved,{closed},好,{rng.choice(CODES)}\n"
                )
        cli("import", "problems", _csv(tmp_path, f"p{n}.csv", PROBLEM_HEAD + "".join(rows)))
    elif what == "activities":
        known = sql("SELECT title, CAST(date AS TEXT) FROM activity")
        kind = rng.choice(["lecture", "other", "joint-building"])
        code = rng.choice(CODES)
        if known and rng.random() < 0.5:
            title, day = rng.choice(known)
            (code,) = sql(
                "SELECT s.code FROM activity a JOIN supervisor s ON s.id = a.supervisor_id "
                "WHERE a.title = ?",
                title,
            )[0]
        else:
            title, day = f"活动{n}", _day(rng)
        row = f"{title},{code},{day},{kind}\n"
        cli("import", "activities", _csv(tmp_path, f"a{n}.csv", ACTIVITY_HEAD + row))
    elif what == "solve":
        open_ = [p for p in problems if p[5] == "open"]
        if open_:
            pid, _f, _t, opened, _c, _s = rng.choice(open_)
            day = _day(rng, _offset(opened))
            cli(
                "problem",
                "solve",
                str(pid),
                "--note",
                "好",
                "--by",
                rng.choice(CODES),
                "--date",
                day,
            )
    month = f"{rng.choice(['2025-09', '2025-10', '2025-11', '2025-12', '2026-01'])}"
    if what == "read" or rng.random() < 0.3:
        cli("points", "show", "--month", month)


FIGURES = (
    "SELECT s.code, e.area, substr(CAST(e.date AS TEXT), 1, 7), e.rule, sum(e.points), "
    "count(*) FROM point_entry e JOIN supervisor s ON s.id = e.supervisor_id "
    "GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4"
)


def _compare_in_a_rolled_back_transaction(cli, db_url: str) -> None:
    from sqlalchemy import create_engine, text
    from sqlmodel import Session

    from gridctl.points.derive import sync

    cli("points", "show")
    engine = create_engine(db_url)
    try:
        with Session(engine) as session:
            stored = session.execute(text(FIGURES)).all()
            session.execute(text("DELETE FROM point_entry"))
            sync(session)
            again = session.execute(text(FIGURES)).all()
            session.rollback()
    finally:
        engine.dispose()
    assert stored == again


def _figures(db: Path) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute(
            "SELECT s.code, e.area, substr(e.date, 1, 7), e.rule, sum(e.points), count(*) "
            "FROM point_entry e JOIN supervisor s ON s.id = e.supervisor_id "
            "GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4"
        ).fetchall()
    finally:
        con.close()


@pytest.mark.parametrize(
    "seed",
    [s if s < QUICK else pytest.param(s, marks=pytest.mark.bigdata) for s in range(SEQUENCES)],
)
def test_random_sequence_equals_a_derivation_from_nothing(
    seed,
    cli,
    park,
    rules_file,  # noqa: F811
    sql,
    tmp_path,
    on_postgres,
    db_url,
):
    rng = random.Random(seed)
    for n in range(STEPS):
        _step(rng, cli, sql, tmp_path, n)
    if on_postgres:
        _compare_in_a_rolled_back_transaction(cli, db_url)
        return
    shown = json.loads(cli("points", "show", "--format", "json").stdout)
    copy = tmp_path / "from-nothing.db"
    shutil.copy(park, copy)
    con = sqlite3.connect(copy)
    with con:
        con.execute("DELETE FROM point_entry")
    con.close()
    again = json.loads(cli("--db", str(copy), "points", "show", "--format", "json").stdout)
    assert shown == again
    assert _figures(park) == _figures(copy)

"""The sample park's own work: member changes, funding, meetings and referrals, welfare
claims, the resource map, chains, brands, the belt and diary entries, from the small CSV files in
sample_data/park/ (UTF-8, Chinese headers), loaded through the services.

`load_park_extras(session, directory)` runs after the registers, visits and problems of the
sample are in; it does not commit. Files of an import kind (member changes, funding, welfare
projects and claims, meetings, resources and their uses, brands, the belt, diary entries) go
through the importer (gridctl/imports), in the same session; the others are read here and
recorded through the services. The years funding.csv needs are allocated before it is
imported. A bad row raises an error whose field starts with FILE:ROW.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from datetime import date
from pathlib import Path

from sqlmodel import Session, select

from gridctl import chains, dates, funding, meetings
from gridctl.errors import GridctlError, Invalid, NotFound
from gridctl.i18n import t
from gridctl.ledger.models import Enterprise, Problem
from gridctl.ledger.models.park import Meeting

# Files loaded through the importer: file -> import kind.
IMPORTED = {
    "member_changes.csv": "member_changes",
    "welfare_projects.csv": "welfare_projects",
    "resources.csv": "resources",
    "brands.csv": "brands",
    "belt.csv": "belt",
    "welfare_claims.csv": "welfare_claims",
    "meetings.csv": "meetings",
    "funding.csv": "funding",
    "resource_uses.csv": "resource_uses",
    "diary.csv": "diary",
}


def _import(session: Session, path: Path, kind: str) -> int:
    """Import one file as `kind` in this session (the caller commits); refused: Invalid."""
    from gridctl.imports.loader import run_import

    result = run_import(lambda write: nullcontext(session), kind=kind, path=path)
    if result.errors:
        first = result.errors[0]
        raise Invalid(f"{path.name}:{first.line}: {first.column}", first.value, first.message)
    return result.rows


def _rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        for lineno, row in enumerate(csv.DictReader(f), start=2):
            yield lineno, {k.strip(): (v or "").strip() for k, v in row.items() if k}


def _day(text: str, field: str) -> date:
    try:
        return dates.iso_date(text)
    except ValueError as exc:
        raise Invalid(field, text, str(exc)) from None


def _allocate_years(session: Session, path: Path) -> None:
    """The years funding.csv spends in are allocated first, as a station allocates a year at
    its start (an import does not allocate; it refuses spending beyond the balance)."""
    from gridctl.imports.kinds import SPECS
    from gridctl.imports.readers import open_source
    from gridctl.imports.spec import match_header, parse_row

    source = open_source(path, None)
    rows = source.rows()
    first = next(rows, None)
    if first is None:
        return
    header, _ = match_header(SPECS["funding"], first[1], (), source.epoch)
    years: set[int] = set()
    for line, cells in rows:
        row = parse_row(line, cells, header)
        if row is not None and row.get("date") is not None:
            years.add(row.get("year") or row.get("date").year)
    for year in sorted(years):
        funding.allocate(session, year=year)


def _referral(s: Session, r: dict[str, str]) -> None:
    day = _day(r["会议日期"], "会议日期")
    meeting = s.exec(select(Meeting).where(Meeting.kind == "joint", Meeting.date == day)).first()
    if meeting is None:
        raise NotFound("会议日期", r["会议日期"], t("detail.park_sample.joint_meeting"))
    problem = s.exec(
        select(Problem)
        .join(Enterprise, Enterprise.id == Problem.enterprise_id)
        .where(Enterprise.name == r["企业"], Problem.description == r["问题描述"])
    ).first()
    if problem is None:
        which = t("detail.park_sample.problem", enterprise=r["企业"])
        raise NotFound("问题描述", r["问题描述"], which)
    meetings.refer(s, problem_id=problem.id, meeting_id=meeting.id)  # type: ignore[arg-type]
    if r["研究结果"]:
        meetings.record_outcome(
            s,
            meeting_id=meeting.id,  # type: ignore[arg-type]
            problem_id=problem.id,  # type: ignore[arg-type]
            outcome=r["研究结果"],
            solved=r["是否解决"] in ("是", "yes", "y", "true", "1"),
        )


def _chain(s: Session, r: dict[str, str]) -> None:
    chains.set_chain(
        s,
        chain=r["产业链"],
        lead=r["牵头企业"] or None,
        secretary=r["书记"] or None,
        note=r["备注"] or None,
    )


def load_park_extras(session: Session, directory: Path | str) -> list[str]:
    """Load every file of sample_data/park/ that is there; one summary line per file."""
    folder = Path(directory)
    steps: list[tuple[str, Callable[[Session, dict[str, str]], None] | None]] = [
        ("member_changes.csv", None),
        ("funding.csv", None),
        ("meetings.csv", None),
        ("referrals.csv", _referral),
        ("welfare_projects.csv", None),
        ("welfare_claims.csv", None),
        ("resources.csv", None),
        ("resource_uses.csv", None),
        ("chains.csv", _chain),
        ("brands.csv", None),
        ("belt.csv", None),
        ("diary.csv", None),
    ]
    lines = []
    for name, load in steps:
        path = folder / name
        if not path.exists():
            continue
        if name == "funding.csv":
            _allocate_years(session, path)
        if load is None:
            count = _import(session, path, IMPORTED[name])
            lines.append(t("park_sample.loaded", file=f"{folder.name}/{name}", count=count))
            continue
        count = 0
        for lineno, row in _rows(path):
            try:
                load(session, row)
            except GridctlError as exc:
                exc.field = f"{path.name}:{lineno}: {exc.field}"
                raise
            except KeyError as exc:
                raise Invalid(
                    f"{path.name}:{lineno}", exc.args[0], t("detail.park_sample.missing_column")
                ) from None
            count += 1
        lines.append(t("park_sample.loaded", file=f"{folder.name}/{name}", count=count))
    return lines

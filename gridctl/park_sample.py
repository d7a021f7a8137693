"""The sample park's own work: member changes, funding, meetings and referrals, welfare
claims, the resource map, chains, brands and the belt, from the small CSV files in
sample_data/park/ (UTF-8, Chinese headers), loaded through the services.

`load_park_extras(session, directory)` runs after the registers, visits and problems of the
sample are in; it does not commit. Files of an import kind (member changes, welfare projects
and claims, meetings and referrals, resources, chains, brands, the belt) go through the
importer (gridctl/imports), in the same session; the others are read here and recorded
through the services. A bad row raises an error whose field starts with FILE:ROW.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlmodel import Session

from gridctl import dates, funding, resources
from gridctl.errors import GridctlError, Invalid
from gridctl.i18n import t

# Files loaded through the importer: file -> import kind.
IMPORTED = {
    "member_changes.csv": "member_changes",
    "welfare_projects.csv": "welfare_projects",
    "resources.csv": "resources",
    "brands.csv": "brands",
    "belt.csv": "belt",
    "welfare_claims.csv": "welfare_claims",
    "meetings.csv": "meetings",
    "referrals.csv": "referrals",
    "chains.csv": "chains",
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


def _int(text: str, field: str) -> int | None:
    if not text:
        return None
    if not text.isdigit():
        raise Invalid(field, text, "a whole number")
    return int(text)


def _funding(s: Session, r: dict[str, str], allocated: set[int]) -> None:
    year = _int(r["年度"], "年度") or 0
    if year not in allocated:  # the year's allocation comes before its support and spending
        funding.allocate(s, year=year)
        allocated.add(year)
    if r["类型"] == "补助":
        funding.add_support(
            s,
            enterprise=r["企业"],
            amount=Decimal(r["金额"]),
            year=year,
            reason=r["说明"],
            day=_day(r["日期"], "日期"),
        )
    elif r["类型"] == "支出":
        funding.add_spending(
            s,
            enterprise=r["企业"],
            amount=r["金额"],
            day=_day(r["日期"], "日期"),
            purpose=r["说明"],
        )
    else:
        raise Invalid("类型", r["类型"], "补助 or 支出")


def _use(s: Session, r: dict[str, str]) -> None:
    resources.record_use(
        s,
        resource=r["资源"],
        enterprise=r["使用企业"],
        day=_day(r["日期"], "日期"),
        purpose=r["用途"],
        participants=_int(r["参与人数"], "参与人数"),
    )


def load_park_extras(session: Session, directory: Path | str) -> list[str]:
    """Load every file of sample_data/park/ that is there; one summary line per file."""
    folder = Path(directory)
    allocated: set[int] = set()
    steps: list[tuple[str, Callable[[Session, dict[str, str]], None] | None]] = [
        ("member_changes.csv", None),
        ("funding.csv", lambda s, r: _funding(s, r, allocated)),
        ("meetings.csv", None),
        ("referrals.csv", None),
        ("welfare_projects.csv", None),
        ("welfare_claims.csv", None),
        ("resources.csv", None),
        ("resource_uses.csv", _use),
        ("chains.csv", None),
        ("brands.csv", None),
        ("belt.csv", None),
    ]
    lines = []
    for name, load in steps:
        path = folder / name
        if not path.exists():
            continue
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
                raise Invalid(f"{path.name}:{lineno}", exc.args[0], "missing column") from None
            count += 1
        lines.append(t("park_sample.loaded", file=f"{folder.name}/{name}", count=count))
    return lines

"""The yearly funding workbook: each organisation's allocation, and totals by grid, chain and
group, with Chinese sheet names and headers (English with lang="en").

Written through gridctl.reports.book.Book, the reports' one safe writer (titles, a frozen
and repeated header row, print set-up, text kept as text, fitted widths). Money stays exact:
cells are written from Decimal with a two-decimal yuan format, and every total is summed in
integer cents, never in floats.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from sqlmodel import Session

from gridctl import vocab
from gridctl.funding.money import cents, yuan
from gridctl.funding.statement import funding_rows
from gridctl.reports import Labels
from gridctl.reports.book import Book, Column

MONEY = ("amount", "support", "spent", "balance")
SUMMED = ("organisations", "members", *MONEY)
# Header keys (report.col.<key>, else col.<key>) where the record's key says too little.
HEADERS = {"amount": "funding_amount"}


def _money_columns() -> list[Column]:
    return [Column(m, "money", min_width=10) for m in MONEY]


DETAIL = [
    Column("group", max_width=24),
    Column("level1_grid"),
    Column("grid"),
    Column("enterprise", max_width=36, wrap=True),
    Column("credit_code"),
    Column("organisation"),
    Column("chain", max_width=20),
    Column("members", "int"),
    Column("rate", "money"),
    *_money_columns(),
]
SUMMARY = [
    Column("name", max_width=30, wrap=True),
    Column("organisations", "int", min_width=15),  # one word in English: no wrapping
    Column("members", "int"),
    *_money_columns(),
]


def _sum(rows: Sequence[dict[str, object]]) -> dict[str, object]:
    """Organisations, members and money of some rows; money added in integer cents."""
    total: dict[str, object] = {
        "organisations": len(rows),
        "members": sum(int(r["members"]) for r in rows),  # type: ignore[call-overload]
    }
    for m in MONEY:
        total[m] = yuan(sum(cents(r[m]) for r in rows))  # type: ignore[arg-type]
    return total


def _totals(
    rows: Sequence[dict[str, object]], key: Callable[[dict], str], unassigned: str
) -> list[dict[str, object]]:
    """Totals per key, in the order the keys first appear in `rows`; the unassigned last."""
    groups: dict[str, list[dict[str, object]]] = {}
    for row in rows:
        groups.setdefault(key(row) or unassigned, []).append(row)
    names = sorted(groups, key=lambda n: n == unassigned)  # stable: first appearance
    return [{"name": n, **_sum(groups[n])} for n in names]


def _grid_order(code: object) -> tuple:
    """G2-1 before G10-1 and G1-2 before G1-10: numbers compared as numbers."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in _PARTS.findall(str(code)))


_PARTS = re.compile(r"\d+|\D+")


def build(session: Session, *, year: int, lang: str = "zh") -> dict[str, list[dict]]:
    """The workbook's sheets as rows (without totals), by sheet key."""
    labels = Labels(lang)
    rows = funding_rows(session, year=year)
    # By level-1 grid, then grid: a group follows its level-1 grid (第一指导组 = G1, ...), so
    # groups come in the park's order, not in the order of their names' characters.
    rows.sort(
        key=lambda r: (_grid_order(r["level1_grid"]), _grid_order(r["grid"]), r["enterprise"])
    )
    unassigned = labels.t("funding.report.none")
    chains = list(vocab.CHAIN)  # the catalogue's order
    by_chain = sorted(rows, key=lambda r: chains.index(r["chain"]) if r["chain"] in chains else -1)
    return {
        "detail": rows,
        "by_grid": _totals(rows, lambda r: str(r["grid"]), unassigned),
        "by_chain": _totals(
            by_chain,
            lambda r: labels.vocab(vocab.CHAIN, r["chain"]),  # type: ignore[arg-type]
            unassigned,
        ),
        "by_group": _totals(rows, lambda r: str(r["group"]), unassigned),
    }


def _rates(rows: Sequence[dict[str, object]]) -> str:
    found = sorted({r["rate"] for r in rows if r["rate"] is not None})  # type: ignore[type-var]
    return " / ".join(f"{r:,.2f}" for r in found) or "-"  # type: ignore[str-format]


def write(
    session: Session, *, year: int, path: Path, lang: str = "zh", made: date | None = None
) -> dict[str, object]:
    """Write the workbook; returns the grand total (for the command's summary line)."""
    labels = Labels(lang)
    sheets = build(session, year=year, lang=lang)
    detail = sheets["detail"]
    grand = _sum(detail)
    title = labels.t("funding.report.title", year=year)
    line = labels.t(
        "funding.report.line",
        year=year,
        rate=_rates(detail),
        made=(made or date.today()).isoformat(),
    )

    def columns(cols: Sequence[Column], first: str | None = None) -> list[Column]:
        out = []
        for c in cols:
            key = first if (first and c.key == "name") else HEADERS.get(c.key, c.key)
            out.append(Column(c.key, c.kind, labels(key), c.wrap, c.max_width, c.min_width))
        return out

    book = Book(labels)
    shown = [
        r
        | {
            "organisation": labels.vocab(vocab.PARTY_ORG, r["organisation"]),  # type: ignore[arg-type]
            "chain": labels.vocab(vocab.CHAIN, r["chain"]),  # type: ignore[arg-type]
        }
        for r in detail
    ]
    book.table(
        labels.t("funding.sheet.detail"),
        title=title,
        period=line,
        columns=columns(DETAIL),
        rows=shown,
        totals={k: grand[k] for k in ("members", *MONEY)},
    )
    for key, first in (("by_grid", "grid"), ("by_chain", "chain"), ("by_group", "group")):
        what = labels.t(f"funding.sheet.{key}")
        book.table(
            what,
            title=labels.t("report.title.sheet", title=title, what=what),
            period=line,
            columns=columns(SUMMARY, first),
            rows=sheets[key],
            totals=grand,
        )
    book.save(path)
    return grand

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
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlmodel import Session

from gridctl import vocab
from gridctl.funding.money import cents, yuan
from gridctl.funding.statement import FundingRow, funding_rows
from gridctl.reports.book import Book
from gridctl.reports.labels import Labels
from gridctl.reports.layout import Column, as_row

MONEY = ("amount", "support", "spent", "balance")
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


@dataclass(frozen=True, slots=True)
class Sums:
    """Organisations, members and money of some rows; money added in integer cents."""

    organisations: int
    members: int
    amount: Decimal
    support: Decimal
    spent: Decimal
    balance: Decimal


def sums(rows: Sequence[FundingRow]) -> Sums:
    """The rows' organisations, members and money, money summed in integer cents."""
    return Sums(
        organisations=len(rows),
        members=sum(r.members for r in rows),
        amount=yuan(sum(cents(r.amount) for r in rows)),
        support=yuan(sum(cents(r.support) for r in rows)),
        spent=yuan(sum(cents(r.spent) for r in rows)),
        balance=yuan(sum(cents(r.balance) for r in rows)),
    )


@dataclass(frozen=True, slots=True)
class Subtotal:
    """The sums of one grid, chain or group."""

    name: str
    sums: Sums


@dataclass(frozen=True, slots=True)
class Sheets:
    """The workbook's rows by sheet: the statement's, then subtotals by grid, chain, group."""

    detail: list[FundingRow]
    by_grid: list[Subtotal]
    by_chain: list[Subtotal]
    by_group: list[Subtotal]


def _totals(
    rows: Sequence[FundingRow], key: Callable[[FundingRow], str], unassigned: str
) -> list[Subtotal]:
    """Totals per key, in the order the keys first appear in `rows`; the unassigned last."""
    groups: dict[str, list[FundingRow]] = {}
    for row in rows:
        groups.setdefault(key(row) or unassigned, []).append(row)
    names = sorted(groups, key=lambda n: n == unassigned)  # stable: first appearance
    return [Subtotal(n, sums(groups[n])) for n in names]


def _grid_order(code: object) -> tuple[tuple[int, int, str], ...]:
    """G2-1 before G10-1 and G1-2 before G1-10: numbers compared as numbers."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in _PARTS.findall(str(code)))


_PARTS = re.compile(r"\d+|\D+")


def build(session: Session, *, year: int, lang: str = "zh") -> Sheets:
    """The workbook's sheets as rows (without totals), by sheet key."""
    labels = Labels(lang)
    rows = funding_rows(session, year=year)
    # By level-1 grid, then grid: a group follows its level-1 grid (第一指导组 = G1, ...), so
    # groups come in the park's order, not in the order of their names' characters.
    rows.sort(key=lambda r: (_grid_order(r.level1_grid), _grid_order(r.grid), r.enterprise))
    unassigned = labels.t("funding.report.none")
    chains = list(vocab.CHAIN)  # the catalogue's order
    by_chain = sorted(rows, key=lambda r: chains.index(r.chain) if r.chain in chains else -1)
    return Sheets(
        detail=rows,
        by_grid=_totals(rows, lambda r: r.grid, unassigned),
        by_chain=_totals(by_chain, lambda r: labels.vocab(vocab.CHAIN, r.chain), unassigned),
        by_group=_totals(rows, lambda r: r.group, unassigned),
    )


def _rates(rows: Sequence[FundingRow]) -> str:
    found = sorted({r.rate for r in rows if r.rate is not None})
    return " / ".join(f"{r:,.2f}" for r in found) or "-"


def write(
    session: Session, *, year: int, path: Path, lang: str = "zh", made: date | None = None
) -> Sums:
    """Write the workbook; returns the grand total (for the command's summary line)."""
    labels = Labels(lang)
    sheets = build(session, year=year, lang=lang)
    detail = sheets.detail
    grand = sums(detail)
    grand_row = as_row(grand)
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
        as_row(r)
        | {
            "organisation": labels.vocab(vocab.PARTY_ORG, r.organisation),
            "chain": labels.vocab(vocab.CHAIN, r.chain),
        }
        for r in detail
    ]
    book.table(
        labels.t("funding.sheet.detail"),
        title=title,
        period=line,
        columns=columns(DETAIL),
        rows=shown,
        totals={k: grand_row[k] for k in ("members", *MONEY)},
    )
    for key, first in (("by_grid", "grid"), ("by_chain", "chain"), ("by_group", "group")):
        what = labels.t(f"funding.sheet.{key}")
        book.table(
            what,
            title=labels.t("report.title.sheet", title=title, what=what),
            period=line,
            columns=columns(SUMMARY, first),
            rows=[{"name": r.name} | as_row(r.sums) for r in getattr(sheets, key)],
            totals=grand_row,
        )
    book.save(path)
    return grand

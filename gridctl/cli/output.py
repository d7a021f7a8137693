"""The one place that prints: tables on a terminal, CSV and JSON for scripts, errors.

JSON and CSV carry the stable English keys and the codes the ledger stores; the table shows
labels and vocabulary in the user's language. A record is a mapping or a dataclass (the typed
rows the services return): its fields, in their order, are the JSON keys.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, is_dataclass
from typing import TYPE_CHECKING, Any, cast

from gridctl import vocab
from gridctl.cli.options import Format
from gridctl.i18n import lang, t
from gridctl.textsafe import csv_cell

if TYPE_CHECKING:
    from rich.console import Console

VOCABS = {
    "kind": vocab.SUPERVISOR_KIND,
    "party_org": vocab.PARTY_ORG,
    "chain": vocab.CHAIN,
    "category": vocab.VISIT_CATEGORY,
    "status": vocab.PROBLEM_STATUS,
    "visit_class": vocab.VISIT_CLASS,
    "enterprise_status": vocab.ENTERPRISE_STATUS,
    "activity_kind": vocab.ACTIVITY_KIND,
    "award_kind": vocab.AWARD_KIND,
    "area": vocab.POINT_AREA,
    "meeting_kind": vocab.MEETING_KIND,
    "resource_kind": vocab.RESOURCE_KIND,
    "diary_source": vocab.DIARY_SOURCE,
    "chain_kind": vocab.CHAIN_KIND,
}


@dataclass(frozen=True)
class Col:
    """A column: its JSON key, the vocabulary that spells its codes (if any), and its label
    key when the key's usual label (col.<key>) does not fit this table."""

    key: str
    vocab: str | None = None
    right: bool = False
    label: str | None = None


Record = Mapping[str, Any] | Any  # a mapping, or a dataclass instance


def plain(rec: Record) -> dict[str, object]:
    """A record as a dict of its fields, in order (a dataclass's nested rows stay as they are:
    JSON writes them through _json_default)."""
    if is_dataclass(rec) and not isinstance(rec, type):
        return {f.name: getattr(rec, f.name) for f in fields(rec)}
    return dict(cast("Mapping[str, object]", rec))


def _json_default(value: object) -> object:
    if is_dataclass(value) and not isinstance(value, type):
        return plain(value)
    return str(value)


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, default=_json_default)


def label(key: str) -> str:
    try:
        return t(f"col.{key}")
    except KeyError:
        return key


def _shown(value: object, col: Col, language: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return t("yes") if value else t("no")
    if col.vocab:
        return vocab.show(VOCABS[col.vocab], str(value), language)
    return str(value)


def _console() -> Console:
    from rich.console import Console

    terminal = sys.stdout.isatty()
    return Console(width=None if terminal else 1000, soft_wrap=not terminal, highlight=False)


def rows(
    records: Sequence[Record], cols: Sequence[Col], fmt: Format, title: str | None = None
) -> None:
    """Print a list of records in the chosen format."""
    records = [plain(r) for r in records]
    if fmt is Format.json:
        print(_json(records))
        return
    if fmt is Format.csv:
        keys = list(records[0].keys()) if records else [c.key for c in cols]
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(keys)
        for rec in records:
            writer.writerow([csv_cell(_csv_value(rec.get(k))) for k in keys])
        return
    from rich.table import Table

    language = lang()
    table = Table(title=title, show_lines=False)
    for c in cols:
        table.add_column(
            t(c.label) if c.label else label(c.key), justify="right" if c.right else "left"
        )
    for rec in records:
        table.add_row(*(_shown(rec.get(c.key), c, language) for c in cols))
    _console().print(table)
    if not records:
        print(t("none_found"))


def _csv_value(value: object) -> object:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, default=_json_default)
    return "" if value is None else value


def record(rec: Record, fmt: Format, cols: Sequence[Col] | None = None) -> None:
    """Print one record: a two-column table, or a JSON object."""
    rec = plain(rec)
    if fmt is Format.json:
        print(_json(rec))
        return
    if fmt is Format.csv:
        rows([rec], [Col(k) for k in rec], fmt)
        return
    from rich.table import Table

    language = lang()
    by_key = {c.key: c for c in cols or []}
    table = Table(show_header=False, box=None)
    table.add_column(style="bold")
    table.add_column()
    for key, value in rec.items():
        if isinstance(value, list):
            continue
        col = by_key.get(key, Col(key))
        table.add_row(t(col.label) if col.label else label(key), _shown(value, col, language))
    _console().print(table)


def section(heading: str, records: Sequence[Record], cols: Sequence[Col], fmt: Format) -> None:
    """A headed part of a longer view (a dossier's visits, its funding...): the heading, then
    the table, or the heading and (none) when there is nothing to show."""
    if fmt is not Format.table:
        rows(records, cols, fmt)
        return
    print()
    _console().print(f"[bold]{heading}[/bold]")
    if records:
        rows(records, cols, fmt)
    else:
        print(t("none_found"))


def say(message: str) -> None:
    """A line for the user on stdout (what was done)."""
    print(message)


def report(line: str) -> None:
    """A line of a report on stderr, as is (e.g. an import's FILE:LINE: column: problem)."""
    print(line, file=sys.stderr)


def error(message: str) -> None:
    """One line on stderr."""
    print(f"{t('error_prefix')}{message}", file=sys.stderr)

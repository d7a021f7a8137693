"""The one place that prints: tables on a terminal, CSV and JSON for scripts, errors.

JSON and CSV carry the stable English keys and the codes the ledger stores; the table shows
labels and vocabulary in the user's language. A record is a mapping or a dataclass (the typed
rows the services return): its fields, in their order, are the JSON keys.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields, is_dataclass
from itertools import chain
from typing import TYPE_CHECKING, Any, cast

from gridctl import vocab
from gridctl.cli.options import Format, format_given
from gridctl.i18n import lang, t
from gridctl.textsafe import DANGEROUS_START, csv_cell

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
    names = _FIELDS.get(type(rec))
    if names is None:
        if not is_dataclass(rec) or isinstance(rec, type):
            return dict(cast("Mapping[str, object]", rec))
        names = _FIELDS[type(rec)] = tuple(f.name for f in fields(rec))
    return {name: getattr(rec, name) for name in names}


# A dataclass's field names, read once per type: a list of millions asks for each row.
_FIELDS: dict[type, tuple[str, ...]] = {}


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
    records: Iterable[Record], cols: Sequence[Col], fmt: Format, title: str | None = None
) -> int:
    """Print records in the chosen format and say how many there were. JSON, CSV and a plain
    table are written row by row as the records come (a list of millions never sits in
    memory); a boxed table needs them all to size its columns. The first record is read
    before anything is written: a filter naming nothing is one error line, not a header and
    an error."""
    records = _started(records)
    if fmt is Format.json:
        return _json_rows(records)
    if fmt is Format.csv:
        return _csv_rows(records, cols)
    if not boxed():
        return _plain_table(records, cols, title)
    from rich.table import Table

    language = lang()
    table = Table(title=title, show_lines=False)
    for c in cols:
        table.add_column(_heading(c), justify="right" if c.right else "left")
    n = 0
    for rec in records:
        got = plain(rec)
        table.add_row(*(_shown(got.get(c.key), c, language) for c in cols))
        n += 1
    _console().print(table)
    if not n:
        print(t("none_found"))
    return n


def _started(records: Iterable[Record]) -> Iterator[Record]:
    it = iter(records)
    for first in it:
        return chain((first,), it)
    return it


def boxed() -> bool:
    """A table is drawn in a box on a terminal, or when --format table was asked for; piped
    into another program (head, less, grep, a file) it is printed plainly, as gh does."""
    return sys.stdout.isatty() or format_given()


def _heading(c: Col) -> str:
    return t(c.label) if c.label else label(c.key)


def _flat(text: str) -> str:
    # One record, one line: a tab or line break inside a value would split it.
    return text.translate(_FLAT)


_FLAT = str.maketrans("\t\r\n", "   ")


def _plain_table(records: Iterable[Record], cols: Sequence[Col], title: str | None) -> int:
    """A header line, then a line per record, cells tab-separated, nothing cut."""
    language, out = lang(), sys.stdout
    if title:
        out.write(f"{_flat(title)}\n")
    out.write("\t".join(_flat(_heading(c)) for c in cols) + "\n")
    n = 0
    for rec in records:
        got = plain(rec)
        out.write("\t".join(_flat(_shown(got.get(c.key), c, language)) for c in cols) + "\n")
        n += 1
    if not n:
        print(t("none_found"))
    return n


def _json_rows(records: Iterable[Record]) -> int:
    """A JSON array, the same text json.dumps(indent=2) gives, written an element at a time."""
    n = 0
    for rec in records:
        item = _json(plain(rec)).replace("\n", "\n  ")
        sys.stdout.write(("[\n  " if n == 0 else ",\n  ") + item)
        n += 1
    sys.stdout.write("\n]\n" if n else "[]\n")
    return n


def _csv_rows(records: Iterable[Record], cols: Sequence[Col]) -> int:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    keys: list[str] | None = None
    n = 0
    for rec in records:
        got = plain(rec)
        if keys is None:
            keys = list(got.keys())
            writer.writerow(keys)
        writer.writerow([_csv_cell(got.get(k)) for k in keys])
        n += 1
    if keys is None:
        writer.writerow([c.key for c in cols])
    return n


def _csv_cell(value: object) -> object:
    """csv_cell(_csv_value(value)), the common cases first: it runs for every cell."""
    if value is None:
        return ""
    if type(value) is str:
        return "'" + value if value.startswith(DANGEROUS_START) else value
    if type(value) is int:
        return value
    return csv_cell(_csv_value(value))


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
    if boxed():
        _console().print(f"[bold]{heading}[/bold]")
    else:
        print(heading)
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

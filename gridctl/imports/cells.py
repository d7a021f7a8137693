"""Reading one cell of an import file: text, names, dates, counts, vocabulary codes, yes/no,
and lists (names separated by ；, ; or 、, or one per line, as offices type them).

A parser takes the cell as the reader gives it (text from a CSV; a number, date or bool from
an xlsx) and returns the value, or raises CellError with a message for the user.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from typing import Any

from gridctl import dates, textsafe, vocab
from gridctl.errors import Invalid
from gridctl.i18n import t

# Resolving a list cell's names lives with Row.ref; kinds import it from here too.
from gridctl.imports.rows import resolve_list as resolve_list
from gridctl.textsafe import DANGEROUS_START


class CellError(ValueError):
    """A cell cannot be read; the message is for the user."""


def blank(value: Any) -> Any:
    """An empty cell of a present column: None (it clears an optional field)."""
    return None if value in ("", None) else value


def is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def cell_text(value: object) -> str:
    """A cell as text: Excel's 13800000000.0 is '13800000000', a date is ISO."""
    if isinstance(value, str):
        text = value.strip()
    elif isinstance(value, bool):
        text = "TRUE" if value else "FALSE"
    elif isinstance(value, float):
        text = str(int(value)) if value.is_integer() else repr(value)
    elif isinstance(value, dt.datetime):
        text = value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    elif isinstance(value, dt.date):
        text = value.isoformat()
    else:
        text = str(value).strip()
    # An export protects text from spreadsheets with a leading ' (textsafe.csv_cell): undo it.
    if len(text) > 1 and text[0] == "'" and text[1] in "".join(DANGEROUS_START):
        return text[1:]
    return text


def text(max_len: int | None = None) -> Callable[[object], str]:
    def parse(value: object) -> str:
        out = cell_text(value)
        if max_len is not None and len(out) > max_len:
            raise CellError(t("imp.cell.too_long", max=max_len))
        return out

    return parse


def name(max_len: int | None = None) -> Callable[[object], str]:
    """A name, code or reference: one line without control characters (as the registers
    refuse them: textsafe.has_unsafe_chars)."""
    plain = text(max_len)

    def parse(value: object) -> str:
        out = plain(value)
        if textsafe.has_unsafe_chars(out):
            raise CellError(t("detail.control_chars"))
        return out

    return parse


# Excel's General format turns typed digits into a number: 15 significant digits survive, the
# rest become zeros, leading zeros go; a CSV it saves carries 9.13101E+17. Such a value is never
# the code the person typed, so it is refused, never turned back into digits.
_SCIENTIFIC = re.compile(r"^[+-]?\d+(\.\d*)?[eE][+-]?\d+$")


def is_number_cell(value: object) -> bool:
    """A number as a spreadsheet stores it (or writes it to a CSV in scientific notation)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    return isinstance(value, str) and bool(_SCIENTIFIC.match(value.strip()))


def code(max_len: int | None = None) -> Callable[[object], str]:
    """A code column (credit code, grid or supervisor code, phone number): text only; a
    number cell is refused with what happened and what to do."""
    plain = name(max_len)

    def parse(value: object) -> str:
        if is_number_cell(value):
            raise CellError(t("imp.cell.code_number"))
        return plain(_plain_code(value))

    return parse


def _plain_code(value: object) -> object:
    """A code typed with a Chinese input method: full-width letters and digits (Ｓ００１) made
    plain and the wide spaces inside (U+3000, NBSP) dropped, when that leaves a plain code.
    Plain text (`+86 138 0000 0005`) and Chinese names stay exactly as typed."""
    if not isinstance(value, str) or value.isascii():
        return value
    plain = "".join(unicodedata.normalize("NFKC", value).split())
    return plain if plain.isascii() else value


def ref(max_len: int | None = None) -> Callable[[object], str]:
    """A name or a code (an enterprise by name or credit code): a number cell too long for
    Excel to keep whole, or scientific notation, is refused as in a code column."""
    plain = name(max_len)

    def parse(value: object) -> str:
        if is_number_cell(value) and (
            isinstance(value, str) or abs(float(value)) >= 1e15  # type: ignore[arg-type]
        ):
            raise CellError(t("imp.cell.code_number"))
        return plain(_plain_code(value))

    return parse


def multiline(value: object) -> tuple[str, ...]:
    """Several texts in one cell, one per line (e.g. the problems found on a visit)."""
    return tuple(p.strip() for p in cell_text(value).splitlines() if p.strip())


_SHAPED_LIKE_DATE = re.compile(r"^\d{4}\D\d{1,2}\D\d{1,2}")
# Digits alone in a text cell: a CSV's 12345 is not a day (read as an Excel serial it
# would be 1933-10-18); longer runs are left to the date spellings.
_DIGITS = re.compile(r"^\d{1,6}([.,]\d+)?$")
_MONTH_ALONE = re.compile(r"^\d{4}\s*(年\s*\d{1,2}\s*月|[-/.]\s*\d{1,2})$")
# The scheme's work records start after this day, and none is in the future: a number cell
# outside that span is not the date the person meant (10.5 is 1900-01-09). A written date
# after today is left to each kind's service, which knows whether it may be planned ahead
# (a meeting) or not (a visit).
FIRST_DAY = dt.date(1990, 1, 1)


def date_cell(epoch: dt.date = dates.EXCEL_EPOCH) -> Callable[[object], dt.date]:
    """ISO, 2026/3/5, 2026年3月5日, a real Excel date or a serial in the range of work records
    (FIRST_DAY to today); cached (dates repeat)."""
    cache: dict[object, dt.date] = {}
    last = dt.date.today()

    def parse(value: object) -> dt.date:
        key = value if isinstance(value, str | int | float) else None
        if key is not None and key in cache:
            return cache[key]
        day = _day(value, epoch, last)
        if day < FIRST_DAY:
            raise CellError(
                t("imp.cell.date_range", first=FIRST_DAY.isoformat(), last=last.isoformat())
            )
        if key is not None and len(cache) < 100_000:
            cache[key] = day
        return day

    return parse


def _day(value: object, epoch: dt.date, last: dt.date) -> dt.date:
    span = {"first": FIRST_DAY.isoformat(), "last": last.isoformat()}
    if isinstance(value, int | float) and not isinstance(value, bool):
        # A number not formatted as a date (those come as dates): a day only as a serial
        # that lands among the work records.
        try:
            day = dates.from_excel_serial(value, epoch)
        except (ValueError, OverflowError):
            day = None
        if day is None or not FIRST_DAY <= day <= last:
            raise CellError(t("imp.cell.date_number", **span))
        return day
    if isinstance(value, str):
        shown = value.strip()
        if _DIGITS.match(shown):
            raise CellError(t("imp.cell.date_digits"))
        if _MONTH_ALONE.match(shown):
            raise CellError(t("imp.cell.date_month"))
    try:
        return dates.file_date(value, epoch)
    except ValueError:
        shown = cell_text(value)
        raise CellError(
            t("imp.cell.no_such_day") if _SHAPED_LIKE_DATE.match(shown) else t("imp.cell.date")
        ) from None


def DATE(value: object) -> dt.date:  # noqa: N802 - a marker, replaced per file
    """Marks a date column: match_header gives it a parser for the file's date epoch."""
    raise AssertionError("DATE is replaced by date_cell(epoch) in match_header")


def count(value: object) -> int:
    """A whole number, 0 or more (Excel may give 12.0)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text_ = cell_text(value)
    if not re.fullmatch(r"\d+", text_):
        raise CellError(t("imp.cell.count"))
    return int(text_)


def choice(vocabulary: dict[str, str]) -> Callable[[object], str]:
    """A code of `vocabulary`, given as the code or its Chinese spelling (vocab.parse)."""
    cache: dict[str, str] = {}

    def parse(value: object) -> str:
        raw = cell_text(value)
        if raw not in cache:
            try:
                cache[raw] = vocab.parse(vocabulary, raw, "")
            except Invalid as exc:
                raise CellError(exc.detail) from None
        return cache[raw]

    return parse


YES = {"yes", "y", "true", "1", "是", "√"}
NO = {"no", "n", "false", "0", "否", ""}


def yes_no(value: object) -> bool:
    raw = cell_text(value).lower()
    if raw in YES:
        return True
    if raw in NO:
        return False
    raise CellError(t("imp.cell.yes_no"))


# --- cells that hold a list ------------------------------------------------------------------

LIST_SEP = re.compile(r"[；;、\r\n]+")
EXPORT_SEP = "；"


def split_list(value: object) -> tuple[str, ...]:
    return tuple(p.strip() for p in LIST_SEP.split(cell_text(value)) if p.strip())

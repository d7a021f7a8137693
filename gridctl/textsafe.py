"""Text that is safe to store and to show: no control characters in names, nothing a
spreadsheet would run as a formula (OWASP CSV injection), one-line messages."""

from __future__ import annotations

import re

from gridctl.errors import Invalid
from gridctl.i18n import t

DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def is_dangerous(text: str) -> bool:
    return text.startswith(DANGEROUS_START)


def csv_cell(value: object) -> object:
    """A text value prefixed with ' when a spreadsheet would take it as a formula."""
    if isinstance(value, str) and is_dangerous(value):
        return "'" + value
    return value


# Characters no name or code may hold: C0/C1 controls (NUL, ESC, CR, LF, TAB...), lone
# surrogates (undecodable bytes in a command line) and the bidirectional overrides that make
# text display in another order than it is stored ("Trojan Source"). One compiled class: an
# import checks every cell, and a regular expression scans in C what a loop over characters
# did in Python (a fifth of the import's time).
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


def has_unsafe_chars(text: str) -> bool:
    return UNSAFE.search(text) is not None


def _code(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def escaped(text: str, limit: int = 60) -> str:
    """Text for a one-line message: unsafe characters as \\uNNNN, long text cut."""
    shown = UNSAFE.sub(_code, text[:limit])
    return shown + ("…" if len(text) > limit else "")


def required(field: str, value: str | None, limit: int | None = None) -> str:
    """A name or code that must be given: stripped, no control characters, at most `limit`
    characters (its column's length)."""
    text = (value or "").strip()
    if not text:
        raise Invalid(field, value or "", t("detail.empty"))
    if has_unsafe_chars(text):
        raise Invalid(field, escaped(text), t("detail.control_chars"))
    if limit and len(text) > limit:
        raise Invalid(field, escaped(text), t("detail.too_long", limit=limit))
    return text

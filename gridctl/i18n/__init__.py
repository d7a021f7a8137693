"""Every user-facing label and message, in Chinese and English, in one place.

Catalogues live in the modules of this package, named for the domains of the code (registers,
work, points, funding, ..., ledger), with common.py for what every domain shares and columns.py
for the column labels; each maps a key to (English, Chinese). The language is GRIDCTL_LANG if
set, else Chinese under a Chinese locale (LC_ALL, LC_MESSAGES, LANG), else English.

The bottom of the house: imports nothing of gridctl outside this package; everything may
import it.
"""

from __future__ import annotations

import os

from gridctl.i18n import catalogue

_CATALOGUE: dict[str, tuple[str, str]] = catalogue.ALL


def lang() -> str:
    forced = os.environ.get("GRIDCTL_LANG", "").strip().lower()
    if forced in ("zh", "en"):
        return forced
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def t(key: str, lang_: str | None = None, **params: object) -> str:
    """The message `key` in the current (or given) language, formatted with `params`."""
    en, zh = _CATALOGUE[key]
    text = zh if (lang_ or lang()) == "zh" else en
    return text.format(**params) if params else text

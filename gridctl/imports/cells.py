"""Cells that hold a list: names separated by ；, ; or 、 (or one per line), as offices
type them."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from gridctl.errors import Ambiguous, GridctlError
from gridctl.i18n import t
from gridctl.imports.spec import (
    Row,
    cell_text,
)

LIST_SEP = re.compile(r"[；;、\r\n]+")


EXPORT_SEP = "；"


def split_list(value: object) -> tuple[str, ...]:
    return tuple(p.strip() for p in LIST_SEP.split(cell_text(value)) if p.strip())


def resolve_list(row: Row, key: str, resolve: Callable[[str], Any], what: str) -> list[Any] | None:
    """Resolve each name of a list cell; every unknown one is reported. None if absent."""
    if not row.has(key):
        return None
    found = []
    for ref in row.get(key) or ():
        try:
            found.append(resolve(ref))
        except Ambiguous as exc:
            row.error(key, t("imp.ref.ambiguous", candidates="; ".join(exc.candidates)), ref)
        except GridctlError as exc:
            message = (
                t("imp.ref.unknown", what=t(f"imp.what.{what}"))
                if exc.key == "not_found"
                else exc.detail or exc.message()
            )
            row.error(key, message, ref)
    return found

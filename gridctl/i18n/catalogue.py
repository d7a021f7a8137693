"""Gathers the per-domain catalogues into one mapping; a domain adds its module here."""

from __future__ import annotations

from gridctl.i18n import (
    columns,
    common,
    frame,
    funding,
    imports,
    imports_kinds,
    imports_layout,
    ledger,
    ledger_copy,
    lists,
    organisation,
    outfiles,
    points,
    registers,
    reports,
    roles,
    scale,
    sharing,
    work,
    work_meetings,
)

ALL: dict[str, tuple[str, str]] = {}
for _domain in (
    common,
    frame,
    columns,
    ledger,
    ledger_copy,
    registers,
    work,
    work_meetings,
    points,
    funding,
    organisation,
    sharing,
    imports,
    imports_kinds,
    imports_layout,
    reports,
    roles,
    scale,
    outfiles,
    lists,
):
    _clash = ALL.keys() & _domain.MESSAGES.keys()
    assert not _clash, f"i18n keys defined twice: {_clash}"
    ALL.update(_domain.MESSAGES)

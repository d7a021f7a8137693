"""Gathers the per-area catalogues into one mapping; an area adds its module here."""

from __future__ import annotations

from gridctl.i18n import core, dossier, hardening, imports, park, points, reports

ALL: dict[str, tuple[str, str]] = {}
for _area in (core, points, park, imports, reports, hardening, dossier):
    _clash = ALL.keys() & _area.MESSAGES.keys()
    assert not _clash, f"i18n keys defined twice: {_clash}"
    ALL.update(_area.MESSAGES)

"""What a user probably meant when a name or code is not found: the closest few of the
register's names and codes (one query of them, compared in memory)."""

from __future__ import annotations

import unicodedata
from difflib import SequenceMatcher

from gridctl.i18n import t

CANDIDATES = 5
# A group or grid not found lists what exists; a park has a few groups and some dozens of
# grids, but a list longer than this says how many there are instead of filling the screen.
LISTED = 30
CODE_CUTOFF = 0.75


def _name_score(ref: str, name: str) -> float:
    """How much of `ref` appears, in order, in `name` (a typo, a part of a long name); ties
    broken by how alike the two are overall."""
    # Cheap check first: most names share too few characters with the reference to matter.
    if not name or len(set(ref).intersection(name)) * 2 < len(set(ref)):
        return 0.0
    matcher = SequenceMatcher(None, ref, name, autojunk=False)
    in_order = sum(block.size for block in matcher.get_matching_blocks()) / len(ref)
    return in_order + matcher.ratio() / 10


def _code_score(ref: str, code: str) -> float:
    """A code is alike as a whole (one character mistyped or left out), never in part: every
    credit code holds some run of another's digits."""
    if not code:
        return 0.0
    matcher = SequenceMatcher(None, ref, code, autojunk=False)
    if matcher.real_quick_ratio() < CODE_CUTOFF or matcher.quick_ratio() < CODE_CUTOFF:
        return 0.0
    ratio = matcher.ratio()
    return 1 + ratio / 10 if ratio >= CODE_CUTOFF else 0.0


def _key(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().upper()


def closest(ref: str, candidates: list[tuple[str, str, str]]) -> list[str]:
    """The shown labels of the candidates (shown, name, code) nearest `ref`."""
    wanted = _key(ref)
    if not wanted:
        return []
    scored = []
    for shown, name, code in candidates:
        best = max(_name_score(wanted, _key(name)), _code_score(wanted, _key(code)))
        if best >= 0.5:
            scored.append((-best, shown))
    scored.sort()
    return [shown for _, shown in scored[:CANDIDATES]]


def listing(near: list[str], existing: list[str] | None = None) -> str:
    """The tail of a not-found detail: what exists, for a register short enough to list
    (groups, a park's grids), else the closest matches, else nothing."""
    sep = t("detail.sep")
    if existing is not None and len(existing) <= LISTED:
        if not existing:
            return t("detail.none_exist")
        return t("detail.existing", names=sep.join(existing))
    if near:
        return t("detail.closest", candidates=sep.join(near))
    if existing:
        more = t("detail.and_more", count=len(existing))
        return t("detail.existing", names=sep.join(existing[:LISTED]) + more)
    return ""

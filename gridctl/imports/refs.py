"""Names and codes to ids for a whole file: each register loaded once, not queried per row.

A miss falls back to the resolvers of gridctl.registers.lookup (one query per distinct value,
cached), so a file resolves a supervisor or an enterprise exactly as `visit add` does: an
unknown or ambiguous name raises the same NotFound / Ambiguous.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import TypeVar, cast

from sqlalchemy import select
from sqlmodel import Session, col

from gridctl import uscc
from gridctl.errors import GridctlError
from gridctl.ledger.models import Enterprise, Grid, GuidanceGroup, Supervisor
from gridctl.registers.lookup import find_enterprise, find_grid, find_group, find_supervisor

T = TypeVar("T")


@dataclass(frozen=True)
class GridRef:
    id: int
    code: str
    level: int


@dataclass(frozen=True)
class GroupRef:
    id: int
    name: str
    leader_id: int | None


@dataclass(frozen=True)
class SupervisorRef:
    id: int
    code: str
    group_id: int
    active: bool


@dataclass(frozen=True)
class EnterpriseRef:
    id: int
    name: str
    credit_code: str | None


class Refs:
    """Look-ups over the ledger as it was when the import began (re-checked when written).

    Each register is loaded the first time a row names one of its records."""

    def __init__(self, session: Session, today: date | None = None) -> None:
        self.session = session
        self.today = today or date.today()  # visits after today are refused
        self._misses: dict[tuple[str, str], object] = {}

    @cached_property
    def _grids(self) -> dict[str, GridRef]:
        rows = self.session.execute(select(col(Grid.id), col(Grid.code), col(Grid.level)))
        return {code: GridRef(i, code, lv) for i, code, lv in rows}

    @cached_property
    def _groups(self) -> dict[str, GroupRef]:
        rows = self.session.execute(
            select(col(GuidanceGroup.id), col(GuidanceGroup.name), col(GuidanceGroup.leader_id))
        )
        return {name: GroupRef(i, name, lead) for i, name, lead in rows}

    @cached_property
    def _supervisors(self) -> tuple[dict[str, SupervisorRef], dict[str, list[SupervisorRef]]]:
        by_code: dict[str, SupervisorRef] = {}
        by_name: dict[str, list[SupervisorRef]] = {}
        query = select(
            col(Supervisor.id),
            col(Supervisor.code),
            col(Supervisor.name),
            col(Supervisor.group_id),
            col(Supervisor.active),
        )
        for i, code, name, group_id, active in self.session.execute(query):
            ref = SupervisorRef(i, code, group_id, active)
            by_code[code] = ref
            by_name.setdefault(name, []).append(ref)
        return by_code, by_name

    @cached_property
    def _enterprises(self) -> tuple[dict[str, EnterpriseRef], dict[str, EnterpriseRef]]:
        by_code: dict[str, EnterpriseRef] = {}
        by_name: dict[str, EnterpriseRef] = {}
        query = select(col(Enterprise.id), col(Enterprise.name), col(Enterprise.credit_code))
        for i, name, code in self.session.execute(query):
            ref = EnterpriseRef(i, name, code)
            by_name[name] = ref
            if code:
                by_code[code] = ref
        return by_code, by_name

    def _fallback(self, what: str, ref: str, find: Callable[[Session, str, str], T]) -> T:
        """One query through the registers' resolver; its answer or refusal (naming the field
        `what`) is remembered."""
        key = (what, ref)
        if key not in self._misses:
            try:
                self._misses[key] = find(self.session, ref, what)
            except GridctlError as exc:
                self._misses[key] = exc
        hit = self._misses[key]
        if isinstance(hit, GridctlError):
            raise hit
        return cast(T, hit)

    # --- what resolvers call -------------------------------------------------------------

    def grid(self, code: str) -> GridRef:
        hit = self._grids.get(code)
        if hit is None:
            self._fallback("grid", code, find_grid)  # raises NotFound
            hit = self._grids[code]
        return hit

    def grid_or_none(self, code: str) -> GridRef | None:
        return self._grids.get(code)

    def group(self, name: str) -> GroupRef:
        hit = self._groups.get(name)
        if hit is None:
            found = self._fallback("group", name, find_group)
            hit = GroupRef(_id(found.id), found.name, found.leader_id)
        return hit

    def group_or_none(self, name: str) -> GroupRef | None:
        return self._groups.get(name)

    def group_by_id(self) -> dict[int, GroupRef]:
        return {g.id: g for g in self._groups.values()}

    def supervisor(self, ref: str) -> SupervisorRef:
        by_code, by_name = self._supervisors
        hit = by_code.get(ref)
        if hit is None:
            named = by_name.get(ref, ())
            if len(named) == 1:
                return named[0]
            found = self._fallback("supervisor", ref, find_supervisor)
            hit = SupervisorRef(_id(found.id), found.code, found.group_id, found.active)
        return hit

    def supervisor_or_none(self, code: str) -> SupervisorRef | None:
        return self._supervisors[0].get(code)

    def enterprise(self, ref: str) -> EnterpriseRef:
        by_code, by_name = self._enterprises
        hit = by_name.get(ref) or by_code.get(uscc.normalise(ref))
        if hit is None:
            found = self._fallback("enterprise", ref, find_enterprise)
            hit = EnterpriseRef(_id(found.id), found.name, found.credit_code)
        return hit

    def enterprise_by_code(self, code: str) -> EnterpriseRef | None:
        return self._enterprises[0].get(code)

    def enterprise_by_name(self, name: str) -> EnterpriseRef | None:
        return self._enterprises[1].get(name)


def _id(value: int | None) -> int:
    """A stored record's id (None only before it is flushed)."""
    assert value is not None
    return value

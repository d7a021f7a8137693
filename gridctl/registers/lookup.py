"""Resolving references: a grid by code, a group by name, a supervisor by code or
unambiguous name, an enterprise by credit code or unambiguous name (an exact name first,
else a unique part of one).

A refusal names the field given (by default the register's own: `grid`, `group`,
`supervisor`, `enterprise`), for the edge to show as its flag, argument or column.
"""

from __future__ import annotations

from sqlalchemy import or_
from sqlmodel import Session, col, select

from gridctl import uscc
from gridctl.errors import Ambiguous, NotFound
from gridctl.i18n import t
from gridctl.ledger.models import Enterprise, Grid, GuidanceGroup, Supervisor


def find_grid(session: Session, code: str, field: str = "grid") -> Grid:
    grid = session.exec(select(Grid).where(Grid.code == code.strip())).first()
    if grid is None:
        raise NotFound(field, code, t("detail.grid_ref"))
    return grid


def find_group(session: Session, name: str, field: str = "group") -> GuidanceGroup:
    group = session.exec(select(GuidanceGroup).where(GuidanceGroup.name == name.strip())).first()
    if group is None:
        raise NotFound(field, name, t("detail.group_ref"))
    return group


def find_supervisor(session: Session, ref: str, field: str = "supervisor") -> Supervisor:
    ref = ref.strip()
    by_code = session.exec(select(Supervisor).where(Supervisor.code == ref)).first()
    if by_code is not None:
        return by_code
    matches = session.exec(select(Supervisor).where(Supervisor.name == ref)).all()
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise Ambiguous(field, ref, [f"{s.code} {s.name}" for s in matches])
    raise NotFound(field, ref, t("detail.supervisor_ref"))


def find_enterprise(session: Session, ref: str, field: str = "enterprise") -> Enterprise:
    ref = ref.strip()
    code = uscc.normalise(ref)
    exact = session.exec(
        select(Enterprise).where(
            or_(col(Enterprise.credit_code) == code, col(Enterprise.name) == ref)
        )
    ).first()
    if exact is not None:
        return exact
    pattern = "%" + ref.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    matches = session.exec(
        select(Enterprise).where(col(Enterprise.name).like(pattern, escape="\\")).limit(11)
    ).all()
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise Ambiguous(field, ref, [f"{e.name} ({e.credit_code or '-'})" for e in matches[:10]])
    raise NotFound(field, ref, t("detail.enterprise_ref"))

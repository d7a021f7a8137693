"""Resolving references: a grid by code, a group by name, a supervisor by code or
unambiguous name, an enterprise by credit code or unambiguous name (an exact name first,
else a unique part of one).

A refusal names the field given (by default the register's own: `grid`, `group`,
`supervisor`, `enterprise`), for the edge to show as its flag, argument or column. A name or
code not found is answered with what is closest (a typo in 李娜 finds 李娜); a group or grid
not found with the ones that exist.
"""

from __future__ import annotations

from sqlalchemy import or_
from sqlmodel import Session, col, select

from gridctl import uscc
from gridctl.errors import Ambiguous, NotFound
from gridctl.i18n import t
from gridctl.ledger.models import Enterprise, Grid, GuidanceGroup, Supervisor
from gridctl.registers.suggest import closest, listing


def find_grid(session: Session, code: str, field: str = "grid") -> Grid:
    grid = session.exec(select(Grid).where(Grid.code == code.strip())).first()
    if grid is None:
        rows = session.exec(select(Grid.code, Grid.name).order_by(col(Grid.code))).all()
        near = closest(code.strip(), [(f"{c} {n}", n, c) for c, n in rows])
        raise NotFound(field, code, t("detail.grid_ref") + listing(near, [c for c, _ in rows]))
    return grid


def find_group(session: Session, name: str, field: str = "group") -> GuidanceGroup:
    group = session.exec(select(GuidanceGroup).where(GuidanceGroup.name == name.strip())).first()
    if group is None:
        names = list(session.exec(select(GuidanceGroup.name).order_by(col(GuidanceGroup.id))))
        near = closest(name.strip(), [(n, n, "") for n in names])
        raise NotFound(field, name, t("detail.group_ref") + listing(near, names))
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
    rows = session.exec(select(Supervisor.code, Supervisor.name)).all()
    near = closest(ref, [(f"{c} {n}", n, c) for c, n in rows])
    raise NotFound(field, ref, t("detail.supervisor_ref") + listing(near))


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
    rows = session.exec(select(Enterprise.name, Enterprise.credit_code)).all()
    near = closest(ref, [(f"{n} ({c or '-'})", n, c or "") for n, c in rows])
    raise NotFound(field, ref, t("detail.enterprise_ref") + listing(near))

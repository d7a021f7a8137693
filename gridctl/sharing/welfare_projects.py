"""The projects of the public-welfare claim list (公益项目认领清单): what the station lists for
enterprises' party organisations to claim (the claims themselves: welfare_claims).

A project's name is unique; a project with claims recorded stays on the list.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, col, select

from gridctl.errors import Conflict, Invalid, NotFound
from gridctl.i18n import t
from gridctl.ledger.models.sharing import WelfareClaim, WelfareProject
from gridctl.ledger.models.typed import by_id_or_name, id_of


@dataclass(frozen=True, slots=True)
class ProjectRow:
    """A project as `gridctl welfare list` shows it, with its claims counted."""

    id: int
    name: str
    category: str
    description: str
    claims: int
    completed: int
    participants: int


def _text(value: str | None) -> str | None:
    return (value or "").strip() or None


def check_project_name(session: Session, name: str, exclude: int | None = None) -> str:
    """A project's name (field `project_name`): not empty, and no other project's (the rule
    of add and update)."""
    title = _text(name)
    if title is None:
        raise Invalid("project_name", name, t("detail.empty"))
    query = select(WelfareProject.id).where(WelfareProject.name == title)
    if exclude is not None:
        query = query.where(WelfareProject.id != exclude)
    if session.exec(query).first() is not None:
        raise Conflict("project_name", title, t("detail.welfare.project_exists"))
    return title


def add_project(
    session: Session, *, name: str, category: str | None = None, description: str | None = None
) -> WelfareProject:
    title = check_project_name(session, name)
    project = WelfareProject(name=title, category=_text(category), description=_text(description))
    session.add(project)
    session.flush()
    return project


def find_project(session: Session, ref: str) -> WelfareProject:
    """A project (field `project`) by its ID or its exact name."""
    project = by_id_or_name(session, WelfareProject, ref)
    if project is None:
        raise NotFound("project", ref, t("detail.welfare.project_ref"))
    return project


def update_project(
    session: Session,
    *,
    project: str,
    name: str | None = None,
    category: str | None = None,
    description: str | None = None,
) -> WelfareProject:
    """Correct a project: each given field replaces what is recorded (empty clears it)."""
    row = find_project(session, project)
    if name is not None:
        row.name = check_project_name(session, name, exclude=row.id)
    if category is not None:
        row.category = _text(category)
    if description is not None:
        row.description = _text(description)
    session.add(row)
    session.flush()
    return row


def delete_project(session: Session, *, project: str) -> WelfareProject:
    """Remove a project from the list; refused while any claim of it is recorded."""
    row = find_project(session, project)
    claims = session.exec(
        select(func.count(col(WelfareClaim.id))).where(WelfareClaim.project_id == row.id)
    ).one()
    if claims:
        raise Conflict("project", project, t("detail.project_has_claims", n=claims))
    session.delete(row)
    session.flush()
    return row


def project_rows(session: Session) -> list[ProjectRow]:
    of_project = col(WelfareClaim.project_id) == col(WelfareProject.id)
    claims = select(func.count(col(WelfareClaim.id))).where(of_project).scalar_subquery()
    done = (
        select(func.count(col(WelfareClaim.id)))
        .where(of_project, col(WelfareClaim.completed_on).is_not(None))
        .scalar_subquery()
    )
    people = (
        select(func.coalesce(func.sum(WelfareClaim.participants), 0))
        .where(of_project)
        .scalar_subquery()
    )
    query = select(WelfareProject, claims, done, people).order_by(col(WelfareProject.id))
    return [
        ProjectRow(
            id=id_of(p),
            name=p.name,
            category=p.category or "",
            description=p.description or "",
            claims=n,
            completed=d,
            participants=ppl,
        )
        for p, n, d, ppl in session.exec(query).all()
    ]

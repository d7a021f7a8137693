"""Import kind `welfare_claims`: claims of the public-welfare claim list, and their
completion.

Natural key: project + enterprise + claimed date. A completion date needs the participants
and the reverse (welfare_claims.check_completion); a new claim follows the rules of `gridctl
welfare claim` (check_claim): an organisation holds one open claim of a project at a time,
in the ledger and in the file. New claims are recorded (and completed) through the service;
a claim already recorded is updated in the fields its file gives, and a changed completion
date drops the points it earned (derived again on the next read).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from gridctl.errors import GridctlError
from gridctl.i18n import t
from gridctl.imports.cells import ref as ref_
from gridctl.imports.refs import Refs
from gridctl.imports.spec import (
    DATE,
    Chunks,
    Column,
    Counts,
    Row,
    RowError,
    Spec,
    WriteCtx,
    blank,
    count,
)
from gridctl.imports.spec import name as name_
from gridctl.imports.spec import text as text_
from gridctl.imports.upsert import records, update_record
from gridctl.ledger.models import Enterprise
from gridctl.ledger.models.sharing import WelfareClaim, WelfareProject
from gridctl.ledger.models.typed import id_of
from gridctl.sharing import welfare_claims


@dataclass(frozen=True)
class ClaimRecord:
    """A checked row: the claim's key (project, enterprise, claimed date), how `welfare
    claim` names the project and the enterprise, its completion as it will stand, and the
    fields of the claim table the file gives for a claim already recorded."""

    key: tuple[int, int, date]
    project: str
    enterprise: str
    firm_name: str
    done: date | None
    people: int | None
    fields: dict[str, Any]


def _resolve_claim(row: Row, refs: Refs) -> ClaimRecord | None:
    firm = row.ref("enterprise", refs.enterprise, "enterprise")
    project = _project(row, refs)
    day, done, people = row.get("claimed"), row.get("completed"), row.get("participants")
    if firm is None or project is None or day is None:
        return None
    old = refs.session.exec(
        select(col(WelfareClaim.completed_on), col(WelfareClaim.participants)).where(
            WelfareClaim.project_id == project.id,
            WelfareClaim.enterprise_id == firm.id,
            WelfareClaim.claimed_on == day,
        )
    ).first()
    if old is None:
        party_org = refs.session.exec(
            select(Enterprise.party_org).where(Enterprise.id == firm.id)
        ).one()
        try:
            welfare_claims.check_claim(
                party_org=party_org, enterprise=firm.name, day=day, today=refs.today
            )
        except GridctlError as exc:
            row.blame(exc, default="claimed")
    done_given = row.has("completed") or row.has("participants")
    if done is None and old is not None and not done_given:
        done, people = old  # left alone: checked as it is
    if done is not None:
        try:
            welfare_claims.check_completion(
                claimed_on=day, day=done, participants=people, today=refs.today
            )
        except GridctlError as exc:
            # A completion date in a file without the participants column: the refusal names
            # the participants all the same (they are what is missing).
            row.blame(exc, default="participants")
    elif people is not None:
        row.error("participants", t("imp.claim.participants_when_done"), people)
    if row.errors:
        return None
    fields: dict[str, Any] = {}
    if done_given:
        fields["completed_on"], fields["participants"] = done, people
    if row.has("note"):
        fields["note"] = blank(row.get("note"))
    key = (id_of(project), firm.id, day)
    return ClaimRecord(
        key, project.name, firm.credit_code or firm.name, firm.name, done, people, fields
    )


def _project(row: Row, refs: Refs) -> WelfareProject | None:
    name = row.get("project")
    if name is None:
        return None
    found = refs.session.exec(select(WelfareProject).where(WelfareProject.name == name)).first()
    if found is None:
        row.error("project", t("imp.ref.unknown", what=t("imp.what.welfare_project")), name)
    return found


@dataclass
class _Held:
    """A claim of one project by one organisation, in the ledger (id) or the file (line)."""

    id: int | None
    open: bool
    line: int | None
    name: str | None = None


def _check_claims(
    pairs: list[tuple[int, ClaimRecord]], refs: Refs, labels: dict[str, str]
) -> list[RowError]:
    """One open claim of a project per organisation at a time (welfare_claims.claim's rule),
    over the ledger's claims and the file's together: an open claim must be the latest."""
    groups: dict[tuple[int, int], dict[date, _Held]] = {}
    for line, rec in pairs:
        project_id, firm_id, day = rec.key
        group = groups.get((project_id, firm_id))
        if group is None:
            group = groups[(project_id, firm_id)] = _ledger_claims(refs, project_id, firm_id)
        old = group.get(day)
        group[day] = _Held(old.id if old else None, rec.done is None, line, rec.firm_name)
    errors = []
    column = labels.get("project", "project")
    for group in groups.values():
        name = next(c.name for c in group.values() if c.name is not None)
        holding: _Held | None = None
        for day in sorted(group):
            claim = group[day]
            if holding is not None and (claim.line or holding.line):
                blamed = claim if claim.line else holding
                held = holding.id or t("imp.claim.of_line", line=holding.line)
                message = welfare_claims.open_claim_message(name, held)
                if claim.line is None:
                    message = welfare_claims.open_claim_message(name, claim.id)
                assert blamed.line is not None
                errors.append(RowError(blamed.line, column, message, ""))
            if claim.open:
                holding = claim
    return sorted(errors)


def _ledger_claims(refs: Refs, project_id: int, firm_id: int) -> dict[date, _Held]:
    """The organisation's claims of the project in the ledger, by claimed date."""
    query = select(
        col(WelfareClaim.id), col(WelfareClaim.claimed_on), col(WelfareClaim.completed_on)
    ).where(WelfareClaim.project_id == project_id, WelfareClaim.enterprise_id == firm_id)
    return {
        claimed: _Held(claim_id, completed is None, None)
        for claim_id, claimed, completed in refs.session.exec(query)
    }


def _write_claims(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    counts = Counts()
    recs: list[ClaimRecord] = records(chunks)
    done: list[date | None] = []  # completion days of new claims: their windows re-derived
    for rec in sorted(recs, key=lambda r: r.key[2]):
        project_id, firm_id, day = rec.key
        old = session.exec(
            select(WelfareClaim).where(
                WelfareClaim.project_id == project_id,
                WelfareClaim.enterprise_id == firm_id,
                WelfareClaim.claimed_on == day,
            )
        ).one_or_none()
        if old is not None:
            redated = (
                "completed_on" in rec.fields and rec.fields["completed_on"] != old.completed_on
            )
            changed = update_record(session, old, rec.fields, counts, dry_run=ctx.dry_run)
            if changed and redated and not ctx.dry_run:
                welfare_claims.forget_points(session, id_of(old))
                done.append(rec.fields["completed_on"])  # derived again there now
            continue
        counts.inserted += 1
        if not ctx.dry_run:
            _add_claim(session, rec)
            done.append(rec.done)
    if any(done):
        from gridctl.points.fresh import refresh

        refresh(session, done, only=("welfare",))
    return counts


def _add_claim(session: Session, rec: ClaimRecord) -> None:
    """A new claim through welfare_claims.claim, completed as its row says."""
    new = welfare_claims.claim(
        session,
        project=rec.project,
        enterprise=rec.enterprise,
        day=rec.key[2],
        note=rec.fields.get("note"),
    )
    if rec.done is not None and rec.people is not None:
        welfare_claims.complete(session, claim_id=id_of(new), day=rec.done, participants=rec.people)


def _export_claims(session: Session) -> Iterator[dict[str, object]]:
    for row in welfare_claims.claim_rows(session):
        yield {
            "project": row.project,
            "enterprise": row.enterprise,
            "claimed": row.claimed,
            "completed": row.completed,
            "participants": "" if row.participants is None else row.participants,
            "note": row.note,
        }


WELFARE_CLAIMS = Spec(
    kind="welfare_claims",
    columns=(
        Column("project", "项目", True, name_(200)),
        Column("enterprise", "企业", True, ref_()),
        Column("claimed", "认领日期", True, DATE),
        Column("completed", "完成日期", False, DATE),
        Column("participants", "参与人数", False, count),
        Column("note", "备注", False, text_()),
    ),
    resolve=_resolve_claim,
    keys=(("claimed", lambda r: r.key),),
    write=_write_claims,
    export=_export_claims,
    check_all=_check_claims,
)

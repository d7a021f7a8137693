"""Import specs of two park records kept so far only through their commands (issue 7): the
problems referred to a joint meeting with the meeting's outcome, and the industry-chain
committees and the IT alliance.

As in kinds_park2, each row passes the rules of the command that records one (the check
functions of gridctl.meetings and gridctl.chains), checked per row and across the file first,
so a bad file is refused whole with FILE:LINE reports. New records go through the services;
a changed record is updated in the fields its file gives (an absent column leaves the field
alone; an empty cell in a present column clears an optional field).

referrals: natural key meeting + problem. The meeting is named by its date (the joint
meeting of that day: one per day). The problem by its id (问题编号), or by enterprise +
description (a description that several problems of the enterprise share is refused with
their ids; give the id then); given both, they must agree. A new referral follows `problem
refer` (meetings.check_referral: a joint meeting, an open problem, a meeting not before the
problem was opened). An outcome follows `meeting outcome` (meetings.check_outcome: the
meeting was held); solved = yes also marks the problem solved on the meeting's day, as
`meeting outcome --solved` does, and needs the outcome. solved = no (or empty) changes
nothing: a problem solved since stays solved. Rows are written in meeting order, so a file
may refer a problem to one meeting and solve it at a later one; a problem solved at one
meeting is not referred again at a later one. An export writes solved = yes where the
problem was solved on the meeting's day with an outcome recorded there.

chains: natural key the chain (code or Chinese name, as `chain set` takes it). The lead must
be an enterprise that is a member of the chain (chains.check_lead). An export lists every
chain, set or not; a chain with nothing set in the ledger and nothing in its row is unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from gridctl import vocab
from gridctl.errors import GridctlError
from gridctl.imports.refs import Refs
from gridctl.imports.spec import (
    Chunks,
    Column,
    Counts,
    Row,
    Spec,
    WriteCtx,
    blank,
    choice,
)
from gridctl.imports.spec import name as name_
from gridctl.imports.spec import text as text_
from gridctl.imports.upsert import records, update_record
from gridctl.ledger.models import Enterprise
from gridctl.ledger.models.organisation import Chain
from gridctl.organisation import chains

CHAIN_FIELDS = ("lead_enterprise_id", "secretary", "note")


def _resolve_chain(row: Row, refs: Refs) -> dict[str, Any] | None:
    code = row.get("chain")
    lead = row.get("lead")
    firm = row.ref("lead", refs.enterprise, "enterprise") if lead else None
    if firm is not None and code is not None:
        member_of = refs.session.execute(
            select(Enterprise.chain).where(Enterprise.id == firm.id)
        ).scalar_one()
        try:
            chains.check_lead(lead, firm.name, member_of, code)
        except GridctlError as exc:
            row.error("lead", exc.detail, lead)
    if row.errors or code is None:
        return None
    rec: dict[str, Any] = {"_key": code, "_lead": (firm.credit_code or firm.name) if firm else None}
    if row.has("lead"):
        rec["lead_enterprise_id"] = firm.id if firm else None
    for key in ("secretary", "note"):
        if row.has(key):
            rec[key] = blank(row.get(key))
    return rec


def _write_chains(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    counts = Counts()
    for rec in records(chunks):
        old = session.execute(select(Chain).where(Chain.code == rec["_key"])).scalar_one_or_none()
        fields = {k: v for k, v in rec.items() if not k.startswith("_")}
        if old is None:
            if not any(v is not None for v in fields.values()):
                counts.unchanged += 1  # nothing set, nothing to set
                continue
            counts.inserted += 1
            if not ctx.dry_run:
                chains.set_chain(
                    session,
                    chain=rec["_key"],
                    lead=rec["_lead"],
                    secretary=fields.get("secretary"),
                    note=fields.get("note"),
                )
        else:
            update_record(session, old, fields, counts, dry_run=ctx.dry_run)
    return counts


def _export_chains(session: Session) -> Iterator[dict[str, object]]:
    for row in chains.chain_rows(session):
        yield {
            "chain": row["code"],
            "lead": row["lead"],
            "secretary": row["secretary"],
            "note": row["note"],
        }


CHAINS = Spec(
    kind="chains",
    columns=(
        Column("chain", "产业链", True, choice(vocab.CHAIN), vocab=vocab.CHAIN),
        Column("lead", "牵头企业", False, name_()),
        Column("secretary", "书记", False, name_(100)),
        Column("note", "备注", False, text_()),
    ),
    resolve=_resolve_chain,
    keys=(("chain", lambda r: r["_key"]),),
    write=_write_chains,
    export=_export_chains,
)

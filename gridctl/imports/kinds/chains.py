"""Import kind `chains`: the industry-chain committees and the IT alliance, one row per chain
(its lead enterprise, secretary and note), as `gridctl chain set` records them.

Natural key: the chain (code or Chinese name, as `chain set` takes it). The lead must be an
enterprise that is a member of the chain (chains.check_lead). A chain not yet set is set
through chains.set_chain; a chain already set is updated in the fields its file gives (an
absent column leaves the field alone; an empty cell in a present column clears it). An
export lists every chain, set or not; a chain with nothing set in the ledger and nothing in
its row is unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, select

from gridctl import vocab
from gridctl.errors import GridctlError
from gridctl.imports.cells import ref as ref_
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


@dataclass(frozen=True)
class ChainRecord:
    """A checked row: the chain, its lead as `chain set` names it (None: no lead given or the
    lead cleared), and the fields of the chain table the file gives."""

    code: str
    lead: str | None
    fields: dict[str, Any]


def _resolve_chain(row: Row, refs: Refs) -> ChainRecord | None:
    code = row.get("chain")
    lead = row.get("lead")
    firm = row.ref("lead", refs.enterprise, "enterprise") if lead else None
    if firm is not None and code is not None:
        member_of = refs.session.exec(
            select(Enterprise.chain).where(Enterprise.id == firm.id)
        ).one()
        try:
            chains.check_lead(lead, firm.name, member_of, code)
        except GridctlError as exc:
            row.blame(exc, default="lead")
    if row.errors or code is None:
        return None
    fields: dict[str, Any] = {}
    if row.has("lead"):
        fields["lead_enterprise_id"] = firm.id if firm else None
    for key in ("secretary", "note"):
        if row.has(key):
            fields[key] = blank(row.get(key))
    return ChainRecord(code, (firm.credit_code or firm.name) if firm else None, fields)


def _write_chains(session: Session, chunks: Chunks, ctx: WriteCtx) -> Counts:
    counts = Counts()
    rec: ChainRecord
    for rec in records(chunks):
        old = session.exec(select(Chain).where(Chain.code == rec.code)).one_or_none()
        if old is not None:
            update_record(session, old, rec.fields, counts, dry_run=ctx.dry_run)
        elif not any(v is not None for v in rec.fields.values()):
            counts.unchanged += 1  # nothing set, nothing to set
        else:
            counts.inserted += 1
            if not ctx.dry_run:
                chains.set_chain(
                    session,
                    chain=rec.code,
                    lead=rec.lead,
                    secretary=rec.fields.get("secretary"),
                    note=rec.fields.get("note"),
                )
    return counts


def _export_chains(session: Session) -> Iterator[dict[str, object]]:
    for row in chains.chain_rows(session):
        yield {"chain": row.code, "lead": row.lead, "secretary": row.secretary, "note": row.note}


CHAINS = Spec(
    kind="chains",
    columns=(
        Column("chain", "产业链", True, choice(vocab.CHAIN), vocab=vocab.CHAIN),
        Column("lead", "牵头企业", False, ref_()),
        Column("secretary", "书记", False, name_(100)),
        Column("note", "备注", False, text_()),
    ),
    resolve=_resolve_chain,
    keys=(("chain", lambda r: r.code),),
    write=_write_chains,
    export=_export_chains,
)

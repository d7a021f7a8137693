"""One file per enterprise (一企一档): its facts and everything recorded about it."""

from __future__ import annotations

from sqlmodel import Session, select

from gridctl.activities import activity_rows
from gridctl.funding import members_today
from gridctl.ledger.models import Enterprise, Grid, Supervisor
from gridctl.problems import problem_rows
from gridctl.registers import find_enterprise
from gridctl.visits import visit_rows


def dossier(session: Session, ref: str) -> dict[str, object]:
    firm = find_enterprise(session, ref, "ENTERPRISE")
    grid = session.get(Grid, firm.grid_id)
    parent = session.get(Grid, grid.parent_id) if grid and grid.parent_id else None
    contact = session.get(Supervisor, firm.supervisor_id) if firm.supervisor_id else None
    facts: dict[str, object] = {
        "name": firm.name,
        "credit_code": firm.credit_code or "",
        "bad_check_reason": firm.bad_check_reason or "",
        "grid": grid.code if grid else "",
        "grid_name": grid.name if grid else "",
        "level1_grid": parent.code if parent else "",
        "chain": firm.chain or "",
        "party_org": firm.party_org,
        "members": session.exec(select(members_today()).where(Enterprise.id == firm.id)).one(),
        "supervisor": contact.code if contact else "",
        "supervisor_name": contact.name if contact else "",
        "visit_class": firm.visit_class or "",
        "core": firm.is_core,
        "safety_grid": firm.safety_grid or "",
        "order_grid": firm.order_grid or "",
        "market_grid": firm.market_grid or "",
        "status": firm.status,
    }
    visits = visit_rows(session, enterprise=firm.credit_code or firm.name)
    problems = problem_rows(session, enterprise_id=firm.id)
    facts["visits"] = visits
    facts["problems"] = problems
    facts["activities"] = activity_rows(session, enterprise=firm.credit_code or firm.name)
    return facts

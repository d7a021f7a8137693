"""The import kinds by name, in the order a ledger is filled (registers before the records
that name them). Add a kind by adding its Spec here."""

from __future__ import annotations

from gridctl.imports.kinds.activities import ACTIVITIES
from gridctl.imports.kinds.belt import BELT
from gridctl.imports.kinds.brands import BRANDS
from gridctl.imports.kinds.chains import CHAINS
from gridctl.imports.kinds.diary import DIARY
from gridctl.imports.kinds.enterprises import ENTERPRISES
from gridctl.imports.kinds.funding import FUNDING
from gridctl.imports.kinds.grids import GRIDS
from gridctl.imports.kinds.groups import GROUPS
from gridctl.imports.kinds.meetings import MEETINGS
from gridctl.imports.kinds.member_changes import MEMBER_CHANGES
from gridctl.imports.kinds.problems import PROBLEMS
from gridctl.imports.kinds.referrals import REFERRALS
from gridctl.imports.kinds.resource_uses import RESOURCE_USES
from gridctl.imports.kinds.resources import RESOURCES
from gridctl.imports.kinds.supervisors import SUPERVISORS
from gridctl.imports.kinds.visits import VISITS
from gridctl.imports.kinds.welfare_claims import WELFARE_CLAIMS
from gridctl.imports.kinds.welfare_projects import WELFARE_PROJECTS
from gridctl.imports.spec import Spec

SPECS: dict[str, Spec] = {
    s.kind: s
    for s in (
        GRIDS,
        GROUPS,
        SUPERVISORS,
        ENTERPRISES,
        VISITS,
        PROBLEMS,
        ACTIVITIES,
        DIARY,
        MEETINGS,
        REFERRALS,
        MEMBER_CHANGES,
        FUNDING,
        WELFARE_PROJECTS,
        WELFARE_CLAIMS,
        RESOURCES,
        RESOURCE_USES,
        BRANDS,
        BELT,
        CHAINS,
    )
}
KINDS = tuple(SPECS)

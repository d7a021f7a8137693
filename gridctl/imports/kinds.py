"""The import kinds, in the order a park is loaded. Add a kind by adding its Spec here."""

from __future__ import annotations

from gridctl.imports.kinds_activities import ACTIVITIES
from gridctl.imports.kinds_park import BRANDS, MEMBER_CHANGES, RESOURCES, WELFARE_PROJECTS
from gridctl.imports.kinds_park2 import BELT, MEETINGS, WELFARE_CLAIMS
from gridctl.imports.kinds_park3 import DIARY, FUNDING, RESOURCE_USES
from gridctl.imports.kinds_park4 import CHAINS, REFERRALS
from gridctl.imports.kinds_registers import ENTERPRISES, GRIDS, GROUPS, SUPERVISORS
from gridctl.imports.kinds_work import PROBLEMS, VISITS
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

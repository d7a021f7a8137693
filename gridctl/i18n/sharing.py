"""Messages and labels of the welfare claim list and the park resource map: (English, 中文)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # public-welfare claims (公益项目认领清单)
    "welfare.project_added": ("Added welfare project {id}: {name}", "已添加公益项目 {id}：{name}"),
    "welfare.claimed": ("Claim {id} recorded on {date}", "已登记认领 {id}（{date}）"),
    "welfare.completed": (
        "Claim {id} completed on {date} with {n} participants",
        "认领 {id} 已于 {date} 完成，参与 {n} 人",
    ),
    "welfare.project_updated": (
        "Welfare project {id} corrected: {name}",
        "已更正公益项目 {id}：{name}",
    ),
    "welfare.project_deleted": (
        "Deleted welfare project {id}: {name}",
        "已删除公益项目 {id}：{name}",
    ),
    "welfare.claim_updated": ("Claim {id} corrected", "已更正认领 {id}"),
    "welfare.claim_reopened": (
        "Claim {id} reopened: its completion is undone",
        "已撤销认领 {id} 的完成登记",
    ),
    "welfare.claim_deleted": ("Deleted claim {id}", "已删除认领 {id}"),
    "welfare.reopen_alone": (
        "--reopen undoes the completion: give it without --completed or --participants",
        "--reopen 撤销完成登记，不能与 --completed 或 --participants 同用",
    ),
    "help.welfare": (
        "The public-welfare claim list (公益项目认领清单).",
        "公益项目认领清单。",
    ),
    "help.welfare.project_add": ("Add a project to the list.", "添加公益项目。"),
    "help.welfare.project_add.example": (
        "Example: gridctl welfare project-add 无偿献血 --category 志愿服务",
        "示例：gridctl welfare project-add 无偿献血 --category 志愿服务",
    ),
    "help.welfare.list": ("List projects with their claims.", "列出公益项目及认领情况。"),
    "help.welfare.list.example": (
        "Example: gridctl welfare list --format json",
        "示例：gridctl welfare list --format json",
    ),
    "help.welfare.claim": (
        "An enterprise's organisation claims a project.",
        "企业党组织认领公益项目。",
    ),
    "help.welfare.claim.example": (
        "Example: gridctl welfare claim 无偿献血 -e 合肥芯联 --date 2026-05-04",
        "示例：gridctl welfare claim 无偿献血 -e 合肥芯联 --date 2026-05-04",
    ),
    "help.welfare.complete": (
        "Mark a claim completed, with the day and the participants.",
        "登记认领项目完成（日期、参与人数）。",
    ),
    "help.welfare.complete.example": (
        "Example: gridctl welfare complete 3 --date 2026-06-14 --participants 26",
        "示例：gridctl welfare complete 3 --date 2026-06-14 --participants 26",
    ),
    "help.welfare.claims": ("List claims.", "列出认领记录。"),
    "help.welfare.claims.example": (
        "Example: gridctl welfare claims --year 2026 --open",
        "示例：gridctl welfare claims --year 2026 --open",
    ),
    "help.welfare.project_update": (
        "Correct a project: name, category, description (an empty value clears it).",
        "更正公益项目：名称、类别、说明（空值清空）。",
    ),
    "help.welfare.project_update.example": (
        "Example: gridctl welfare project-update 无偿献血 --category 志愿服务",
        "示例：gridctl welfare project-update 无偿献血 --category 志愿服务",
    ),
    "help.welfare.project_delete": (
        "Delete a project (refused while claims of it are recorded).",
        "删除公益项目（已有认领记录的不能删除）。",
    ),
    "help.welfare.project_delete.example": (
        "Example: gridctl welfare project-delete 无偿献血",
        "示例：gridctl welfare project-delete 无偿献血",
    ),
    "help.welfare.claim_update": (
        "Correct a claim: project, enterprise, claim day, completion day, participants, "
        "note; --reopen undoes its completion.",
        "更正认领：项目、企业、认领日期、完成日期、参与人数、备注；--reopen 撤销完成登记。",
    ),
    "help.welfare.claim_update.example": (
        "Example: gridctl welfare claim-update 3 --completed 2026-06-15 --participants 28",
        "示例：gridctl welfare claim-update 3 --completed 2026-06-15 --participants 28",
    ),
    "help.welfare.claim_delete": (
        "Delete a claim recorded in error (completed or not).",
        "删除误登记的认领（无论是否已完成）。",
    ),
    "help.welfare.claim_delete.example": (
        "Example: gridctl welfare claim-delete 3",
        "示例：gridctl welfare claim-delete 3",
    ),
    "help.arg.project": ("Welfare project ID or name.", "公益项目编号或名称。"),
    "help.arg.claim": ("Claim ID (see welfare claims).", "认领编号（见 welfare claims）。"),
    "help.opt.welfare_category": ("Category.", "类别。"),
    "help.opt.welfare_note": ("A note.", "备注。"),
    "help.opt.open_claims": ("Only claims not yet completed.", "只列未完成的认领。"),
    "help.opt.claimed_on": ("Day of the claim, YYYY-MM-DD.", "认领日期，YYYY-MM-DD。"),
    "help.opt.completed_on": ("Day it was completed, YYYY-MM-DD.", "完成日期，YYYY-MM-DD。"),
    "help.opt.note_replace": (
        "A note (replaces the note; '' clears it).",
        "备注（替换原备注；'' 清空）。",
    ),
    "help.opt.reopen": ("Undo the completion.", "撤销完成登记。"),
    "detail.project_has_claims": (
        "{n} claim(s) of it are recorded; delete those first (welfare claim-delete)",
        "该项目已有 {n} 条认领记录，请先删除（welfare claim-delete）",
    ),
    "detail.claim_not_completed": ("the claim is not completed", "该认领尚未完成"),
    "detail.claim_open": (
        "the claim is not completed; give --completed too",
        "该认领尚未完成，请同时给出 --completed",
    ),
    "detail.welfare.project_exists": (
        "a welfare project with this name exists",
        "该公益项目名称已存在",
    ),
    "detail.welfare.project_ref": (
        "welfare project id or name; see `gridctl welfare list`",
        "公益项目编号或名称，见 gridctl welfare list",
    ),
    "detail.welfare.no_org": (
        "has no party organisation to claim projects",
        "该企业未建立党组织，不能认领公益项目",
    ),
    "detail.welfare.claim_future": ("a claim cannot be in the future", "认领日期不能晚于今天"),
    "detail.welfare.after_claim": (
        "must be on or after the claim ({claimed})",
        "不得早于认领日期（{claimed}）",
    ),
    "detail.welfare.holds_claim": (
        "{enterprise} already holds claim {claim} on it",
        "{enterprise} 已有该项目未完成的认领（{claim}）",
    ),
    "detail.welfare.claim_no": ("{id}", "编号 {id}"),
    "detail.welfare.completed": ("already completed on {day}", "已于 {day} 完成"),
    "detail.welfare.claim_ref": (
        "claim id; see `gridctl welfare claims`",
        "认领编号，见 gridctl welfare claims",
    ),
    # the park resource map (园区资源地图)
    "resource.added": ("Added resource {id}: {name}", "已添加资源 {id}：{name}"),
    "resource.used": ("Use {id} recorded on {date}", "已登记资源使用 {id}（{date}）"),
    "resource.updated": ("Resource {id} corrected: {name}", "已更正资源 {id}：{name}"),
    "resource.deleted": (
        "Deleted resource {id}: {name} (and {uses} use(s) of it)",
        "已删除资源 {id}：{name}（及其使用记录 {uses} 条）",
    ),
    "resource.use_deleted": ("Deleted use {id}", "已删除资源使用记录 {id}"),
    "help.resource": (
        "The park resource map (园区资源地图): shared venues and facilities.",
        "园区资源地图：共享场地和设施。",
    ),
    "help.resource.add": ("Add a shared venue or facility.", "添加共享场地或设施。"),
    "help.resource.add.example": (
        "Example: gridctl resource add 芯联直播间 --kind live-stream --owner 合肥芯联 "
        "--capacity 20 --terms 工作日预约开放",
        "示例：gridctl resource add 芯联直播间 --kind 直播间 --owner 合肥芯联 "
        "--capacity 20 --terms 工作日预约开放",
    ),
    "help.resource.list": ("List the resource map.", "列出园区资源。"),
    "help.resource.list.example": (
        "Example: gridctl resource list --grid G1",
        "示例：gridctl resource list --grid G1",
    ),
    "help.resource.use": (
        "Record a use of a resource by another enterprise's organisation.",
        "登记其他企业党组织使用共享资源。",
    ),
    "help.resource.use.example": (
        "Example: gridctl resource use 芯联直播间 -e 江淮 --date 2026-09-12 "
        "--purpose 直播带岗 --participants 12",
        "示例：gridctl resource use 芯联直播间 -e 江淮 --date 2026-09-12 "
        "--purpose 直播带岗 --participants 12",
    ),
    "help.resource.uses": ("List uses of shared resources.", "列出资源使用记录。"),
    "help.resource.uses.example": (
        "Example: gridctl resource uses --month 2026-09",
        "示例：gridctl resource uses --month 2026-09",
    ),
    "help.resource.update": (
        "Correct a resource: name, kind, owner (--owner '' for the station's own), grid, "
        "capacity, terms, address.",
        "更正资源：名称、类型、提供企业（--owner '' 表示指导站自有）、网格、容纳人数、"
        "开放方式、地址。",
    ),
    "help.resource.update.example": (
        "Example: gridctl resource update 芯联直播间 --capacity 30 --terms 周末开放",
        "示例：gridctl resource update 芯联直播间 --capacity 30 --terms 周末开放",
    ),
    "help.resource.delete": (
        "Delete a resource (refused while uses are recorded, unless --force deletes them too).",
        "删除资源（已有使用记录的不能删除，除非加 --force 一并删除）。",
    ),
    "help.resource.delete.example": (
        "Example: gridctl resource delete 芯联直播间 --force",
        "示例：gridctl resource delete 芯联直播间 --force",
    ),
    "help.resource.use_delete": (
        "Delete a use of a resource recorded in error.",
        "删除误登记的资源使用记录。",
    ),
    "help.resource.use_delete.example": (
        "Example: gridctl resource use-delete 7",
        "示例：gridctl resource use-delete 7",
    ),
    "help.arg.resource": ("Resource ID or name.", "资源编号或名称。"),
    "help.opt.resource_kind": (
        "service-centre, studio, live-stream, meeting-room, activity-room, exhibition, other "
        "(or the Chinese name).",
        "类型：党群服务中心、工作室、直播间、会议室、活动室、展厅、其他。",
    ),
    "help.opt.owner": (
        "Enterprise that opens it (none: the station's own).",
        "提供企业（不填为指导站自有）。",
    ),
    "help.opt.resource_grid": (
        "Grid it is in (default: its owner's grid).",
        "所在网格（默认为提供企业所在网格）。",
    ),
    "help.opt.capacity": ("How many people it holds.", "容纳人数。"),
    "help.opt.terms": ("Opening terms (when, how to book).", "开放方式（时间、预约方式）。"),
    "help.opt.address": ("Address.", "地址。"),
    "help.opt.user": ("Enterprise whose organisation used it.", "使用的企业党组织。"),
    "help.opt.use_purpose": ("What it was used for.", "用途。"),
    "help.opt.owner_replace": (
        "Enterprise that provides it ('' for the station's own).",
        "提供企业（'' 表示指导站自有）。",
    ),
    "help.opt.force_uses": ("Delete its uses too.", "一并删除使用记录。"),
    "help.arg.use": ("Use ID (see resource uses).", "使用记录编号（见 resource uses）。"),
    "detail.owner_used_it": (
        "{n} use(s) of it by that enterprise are recorded; a resource's uses are by others",
        "已有该企业使用此资源的记录 {n} 条；资源使用应为其他企业",
    ),
    "detail.capacity_below_use": (
        "a recorded use had {n} participants; at least {n}",
        "已有使用记录参与 {n} 人，容纳人数不得少于 {n}",
    ),
    "detail.resource_has_uses": (
        "{n} use(s) of it are recorded; --force deletes them with it",
        "已有 {n} 条使用记录；加 --force 一并删除",
    ),
    "detail.resource.exists": ("a resource with this name exists", "该资源名称已存在"),
    "detail.resource.capacity": ("at least 1 person", "至少 1 人"),
    "detail.resource.needs_grid": (
        "a resource without an owner enterprise needs its grid",
        "没有提供企业的资源须指定所在网格",
    ),
    "detail.resource.ref": (
        "resource id or name; see `gridctl resource list`",
        "资源编号或名称，见 gridctl resource list",
    ),
    "detail.resource.owner": (
        "owns this resource; record uses by others",
        "该企业是此资源的提供企业，只登记其他企业的使用",
    ),
    "detail.resource.purpose": ("say what it was used for", "请写明用途"),
    "detail.resource.future": ("a use cannot be in the future", "使用日期不能晚于今天"),
    "detail.resource.over_capacity": (
        "{resource} holds {capacity}",
        "{resource}最多容纳 {capacity} 人",
    ),
    "detail.resource.use_ref": (
        "use id; see `gridctl resource uses`",
        "使用记录编号，见 gridctl resource uses",
    ),
}

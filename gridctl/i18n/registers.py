"""Messages and labels of the registers: grids, groups, supervisors, enterprises."""

MESSAGES: dict[str, tuple[str, str]] = {
    # what was done
    "grid.added": (
        "Added grid {code} {name} (level {level})",
        "已添加网格 {code} {name}（{level}级）",
    ),
    "group.added": ("Added group {name}", "已添加指导组 {name}"),
    "group.leader_set": ("{leader} now leads {name}", "已设 {leader} 为 {name} 组长"),
    "supervisor.added": (
        "Added supervisor {code} {name} to {group}",
        "已添加指导员 {code} {name}（{group}）",
    ),
    "supervisor.assigned": ("Enterprises looked after", "联系企业"),
    "enterprise.added": ("Added enterprise {name} ({code})", "已添加企业 {name}（{code}）"),
    "enterprise.bad_check_kept": (
        "Credit code kept despite its check character; reason recorded: {reason}",
        "统一社会信用代码校验位不符，已按说明登记：{reason}",
    ),
    # help: commands
    "help.grid": ("The level-1 and level-2 grids.", "一级、二级网格。"),
    "help.grid.add": (
        "Add a grid (level 2 when it has a parent).",
        "添加网格（有上级即为二级网格）。",
    ),
    "help.grid.add.example": (
        "Example: gridctl grid add G1-1 高新一区一网格 --parent G1",
        "示例：gridctl grid add G1-1 高新一区一网格 --parent G1",
    ),
    "help.grid.list": ("List grids.", "列出网格。"),
    "help.grid.list.example": (
        "Example: gridctl grid list --format json",
        "示例：gridctl grid list --format json",
    ),
    "help.group": ("The guidance groups.", "指导组。"),
    "help.group.add": ("Add a guidance group.", "添加指导组。"),
    "help.group.add.example": (
        "Example: gridctl group add 第一指导组 --grid G1",
        "示例：gridctl group add 第一指导组 --grid G1",
    ),
    "help.group.leader": ("Make a supervisor the group's leader.", "设置组长。"),
    "help.group.leader.example": (
        "Example: gridctl group leader 第一指导组 S001",
        "示例：gridctl group leader 第一指导组 S001",
    ),
    "help.group.list": ("List guidance groups.", "列出指导组。"),
    "help.group.list.example": ("Example: gridctl group list", "示例：gridctl group list"),
    "help.supervisor": ("The guidance supervisors.", "党建指导员。"),
    "help.supervisor.add": ("Add a supervisor.", "添加指导员。"),
    "help.supervisor.add.example": (
        "Example: gridctl supervisor add S061 王芳 --group 第一指导组 --kind part-time",
        "示例：gridctl supervisor add S061 王芳 --group 第一指导组 --kind 兼职",
    ),
    "help.supervisor.list": ("List supervisors.", "列出指导员。"),
    "help.supervisor.update": (
        "Change a supervisor's facts (only the options given).",
        "修改指导员信息（仅改所给项）。",
    ),
    "help.supervisor.update.example": (
        "Example: gridctl supervisor update S002 --group 第二指导组 --phone 13900000002",
        "示例：gridctl supervisor update S002 --group 第二指导组 --phone 13900000002",
    ),
    "help.supervisor.list.example": (
        "Example: gridctl supervisor list --group 第一指导组",
        "示例：gridctl supervisor list --group 第一指导组",
    ),
    "help.supervisor.show": ("Show one supervisor.", "查看指导员。"),
    "help.supervisor.show.example": (
        "Example: gridctl supervisor show S001",
        "示例：gridctl supervisor show S001",
    ),
    "help.enterprise": ("The park's enterprises.", "园区企业。"),
    "help.enterprise.add": ("Add an enterprise.", "添加企业。"),
    "help.enterprise.add.example": (
        "Example: gridctl enterprise add 合肥芯联微电子有限公司 --grid G1-1 "
        "--credit-code 91440300708461136T --party-org branch --members 12 --supervisor S001",
        "示例：gridctl enterprise add 合肥芯联微电子有限公司 --grid G1-1 "
        "--credit-code 91440300708461136T --party-org 党支部 --members 12 --supervisor S001",
    ),
    "help.enterprise.list": ("List enterprises.", "列出企业。"),
    "help.enterprise.update": (
        "Change an enterprise's facts (only the options given).",
        "修改企业信息（仅改所给项）。",
    ),
    "help.enterprise.update.example": (
        "Example: gridctl enterprise update 芯联 --members 15 --party-org 党总支",
        "示例：gridctl enterprise update 芯联 --members 15 --party-org 党总支",
    ),
    "help.enterprise.list.example": (
        "Example: gridctl enterprise list --chain 微电子",
        "示例：gridctl enterprise list --chain 微电子",
    ),
    "help.enterprise.show": ("Show an enterprise's dossier (一企一档).", "查看一企一档。"),
    "help.enterprise.show.example": (
        "Example: gridctl enterprise show 91440300708461136T",
        "示例：gridctl enterprise show 91440300708461136T",
    ),
    # help: options
    "help.arg.grid_code": ("Grid code, e.g. G1 or G1-1.", "网格编码，如 G1、G1-1。"),
    "help.arg.group": ("Group name.", "指导组名称。"),
    "help.arg.supervisor_code": ("Supervisor code, e.g. S001.", "指导员编号，如 S001。"),
    "help.arg.enterprise_name": ("Enterprise name.", "企业名称。"),
    "help.opt.parent": ("Level-1 grid this level-2 grid sits in.", "所属一级网格编码。"),
    "help.opt.group_grid": ("Level-1 grid the group works.", "指导组负责的一级网格。"),
    "help.opt.leader": ("Group leader (one of its supervisors).", "组长（本组指导员）。"),
    "help.opt.kind": (
        "full-time (专职) or part-time (兼职).",
        "专职（full-time）或兼职（part-time）。",
    ),
    "help.opt.phone": ("Phone number.", "电话。"),
    "help.opt.enterprise_grid": ("Level-2 grid code.", "二级网格编码。"),
    "help.opt.credit_code": (
        "Unified social credit code (18 characters).",
        "统一社会信用代码（18位）。",
    ),
    "help.opt.chain": (
        "Industry chain: new-energy-vehicles, microelectronics, energy-saving-equipment, "
        "big-data-it (or the Chinese name).",
        "产业链：新能源汽车、微电子、节能环保装备、大数据信息技术。",
    ),
    "help.opt.party_org": (
        "none|committee|general-branch|branch|joint-branch (or 无/党委/党总支/党支部/联合党支部).",
        "党组织类型：无、党委、党总支、党支部、联合党支部。",
    ),
    "help.opt.members": ("Registered party members.", "在册党员人数。"),
    "help.opt.contact": ("Supervisor who looks after it.", "联系指导员。"),
    "help.opt.visit_class": (
        "Visit class: monthly or quarterly (default: monthly with a party organisation).",
        "企业类别：每月走访或每季度走访（默认：有党组织为每月）。",
    ),
    "help.opt.core": ("A core enterprise (核心企业).", "核心企业。"),
    "help.opt.active": ("Still serving, or no longer.", "在岗或离岗。"),
    "help.opt.enterprise_status": (
        "active (正常), moved (迁出) or closed (注销).",
        "状态：正常、迁出、注销。",
    ),
    "help.opt.safety_grid": ("Code in the safety grid network (安全网格).", "安全网格编码。"),
    "help.opt.order_grid": ("Code in the public-order grid network (综治网格).", "综治网格编码。"),
    "help.opt.market_grid": (
        "Code in the market-supervision grid network (市场监管网格).",
        "市场监管网格编码。",
    ),
    "help.opt.accept_bad": (
        "Take a credit code whose check character fails, recording REASON.",
        "校验位不符时仍登记，并记录原因。",
    ),
    "help.opt.enterprise_members_from": (
        "With --members: the count is in force from this day, YYYY-MM-DD (default: today); "
        "recorded in the member history (see gridctl funding members).",
        "与 --members 同用：人数自该日起生效，YYYY-MM-DD（默认今天）；记入在册党员变动记录。",
    ),
    # details of refusals (credit codes: gridctl/uscc.py)
    "detail.grid_ref": ("grid code; see `gridctl grid list`", "网格编码，见 gridctl grid list"),
    "detail.group_ref": (
        "group name; see `gridctl group list`",
        "指导组名称，见 gridctl group list",
    ),
    "detail.supervisor_ref": (
        "supervisor code or name; see `gridctl supervisor list`",
        "指导员编号或姓名，见 gridctl supervisor list",
    ),
    "detail.enterprise_ref": (
        "credit code or enterprise name; see `gridctl enterprise list`",
        "统一社会信用代码或企业名称，见 gridctl enterprise list",
    ),
    "detail.grid_exists": ("a grid with this code exists", "该网格编码已存在"),
    "detail.parent_level1": ("the parent must be a level-1 grid", "上级网格必须是一级网格"),
    "detail.group_exists": ("a group with this name exists", "该指导组名称已存在"),
    "detail.group_level1": ("a group works a level-1 grid", "指导组对应一级网格"),
    "detail.leader_own": (
        "the leader must be a supervisor of group {group}",
        "组长必须是{group}的指导员",
    ),
    "detail.supervisor_exists": ("a supervisor with this code exists", "该指导员编号已存在"),
    "detail.leads_group": (
        "{code} leads a group; name another leader first",
        "{code} 是组长，请先另设组长",
    ),
    "detail.enterprise_level2": (
        "an enterprise belongs to a level-2 grid",
        "企业须归属二级网格",
    ),
    "detail.enterprise_exists": ("an enterprise with this name exists", "该企业名称已存在"),
    "detail.code_taken": ("{name} has this credit code", "{name} 已使用该统一社会信用代码"),
    "detail.accept_hint": (
        " (--accept-bad-check-code REASON takes it deliberately)",
        "（如确需登记，请用 --accept-bad-check-code 说明原因）",
    ),
    "detail.uscc_length": ("must be 18 characters, got {n}", "应为 18 位，实际 {n} 位"),
    "detail.uscc_chars": (
        "characters '{chars}' not allowed (0-9, A-Z without I O Z S V)",
        "含不允许的字符“{chars}”（只能是 0-9 和除 I O Z S V 外的大写字母）",
    ),
    "detail.uscc_check": (
        "check character should be '{want}', not '{got}'",
        "校验位应为“{want}”，而不是“{got}”",
    ),
    "detail.members_from_alone": (
        "only with --members N",
        "须与 --members N 同用",
    ),
}

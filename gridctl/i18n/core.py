"""Messages and labels of the registers, work records, set-up and errors: (English, 中文)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # errors
    "error_prefix": ("Error: ", "错误："),
    "error.error": ("{field}: {value}: {detail}", "{field}：{value}：{detail}"),
    "error.not_found": (
        "{field}: nothing matches '{value}' (expected a {detail})",
        "{field}：找不到“{value}”（应为{detail}）",
    ),
    "error.ambiguous": (
        "{field}: '{value}' matches several, give one of: {detail}",
        "{field}：“{value}”对应多条记录，请指明：{detail}",
    ),
    "error.invalid": (
        "{field}: '{value}' refused: {detail}",
        "{field}：“{value}”不被接受：{detail}",
    ),
    "error.conflict": ("{field}: '{value}' refused: {detail}", "{field}：“{value}”冲突：{detail}"),
    "error.ledger": ("{field} {value}: {detail}", "{field} {value}：{detail}"),
    "error.database": (
        "the ledger refused the change: {detail}",
        "台账拒绝了此次修改：{detail}",
    ),
    "aborted": ("aborted", "已中止"),
    # typer's own usage errors, re-worded (gridctl/cli/usage.py)
    "usage.invalid": ("Invalid value for {option}: {detail}", "{option} 的值无效：{detail}"),
    "usage.detail.integer": ("a whole number is expected", "应为整数"),
    "usage.detail.number": ("a number is expected", "应为数字"),
    "usage.detail.choice": (
        "'{value}' is not one of {allowed}",
        "“{value}”不在可选值之内，可选：{allowed}",
    ),
    "usage.missing.option": ("Missing option {option}.", "缺少选项 {option}。"),
    "usage.missing.argument": ("Missing argument {option}.", "缺少参数 {option}。"),
    "usage.missing.parameter": ("Missing parameter {option}.", "缺少参数 {option}。"),
    "usage.no_option": ("No such option: {option}", "没有这个选项：{option}"),
    "usage.possible": (" (possible options: {options})", "（可用的选项：{options}）"),
    "usage.no_command": ("No such command '{command}'.", "没有这个命令：{command}"),
    "usage.needs_value": ("Option '{option}' requires a value.", "选项 {option} 需要一个值。"),
    "usage.takes_no_value": (
        "Option '{option}' does not take a value.",
        "选项 {option} 不接受值。",
    ),
    "usage.extra": ("Unexpected extra argument(s): {args}", "多余的参数：{args}"),
    "updated": ("Updated {what}: {fields}", "已更新 {what}：{fields}"),
    "nothing_changed": ("nothing changed", "无变化"),
    "none_found": ("(none)", "（无记录）"),
    "yes": ("yes", "是"),
    "no": ("no", "否"),
    # set-up
    "init.created": (
        "Created ledger {where} at schema {rev}",
        "已创建台账 {where}（结构版本 {rev}）",
    ),
    "init.current": (
        "Ledger {where} is already at the newest schema {rev}",
        "台账 {where} 已是最新结构版本 {rev}",
    ),
    "init.upgraded": (
        "Upgraded ledger {where} from schema {before} to {rev}",
        "台账 {where} 已从结构版本 {before} 升级到 {rev}",
    ),
    # registers
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
    "dossier.visits": ("Visits", "走访记录"),
    "dossier.problems": ("Problems", "问题"),
    # work records
    "visit.added": ("Recorded visit {id} on {date}", "已登记走访 {id}（{date}）"),
    "visit.problem_opened": (
        "Opened problem {id}: {description}",
        "已登记问题 {id}：{description}",
    ),
    "problem.solved": ("Problem {id} solved on {date}", "问题 {id} 已于 {date} 解决"),
    "problem.closed": ("Problem {id} closed on {date}", "问题 {id} 已于 {date} 关闭"),
    "problem.started": ("Problem {id} is in progress", "问题 {id} 已标为办理中"),
    "problem.already_started": (
        "Problem {id} was already in progress; nothing changed",
        "问题 {id} 已在办理中，无变化",
    ),
    "problem.meetings": ("Meetings that took it up", "提交研究的会议"),
    "col.meeting": ("Meeting", "会议编号"),
    "col.visit_date": ("Visit date", "走访日期"),
    # column labels (tables; JSON and CSV use the keys)
    "col.id": ("ID", "编号"),
    "col.code": ("Code", "编码"),
    "col.name": ("Name", "名称"),
    "col.person_name": ("Name", "姓名"),
    "col.person_code": ("Code", "编号"),
    "col.level": ("Level", "级别"),
    "col.parent": ("Parent", "上级网格"),
    "col.enterprises": ("Enterprises", "企业数"),
    "col.grid": ("Grid", "网格"),
    "col.grid_name": ("Grid name", "网格名称"),
    "col.level1_grid": ("Level-1 grid", "一级网格"),
    "col.leader": ("Leader", "组长"),
    "col.leader_name": ("Leader name", "组长姓名"),
    "col.supervisors": ("Supervisors", "指导员数"),
    "col.group": ("Group", "指导组"),
    "col.kind": ("Kind", "类型"),
    "col.phone": ("Phone", "电话"),
    "col.active": ("Active", "在岗"),
    "col.visits": ("Visits", "走访次数"),
    "col.last_visit": ("Last visit", "最近走访"),
    "col.open_problems": ("Open problems", "未解决问题"),
    "col.credit_code": ("Credit code", "统一社会信用代码"),
    "col.bad_check_reason": ("Check-code exception", "校验位例外说明"),
    "col.chain": ("Chain", "产业链"),
    "col.party_org": ("Party org.", "党组织类型"),
    "col.members": ("Members", "党员人数"),
    "col.supervisor": ("Supervisor", "指导员"),
    "col.supervisor_name": ("Supervisor name", "指导员姓名"),
    "col.visit_class": ("Visit class", "企业类别"),
    "col.core": ("Core", "核心企业"),
    "col.safety_grid": ("Safety grid", "安全网格"),
    "col.order_grid": ("Public-order grid", "综治网格"),
    "col.market_grid": ("Market grid", "市场监管网格"),
    "col.status": ("Status", "状态"),
    "col.date": ("Date", "日期"),
    "col.enterprise": ("Enterprise", "企业"),
    "col.category": ("Category", "走访类型"),
    "col.problem_category": ("Category", "问题类别"),
    "col.notes": ("Notes", "走访情况"),
    "col.source": ("Source", "来源"),
    "col.opened": ("Opened", "提出日期"),
    "col.closed": ("Closed", "办结日期"),
    "col.description": ("Problem", "问题描述"),
    "col.resolution": ("Resolution", "解决情况"),
    "col.resolved_by": ("Resolved by", "办结人"),
    "col.visit": ("Visit", "走访编号"),
    # help: the app and options
    "help.app": (
        "The ledger of a park's grid-based party-building guidance scheme.",
        "园区网格化党建指导工作台账。",
    ),
    "help.app.example": (
        "Example: gridctl --db park.db visit add -s S001 -e 合肥芯联 --notes 了解党员发展情况",
        "示例：gridctl --db park.db visit add -s S001 -e 合肥芯联 --notes 了解党员发展情况",
    ),
    "help.opt.db": (
        "Ledger: a file path or a SQLAlchemy URL (default: $GRIDCTL_DB, else the user data dir).",
        "台账：文件路径或 SQLAlchemy URL（默认 $GRIDCTL_DB，否则用户数据目录）。",
    ),
    "help.opt.version": ("Show the version and exit.", "显示版本号。"),
    "help.opt.format": ("Output format: table, csv or json.", "输出格式：table、csv 或 json。"),
    "help.opt.month": ("Month, YYYY-MM.", "月份，YYYY-MM。"),
    "help.opt.quarter": ("Quarter, YYYYQn (e.g. 2026Q3).", "季度，YYYYQn（如 2026Q3）。"),
    "help.opt.date": ("Date, YYYY-MM-DD (default: today).", "日期，YYYY-MM-DD（默认今天）。"),
    "help.init": (
        "Create the ledger, or upgrade it to the newest schema; safe to run again.",
        "创建台账，或升级到最新结构；可重复运行。",
    ),
    "help.init.example": (
        "Example: gridctl --db park.db init --sample",
        "示例：gridctl --db park.db init --sample",
    ),
    "help.init.sample": (
        "Also load the sample park from sample_data/.",
        "同时载入 sample_data/ 中的示例园区。",
    ),
    "help.arg.name": ("Name.", "名称。"),
    "help.arg.grid_code": ("Grid code, e.g. G1 or G1-1.", "网格编码，如 G1、G1-1。"),
    "help.arg.group": ("Group name.", "指导组名称。"),
    "help.arg.supervisor": ("Supervisor code or name.", "指导员编号或姓名。"),
    "help.arg.supervisor_code": ("Supervisor code, e.g. S001.", "指导员编号，如 S001。"),
    "help.arg.enterprise": ("Credit code or enterprise name.", "统一社会信用代码或企业名称。"),
    "help.arg.enterprise_name": ("Enterprise name.", "企业名称。"),
    "help.arg.problem_id": ("Problem ID (see problem list).", "问题编号（见 problem list）。"),
    "help.opt.parent": ("Level-1 grid this level-2 grid sits in.", "所属一级网格编码。"),
    "help.opt.group_grid": ("Level-1 grid the group works.", "指导组负责的一级网格。"),
    "help.opt.leader": ("Group leader (one of its supervisors).", "组长（本组指导员）。"),
    "help.opt.group": ("Guidance group name.", "指导组名称。"),
    "help.opt.kind": (
        "full-time (专职) or part-time (兼职).",
        "专职（full-time）或兼职（part-time）。",
    ),
    "help.opt.phone": ("Phone number.", "电话。"),
    "help.opt.enterprise_grid": ("Level-2 grid code.", "二级网格编码。"),
    "help.opt.grid_filter": (
        "Grid code (a level-1 grid includes its level-2 grids).",
        "网格编码（一级网格含其下二级网格）。",
    ),
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
    "help.opt.new_name": ("New name.", "新名称。"),
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
    "help.opt.supervisor": ("Supervisor code or name.", "指导员编号或姓名。"),
    "help.opt.enterprise": ("Credit code or enterprise name.", "统一社会信用代码或企业名称。"),
    "help.opt.category": (
        "routine, guidance, policy, follow-up, joint "
        "(or 日常走访/党建指导/政策宣讲/问题回访/多网联合走访).",
        "走访类型：日常走访、党建指导、政策宣讲、问题回访、多网联合走访。",
    ),
    "help.opt.notes": ("What was done on the visit.", "走访情况。"),
    "help.opt.problem": (
        "A problem found (repeat for several); each opens a problem.",
        "发现的问题（可多次），每条登记为一个问题。",
    ),
    "help.opt.status": (
        "open (including in progress), in-progress, solved or closed.",
        "状态：open（未办结，含办理中）、in-progress（办理中）、solved（已解决）、closed（已关闭）。",
    ),
    "help.opt.note": ("How it was solved.", "解决情况。"),
    "help.opt.close_note": ("Why it is closed unsolved.", "未解决而关闭的原因。"),
    "help.opt.by": (
        "Supervisor who solved it (default: who collected it).",
        "办结指导员（默认为登记人）。",
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
    "help.visit": ("Supervisors' visits to enterprises.", "走访记录。"),
    "help.visit.add": (
        "Record a visit; each --problem opens a problem.",
        "登记走访；每个 --problem 登记一个问题。",
    ),
    "help.visit.add.example": (
        "Example: gridctl visit add -s S001 -e 合肥芯联 --date 2026-11-20 "
        "--notes 指导支部换届 --problem 缺少党建活动场地",
        "示例：gridctl visit add -s S001 -e 合肥芯联 --date 2026-11-20 "
        "--notes 指导支部换届 --problem 缺少党建活动场地",
    ),
    "help.visit.list": ("List visits.", "列出走访。"),
    "help.visit.list.example": (
        "Example: gridctl visit list --month 2026-10 --group 第一指导组",
        "示例：gridctl visit list --month 2026-10 --group 第一指导组",
    ),
    "help.problem": ("Problems collected on visits.", "走访中收集的问题。"),
    "help.problem.list": ("List problems.", "列出问题。"),
    "help.problem.list.example": (
        "Example: gridctl problem list --status open --format json",
        "示例：gridctl problem list --status open --format json",
    ),
    "help.problem.show": (
        "Show one problem: where it was found, its state, the meetings it went to.",
        "查看一个问题：在哪次走访中发现、办理状态、提交过的会议。",
    ),
    "help.problem.show.example": (
        "Example: gridctl problem show 12",
        "示例：gridctl problem show 12",
    ),
    "help.problem.start": (
        "Mark an open problem as being worked on (in progress).",
        "将未解决的问题标为办理中。",
    ),
    "help.problem.start.example": (
        "Example: gridctl problem start 12",
        "示例：gridctl problem start 12",
    ),
    "help.problem.solve": ("Mark a problem solved, with a note.", "办结问题（须写明解决情况）。"),
    "help.problem.solve.example": (
        "Example: gridctl problem solve 12 --note 已协调人社局对接招聘会",
        "示例：gridctl problem solve 12 --note 已协调人社局对接招聘会",
    ),
    "help.problem.close": (
        "Close a problem unsolved, with a reason.",
        "关闭未能解决的问题（须写明原因）。",
    ),
    "help.problem.close.example": (
        "Example: gridctl problem close 12 --note 企业已迁出",
        "示例：gridctl problem close 12 --note 企业已迁出",
    ),
}

# Details of refusals: what is allowed, in the user's language.
MESSAGES.update(
    {
        "detail.not_date": (
            "{value!r} is not a date; use YYYY-MM-DD",
            "“{value}”不是日期，应为 YYYY-MM-DD",
        ),
        "detail.not_real_day": (
            "{value!r} is not a real day; use YYYY-MM-DD",
            "“{value}”不是真实存在的日期，应为 YYYY-MM-DD",
        ),
        "detail.not_month": (
            "{value!r} is not a month; use YYYY-MM",
            "“{value}”不是月份，应为 YYYY-MM",
        ),
        "detail.not_quarter": (
            "{value!r} is not a quarter; use YYYYQn, e.g. 2026Q3",
            "“{value}”不是季度，应为 YYYYQn，如 2026Q3",
        ),
        "detail.not_year": ("{value!r} is not a year; use YYYY", "“{value}”不是年份，应为 YYYY"),
        "detail.excel_60": (
            "60 is Excel's fictitious 1900-02-29",
            "60 是 Excel 中并不存在的 1900-02-29",
        ),
        "detail.not_excel_date": ("{value!r} is not an Excel date", "“{value}”不是 Excel 日期"),
        "detail.not_real_file_day": ("{value!r} is not a real day", "“{value}”不是真实存在的日期"),
        "detail.not_file_date": (
            "{value!r} is not a date; use YYYY-MM-DD, 2026/3/5 or 2026年3月5日",
            "“{value}”不是日期，应为 YYYY-MM-DD、2026/3/5 或 2026年3月5日",
        ),
        "detail.problem_id": (
            "problem id; see `gridctl problem list`",
            "问题编号，见 gridctl problem list",
        ),
        "detail.problem_done": ("problem is already {status}", "问题已是“{status}”状态"),
        "detail.say_how": ("say how it was solved", "请写明解决情况"),
        "detail.on_or_after": ("must be on or after {day}", "不得早于 {day}"),
        "detail.empty": ("must not be empty", "不能为空"),
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
        "detail.not_negative": ("must be 0 or more", "不能小于 0"),
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
        "detail.future_visit": ("a visit cannot be in the future", "走访日期不能晚于今天"),
        "detail.inactive": ("this supervisor is no longer active", "该指导员已离岗"),
        "detail.visit_exists": (
            "visit {id} already records this {category} visit",
            "走访 {id} 已登记此次“{category}”",
        ),
        "detail.allowed": ("allowed: {allowed}", "可选：{allowed}"),
        "detail.not_record_id": (
            "{value!r} is not a record id; use a whole number such as 12",
            "“{value}”不是记录编号，应为整数，如 12",
        ),
        "detail.no_migrations": (
            "migration scripts not found; reinstall gridctl",
            "找不到数据库迁移脚本，请重新安装 gridctl",
        ),
        "field.migrations": ("migrations", "迁移脚本"),
        "field.schema": ("schema", "台账结构"),
        "detail.broken_keys": (
            "{n} broken foreign keys after upgrade",
            "升级后有 {n} 处外键不一致",
        ),
        "detail.retries_exhausted": (
            "the transaction was aborted by other writers ({sqlstate}) {n} times and given up; "
            "nothing was written; run the command again",
            "事务 {n} 次因与其他写入冲突被数据库中止（{sqlstate}），已放弃；"
            "未写入任何内容，请重新运行该命令",
        ),
        "detail.no_ledger": (
            "no ledger there; run `gridctl init` first",
            "此处没有台账，请先运行 gridctl init",
        ),
        "detail.old_schema": (
            "schema is {rev}; run `gridctl init` to create or upgrade it",
            "台账结构版本为 {rev}，请运行 gridctl init 创建或升级",
        ),
    }
)

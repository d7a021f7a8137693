"""Messages and labels of the work records: visits, problems, activities, diary, schedule."""

MESSAGES: dict[str, tuple[str, str]] = {
    # visits
    "visit.added": ("Recorded visit {id} on {date}", "已登记走访 {id}（{date}）"),
    "visit.problem_opened": (
        "Opened problem {id}: {description}",
        "已登记问题 {id}：{description}",
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
    "detail.future_visit": ("a visit cannot be in the future", "走访日期不能晚于今天"),
    "detail.inactive": ("this supervisor is no longer active", "该指导员已离岗"),
    "detail.visit_exists": (
        "visit {id} already records this {category} visit",
        "走访 {id} 已登记此次“{category}”",
    ),
    # problems
    "problem.solved": ("Problem {id} solved on {date}", "问题 {id} 已于 {date} 解决"),
    "problem.closed": ("Problem {id} closed on {date}", "问题 {id} 已于 {date} 关闭"),
    "problem.started": ("Problem {id} is in progress", "问题 {id} 已标为办理中"),
    "problem.already_started": (
        "Problem {id} was already in progress; nothing changed",
        "问题 {id} 已在办理中，无变化",
    ),
    "problem.meetings": ("Meetings that took it up", "提交研究的会议"),
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
    "help.arg.problem_id": ("Problem ID (see problem list).", "问题编号（见 problem list）。"),
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
    "detail.problem_id": (
        "problem id; see `gridctl problem list`",
        "问题编号，见 gridctl problem list",
    ),
    "detail.problem_done": ("problem is already {status}", "问题已是“{status}”状态"),
    "detail.problem.needs_closed": (
        "a solved or closed problem needs its closing date",
        "已解决或已关闭的问题须填写办结日期",
    ),
    "detail.problem.needs_resolution": (
        "a solved or closed problem needs its resolution",
        "已解决或已关闭的问题须填写解决情况",
    ),
    "detail.problem.closed_not_done": (
        "only a solved or closed problem has a closing date",
        "只有已解决或已关闭的问题才有办结日期",
    ),
    "detail.problem.closed_before": (
        "closed before it was opened ({opened})",
        "办结日期早于提出日期（{opened}）",
    ),
    # activities
    "activity.added": ("Recorded activity {id} on {date}", "已登记活动 {id}（{date}）"),
    "help.activity": ("Activities organised with enterprises.", "组织开展的活动。"),
    "help.activity.add": (
        "Record an activity a supervisor organised.",
        "登记指导员组织开展的活动。",
    ),
    "help.activity.add.example": (
        "Example: gridctl activity add 七一主题党日 --supervisor S001 --date 2026-07-01 "
        "--enterprise 合肥芯联 --kind theme-day --participants 30",
        "示例：gridctl activity add 七一主题党日 --supervisor S001 --date 2026-07-01 "
        "--enterprise 合肥芯联 --kind 主题党日 --participants 30",
    ),
    "help.activity.list": ("List activities.", "列出活动。"),
    "help.activity.list.example": (
        "Example: gridctl activity list --month 2026-07 --format json",
        "示例：gridctl activity list --month 2026-07 --format json",
    ),
    "help.arg.title": ("What the activity was.", "活动名称。"),
    "help.opt.activity_date": ("Date, YYYY-MM-DD.", "日期，YYYY-MM-DD。"),
    "help.opt.activity_enterprise": (
        "An enterprise taking part (repeat for several).",
        "参与企业（可多次）。",
    ),
    "help.opt.activity_kind": (
        "theme-day, lecture, training, joint-building, public-welfare, volunteer, other "
        "(or 主题党日/党课/培训/联建共建/公益活动/志愿服务/其他).",
        "活动类型：主题党日、党课、培训、联建共建、公益活动、志愿服务、其他。",
    ),
    "detail.activity_future": ("an activity cannot be in the future", "活动日期不能晚于今天"),
    "detail.activity_exists": (
        "activity {id} already records it on {day}",
        "活动 {id} 已登记 {day} 的同一活动",
    ),
    # the diary (工作日记)
    "diary.added": (
        "Diary entry {id} on {date} for {supervisor}",
        "已记工作日记 {id}（{supervisor}，{date}）",
    ),
    "help.diary": ("Supervisors' work diaries (工作日记).", "指导员工作日记。"),
    "help.diary.add": (
        "Write a diary entry (work not tied to a visit).",
        "记一条工作日记（走访以外的工作）。",
    ),
    "help.diary.add.example": (
        "Example: gridctl diary add --supervisor S001 --date 2026-11-20 参加指导组月度例会",
        "示例：gridctl diary add --supervisor S001 --date 2026-11-20 参加指导组月度例会",
    ),
    "help.diary.list": (
        "A supervisor's diary: entries and visits' notes, by date.",
        "查看指导员工作日记：日记与走访情况，按日期排列。",
    ),
    "help.diary.list.example": (
        "Example: gridctl diary list --supervisor S001 --month 2026-11 --format json",
        "示例：gridctl diary list --supervisor S001 --month 2026-11 --format json",
    ),
    "help.arg.diary_text": ("What was done.", "工作内容。"),
    "detail.diary.text": ("write what was done", "请写明工作内容"),
    "detail.diary.future": (
        "a diary entry cannot be in the future",
        "日记日期不能晚于今天",
    ),
    # classified visiting: who is due (work/schedule)
    "help.visit.due": (
        "Enterprises due or overdue for a visit under classified visiting.",
        "分类走访：到期或逾期未走访的企业。",
    ),
    "help.visit.due.example": (
        "Example: gridctl visit due --group 第一指导组 --as-of 2026-10-31",
        "示例：gridctl visit due --group 第一指导组 --as-of 2026-10-31",
    ),
    "help.opt.as_of": ("Day to look from, YYYY-MM-DD (default: today).", "截止日期（默认今天）。"),
}

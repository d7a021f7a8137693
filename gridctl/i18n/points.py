"""Messages and labels of the points scheme: standings, notice, subsidy, the rules file."""

MESSAGES: dict[str, tuple[str, str]] = {
    # db check: stored entries against a derivation from nothing
    "db.check.stale": (
        "{rule} entry of record {id}: stored {was}, derived from the records {should}",
        "积分记录（{rule}，记录 {id}）：已存 {was}，按记录应为 {should}",
    ),
    "db.check.entry_is": ("{code} {date} {points} points", "{code} {date} {points} 分"),
    "db.check.not_earned": ("no entry", "不应计分"),
    # what was done, standings and their explanation
    "points.adjusted": (
        "Adjusted {code} {name} by {points} ({area}), adjustment {id}",
        "已调整 {code} {name} 积分 {points}（{area}），调整记录 {id}",
    ),
    "points.awarded": (
        "Recorded {kind} for {code} {name} on {date}, award {id}",
        "已为 {code} {name} 登记{kind}（{date}），成效记录 {id}",
    ),
    "points.recomputed": (
        "Recomputed points from {day}: {removed} entries removed, {inserted} derived",
        "已从 {day} 起重新计算积分：删除 {removed} 条，重新生成 {inserted} 条",
    ),
    "points.rules_from": ("Rules from: {source}", "积分规则文件：{source}"),
    "points.rules_sets": ("Rule sets (effective from)", "规则版本（生效日期）"),
    "points.rules_in_force": (
        "In force on {day}: {name} (effective {effective})",
        "{day} 适用：{name}（{effective} 起施行）",
    ),
    "points.rules_none": ("No rule set is in force on {day}", "{day} 无适用的积分规则"),
    "points.subsidy_title": ("Subsidy, {period}", "{period} 工作补助"),
    "points.rewards_title": ("Rewards", "绩效奖励档次"),
    "points.visit_classes_title": ("Visit classes (months)", "分类走访频次（月）"),
    "points.total": ("Total", "合计"),
    "points.explain_total": ("Total: {total}", "合计：{total}"),
    "points.adjusted_by": ("by {who}", "经办人 {who}"),
    "points.capped": ("capped: {cap} per {per}", "已达上限：每{per} {cap} 分"),
    "points.cap_per.month": ("month", "月"),
    "points.cap_per.quarter": ("quarter", "季度"),
    "points.cap_per.year": ("year", "年"),
    "points.cap_per.enterprise-month": ("enterprise-month", "家企业每月"),
    # the notice (通报)
    "notice.title": ("Points notice, {month}", "{month} 党建指导员积分通报"),
    "notice.ranking": ("Ranking", "一、积分排名"),
    "notice.rank_line": (
        "{rank}. {code} {name} ({group}): {total} points "
        "(problems {problems}, activities {activities}, effectiveness {effectiveness})",
        "{rank}. {code} {name}（{group}）：{total} 分"
        "（收集解决问题 {problems}，组织开展活动 {activities}，党建工作成效 {effectiveness}）",
    ),
    "notice.groups": ("Top and bottom of each group", "二、各指导组排名前后"),
    "notice.group_line": (
        "{group}: top {top} ({top_points}); bottom {bottom} ({bottom_points})",
        "{group}：最高 {top}（{top_points} 分）；最低 {bottom}（{bottom_points} 分）",
    ),
    "notice.sep": (", ", "、"),
    "notice.no_visits": (
        "Supervisors with no visit this month: {count}",
        "三、本月无走访记录的指导员：{count} 人",
    ),
    "notice.person_line": ("{code} {name} ({group})", "{code} {name}（{group}）"),
    "notice.overdue": (
        "Problems open on {day} for more than {days} days: {count}",
        "四、截至 {day} 超过 {days} 天未解决的问题：{count} 个",
    ),
    "notice.problem_line": (
        "#{id} {enterprise} ({code} {name}), opened {opened}, {age} days: {description}",
        "#{id} {enterprise}（{code} {name}），{opened} 提出，已 {age} 天：{description}",
    ),
    # help: commands
    "help.points": (
        "The points scheme: standings, adjustments, subsidies, the notice.",
        "量化积分：排名、调整、补助、通报。",
    ),
    "help.points.show": (
        "Points per supervisor in each area, ranked (no period: all time).",
        "各指导员分类积分及排名（不指定期间为累计）。",
    ),
    "help.points.show.example": (
        "Example: gridctl points show --quarter 2026Q3 --group 第一指导组",
        "示例：gridctl points show --quarter 2026Q3 --group 第一指导组",
    ),
    "help.points.explain": (
        "Every entry behind a supervisor's points.",
        "列出指导员积分的每一条来源。",
    ),
    "help.points.explain.example": (
        "Example: gridctl points explain S001 --month 2026-10",
        "示例：gridctl points explain S001 --month 2026-10",
    ),
    "help.points.adjust": (
        "Adjust a supervisor's points by hand, with a reason (negative POINTS allowed).",
        "手工调整积分（须写明原因，可为负数）。",
    ),
    "help.points.adjust.example": (
        "Example: gridctl points adjust S001 -2 --area problems --reason 问题办结情况不实",
        "示例：gridctl points adjust S001 -2 --area problems --reason 问题办结情况不实",
    ),
    "help.points.award": (
        "Record an effectiveness event (party organisation founded, enterprise commended, ...).",
        "登记党建工作成效（新建党组织、企业获表彰等）。",
    ),
    "help.points.award.example": (
        "Example: gridctl points award S001 --kind party-org-founded --date 2026-10-12 "
        "--enterprise 合肥芯联 --reason 指导成立党支部",
        "示例：gridctl points award S001 --kind 新建党组织 --date 2026-10-12 "
        "--enterprise 合肥芯联 --reason 指导成立党支部",
    ),
    "help.points.rules": (
        "Print the rules in force and the file they came from.",
        "显示适用的积分规则及其文件。",
    ),
    "help.points.rules.example": (
        "Example: gridctl points rules --date 2026-10-01   (GRIDCTL_RULES=FILE names another)",
        "示例：gridctl points rules --date 2026-10-01（GRIDCTL_RULES=文件 指定规则文件）",
    ),
    "help.points.recompute": (
        "Derive the points again from DATE on, with the rules now in the file.",
        "按当前规则从指定日期起重新计算积分。",
    ),
    "help.points.recompute.example": (
        "Example: gridctl points recompute --from 2026-10-01",
        "示例：gridctl points recompute --from 2026-10-01",
    ),
    "help.points.subsidy": (
        "The work subsidy for a month, or subsidy and rewards for a quarter.",
        "月度工作补助，或季度补助及绩效奖励。",
    ),
    "help.points.subsidy.example": (
        "Example: gridctl points subsidy --quarter 2026Q3 --format csv",
        "示例：gridctl points subsidy --quarter 2026Q3 --format csv",
    ),
    "help.points.notice": (
        "The month's notice (通报) as plain text for the group chat.",
        "生成月度积分通报（纯文本，可直接发到群里）。",
    ),
    "help.points.notice.example": (
        "Example: gridctl points notice --month 2026-10",
        "示例：gridctl points notice --month 2026-10",
    ),
    # help: options
    "help.opt.area": (
        "problems, activities or effectiveness (or 收集解决问题/组织开展活动/党建工作成效).",
        "积分类别：收集解决问题、组织开展活动、党建工作成效。",
    ),
    "help.opt.reason": ("Why (required).", "原因（必填）。"),
    "help.opt.award_reason": ("What was achieved (required).", "成效说明（必填）。"),
    "help.opt.award_kind": (
        "party-org-founded, enterprise-commended, model-site, brand, other "
        "(or 新建党组织/企业获表彰/示范点创建/党建品牌创建/其他成效).",
        "成效类型：新建党组织、企业获表彰、示范点创建、党建品牌创建、其他成效。",
    ),
    "help.opt.adjust_date": (
        "The day it counts on, YYYY-MM-DD (default: today).",
        "计入日期，YYYY-MM-DD（默认今天）。",
    ),
    "help.opt.from": ("First day to derive again, YYYY-MM-DD.", "重新计算的起始日期。"),
    "help.opt.rules_date": (
        "Show the rule set in force on this day (default: today).",
        "显示该日适用的规则（默认今天）。",
    ),
    "help.arg.points": ("Points to add (negative to take away).", "调整分值（负数为扣分）。"),
    # details of refusals
    "error.period_one": (
        "give --month or --quarter, not both",
        "--month 与 --quarter 只能指定一个",
    ),
    "error.period_needed": ("give --month or --quarter", "请指定 --month 或 --quarter"),
    "detail.adjust_reason": ("say why the points are adjusted", "请写明调整原因"),
    "detail.adjust_zero": ("an adjustment must not be 0", "调整分值不能为 0"),
    "detail.award_future": ("an award cannot be in the future", "成效日期不能晚于今天"),
    "detail.award_reason": ("say what was achieved", "请写明取得的成效"),
    "detail.no_award_rule": (
        "no award rule is in force on that day",
        "该日没有适用的成效积分规则",
    ),
    "detail.points_number": (
        "{text!r} is not a number of points, e.g. 2, -1 or 0.5",
        "“{text}”不是分值，应如 2、-1 或 0.5",
    ),
    "detail.points_decimals": (
        "{text!r}: use a number with at most 2 decimals, e.g. 2, -1 or 0.5",
        "“{text}”：分值最多两位小数，如 2、-1 或 0.5",
    ),
    "detail.period_kind": (
        "a month (YYYY-MM) or a quarter (YYYYQn)",
        "应为月份（YYYY-MM）或季度（YYYYQn）",
    ),
    "field.period": ("period", "期间"),
    # the rules file
    "rules.builtin": ("(built-in) gridctl/points/{name}", "（内置）gridctl/points/{name}"),
    "field.rules": ("rules", "积分规则"),
    "detail.rules.no_file": ("no rules file there", "该处没有规则文件"),
    "detail.rules.unreadable": ("cannot read it: {error}", "无法读取：{error}"),
    "detail.rules.not_toml": ("not valid TOML: {error}", "不是有效的 TOML：{error}"),
    "detail.rules.at": ("{place} = {value!r}: {allowed}", "{place} = {value!r}：{allowed}"),
    "detail.rules.need_ruleset": (
        "need at least one [[ruleset]]",
        "至少需要一个 [[ruleset]]",
    ),
    "detail.rules.unique": ("must be unique", "不能重复"),
    "detail.rules.table": ("must be a table", "应为表（table）"),
    "detail.rules.effective": (
        "a date, e.g. effective = 2026-01-01",
        "应为日期，如 effective = 2026-01-01",
    ),
    "detail.rules.rewards": (
        "must be [[ruleset.rewards]] tables",
        "应为 [[ruleset.rewards]] 表",
    ),
    "detail.rules.kinds": (
        "only activity and award rules have kinds",
        "只有活动和成效规则可按类型（kinds）计分",
    ),
    "detail.rules.points": (
        "a number of points with at most 2 decimals",
        "应为分值，最多两位小数",
    ),
    "detail.rules.not_negative": ("must not be negative", "不能为负数"),
    "detail.rules.money": (
        'an amount of yuan with at most 2 decimals ("20.00")',
        '应为金额（元），最多两位小数（如 "20.00"）',
    ),
    "detail.rules.count": ("a whole number, 0 or more", "应为 0 或以上的整数"),
    "detail.rules.tier": ("each reward needs a tier name", "每档奖励须有档次名称（tier）"),
    "detail.rules.one_or_more": ("1 or more", "应为 1 或以上"),
    "detail.rules.visit_classes": ("a table: class = months", "应为表：类别 = 月数"),
    "detail.rules.month_or_more": ("1 month or more", "至少 1 个月"),
}

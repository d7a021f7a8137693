"""Messages and labels of work funding (工作经费): members, allocation, support, spending."""

MESSAGES: dict[str, tuple[str, str]] = {
    # what was done
    "funding.members.recorded": (
        "{enterprise}: {members} registered members from {since} (in force today: {now})",
        "{enterprise}：自 {since} 起在册党员 {members} 人（今日在册 {now} 人）",
    ),
    "funding.members.corrected": (
        "{enterprise}: corrected to {members} registered members from {since} "
        "(in force today: {now})",
        "{enterprise}：已更正为自 {since} 起在册党员 {members} 人（今日在册 {now} 人）",
    ),
    "funding.members.unchanged": (
        "{enterprise}: already {members} registered members from {since}; nothing changed",
        "{enterprise}：自 {since} 起在册党员已是 {members} 人，未作改动",
    ),
    "funding.allocated": (
        "Funding {year} at {rate} yuan per member: {organisations} organisations, "
        "{members} members, {amount} yuan ({inserted} new, {updated} updated, "
        "{unchanged} unchanged, {removed} removed)",
        "{year} 年工作经费（每名党员 {rate} 元）：{organisations} 个党组织，{members} 名党员，"
        "共 {amount} 元（新增 {inserted}，更新 {updated}，未变 {unchanged}，撤销 {removed}）",
    ),
    "funding.supported": (
        "Support {id}: {amount} yuan for {year}",
        "已登记经费补助 {id}：{year} 年 {amount} 元",
    ),
    "funding.spent": (
        "Spending {id}: {amount} yuan; balance left {balance} yuan",
        "已登记经费支出 {id}：{amount} 元；余额 {balance} 元",
    ),
    # the year's workbook (gridctl funding report)
    "funding.report.written": (
        "Wrote {path}: {organisations} organisations, {amount} yuan allocated",
        "已生成 {path}：{organisations} 个党组织，下拨 {amount} 元",
    ),
    "funding.report.title": (
        "Party organisations' work funds {year}",
        "{year} 年度党组织工作经费",
    ),
    "funding.report.line": (
        "Allocated: members in force on 1 January {year} x {rate} yuan; amounts in yuan; "
        "made {made}",
        "下拨经费 = {year} 年 1 月 1 日在册党员数 × {rate} 元；金额单位：元；生成于 {made}",
    ),
    "funding.report.none": ("(none)", "（无）"),
    "funding.sheet.detail": ("Organisations", "党组织经费明细"),
    "funding.sheet.by_grid": ("By grid", "按网格汇总"),
    "funding.sheet.by_chain": ("By chain", "按产业链汇总"),
    "funding.sheet.by_group": ("By group", "按指导组汇总"),
    "funding.report.not_xlsx": (
        "{path}: the workbook must end in .xlsx",
        "{path}：工作簿文件名须以 .xlsx 结尾",
    ),
    # help: commands
    "help.funding": (
        "Work funding (工作经费): members over time, yearly allocation, support, spending.",
        "党组织工作经费：在册党员变动、年度下拨、补助与支出。",
    ),
    "help.funding.members": (
        "Record an organisation's registered members from a date on (without N: the history).",
        "登记党组织自某日起的在册党员人数（不带 N 则查看变动记录）。",
    ),
    "help.funding.members.example": (
        "Example: gridctl funding members 合肥芯联 14 --from 2026-06-01",
        "示例：gridctl funding members 合肥芯联 14 --from 2026-06-01",
    ),
    "help.funding.allocate": (
        "Allocate the year's funds: members in force on 1 January x the rate. "
        "Running it again updates, never doubles.",
        "计算年度经费：1 月 1 日在册党员数 × 标准；重复运行只更新、不重复。",
    ),
    "help.funding.allocate.example": (
        "Example: gridctl funding allocate --year 2026 --rate 200",
        "示例：gridctl funding allocate --year 2026 --rate 200",
    ),
    "help.funding.support": (
        "Grant extra support to an organisation whose own dues fall short.",
        "为党费不足的党组织登记经费补助。",
    ),
    "help.funding.support.example": (
        "Example: gridctl funding support 数智云 1500 --year 2026 --reason 党费收缴不足",
        "示例：gridctl funding support 数智云 1500 --year 2026 --reason 党费收缴不足",
    ),
    "help.funding.spend": (
        "Record money spent from an organisation's funds (at most its balance).",
        "登记党组织经费支出（不超过当年结余）。",
    ),
    "help.funding.spend.example": (
        "Example: gridctl funding spend 合肥芯联 800 --date 2026-07-01 --purpose 主题党日活动",
        "示例：gridctl funding spend 合肥芯联 800 --date 2026-07-01 --purpose 主题党日活动",
    ),
    "help.funding.list": (
        "List each organisation's funds by year: members, rate, amount, support, spent, balance.",
        "列出各党组织年度经费：人数、标准、下拨、补助、支出、结余。",
    ),
    "help.funding.list.example": (
        "Example: gridctl funding list --year 2026 --format json",
        "示例：gridctl funding list --year 2026 --format json",
    ),
    "help.funding.report": (
        "Write the year's funding workbook: organisations, totals by grid, chain and group.",
        "生成年度经费表：各党组织明细及按网格、产业链、指导组汇总。",
    ),
    "help.funding.report.example": (
        "Example: gridctl funding report --year 2026 -o 经费2026.xlsx",
        "示例：gridctl funding report --year 2026 -o 经费2026.xlsx",
    ),
    # help: options
    "help.arg.amount": (
        "Amount in yuan, e.g. 1200 or 1200.50.",
        "金额（元），如 1200 或 1200.50。",
    ),
    "help.arg.members": ("Registered party members.", "在册党员人数。"),
    "help.opt.members_from": (
        "In force from this day, YYYY-MM-DD (default: today).",
        "生效日期，YYYY-MM-DD（默认今天）。",
    ),
    "help.opt.rate": (
        "Yuan per registered member (default: the year's rate so far, else 200).",
        "每名党员经费标准（元；默认沿用本年度标准，否则 200）。",
    ),
    "help.opt.support_reason": ("Why the support is granted.", "补助原因。"),
    "help.opt.purpose": ("What the money was spent on.", "支出用途。"),
    "help.opt.funding_out": (
        "Workbook to write (default: 工作经费-YYYY.xlsx, Funding-YYYY.xlsx with --lang en).",
        "输出文件（默认 工作经费-YYYY.xlsx；--lang en 时为 Funding-YYYY.xlsx）。",
    ),
    # details of refusals
    "detail.funding.amount": (
        "an amount of yuan, e.g. 1200 or 1200.50",
        "应为金额（元），如 1200 或 1200.50",
    ),
    "detail.funding.cents": (
        "exact to the cent (at most 2 decimals)",
        "精确到分（最多 2 位小数）",
    ),
    "detail.funding.positive": ("must be more than 0", "应大于 0"),
    "detail.funding.max": ("at most {max} yuan", "不得超过 {max} 元"),
    "detail.funding.year": ("a year, e.g. 2026", "应为年份，如 2026"),
    "detail.funding.no_org": (
        "has no party organisation to fund",
        "该企业未建立党组织，不予安排经费",
    ),
    "detail.funding.reason": (
        "say why the organisation needs support",
        "请写明补助原因",
    ),
    "detail.funding.purpose": ("say what the money was spent on", "请写明支出用途"),
    "detail.funding.future": ("spending cannot be in the future", "支出日期不能晚于今天"),
    "detail.funding.over_balance": (
        "more than the {year} balance of {balance} yuan (allocate the year or grant support first)",
        "超出 {year} 年度结余 {balance} 元（请先下拨当年经费或登记补助）",
    ),
    "detail.funding.negative": (
        "would leave {enterprise} below zero for {year}: allocated {allocated} yuan (was {was}) "
        "+ support {support} - spent {spent} = balance {balance} yuan; grant support for the "
        "difference first (funding support), or correct the spending",
        "将使 {enterprise} {year} 年度经费为负：下拨 {allocated} 元（原 {was} 元）"
        "+ 补助 {support} 元 - 支出 {spent} 元 = 结余 {balance} 元；"
        "请先登记补助（funding support）补足差额，或更正支出",
    ),
}

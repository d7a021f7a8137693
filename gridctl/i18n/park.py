"""Messages and labels of the park's own work (issue 7): diary, meetings, funding, welfare,
the resource map, chains, brands and the demonstration belt: (English, 中文)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- diary ---------------------------------------------------------------------------
    "diary.added": (
        "Diary entry {id} on {date} for {supervisor}",
        "已记工作日记 {id}（{supervisor}，{date}）",
    ),
    "col.text": ("Entry", "内容"),
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
    # --- funding -------------------------------------------------------------------------
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
    "report.file.funding": ("Funding", "工作经费"),
    "funding.report.none": ("(none)", "（无）"),
    "funding.sheet.detail": ("Organisations", "党组织经费明细"),
    "funding.sheet.by_grid": ("By grid", "按网格汇总"),
    "funding.sheet.by_chain": ("By chain", "按产业链汇总"),
    "funding.sheet.by_group": ("By group", "按指导组汇总"),
    "col.year": ("Year", "年度"),
    "col.organisation": ("Organisation", "党组织类型"),
    "col.organisations": ("Organisations", "党组织数"),
    "col.rate": ("Rate (yuan/member)", "标准（元/人）"),
    "col.funding_amount": ("Allocated (yuan)", "下拨经费（元）"),
    "col.support": ("Support (yuan)", "补助（元）"),
    "col.spent": ("Spent (yuan)", "支出（元）"),
    "col.balance": ("Balance (yuan)", "结余（元）"),
    "col.from": ("From", "起始日期"),
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
    "help.arg.amount": (
        "Amount in yuan, e.g. 1200 or 1200.50.",
        "金额（元），如 1200 或 1200.50。",
    ),
    "help.arg.members": ("Registered party members.", "在册党员人数。"),
    "help.opt.year": ("Year, YYYY.", "年度，YYYY。"),
    "help.opt.members_from": (
        "In force from this day, YYYY-MM-DD (default: today).",
        "生效日期，YYYY-MM-DD（默认今天）。",
    ),
    "help.opt.enterprise_members_from": (
        "With --members: the count is in force from this day, YYYY-MM-DD (default: today); "
        "recorded in the member history (see gridctl funding members).",
        "与 --members 同用：人数自该日起生效，YYYY-MM-DD（默认今天）；记入在册党员变动记录。",
    ),
    "detail.members_from_alone": (
        "only with --members N",
        "须与 --members N 同用",
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
    # --- meetings ------------------------------------------------------------------------
    "meeting.added": ("Recorded meeting {id} on {date}", "已登记会议 {id}（{date}）"),
    "meeting.problems": ("Problems taken up", "研究的问题"),
    "meeting.outcome": (
        "Outcome of meeting {meeting} recorded for problem {problem}",
        "已登记会议 {meeting} 对问题 {problem} 的研究结果",
    ),
    "meeting.outcome_solved": (
        "Outcome of meeting {meeting} recorded; problem {problem} solved",
        "已登记会议 {meeting} 的研究结果，问题 {problem} 已解决",
    ),
    "problem.referred": (
        "Problem {id} referred to the joint meeting {meeting} ({date})",
        "问题 {id} 已提交联席会议 {meeting}（{date}）",
    ),
    "col.meeting_title": ("Title", "会议名称"),
    "col.attendees": ("Attendees", "参会人员"),
    "col.meeting_problems": ("Problems", "问题数"),
    "col.topics": ("Topics", "议题"),
    "col.decisions": ("Decisions", "议定事项"),
    "col.outcome": ("Outcome", "研究结果"),
    "help.meeting": (
        "Monthly group meetings, quarterly group-leader meetings and joint meetings.",
        "指导组月度例会、组长季度工作例会和联席会议。",
    ),
    "help.meeting.add": (
        "Record a meeting: kind, date, group, attendees, topics, decisions, problems.",
        "登记会议：类型、日期、指导组、参会人员、议题、议定事项、研究的问题。",
    ),
    "help.meeting.add.example": (
        "Example: gridctl meeting add --kind group-monthly --date 2026-11-05 "
        "--group 第一指导组 -a S001 -a S002 --topic 通报走访情况 --decision 下月完成换届指导 "
        "--problem 3",
        "示例：gridctl meeting add --kind 指导组月度例会 --date 2026-11-05 "
        "--group 第一指导组 -a S001 -a S002 --topic 通报走访情况 --decision 下月完成换届指导 "
        "--problem 3",
    ),
    "help.meeting.list": ("List meetings.", "列出会议。"),
    "help.meeting.list.example": (
        "Example: gridctl meeting list --kind joint --format json",
        "示例：gridctl meeting list --kind 联席会议 --format json",
    ),
    "help.meeting.show": (
        "Show a meeting: attendees, topics, decisions and problems.",
        "查看会议详情。",
    ),
    "help.meeting.show.example": (
        "Example: gridctl meeting show 4",
        "示例：gridctl meeting show 4",
    ),
    "help.meeting.outcome": (
        "Record what a meeting decided on a problem it took up (--solved closes it).",
        "登记会议对问题的研究结果（--solved 同时办结问题）。",
    ),
    "help.meeting.outcome.example": (
        "Example: gridctl meeting outcome 4 12 --outcome 人社局牵头专场招聘 --solved",
        "示例：gridctl meeting outcome 4 12 --outcome 人社局牵头专场招聘 --solved",
    ),
    "help.problem.refer": (
        "Refer an open problem to a joint meeting (联席会议).",
        "将未解决问题提交联席会议研究。",
    ),
    "help.problem.refer.example": (
        "Example: gridctl problem refer 12 --meeting 4 --note 涉及多个部门",
        "示例：gridctl problem refer 12 --meeting 4 --note 涉及多个部门",
    ),
    "help.arg.meeting": ("Meeting ID (see meeting list).", "会议编号（见 meeting list）。"),
    "help.opt.meeting_date": ("Date of the meeting, YYYY-MM-DD.", "会议日期，YYYY-MM-DD。"),
    "help.opt.meeting_kind": (
        "group-monthly, leader-quarterly or joint (or 指导组月度例会/组长季度工作例会/联席会议).",
        "会议类型：指导组月度例会、组长季度工作例会、联席会议。",
    ),
    "help.opt.meeting_group": (
        "The group (monthly group meetings only).",
        "指导组（仅指导组月度例会）。",
    ),
    "help.opt.title": ("Title.", "名称。"),
    "help.opt.attendee": (
        "A supervisor who attended (repeat for several).",
        "参会指导员（可多次）。",
    ),
    "help.opt.topic": ("A topic discussed (repeat for several).", "议题（可多次）。"),
    "help.opt.decision": ("A decision taken (repeat for several).", "议定事项（可多次）。"),
    "help.opt.meeting_problem": (
        "ID of a problem taken up (repeat for several).",
        "研究的问题编号（可多次）。",
    ),
    "help.opt.outcome": ("What the meeting decided.", "研究结果。"),
    "help.opt.solved": ("The problem is solved by it.", "问题已因此解决。"),
    "help.opt.joint_meeting": ("ID of the joint meeting.", "联席会议编号。"),
    "help.opt.refer_note": ("Why it goes to the joint meeting.", "提交原因。"),
    # --- welfare -------------------------------------------------------------------------
    "welfare.project_added": ("Added welfare project {id}: {name}", "已添加公益项目 {id}：{name}"),
    "welfare.claimed": ("Claim {id} recorded on {date}", "已登记认领 {id}（{date}）"),
    "welfare.completed": (
        "Claim {id} completed on {date} with {n} participants",
        "认领 {id} 已于 {date} 完成，参与 {n} 人",
    ),
    "col.claims": ("Claims", "认领数"),
    "col.completed": ("Completed", "完成"),
    "col.project": ("Project", "公益项目"),
    "col.claimed": ("Claimed", "认领日期"),
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
    "help.arg.project": ("Welfare project ID or name.", "公益项目编号或名称。"),
    "help.arg.claim": ("Claim ID (see welfare claims).", "认领编号（见 welfare claims）。"),
    "help.opt.welfare_category": ("Category.", "类别。"),
    "help.opt.description": ("Description.", "说明。"),
    "help.opt.welfare_note": ("A note.", "备注。"),
    "help.opt.open_claims": ("Only claims not yet completed.", "只列未完成的认领。"),
    # --- resources -----------------------------------------------------------------------
    "resource.added": ("Added resource {id}: {name}", "已添加资源 {id}：{name}"),
    "resource.used": ("Use {id} recorded on {date}", "已登记资源使用 {id}（{date}）"),
    "col.owner": ("Owner", "提供企业"),
    "col.capacity": ("Capacity", "容纳人数"),
    "col.terms": ("Opening terms", "开放方式"),
    "col.address": ("Address", "地址"),
    "col.uses": ("Uses", "使用次数"),
    "col.resource": ("Resource", "资源"),
    "col.purpose": ("Purpose", "用途"),
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
    # --- chains, brands, belt ------------------------------------------------------------
    "chain.set": ("Chain {code} updated", "已更新产业链 {code}"),
    "chain.members": ("Member enterprises", "成员企业"),
    "brand.added": ("Added brand {id}: {name}", "已添加党建品牌 {id}：{name}"),
    "belt.added": ("Site {position} of {belt} added", "已添加{belt}第 {position} 站"),
    "col.lead": ("Lead enterprise", "牵头企业"),
    "col.secretary": ("Secretary", "书记"),
    "col.since": ("Since", "创建年份"),
    "col.belt": ("Belt", "示范带"),
    "col.position": ("Stop", "站点顺序"),
    "col.feature": ("Feature", "特色"),
    "help.chain": (
        "Industry-chain committees and the IT alliance, with their members.",
        "产业链党委与大数据信息技术联盟及其成员企业。",
    ),
    "help.chain.list": (
        "List the chains: members, organisations, party members, lead, secretary.",
        "列出产业链：成员企业数、党组织数、党员数、牵头企业、书记。",
    ),
    "help.chain.list.example": ("Example: gridctl chain list", "示例：gridctl chain list"),
    "help.chain.show": ("Show a chain and its member enterprises.", "查看产业链及其成员企业。"),
    "help.chain.show.example": (
        "Example: gridctl chain show 微电子",
        "示例：gridctl chain show 微电子",
    ),
    "help.chain.set": (
        "Set a chain's lead enterprise, secretary or note.",
        "设置产业链牵头企业、书记或备注。",
    ),
    "help.chain.set.example": (
        "Example: gridctl chain set big-data-it --lead 数智云 --secretary 刘强",
        "示例：gridctl chain set 大数据信息技术 --lead 数智云 --secretary 刘强",
    ),
    "help.arg.chain": (
        "Chain: new-energy-vehicles, microelectronics, energy-saving-equipment, big-data-it "
        "(or the Chinese name).",
        "产业链：新能源汽车、微电子、节能环保装备、大数据信息技术。",
    ),
    "help.opt.lead": ("Lead enterprise (a member of the chain).", "牵头企业（须为成员企业）。"),
    "help.opt.secretary": ("The committee's secretary.", "产业链党委书记。"),
    "help.opt.chain_note": ("A note.", "备注。"),
    "help.brand": ("Enterprises' party-building brands (党建品牌).", "企业党建品牌。"),
    "help.brand.add": ("Add an enterprise's brand.", "添加企业党建品牌。"),
    "help.brand.add.example": (
        "Example: gridctl brand add 合肥芯联 芯火相传 --since 2019",
        "示例：gridctl brand add 合肥芯联 芯火相传 --since 2019",
    ),
    "help.brand.list": ("List brands.", "列出党建品牌。"),
    "help.brand.list.example": ("Example: gridctl brand list", "示例：gridctl brand list"),
    "help.arg.brand": ("Brand name.", "品牌名称。"),
    "help.opt.since": ("Year the brand was created.", "创建年份。"),
    "help.belt": (
        "The demonstration belt (示范带): model sites in order.",
        "党建示范带：按顺序排列的示范点。",
    ),
    "help.belt.add": (
        "Add an enterprise as a site of a belt (at the end, or at --position).",
        "添加示范点（默认排在末尾，或用 --position 指定位置）。",
    ),
    "help.belt.add.example": (
        "Example: gridctl belt add 合肥芯联 --feature 党建引领芯片攻关",
        "示例：gridctl belt add 合肥芯联 --feature 党建引领芯片攻关",
    ),
    "help.belt.list": ("List the belt's sites in order.", "按顺序列出示范点。"),
    "help.belt.list.example": ("Example: gridctl belt list", "示例：gridctl belt list"),
    "help.opt.belt": ("Belt name (default: 党建示范带).", "示范带名称（默认：党建示范带）。"),
    "help.opt.position": ("Place along the belt, from 1.", "站点顺序（从 1 起）。"),
    "help.opt.feature": ("What the site shows.", "示范内容、特色。"),
    # --- the sample park --------------------------------------------------------------
    "park_sample.loaded": ("Loaded {file}: {count} rows", "已载入 {file}：{count} 行"),
}

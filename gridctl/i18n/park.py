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
    # --- correcting and removing records (issue 7) --------------------------------------
    "error.nothing_to_change": (
        "nothing to change: give at least one option (see --help)",
        "没有要修改的内容：请至少给出一个选项（见 --help）",
    ),
    "meeting.updated": ("Meeting {id} corrected ({date})", "已更正会议 {id}（{date}）"),
    "meeting.deleted": (
        "Deleted meeting {id} with {attendees} attendance and {problems} problem link(s)",
        "已删除会议 {id}（含参会记录 {attendees} 条、研究问题 {problems} 条）",
    ),
    "detail.meeting_has_outcome": (
        "meeting {meeting} has an outcome recorded for problem {problem}, dated by the "
        "meeting's day; its date stays",
        "会议 {meeting} 已登记对问题 {problem} 的研究结果（以会议日期为准），会议日期不能再改",
    ),
    "detail.meeting_before_problem": (
        "problem {problem} taken up there was opened on {opened}; the meeting cannot be before",
        "会议研究的问题 {problem} 于 {opened} 提出，会议日期不得早于该日",
    ),
    "detail.meeting_outcome_stays": (
        "an outcome is recorded there for problem {problem}; a meeting with outcomes stays",
        "该会议已登记对问题 {problem} 的研究结果，有研究结果的会议不能删除",
    ),
    "help.meeting.update": (
        "Correct a meeting: date, title, attendees, topics, decisions (a list given replaces "
        "the recorded one; an empty value clears it).",
        "更正会议：日期、名称、参会人员、议题、议定事项（给出的列表整体替换原记录，空值清空）。",
    ),
    "help.meeting.update.example": (
        "Example: gridctl meeting update 4 --date 2026-11-06 -a S001 -a S003",
        "示例：gridctl meeting update 4 --date 2026-11-06 -a S001 -a S003",
    ),
    "help.meeting.delete": (
        "Delete a meeting with its attendance and the problems taken up (refused once an "
        "outcome is recorded; referred problems go back to open).",
        "删除会议及其参会记录和研究的问题（已登记研究结果的会议不能删除；提交的问题恢复为未解决）。",
    ),
    "help.meeting.delete.example": (
        "Example: gridctl meeting delete 4",
        "示例：gridctl meeting delete 4",
    ),
    "help.opt.attendee_replace": (
        "A supervisor who attended (repeat; replaces the list; -a '' clears it).",
        "参会指导员（可多次；整体替换；-a '' 清空）。",
    ),
    "help.opt.topic_replace": (
        "A topic discussed (repeat; replaces the list).",
        "议题（可多次；整体替换）。",
    ),
    "help.opt.decision_replace": (
        "A decision taken (repeat; replaces the list).",
        "议定事项（可多次；整体替换）。",
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
    "detail.project_has_claims": (
        "{n} claim(s) of it are recorded; delete those first (welfare claim-delete)",
        "该项目已有 {n} 条认领记录，请先删除（welfare claim-delete）",
    ),
    "detail.claim_not_completed": ("the claim is not completed", "该认领尚未完成"),
    "detail.claim_open": (
        "the claim is not completed; give --completed too",
        "该认领尚未完成，请同时给出 --completed",
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
    "help.opt.claimed_on": ("Day of the claim, YYYY-MM-DD.", "认领日期，YYYY-MM-DD。"),
    "help.opt.completed_on": ("Day it was completed, YYYY-MM-DD.", "完成日期，YYYY-MM-DD。"),
    "help.opt.note_replace": (
        "A note (replaces the note; '' clears it).",
        "备注（替换原备注；'' 清空）。",
    ),
    "help.opt.reopen": ("Undo the completion.", "撤销完成登记。"),
    "resource.updated": ("Resource {id} corrected: {name}", "已更正资源 {id}：{name}"),
    "resource.deleted": (
        "Deleted resource {id}: {name} (and {uses} use(s) of it)",
        "已删除资源 {id}：{name}（及其使用记录 {uses} 条）",
    ),
    "resource.use_deleted": ("Deleted use {id}", "已删除资源使用记录 {id}"),
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
    "help.opt.owner_replace": (
        "Enterprise that provides it ('' for the station's own).",
        "提供企业（'' 表示指导站自有）。",
    ),
    "help.opt.force_uses": ("Delete its uses too.", "一并删除使用记录。"),
    "help.arg.use": ("Use ID (see resource uses).", "使用记录编号（见 resource uses）。"),
    "brand.updated": ("Brand {id} corrected: {name}", "已更正党建品牌 {id}：{name}"),
    "brand.deleted": ("Deleted brand {id}: {name}", "已删除党建品牌 {id}：{name}"),
    "detail.brand_ref": (
        "brand id or name; see `gridctl brand list`",
        "品牌编号或名称，见 gridctl brand list",
    ),
    "help.brand.update": (
        "Correct a brand: name, enterprise, description, year.",
        "更正党建品牌：名称、企业、说明、创建年份。",
    ),
    "help.brand.update.example": (
        "Example: gridctl brand update 芯火相传 --since 2018",
        "示例：gridctl brand update 芯火相传 --since 2018",
    ),
    "help.brand.delete": ("Delete a brand.", "删除党建品牌。"),
    "help.brand.delete.example": (
        "Example: gridctl brand delete 芯火相传",
        "示例：gridctl brand delete 芯火相传",
    ),
    "help.arg.brand_ref": (
        "Brand ID or name (see brand list).",
        "品牌编号或名称（见 brand list）。",
    ),
    "belt.moved": ("Moved to site {position} of {belt}", "已移至{belt}第 {position} 站"),
    "belt.removed": (
        "{enterprise} taken off the belt; {n} site(s) left",
        "已将 {enterprise} 移出示范带，余 {n} 站",
    ),
    "detail.belt_site_ref": (
        "a site of {belt}; see `gridctl belt list`",
        "{belt}的示范点，见 gridctl belt list",
    ),
    "detail.position_range": ("between 1 and {n}", "应在 1 到 {n} 之间"),
    "help.belt.move": (
        "Move a site to another place along its belt (the others close up, 1..n).",
        "调整示范点顺序（其余站点依次顺延，保持 1..n）。",
    ),
    "help.belt.move.example": (
        "Example: gridctl belt move 合肥芯联 --position 1",
        "示例：gridctl belt move 合肥芯联 --position 1",
    ),
    "help.belt.remove": (
        "Take a site off its belt (the later sites move up one).",
        "移出示范点（其后站点依次前移）。",
    ),
    "help.belt.remove.example": (
        "Example: gridctl belt remove 合肥芯联",
        "示例：gridctl belt remove 合肥芯联",
    ),
    # --- the sample park --------------------------------------------------------------
    "park_sample.loaded": ("Loaded {file}: {count} rows", "已载入 {file}：{count} 行"),
    # --- refusals of the park's services ----------------------------------------------
    "detail.at_least_one": ("at least 1", "至少为 1"),
    "detail.not_future": ("cannot be in the future", "不能晚于今天"),
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
    "funding.report.not_xlsx": (
        "{path}: the workbook must end in .xlsx",
        "{path}：工作簿文件名须以 .xlsx 结尾",
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
    "detail.brand.exists": ("a brand with this name exists", "该品牌名称已存在"),
    "detail.brand.since": ("a year, e.g. 2019", "应为年份，如 2019"),
    "detail.belt.already": ("already a site of {belt}", "已是{belt}的示范点"),
    "detail.belt.every_site": (
        "every site of the belt, each once",
        "须列出该示范带的全部站点，每个一次",
    ),
    "detail.belt.unknown": (
        "no such belt; see `gridctl belt list`",
        "没有该示范带，见 gridctl belt list",
    ),
    "detail.diary.text": ("write what was done", "请写明工作内容"),
    "detail.diary.future": (
        "a diary entry cannot be in the future",
        "日记日期不能晚于今天",
    ),
    # --- refusals of meetings and chains -----------------------------------------------
    "detail.meeting.ref": (
        "meeting id; see `gridctl meeting list`",
        "会议编号，见 gridctl meeting list",
    ),
    "detail.meeting.clash": (
        "meeting {id} is already this {kind} meeting of {period}",
        "{period} 已有{kind}（{id}）",
    ),
    "detail.meeting.no": ("{id}", "会议 {id}"),
    "detail.meeting.needs_group": (
        "a monthly group meeting needs its group",
        "指导组月度例会须指定指导组",
    ),
    "detail.meeting.group_only_monthly": (
        "only a monthly group meeting belongs to a group",
        "只有指导组月度例会需指定指导组",
    ),
    "detail.meeting.not_in_group": ("not a supervisor of {group}", "不是{group}的指导员"),
    "detail.meeting.problem_after": (
        "opened {opened}, after the meeting",
        "该问题于 {opened} 提出，晚于会议日期",
    ),
    "detail.meeting.not_joint": (
        "meeting {id} is a {kind} meeting; refer to a joint meeting",
        "会议 {id} 是{kind}，问题只能提交联席会议",
    ),
    "detail.meeting.before_problem": (
        "the meeting ({day}) is before the problem was opened ({opened})",
        "会议日期（{day}）早于问题提出日期（{opened}）",
    ),
    "detail.meeting.not_held": (
        "the meeting ({day}) has not been held yet",
        "该会议（{day}）尚未召开",
    ),
    "detail.meeting.say_outcome": ("say what the meeting decided", "请写明研究结果"),
    "detail.meeting.referred": ("already referred to meeting {id}", "已提交会议 {id}"),
    "detail.meeting.taken_up": (
        "problem taken up at meeting {id}",
        "会议 {id} 研究的问题编号",
    ),
    "detail.chain.lead_member": (
        "{name} is not a member of {chain}",
        "{name} 不是{chain}产业链的成员企业",
    ),
}

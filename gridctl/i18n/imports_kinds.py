"""Messages of the import kinds: each kind's sheet name and the rules it checks per row."""

MESSAGES: dict[str, tuple[str, str]] = {
    # kinds (sheet names)
    "imp.kind.grids": ("grids", "网格"),
    "imp.kind.groups": ("groups", "指导组"),
    "imp.kind.supervisors": ("supervisors", "指导员"),
    "imp.kind.enterprises": ("enterprises", "企业"),
    "imp.kind.visits": ("visits", "走访"),
    "imp.kind.problems": ("problems", "问题"),
    "imp.kind.activities": ("activities", "活动"),
    "imp.kind.member_changes": ("member changes", "党员人数变动"),
    "imp.kind.welfare_projects": ("welfare projects", "公益项目"),
    "imp.kind.resources": ("resources", "园区资源"),
    "imp.kind.brands": ("brands", "党建品牌"),
    "imp.kind.belt": ("belt", "示范带"),
    "imp.kind.meetings": ("meetings", "会议"),
    "imp.kind.welfare_claims": ("welfare claims", "公益认领"),
    "imp.kind.diary": ("diary entries", "工作日记"),
    "imp.kind.funding": ("funding", "工作经费"),
    "imp.kind.resource_uses": ("resource uses", "资源使用"),
    "imp.kind.referrals": ("referrals", "联席会议提交问题"),
    "imp.kind.chains": ("chains", "产业链"),
    # rules per kind
    "imp.grid.level_change": (
        "this grid exists at level {level}; an import does not move it to another level",
        "该网格已是{level}级网格，导入不改变网格级别",
    ),
    "imp.group.grid_level": ("a group works a level-1 grid", "指导组负责一级网格"),
    "imp.supervisor.leads": (
        "leads group {group}; choose another leader there first",
        "是{group}组长，请先更换该组组长",
    ),
    "imp.enterprise.exception_hint": (
        "; to take it deliberately, give the reason in column check_code_exception "
        "(校验位例外说明)",
        "；如确需登记，请在“校验位例外说明”列写明原因",
    ),
    "imp.enterprise.grid_level": (
        "an enterprise belongs to a level-2 grid",
        "企业应属于二级网格",
    ),
    "imp.enterprise.name_taken": (
        "this name belongs to another enterprise (credit code {code})",
        "该名称已属于另一家企业（统一社会信用代码 {code}）",
    ),
    "imp.enterprise.other_code": (
        "the ledger has this enterprise with credit code {code}",
        "台账中该企业的统一社会信用代码为 {code}",
    ),
    "imp.brand.taken": (
        "a brand of this name belongs to {enterprise}",
        "该品牌名称已属于{enterprise}",
    ),
    "imp.belt.position_from_1": ("positions count from 1", "顺序从 1 开始"),
    "imp.belt.all_or_none": (
        "give every site of {belt} its position, or none",
        "{belt}的站点须全部填写顺序，或全部不填",
    ),
    "imp.belt.repeat": ("position given twice (line {first})", "顺序重复（第 {first} 行）"),
    "imp.belt.gap": (
        "positions of {belt} go 1 to {n} without gaps",
        "{belt}的顺序须为 1 至 {n}，不能跳号",
    ),
    "imp.claim.participants_when_done": (
        "participants only with a completion date",
        "填写完成日期时才填写参与人数",
    ),
    "imp.claim.of_line": ("of line {line}", "第 {line} 行"),
    "imp.meeting.on_line": ("on line {line}", "第 {line} 行"),
    "imp.resource.needs_grid": (
        "a resource without an owner enterprise needs its grid",
        "没有提供企业的资源须填写网格",
    ),
    "imp.funding.spend_year": (
        "a spending counts in the year of its date ({year})",
        "支出计入其日期所在年度（{year}）",
    ),
    "imp.funding.year_kept": (
        "this support is recorded for {year}; an import does not move it to another year",
        "该补助已登记在 {year} 年度，导入不改变其年度",
    ),
    "imp.funding.over_balance": (
        "more than the {year} balance of {balance} yuan left (with this file's support and "
        "the spending above it)",
        "超出 {year} 年度剩余经费 {balance} 元（已计入本文件的补助及此行之前的支出）",
    ),
    "imp.funding.not_allocated": (
        "more than the {year} balance of {balance} yuan: {year} is not allocated yet; run "
        "`gridctl funding allocate --year {year}` first",
        "超出 {year} 年度余额 {balance} 元：{year} 年度经费尚未下拨，请先运行 "
        "`gridctl funding allocate --year {year}`",
    ),
    "imp.referral.no_meeting": ("no joint meeting on this day", "该日没有联席会议"),
    "imp.referral.name_problem": (
        "name the problem by its id (问题编号), or by enterprise and description",
        "请以问题编号，或企业加问题描述指明问题",
    ),
    "imp.referral.unknown": (
        "no problem of {enterprise} has this description",
        "{enterprise}没有该描述的问题",
    ),
    "imp.referral.ambiguous": (
        "several problems have this description (ids {ids}): give the problem id",
        "有多条问题为该描述（编号 {ids}），请填写问题编号",
    ),
    "imp.referral.other_problem": (
        "this id is another problem ({enterprise}: {description})",
        "该编号是另一问题（{enterprise}：{description}）",
    ),
    "imp.referral.solved_needs_outcome": (
        "a solved problem needs the meeting's outcome",
        "已解决的问题须填写研究结果",
    ),
    "imp.referral.keep_outcome": (
        "the problem was solved at this meeting: its outcome stays",
        "该问题在此次会议上解决，研究结果不能清空",
    ),
    "imp.referral.solved_on": (
        "the problem is solved at the meeting of {day} (line {line})",
        "该问题已在 {day} 的会议上解决（第 {line} 行）",
    ),
}

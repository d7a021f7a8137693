"""Messages and labels of batch import and export (issue 3): (English, 中文)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # the file as a whole
    "imp.file.missing": ("no such file", "文件不存在"),
    "imp.file.suffix": (
        "'{suffix}' files are not read; give a .csv or .xlsx file (save .xls as .xlsx)",
        "不支持“{suffix}”文件，请提供 .csv 或 .xlsx（.xls 请另存为 .xlsx）",
    ),
    "imp.file.no_suffix": ("(none)", "（无扩展名）"),
    # rich fills in the task's fields: these braces are not t()'s parameters
    "imp.progress": (
        "{task.description} {task.completed} rows",
        "{task.description} 已读 {task.completed} 行",
    ),
    "imp.file.encoding": (
        "not UTF-8 or GB18030 text (bytes on this line cannot be decoded); save as CSV UTF-8",
        "不是 UTF-8 或 GB18030 编码的文本（此行有无法解码的字节），请另存为 CSV UTF-8",
    ),
    "imp.file.mixed": (
        "mixed encodings: the lines before this one are UTF-8, this one is not (rows pasted "
        "from a GBK file?); save the whole file as CSV UTF-8",
        "编码混杂：此行之前为 UTF-8，此行不是（是否粘贴了 GBK 文件的行？），"
        "请将整个文件另存为 CSV UTF-8",
    ),
    "imp.file.not_xlsx": (
        "not an Excel .xlsx workbook (an old .xls or another file renamed?)",
        "不是 Excel .xlsx 工作簿（是否为旧版 .xls 或改了扩展名的其他文件？）",
    ),
    "imp.file.bomb": (
        "refused: unpacks to {unpacked} MiB ({ratio}x its size), too big for a register",
        "拒绝读取：解压后 {unpacked} MiB（压缩比 {ratio} 倍），超出台账文件的合理大小",
    ),
    "imp.file.no_sheet": (
        "no sheet '{sheet}'; sheets: {sheets}",
        "没有名为“{sheet}”的工作表；现有：{sheets}",
    ),
    "imp.file.empty": ("empty file: no header row", "空文件：没有表头行"),
    # headers
    "imp.header.unknown": (
        "unknown column (columns: {allowed})",
        "无法识别的列（可用列：{allowed}）",
    ),
    "imp.header.twice": ("column given twice (also '{first}')", "列重复（已有“{first}”）"),
    "imp.header.missing": ("required column missing", "缺少必填列"),
    # cells
    "imp.cell.required": ("required, but empty", "必填，但为空"),
    "imp.cell.too_long": ("longer than {max} characters", "超过 {max} 个字符"),
    "imp.cell.date": (
        "not a date; use YYYY-MM-DD, 2026/3/5 or 2026年3月5日",
        "不是日期；请用 YYYY-MM-DD、2026/3/5 或 2026年3月5日",
    ),
    "imp.cell.no_such_day": ("no such day", "日期不存在"),
    "imp.cell.count": ("not a whole number of 0 or more", "不是非负整数"),
    "imp.cell.yes_no": ("not yes/no (是/否)", "应为 是/否（yes/no）"),
    "imp.row.duplicate": (
        "same record as line {first} (duplicate in this file)",
        "与第 {first} 行重复（同一文件内）",
    ),
    # references
    "imp.ref.unknown": ("unknown {what}", "找不到该{what}"),
    "imp.ref.ambiguous": (
        "matches several, give one of: {candidates}",
        "对应多条，请指明：{candidates}",
    ),
    "imp.what.grid": ("grid", "网格"),
    "imp.what.group": ("group", "指导组"),
    "imp.what.supervisor": ("supervisor", "指导员"),
    "imp.what.enterprise": ("enterprise", "企业"),
    # rules per kind
    "imp.grid.parent_level": ("the parent must be a level-1 grid", "上级网格必须是一级网格"),
    "imp.grid.level_change": (
        "this grid exists at level {level}; an import does not move it to another level",
        "该网格已是{level}级网格，导入不改变网格级别",
    ),
    "imp.group.grid_level": ("a group works a level-1 grid", "指导组负责一级网格"),
    "imp.group.leader": (
        "the leader must be a supervisor of group {group}",
        "组长必须是{group}的指导员",
    ),
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
    "imp.visit.future": ("a visit cannot be in the future", "走访日期不能晚于今天"),
    "imp.visit.inactive": ("this supervisor is no longer active", "该指导员已不在岗"),
    "imp.problem.needs_closed": (
        "a solved or closed problem needs its closing date",
        "已解决或已关闭的问题须填写办结日期",
    ),
    "imp.problem.needs_resolution": (
        "a solved or closed problem needs its resolution",
        "已解决或已关闭的问题须填写解决情况",
    ),
    "imp.problem.closed_not_done": (
        "only a solved or closed problem has a closing date",
        "只有已解决或已关闭的问题才有办结日期",
    ),
    "imp.problem.closed_before": (
        "closed before it was opened ({opened})",
        "办结日期早于提出日期（{opened}）",
    ),
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
    "imp.brand.since": ("a year, e.g. 2019", "应为年份，如 2019"),
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
    "imp.what.welfare_project": ("welfare project", "公益项目"),
    "imp.claim.participants_when_done": (
        "participants only with a completion date",
        "填写完成日期时才填写参与人数",
    ),
    "imp.row_error": ("{column}: {message}", "{column}：{message}"),
    "imp.claim.of_line": ("of line {line}", "第 {line} 行"),
    "imp.meeting.on_line": ("on line {line}", "第 {line} 行"),
    "imp.kind.welfare_claims": ("welfare claims", "公益认领"),
    "imp.resource.capacity": ("at least 1 person", "至少 1 人"),
    "imp.resource.needs_grid": (
        "a resource without an owner enterprise needs its grid",
        "没有提供企业的资源须填写网格",
    ),
    "imp.kind.diary": ("diary entries", "工作日记"),
    "imp.kind.funding": ("funding", "工作经费"),
    "imp.kind.resource_uses": ("resource uses", "资源使用"),
    "imp.what.resource": ("resource", "资源"),
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
    # referrals and chains (kinds_park4)
    "imp.kind.referrals": ("referrals", "联席会议提交问题"),
    "imp.kind.chains": ("chains", "产业链"),
    "imp.what.problem": ("problem", "问题"),
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
    # summaries
    "imp.summary": (
        "{file}: {rows} rows: {inserted} inserted, {updated} updated, {unchanged} unchanged",
        "{file}：共 {rows} 行：新增 {inserted}，更新 {updated}，未变 {unchanged}",
    ),
    "imp.summary.problems": ("; {n} problems opened", "；登记问题 {n} 条"),
    "imp.summary.nothing_new": (
        " (nothing new: already imported)",
        "（无新内容：此前已导入）",
    ),
    "imp.summary.dry": (" [dry run: nothing written]", " [试运行：未写入]"),
    "imp.summary.refused": (
        "{file}: refused, {errors} errors; nothing written",
        "{file}：拒绝导入，共 {errors} 处错误；未写入任何数据",
    ),
    "imp.more_errors": ("{file}: ... and {n} more errors", "{file}：……另有 {n} 处错误"),
    "imp.template.written": ("Wrote template {path}", "已生成模板 {path}"),
    "imp.export.written": ("Exported {n} rows to {path}", "已导出 {n} 行到 {path}"),
    "imp.sample.loaded": ("Sample {kind}: {summary}", "示例数据 {kind}：{summary}"),
    "imp.sample.missing": (
        "sample_data/ not found next to the package: {path}",
        "未找到示例数据目录：{path}",
    ),
    "imp.sample.not_empty": (
        "Sample park not loaded: the ledger already holds {n} enterprises "
        "(the sample loads into an empty ledger only)",
        "未载入示例园区：台账中已有 {n} 家企业（示例只载入空台账）",
    ),
    "imp.bad_output": ("give a .csv or .xlsx file name", "请给出 .csv 或 .xlsx 文件名"),
    # import log columns
    "col.started": ("Started", "开始时间"),
    "col.user": ("User", "操作人"),
    "col.file": ("File", "文件"),
    "col.sha256": ("SHA-256", "SHA-256"),
    "col.dry_run": ("Dry run", "试运行"),
    "col.rows": ("Rows", "行数"),
    "col.inserted": ("Inserted", "新增"),
    "col.updated": ("Updated", "更新"),
    "col.unchanged": ("Unchanged", "未变"),
    "col.errors": ("Errors", "错误"),
    "col.message": ("Message", "说明"),
    # help
    "help.import": (
        "Batch import of registers and work records from CSV or xlsx (all or nothing).",
        "从 CSV 或 xlsx 批量导入台账（全部成功或全部不写入）。",
    ),
    "help.import.kind": (
        "Import {kind} from FILE (.csv in UTF-8/GB18030, or .xlsx). Columns (* required): "
        "{columns}.",
        "从 FILE 导入{kind}（UTF-8/GB18030 编码的 .csv，或 .xlsx）。列（* 为必填）：{columns}。",
    ),
    "help.import.kind.example": (
        "Example: gridctl import {kind} {kind}.xlsx --dry-run",
        "示例：gridctl import {kind} {kind}.xlsx --dry-run",
    ),
    "help.import.file": ("A .csv or .xlsx file.", ".csv 或 .xlsx 文件。"),
    "help.import.dry_run": ("Check everything, write nothing.", "只检查，不写入。"),
    "help.import.json": ("Print one JSON summary object.", "输出一个 JSON 汇总对象。"),
    "help.import.sheet": (
        "Sheet of an xlsx file (default: the first).",
        "xlsx 的工作表名（默认第一个）。",
    ),
    "help.import.template": (
        "Write an empty sheet with the columns of KIND.",
        "生成某类数据的空白导入模板。",
    ),
    "help.import.template.example": (
        "Example: gridctl import template visits -o 走访模板.xlsx",
        "示例：gridctl import template visits -o 走访模板.xlsx",
    ),
    "help.import.log": ("List past imports (the import log).", "列出导入记录。"),
    "help.import.log.example": (
        "Example: gridctl import log --limit 20 --format json",
        "示例：gridctl import log --limit 20 --format json",
    ),
    "help.import.limit": ("Show only the newest N runs.", "只显示最近 N 次。"),
    "help.import.kind_arg": (
        "grids, groups, supervisors, enterprises, visits or problems.",
        "grids、groups、supervisors、enterprises、visits 或 problems。",
    ),
    "help.import.out_template": (
        "Output file (.xlsx or .csv; default KIND.xlsx).",
        "输出文件（.xlsx 或 .csv；默认 KIND.xlsx）。",
    ),
    "help.import.lang": ("Header language: zh or en.", "表头语言：zh 或 en。"),
    "help.export": (
        "Export KIND as import reads it (CSV on stdout, or -o FILE.csv / FILE.xlsx).",
        "按导入格式导出数据（默认 CSV 输出到标准输出，或 -o FILE.csv / FILE.xlsx）。",
    ),
    "help.export.example": (
        "Example: gridctl export enterprises -o 企业.xlsx",
        "示例：gridctl export enterprises -o 企业.xlsx",
    ),
    "help.export.out": ("Output file (.csv or .xlsx).", "输出文件（.csv 或 .xlsx）。"),
}

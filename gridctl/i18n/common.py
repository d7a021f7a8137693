"""Messages every domain shares: errors, usage errors, yes/no, generic details, shared options."""

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
    "error.nothing_to_change": (
        "nothing to change: give at least one option (see --help)",
        "没有要修改的内容：请至少给出一个选项（见 --help）",
    ),
    "error.not_utf8": (
        "argument '{value}' is not valid UTF-8 text; set a UTF-8 locale or re-encode it",
        "参数“{value}”不是有效的 UTF-8 文本；请使用 UTF-8 区域设置或转换编码",
    ),
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
    # outcomes and plain words
    "updated": ("Updated {what}: {fields}", "已更新 {what}：{fields}"),
    "nothing_changed": ("nothing changed", "无变化"),
    "none_found": ("(none)", "（无记录）"),
    "yes": ("yes", "是"),
    "no": ("no", "否"),
    # details of refusals: what is allowed, in the user's language (dates, counts, text)
    "detail.not_date": (
        "{value!r} is not a date; use YYYY-MM-DD, 2026/10/5, 2026.10.5 or 2026年10月5日",
        "“{value}”不是日期，应为 YYYY-MM-DD、2026/10/5、2026.10.5 或 2026年10月5日",
    ),
    "detail.not_real_day": (
        "{value!r} is not a real day (check the month and the day)",
        "“{value}”不是真实存在的日期（请核对月份和日）",
    ),
    "detail.not_month": (
        "{value!r} is not a month; use YYYY-MM, e.g. 2026-10, 2026-1 or 2026年1月",
        "“{value}”不是月份，应为 YYYY-MM，如 2026-10、2026-1 或 2026年1月",
    ),
    "detail.not_quarter": (
        "{value!r} is not a quarter; use YYYYQn: 2026Q3, 2026-Q3 or 2026年第3季度",
        "“{value}”不是季度，应为 YYYYQn，如 2026Q3、2026-Q3 或 2026年第3季度",
    ),
    "detail.not_year": (
        "{value!r} is not a year; use YYYY, e.g. 2026",
        "“{value}”不是年份，应为 YYYY，如 2026",
    ),
    "detail.excel_60": (
        "60 is Excel's fictitious 1900-02-29",
        "60 是 Excel 中并不存在的 1900-02-29",
    ),
    "detail.not_excel_date": ("{value!r} is not an Excel date", "“{value}”不是 Excel 日期"),
    "detail.not_real_file_day": ("{value!r} is not a real day", "“{value}”不是真实存在的日期"),
    "detail.not_file_date": (
        "{value!r} is not a date; use YYYY-MM-DD, 2026/3/5, 2026.3.5 or 2026年3月5日",
        "“{value}”不是日期，应为 YYYY-MM-DD、2026/3/5、2026.3.5 或 2026年3月5日",
    ),
    "detail.empty": ("must not be empty", "不能为空"),
    # what a reference not found might have meant (gridctl/registers/suggest.py)
    "detail.sep": (", ", "、"),
    "detail.closest": ("; did you mean: {candidates}", "；是否要找：{candidates}"),
    "detail.existing": ("; there are: {names}", "；现有：{names}"),
    "detail.none_exist": ("; there are none yet", "；目前还没有"),
    "detail.and_more": (" … ({count} in all)", " ……（共 {count} 个）"),
    "detail.not_negative": ("must be 0 or more", "不能小于 0"),
    "detail.allowed": ("allowed: {allowed}", "可选：{allowed}"),
    "detail.not_record_id": (
        "{value!r} is not a record id; use a whole number such as 12",
        "“{value}”不是记录编号，应为整数，如 12",
    ),
    "detail.zero_or_more": ("0 or more", "应为 0 或以上"),
    "detail.at_least_one": ("at least 1", "至少为 1"),
    "detail.not_future": ("cannot be in the future", "不能晚于今天"),
    "detail.control_chars": ("control characters are not allowed", "不允许包含控制字符"),
    "detail.too_long": ("at most {limit} characters", "最多 {limit} 个字符"),
    # help: the app
    "help.app": (
        "The ledger of a park's grid-based party-building guidance scheme.",
        "园区网格化党建指导工作台账。",
    ),
    "help.app.example": (
        "Example: gridctl --db park.db visit add -s S001 -e 合肥芯联 --notes 了解党员发展情况",
        "示例：gridctl --db park.db visit add -s S001 -e 合肥芯联 --notes 了解党员发展情况",
    ),
    # help: the options commands of several domains share
    "help.opt.db": (
        "Ledger: a file path or a SQLAlchemy URL (default: $GRIDCTL_DB, else the user data dir).",
        "台账：文件路径或 SQLAlchemy URL（默认 $GRIDCTL_DB，否则用户数据目录）。",
    ),
    "help.opt.version": ("Show the version and exit.", "显示版本号。"),
    "help.opt.format": ("Output format: table, csv or json.", "输出格式：table、csv 或 json。"),
    "help.opt.month": (
        "Month, YYYY-MM (2026-1, 2026年1月 too).",
        "月份，YYYY-MM（也可写 2026-1、2026年1月）。",
    ),
    "help.opt.quarter": (
        "Quarter, YYYYQn (2026Q3, 2026-Q3, 2026年第3季度).",
        "季度，YYYYQn（如 2026Q3、2026-Q3、2026年第3季度）。",
    ),
    "help.opt.date": ("Date, YYYY-MM-DD (default: today).", "日期，YYYY-MM-DD（默认今天）。"),
    "help.arg.name": ("Name.", "名称。"),
    "help.arg.supervisor": ("Supervisor code or name.", "指导员编号或姓名。"),
    "help.arg.enterprise": ("Credit code or enterprise name.", "统一社会信用代码或企业名称。"),
    "help.opt.group": ("Guidance group name.", "指导组名称。"),
    "help.opt.grid_filter": (
        "Grid code (a level-1 grid includes its level-2 grids).",
        "网格编码（一级网格含其下二级网格）。",
    ),
    "help.opt.new_name": ("New name.", "新名称。"),
    "help.opt.supervisor": ("Supervisor code or name.", "指导员编号或姓名。"),
    "help.opt.enterprise": ("Credit code or enterprise name.", "统一社会信用代码或企业名称。"),
    "help.opt.participants": ("How many took part.", "参加人数。"),
    "help.opt.year": ("Year, YYYY.", "年度，YYYY。"),
    "help.opt.description": ("Description.", "说明。"),
}

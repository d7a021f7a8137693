"""Messages of the import engine: the file, headers, cells, references, summaries, help."""

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
    "imp.file.no_encoding": (
        "no such encoding '{encoding}'; give utf-8, gb18030 or big5",
        "没有“{encoding}”这种编码，请给出 utf-8、gb18030 或 big5",
    ),
    "imp.file.not_stated": (
        "not {encoding} text (bytes on this line cannot be decoded as {encoding})",
        "不是 {encoding} 编码的文本（此行有无法按 {encoding} 解码的字节）",
    ),
    "imp.file.big5": (
        "not UTF-8 or GB18030 text, but it reads as Big5 (Traditional Chinese): if it is, "
        "import it again with --encoding big5, or save it as CSV UTF-8",
        "不是 UTF-8 或 GB18030 编码，但可按 Big5（繁体中文）读取：如确为 Big5，"
        "请加 --encoding big5 重新导入，或另存为 CSV UTF-8",
    ),
    "imp.file.two_readings": (
        "the encoding cannot be told: as UTF-8 the text reads '{utf8}', as GB18030 '{gb}'; "
        "import it again with --encoding utf-8 or --encoding gb18030, or save it as CSV UTF-8",
        "无法确定编码：按 UTF-8 读为“{utf8}”，按 GB18030 读为“{gb}”；"
        "请加 --encoding utf-8 或 --encoding gb18030 重新导入，或另存为 CSV UTF-8",
    ),
    "imp.file.gb_or_big5": (
        "the encoding cannot be told: as GB18030 the text reads '{gb}', as Big5 '{big5}'; "
        "import it again with --encoding gb18030 or --encoding big5, or save it as CSV UTF-8",
        "无法确定编码：按 GB18030 读为“{gb}”，按 Big5 读为“{big5}”；"
        "请加 --encoding gb18030 或 --encoding big5 重新导入，或另存为 CSV UTF-8",
    ),
    "imp.file.private": (
        "private-use characters on this line (they show as nothing): the file is not in the "
        "encoding it was read as{hint}; save it as CSV UTF-8",
        "此行有私用区字符（显示为空白）：文件的编码与读取所用的编码不符{hint}；请另存为 CSV UTF-8",
    ),
    "imp.file.private.big5": (
        " (it reads as Big5: import it again with --encoding big5)",
        "（可按 Big5 读取：请加 --encoding big5 重新导入）",
    ),
    "imp.file.merges": (
        "the sheet has merged cells and they cannot be read here; unmerge them (fill the "
        "value into each cell) and import again",
        "工作表含合并单元格，无法读取；请取消合并（每个单元格都填上值）后重新导入",
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
    "imp.file.csv": (
        "not a readable CSV file: {detail}",
        "无法读取的 CSV 文件：{detail}",
    ),
    "imp.file.dtd": (
        "refused: {part} declares a DTD or entities (Excel never does: entity expansion?)",
        "拒绝：{part} 含有 DTD 或实体声明（Excel 不会生成；疑为实体扩展攻击）",
    ),
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
    "imp.cell.code_number": (
        "a number, not text: Excel keeps only 15 digits of a number (and drops leading "
        "zeros), so this is not the code that was typed; format the column as text (文本) "
        "and type the codes again",
        "是数字而非文本：Excel 的数字只保留 15 位有效数字（并去掉开头的 0），"
        "此值已不是录入的代码；请将该列设置为文本格式后重新录入代码",
    ),
    "imp.cell.date_range": (
        "not a day of a work record: they fall between {first} and today ({last})",
        "不是工作记录的日期：应在 {first} 至今天（{last}）之间",
    ),
    "imp.cell.date_number": (
        "a number, not a date (as an Excel date it is not between {first} and {last}); "
        "type the date as 2026-10-05 or format the cell as a date",
        "是数字而非日期（按 Excel 日期不在 {first} 至 {last} 之间）；"
        "请按 2026-10-05 填写日期，或将单元格设置为日期格式",
    ),
    "imp.cell.date_digits": (
        "digits, not a date; write the date as 2026-10-05",
        "是数字而非日期，请按 2026-10-05 填写",
    ),
    "imp.cell.date_month": (
        "a month, not a day; write the day, e.g. 2026-10-05",
        "只有月份，没有日；请填写具体日期，如 2026-10-05",
    ),
    "imp.cell.no_such_day": ("no such day", "日期不存在"),
    "imp.cell.count": ("not a whole number of 0 or more", "不是非负整数"),
    "imp.cell.yes_no": ("not yes/no (是/否)", "应为 是/否（yes/no）"),
    "imp.row.duplicate": (
        "same record as line {first} (duplicate in this file)",
        "与第 {first} 行重复（同一文件内）",
    ),
    "imp.row_error": ("{column}: {message}", "{column}：{message}"),
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
    "imp.what.welfare_project": ("welfare project", "公益项目"),
    "imp.what.resource": ("resource", "资源"),
    "imp.what.problem": ("problem", "问题"),
    # summaries and written files
    "imp.summary": (
        "{file}: {rows} rows: {inserted} inserted, {updated} updated, {unchanged} unchanged",
        "{file}：共 {rows} 行：新增 {inserted}，更新 {updated}，未变 {unchanged}",
    ),
    "imp.summary.encoding": (" (read as {name})", "（按 {name} 读取）"),
    "imp.summary.sheet": (" (sheet {name})", "（工作表 {name}）"),
    "imp.log.sheet": ("sheet {name}", "工作表 {name}"),
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
    "imp.bad_output": ("give a .csv or .xlsx file name", "请给出 .csv 或 .xlsx 文件名"),
    # the sample park (gridctl init --sample, gridctl/sample.py)
    "imp.sample.file_loaded": ("Loaded {file}: {count} rows", "已载入 {file}：{count} 行"),
    "imp.sample.missing": (
        "sample_data/ not found next to the package: {path}",
        "未找到示例数据目录：{path}",
    ),
    "imp.sample.not_empty": (
        "Sample park not loaded: the ledger already holds {n} enterprises "
        "(the sample loads into an empty ledger only)",
        "未载入示例园区：台账中已有 {n} 家企业（示例只载入空台账）",
    ),
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
    "help.import.encoding": (
        "Encoding of a CSV file (utf-8, gb18030, big5); default: decided from the bytes, "
        "refused when they do not tell.",
        "CSV 文件的编码（utf-8、gb18030、big5）；默认按字节判断，无法判断时拒绝导入。",
    ),
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

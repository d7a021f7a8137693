"""Messages of how an import file is laid out: its header row, the columns and rows it holds
besides the records, and the spreadsheet formats read."""

MESSAGES: dict[str, tuple[str, str]] = {
    # a strict import refuses what an ordinary one ignores and names
    "lay.strict.row_number": (
        "a row-number column, not read; a strict import refuses it: delete the column",
        "序号列，不导入；严格模式下拒绝：请删除该列",
    ),
    "lay.strict.not_read": (
        "a column this kind does not read; a strict import refuses it: delete the column",
        "本类数据不读取此列；严格模式下拒绝：请删除该列",
    ),
    "lay.strict.no_header": (
        "data in a column without a header; a strict import refuses it: name the column or "
        "clear it",
        "无表头的列中有数据；严格模式下拒绝：请填写列名或清空该列",
    ),
    "help.import.strict": (
        "Refuse columns the kind does not read (序号 and the like) instead of ignoring them.",
        "拒绝本类不读取的列（如序号），而不是忽略。",
    ),
    # what the summary says of the layout
    "lay.summary.header": ("header on line {line}", "表头在第 {line} 行"),
    "lay.summary.ignored": ("columns not read: {columns}", "未导入的列：{columns}"),
    "lay.summary.skipped": (
        "rows skipped, not records: {rows}",
        "跳过的非数据行：{rows}",
    ),
    "lay.reason.row_number": ("row numbers", "序号"),
    "lay.reason.not_read": ("not read by this kind", "本类不读取"),
    "lay.reason.no_header": ("no header", "无表头"),
    "lay.more": ("and {n} more", "等另 {n} 个"),
    # spreadsheet formats
    "lay.file.suffix": (
        "'{suffix}' files are not read; give a .csv, .xlsx, .xls, .xlsb or .ods file",
        "不支持“{suffix}”文件，请提供 .csv、.xlsx、.xls、.xlsb 或 .ods 文件",
    ),
    "lay.file.not_workbook": (
        "not a readable {suffix} workbook (damaged, or another file renamed?)",
        "无法读取的 {suffix} 工作簿（文件损坏或改了扩展名？）",
    ),
    # the template
    "lay.tpl.guide": ("How to fill in", "填表说明"),
    "lay.tpl.lists": ("lists", "选项"),
    "lay.tpl.head.column": ("column", "列名"),
    "lay.tpl.head.required": ("required", "必填"),
    "lay.tpl.head.holds": ("what it holds", "填写内容"),
    "lay.tpl.head.example": ("example", "示例"),
    "lay.tpl.date": (
        "a day: 2026-10-05, 2026/10/5 or 2026年10月5日",
        "日期：2026-10-05、2026/10/5 或 2026年10月5日",
    ),
    "lay.tpl.count": ("a whole number, 0 or more", "整数（0 或以上）"),
    "lay.tpl.choice": ("one of: {values} (drop-down list)", "从下拉列表选择：{values}"),
    "lay.tpl.text": (
        "text (the column is formatted as text: codes and phone numbers keep every digit)",
        "文本（本列已设为文本格式，代码和电话号码不会丢位）",
    ),
    "lay.tpl.invalid_title": ("Not in the list", "不在可选范围内"),
    "lay.tpl.invalid": ("Choose a value from the drop-down list.", "请从下拉列表中选择。"),
    "lay.tpl.note": (
        "Columns marked * are required. Keep the header row; rows above it (a title) and "
        "columns the import does not read (序号) may be added.",
        "带 * 的列为必填。请保留表头行；表头上方可加标题行，也可加序号等不导入的列。",
    ),
}

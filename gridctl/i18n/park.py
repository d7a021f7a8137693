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
}

"""Messages of the lists that grow: paging them (--limit, --offset, --all) and what a page shows."""

MESSAGES: dict[str, tuple[str, str]] = {
    "help.opt.limit": (
        "Show at most N rows (a table shows 50 unless told; JSON and CSV give every row).",
        "最多显示 N 条（表格默认显示 50 条；JSON 和 CSV 默认输出全部）。",
    ),
    "help.opt.offset": (
        "Skip the first N rows (with --limit: page through the list).",
        "跳过前 N 条（配合 --limit 翻页）。",
    ),
    "help.opt.all": ("Show every row.", "显示全部记录。"),
    "error.all_and_limit": (
        "cannot be given with --limit: give one of them",
        "不能与 --limit 同时给出：二者选一",
    ),
    "lists.shown": (
        "showing {shown:,} of {total:,}; --all or --limit N",
        "显示 {shown:,} / {total:,} 条；--all 或 --limit N",
    ),
    "lists.shown_from": (
        "showing {first:,}-{last:,} of {total:,}; next page: --offset {next}",
        "显示第 {first:,}-{last:,} 条 / 共 {total:,} 条；下一页：--offset {next}",
    ),
    "lists.shown_end": (
        "showing {first:,}-{last:,} of {total:,} (the end)",
        "显示第 {first:,}-{last:,} 条 / 共 {total:,} 条（已到末尾）",
    ),
    "lists.past_end": (
        "nothing at --offset {offset}: the list has {total:,}",
        "--offset {offset} 之后没有记录：共 {total:,} 条",
    ),
}

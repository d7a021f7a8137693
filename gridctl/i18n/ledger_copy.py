"""Messages of `gridctl db copy`, moving a whole ledger to another: (English, 中文)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "copy.same_ledger": (
        "is the ledger being copied; name another database",
        "就是要复制的台账本身，请指定另一个数据库",
    ),
    "copy.unknown_tables": (
        "holds tables gridctl does not know ({names}); they would be left behind, so nothing "
        "was copied",
        "含有 gridctl 不认识的表（{names}），复制会遗漏它们，因此未复制任何内容",
    ),
    "copy.not_empty": (
        "is not empty: table {table} holds {count} row(s); copy into an empty database only "
        "(nothing was copied)",
        "不是空台账：表 {table} 已有 {count} 条记录；只能复制到空数据库（未复制任何内容）",
    ),
    "copy.count": (
        "table {table} has {have} rows after the copy, the source {want}; nothing was copied",
        "复制后表 {table} 有 {have} 条记录，源台账有 {want} 条；未复制任何内容",
    ),
    "copy.chain": (
        "the copied audit trail does not hold ({detail}); nothing was copied",
        "复制后的审计链校验未通过（{detail}）；未复制任何内容",
    ),
    "copy.done": (
        "Copied {rows} rows in {tables} tables from {source} to {dest} (schema {rev}): every "
        "table's count matches and the audit chain holds",
        "已将 {source} 的 {tables} 张表共 {rows} 条记录复制到 {dest}（结构版本 {rev}）："
        "各表记录数一致，审计链校验通过",
    ),
    "help.db.copy": (
        "Copy the whole ledger into another, empty one (e.g. the SQLite file to the shared "
        "PostgreSQL server): ids, audit trail and logs as they are, counts checked; all or "
        "nothing.",
        "将整个台账复制到另一个空台账（如从 SQLite 文件迁到共享的 PostgreSQL 服务器）："
        "编号、审计记录和日志原样保留，逐表核对记录数；要么全部复制，要么不复制。",
    ),
    "help.db.copy.example": (
        "Example: gridctl --db park.db db copy --to postgresql://zhao_zhan@db.park.local/park",
        "示例：gridctl --db park.db db copy --to postgresql://zhao_zhan@db.park.local/park",
    ),
    "help.opt.copy_to": (
        "The ledger to copy into: a file path or a database URL; created or upgraded to the "
        "newest schema, and empty.",
        "复制到的台账：文件路径或数据库 URL；会创建或升级到最新结构，且必须为空。",
    ),
}

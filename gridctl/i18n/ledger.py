"""Messages of the ledger: set-up (init), schema, care (db) and the audit trail: (English, 中文)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # set-up (gridctl init), the schema and the session
    "init.created": (
        "Created ledger {where} at schema {rev}",
        "已创建台账 {where}（结构版本 {rev}）",
    ),
    "init.current": (
        "Ledger {where} is already at the newest schema {rev}",
        "台账 {where} 已是最新结构版本 {rev}",
    ),
    "init.upgraded": (
        "Upgraded ledger {where} from schema {before} to {rev}",
        "台账 {where} 已从结构版本 {before} 升级到 {rev}",
    ),
    "help.init": (
        "Create the ledger, or upgrade it to the newest schema; safe to run again.",
        "创建台账，或升级到最新结构；可重复运行。",
    ),
    "help.init.example": (
        "Example: gridctl --db park.db init --sample",
        "示例：gridctl --db park.db init --sample",
    ),
    "help.init.sample": (
        "Also load the sample park from sample_data/.",
        "同时载入 sample_data/ 中的示例园区。",
    ),
    "detail.no_migrations": (
        "migration scripts not found; reinstall gridctl",
        "找不到数据库迁移脚本，请重新安装 gridctl",
    ),
    "field.migrations": ("migrations", "迁移脚本"),
    "field.schema": ("schema", "台账结构"),
    "detail.broken_keys": (
        "{n} broken foreign keys after upgrade",
        "升级后有 {n} 处外键不一致",
    ),
    "detail.retries_exhausted": (
        "the transaction was aborted by other writers ({sqlstate}) {n} times and given up; "
        "nothing was written; run the command again",
        "事务 {n} 次因与其他写入冲突被数据库中止（{sqlstate}），已放弃；"
        "未写入任何内容，请重新运行该命令",
    ),
    "detail.no_ledger": (
        "no ledger there; run `gridctl init` first",
        "此处没有台账，请先运行 gridctl init",
    ),
    "detail.old_schema": (
        "schema is {rev}; run `gridctl init` to create or upgrade it",
        "台账结构版本为 {rev}，请运行 gridctl init 创建或升级",
    ),
    # db: backup, restore, check, info
    "db.backed_up": (
        "Backed up {source} to {dest} ({bytes} bytes, schema {rev})",
        "已将 {source} 备份到 {dest}（{bytes} 字节，结构版本 {rev}）",
    ),
    "db.restored": (
        "Restored {dest} from {source} (schema {rev})",
        "已从 {source} 恢复台账 {dest}（结构版本 {rev}）",
    ),
    "db.restored_old": (
        "The backup is at schema {rev}: run `gridctl init` to bring it to {head}",
        "备份的结构版本为 {rev}：请运行 `gridctl init` 升级到 {head}",
    ),
    "db.check_ok": ("The ledger passes every check", "台账通过全部检查"),
    "db.check_failed": (
        "the ledger fails {count} check(s): {names}",
        "台账未通过 {count} 项检查：{names}",
    ),
    "db.result.ok": ("ok", "通过"),
    "db.result.failed": ("FAILED", "未通过"),
    "db.result.na": ("n/a", "不适用"),
    # db check: what each check found
    "db.check.schema": ("{rev} (newest {head})", "{rev}（最新 {head}）"),
    "db.check.empty_schema": ("empty", "空"),
    "db.check.fk_row": ("{table} row {row} -> {parent}", "{table} 第 {row} 行 -> {parent}"),
    "db.check.broken": ("{n} broken", "{n} 处不一致"),
    "db.check.unvalidated": ("{n} not validated", "{n} 项未校验"),
    "db.check.no_audit": ("no audit trail in this schema", "此结构版本没有审计记录"),
    "db.check.audit_entries": ("{n} entries", "共 {n} 条"),
    "db.check.audit_bad": ("entry {seq}: {problem}", "第 {seq} 条：{problem}"),
    "db.check.audit.content": ("content", "内容与哈希不符"),
    "db.check.audit.link": ("link", "与上一条不衔接"),
    "db.check.audit.missing": ("missing:{expected}", "缺少第 {expected} 条"),
    "db.check.no_points": ("no points tables in this schema", "此结构版本没有积分表"),
    "db.check.points": ("{n} problems{hint}", "{n} 处问题{hint}"),
    "db.check.recompute_hint": (
        "; run `gridctl points recompute`",
        "；请运行 gridctl points recompute",
    ),
    "db.check.orphan": (
        "point entry {id}: its {record} is gone",
        "积分记录 {id}：对应的{record}已不存在",
    ),
    "db.check.stranger": (
        "point entry {id}: credited to another supervisor than its visit's",
        "积分记录 {id}：计入了走访指导员以外的人",
    ),
    "db.record.visit": ("visit", "走访"),
    "db.record.problem": ("problem", "问题"),
    "db.record.activity": ("activity", "活动"),
    "db.record.award": ("award", "成效"),
    # details of ledger care's refusals
    "detail.db.pg_backup": (
        "a PostgreSQL ledger is backed up with the server's tools: "
        "pg_dump --format=custom --file=FILE DBNAME "
        "(restore with pg_restore --clean -d DBNAME FILE)",
        "PostgreSQL 台账请用数据库服务器的工具备份：pg_dump --format=custom --file=FILE DBNAME"
        "（用 pg_restore --clean -d DBNAME FILE 恢复）",
    ),
    "detail.db.backup_needs_file": ("backup needs a ledger file", "备份需要台账文件"),
    "detail.db.restore_needs_file": ("restore needs a ledger file", "恢复需要台账文件"),
    "detail.db.nothing_to_back_up": (
        "no ledger there; nothing to back up",
        "此处没有台账，无可备份",
    ),
    "detail.db.backup_is_ledger": (
        "the backup must not be the ledger itself",
        "备份文件不能是台账本身",
    ),
    "detail.db.backup_exists": (
        "exists; add --force to overwrite it",
        "文件已存在；如需覆盖，请加 --force",
    ),
    "detail.db.no_folder": ("its folder does not exist", "所在文件夹不存在"),
    "detail.db.copy_integrity": (
        "the copy fails its integrity check: {status}",
        "副本未通过完整性检查：{status}",
    ),
    "detail.db.no_file": ("no such file", "文件不存在"),
    "detail.db.not_sqlite": (
        "not a gridctl ledger (not an SQLite database)",
        "不是 gridctl 台账（不是 SQLite 数据库）",
    ),
    "detail.db.no_table": (
        "not a gridctl ledger (no table {table})",
        "不是 gridctl 台账（缺少表 {table}）",
    ),
    "detail.db.unknown_schema": (
        "schema {rev} is unknown to this gridctl",
        "本版 gridctl 无法识别结构版本 {rev}",
    ),
    "detail.db.integrity": (
        "fails its integrity check: {status}",
        "未通过完整性检查：{status}",
    ),
    "detail.db.unreadable": ("not a readable ledger: {error}", "无法读取的台账：{error}"),
    "detail.db.ledger_exists": (
        "a ledger exists there; add --force to replace it",
        "此处已有台账；如需替换，请加 --force",
    ),
    "detail.db.restore_is_ledger": ("is the ledger itself", "是台账本身，不能用于恢复"),
    # audit: the trail of changes and its hash chain
    "audit.verified": (
        "Audit trail intact: {count} entries, every link checked",
        "审计记录完整：共 {count} 条，逐条核验无误",
    ),
    "audit.anchor": (
        "Anchor (keep it outside the ledger; check with --anchor): {anchor}",
        "锚点（请保存在台账之外，日后用 --anchor 核验）：{anchor}",
    ),
    "audit.why.cut": (
        "the trail ends at entry {expected}: newer entries were removed",
        "审计记录只到第 {expected} 条：之后的记录已被删除",
    ),
    "audit.why.anchor": (
        "its hash is not the anchor's: the trail was rewritten from here or earlier",
        "其哈希与锚点不符：审计记录自此条或更早处被改写",
    ),
    "audit.broken": (
        "audit trail broken at entry {seq}: {why}",
        "审计记录在第 {seq} 条处断裂：{why}",
    ),
    "audit.why.content": (
        "its contents do not match its hash (changed behind gridctl's back)",
        "内容与其哈希不符（有人绕过 gridctl 修改了记录）",
    ),
    "audit.why.link": (
        "it does not follow the entry before it (entries changed, removed or inserted)",
        "与上一条记录不衔接（记录被修改、删除或插入）",
    ),
    "audit.why.missing": (
        "entry {expected} is missing (removed behind gridctl's back)",
        "缺少第 {expected} 条（有人绕过 gridctl 删除了记录）",
    ),
    "detail.audit_anchor": (
        "SEQ:HASH as `gridctl audit verify` printed it (at least 16 hex digits of the hash)",
        "应为 `gridctl audit verify` 输出的“序号:哈希”（哈希至少 16 位十六进制数字）",
    ),
    # help: db
    "help.db": (
        "Look after the ledger: backup, restore, check, info.",
        "台账维护：备份、恢复、检查、概况。",
    ),
    "help.db.backup": (
        "Copy the ledger to FILE, consistently even while others write (SQLite).",
        "将台账备份到 FILE（SQLite；他人写入时亦保持一致）。",
    ),
    "help.db.backup.example": (
        "Example: gridctl db backup backups/park-2026-11-24.db",
        "示例：gridctl db backup backups/park-2026-11-24.db",
    ),
    "help.db.restore": (
        "Replace the ledger with a backup FILE (checked first; --force to overwrite).",
        "用备份 FILE 恢复台账（先校验；覆盖现有台账需 --force）。",
    ),
    "help.db.restore.example": (
        "Example: gridctl --db park.db db restore backups/park-2026-11-24.db --force",
        "示例：gridctl --db park.db db restore backups/park-2026-11-24.db --force",
    ),
    "help.db.check": (
        "Check integrity, foreign keys, schema, the audit chain and points; exit 1 on a fault.",
        "检查完整性、外键、结构版本、审计链和积分；发现问题时退出码为 1。",
    ),
    "help.db.check.example": ("Example: gridctl db check", "示例：gridctl db check"),
    "help.db.info": (
        "Where the ledger is, its engine, schema revision and row counts.",
        "台账位置、数据库类型、结构版本和各表记录数。",
    ),
    "help.db.info.example": (
        "Example: gridctl db info --format json",
        "示例：gridctl db info --format json",
    ),
    "help.arg.backup_file": ("Backup file to write.", "要写入的备份文件。"),
    "help.arg.restore_file": ("Backup file to restore from.", "要恢复的备份文件。"),
    "help.opt.force_backup": ("Overwrite FILE if it exists.", "FILE 已存在时覆盖。"),
    "help.opt.force_restore": ("Replace an existing ledger.", "覆盖现有台账。"),
    # help: audit
    "help.audit": (
        "The audit trail of changes to registers, points and imports.",
        "登记册、积分和导入的变更审计记录。",
    ),
    "help.audit.log": ("Show the audit trail, oldest first.", "按时间顺序显示审计记录。"),
    "help.audit.log.example": (
        "Example: gridctl audit log --since 2026-11-01 --table enterprise",
        "示例：gridctl audit log --since 2026-11-01 --table enterprise",
    ),
    "help.audit.verify": (
        "Check the hash chain; exit 1 naming the first entry that does not hold.",
        "核验哈希链；发现问题时指出第一条有问题的记录并以 1 退出。",
    ),
    "help.audit.verify.example": (
        "Example: gridctl audit verify --anchor 1532:9f86d081884c7d65",
        "示例：gridctl audit verify --anchor 1532:9f86d081884c7d65",
    ),
    "help.opt.audit_anchor": (
        "An anchor printed by an earlier verify: entry SEQ must still have that hash.",
        "此前核验输出的锚点：第 SEQ 条记录的哈希必须仍与之相同。",
    ),
    "help.opt.audit_since": (
        "Only entries from this date on (UTC), YYYY-MM-DD.",
        "仅显示该日期（UTC）起的记录。",
    ),
    "help.opt.audit_table": (
        "Only this table (grid, guidance_group, supervisor, enterprise, ...).",
        "仅显示该表（grid、guidance_group、supervisor、enterprise 等）。",
    ),
}

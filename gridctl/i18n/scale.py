"""Messages of working at scale: waiting for another writer: (English, 中文)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "scale.waiting_for_writer": (
        "{command} (pid {pid}, since {since}) is writing to the ledger {where}; waiting for it "
        "to finish…",
        "{command}（进程 {pid}，{since} 开始）正在写入台账 {where}，正在等待它写完……",
    ),
    "scale.locked_by_other": (
        "another program has held the ledger's write lock for {seconds} s (not gridctl: the "
        "sqlite3 shell or a viewer with a change open?); finish or close it, then run the "
        "command again; nothing was written",
        "另一个程序（不是 gridctl，可能是 sqlite3 命令行或查看工具里未完成的修改）已占用台账写锁 "
        "{seconds} 秒；请让它完成或关闭后重新运行；未写入任何内容",
    ),
    "scale.locked_by_stuck": (
        "{command} (pid {pid}, since {since}) holds the ledger's write lock and has done "
        "nothing for {idle} s; if it hangs, stop it (kill {pid}) and run the command again; "
        "nothing was written",
        "{command}（进程 {pid}，{since} 开始）占用台账写锁，已 {idle} 秒没有进展；如已卡住，"
        "请结束它（kill {pid}）后重新运行；未写入任何内容",
    ),
    "scale.locked_by_stopped": (
        "{command} (pid {pid}, since {since}) holds the ledger's write lock but is stopped "
        "(suspended with Ctrl-Z?); resume it (fg) or stop it (kill {pid}), then run the "
        "command again; nothing was written",
        "{command}（进程 {pid}，{since} 开始）占用台账写锁但已暂停（按了 Ctrl-Z？）；请恢复"
        "（fg）或结束它（kill {pid}）后重新运行；未写入任何内容",
    ),
    "scale.waiting_for_lock": (
        "Another program is writing to the ledger {where}; waiting for it to finish…",
        "另一个程序正在写入台账 {where}，正在等待它写完……",
    ),
}

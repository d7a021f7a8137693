"""Messages of working at scale: waiting for another writer: (English, 中文)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "scale.waiting_for_lock": (
        "Another program is writing to the ledger {where}; waiting for it to finish…",
        "另一个程序正在写入台账 {where}，正在等待它写完……",
    ),
}

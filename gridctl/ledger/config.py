"""Resolve which ledger a command works on: --db, then GRIDCTL_DB, then the user data dir."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ENV_VAR = "GRIDCTL_DB"


@dataclass(frozen=True)
class Target:
    """A resolved ledger: its SQLAlchemy URL and, for SQLite, the file."""

    url: str
    path: Path | None

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    def display(self) -> str:
        if self.path is not None:
            return str(self.path)
        # Hide a password in a server URL.
        head, sep, tail = self.url.partition("@")
        if sep and ":" in head.split("//", 1)[-1]:
            scheme, _, creds = head.partition("//")
            return f"{scheme}//{creds.split(':')[0]}:***@{tail}"
        return self.url


def default_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("gridctl", appauthor=False)) / "ledger.db"


def resolve(option: str | None) -> Target:
    raw = option or os.environ.get(ENV_VAR) or str(default_path())
    if "://" in raw:
        if raw.startswith("sqlite:///"):
            name = raw[len("sqlite:///") :]
            path = None if name in ("", ":memory:") else Path(name).expanduser()
            return Target(raw, path)
        if raw.startswith("postgresql://"):
            # One driver for PostgreSQL: psycopg 3.
            raw = "postgresql+psycopg://" + raw[len("postgresql://") :]
        return Target(raw, None)
    path = Path(raw).expanduser().resolve()
    return Target(f"sqlite:///{path}", path)

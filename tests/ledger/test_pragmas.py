"""The SQLite connection's pragmas, read back from a connection the ledger's engine opens."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from gridctl.ledger.config import resolve
from gridctl.ledger.session import make_engine

pytestmark = pytest.mark.sqlite_only


def _pragma(engine: Engine, name: str) -> object:
    with engine.connect() as conn:
        return conn.exec_driver_sql(f"PRAGMA {name}").scalar()


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(resolve(str(tmp_path / "ledger.db")))
    yield engine
    engine.dispose()


def test_page_cache_is_256_mib(engine: Engine) -> None:
    # Negative: a size in KiB. 256 MiB = 262,144 KiB, against SQLite's default of 2,000 KiB.
    assert _pragma(engine, "cache_size") == -262_144


def test_mmap_covers_gigabytes(engine: Engine) -> None:
    import sqlite3

    # The build's ceiling: SQLite clamps the request to it (0 would mean mmap is off).
    con = sqlite3.connect(":memory:")
    ceiling = next(
        int(opt.split("=")[1], 0)
        for (opt,) in con.execute("PRAGMA compile_options")
        if opt.startswith("MAX_MMAP_SIZE=")
    )
    con.close()
    got = _pragma(engine, "mmap_size")
    assert ceiling > 0
    assert got == min(ceiling, 16 * 1024**3)


def test_every_connection_gets_them(engine: Engine) -> None:
    # Two connections at once: the pragmas are per connection, set by the connect event.
    deferred = engine.execution_options(sqlite_begin="DEFERRED")
    with deferred.connect() as a, deferred.connect() as b:
        for conn in (a, b):
            assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -262_144
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1

"""A million-row visits file imports in bounded memory (make test-big; a few minutes)."""

from __future__ import annotations

import importlib.util
import sqlite3
from pathlib import Path

import pytest

BENCH = Path(__file__).parents[2] / "bench" / "import.py"


def _bench():  # bench/import.py: `import` is a keyword, so load it by path
    spec = importlib.util.spec_from_file_location("bench_import", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@pytest.mark.bigdata
def test_million_visits_in_bounded_memory(tmp_path):
    bench = _bench()
    db = tmp_path / "big.db"
    bench.build_ledger(db)
    rows = bench.make_rows(1_000_000)
    file = tmp_path / "visits.csv"
    bench.write_csv(file, rows)
    del rows
    _, summary, max_rss_kib = bench.time_gridctl(db, file)
    assert summary.endswith("1000000 rows: 1000000 inserted, 0 updated, 0 unchanged")
    assert sqlite3.connect(db).execute("SELECT count(*) FROM visit").fetchone() == (1_000_000,)
    # Records spool to disk past 100,000; what stays is the look-ups and the key hashes.
    assert max_rss_kib < 600 * 1024

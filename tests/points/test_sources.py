"""The points sources registry: each entry keeps the contract the scheme relies on."""

from __future__ import annotations


def test_every_source_selects_its_records_dated_by_an_indexed_column():
    from gridctl.points.sources import SOURCES

    for source in SOURCES:
        columns = source.records().selected_columns
        assert len(columns) == 5, source.rule  # id, supervisor, date, enterprise, kind
        day = columns[2]
        # derive range-scans the date column of every source: it must lead an index.
        leading = {next(iter(ix.columns)).name for ix in day.table.indexes}
        assert day.name in leading, (source.rule, day.table.name, day.name)


def test_the_rules_file_allows_exactly_the_sources_rules():
    from gridctl.points import rules
    from gridctl.points.sources import SOURCES

    assert rules.RULES == tuple(s.rule for s in SOURCES)
    assert set(rules.PER_ENTERPRISE) == {"visit", "problem-collected", "problem-solved", "welfare"}
    assert set(rules.KIND_VOCAB) == {"activity", "award"}

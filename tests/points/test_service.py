"""The service API other areas call (reports): standings, subsidy_rows, sync; the schema."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import create_engine
from sqlmodel import Session

from gridctl.dates import month, quarter
from tests.points import test_points_cli as test_points
from tests.points.test_points_cli import E1, E2, visit

rules_file = test_points.rules_file  # the test rules file fixture


def test_standings_and_subsidy_rows_return_decimals_and_print_nothing(
    cli, park, rules_file, db_path, capsys
):
    visit(cli, "S001", E1, "2025-03-01")
    visit(cli, "S001", E2, "2025-03-02")
    capsys.readouterr()
    from gridctl.points.derive import sync
    from gridctl.points.standings import standings
    from gridctl.points.subsidy import subsidy_rows

    engine = create_engine(f"sqlite:///{db_path}")
    with Session(engine) as session:
        counts = sync(session)
        assert counts["visit"] == 2 and sync(session)["visit"] == 0
        rows = standings(session, period=month("2025-03"))
        assert rows[0].supervisor == "S001" and rows[0].total == Decimal("2")
        assert isinstance(rows[0].problems, Decimal) and rows[0].rank == 1
        grouped = standings(session, period=None, group="第二指导组")
        assert [r.supervisor for r in grouped] == ["S003", "S004"]
        money = subsidy_rows(session, period=month("2025-03"))
        assert money[0].subsidy == Decimal("126.66")  # 100 + 2*10 + 2*3.33
        q = subsidy_rows(session, period=quarter("2025Q1"))
        assert q[0].reward_tier == "一等奖" and q[0].amount == Decimal("626.66")
        session.rollback()
    engine.dispose()
    assert capsys.readouterr() == ("", "")


def test_visit_classes_exposed(rules_file):
    from gridctl.points.rules import visit_classes

    assert visit_classes() == {"monthly": 1, "quarterly": 3}


def test_migration_matches_models(ledger, db_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from gridctl.ledger.models import metadata

    mine = {"activity", "activity_enterprise", "effectiveness_award", "point_entry"}
    mine.add("point_adjustment")
    engine = create_engine(f"sqlite:///{db_path}")
    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), metadata)
    engine.dispose()
    ours = [d for d in diffs if mine & set(str(d).split("'"))]
    assert ours == []

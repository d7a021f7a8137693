"""How the points commands show what they print: the columns of their tables, the rules in
force (`points rules`), and points as numbers in JSON and CSV (ints when whole, e.g. 3 or
2.5). Money stays Decimal, written as a string with two decimals ("1234.50"), exact to the
cent.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from gridctl.cli import output
from gridctl.cli.output import Col

if TYPE_CHECKING:
    from gridctl.points.ruleset import Rule, Rules, RuleSet

AREA_COLS = [Col("problems", right=True), Col("activities", right=True)]
SHOW_COLUMNS = [
    Col("rank", right=True),
    Col("supervisor"),
    Col("name", label="col.person_name"),
    Col("group"),
    *AREA_COLS,
    Col("effectiveness", right=True),
    Col("total", right=True),
]
EXPLAIN_COLUMNS = [
    Col("date"),
    Col("area", "area"),
    Col("rule"),
    Col("record"),
    Col("detail"),
    Col("points", right=True),
    Col("note"),
]
SUBSIDY_COLUMNS = [
    Col("rank", right=True),
    Col("supervisor"),
    Col("name", label="col.person_name"),
    Col("group"),
    Col("visits", right=True),
    Col("points", right=True),
    Col("subsidy", right=True),
    Col("reward_tier"),
    Col("reward", right=True),
    Col("amount", right=True),
]
POINT_KEYS = ("problems", "activities", "effectiveness", "total", "points")


def number(value: Decimal) -> int | float:
    """Points for JSON and CSV: an int when whole, else the decimal as a number."""
    return int(value) if value == value.to_integral_value() else float(value)


def for_output(records: Sequence[output.Record]) -> list[dict[str, object]]:
    """Rows with their points as numbers (money stays Decimal: a string in JSON)."""
    shown = [output.plain(r) for r in records]
    return [{k: _number_if_points(k, v) for k, v in r.items()} for r in shown]


def _number_if_points(key: str, value: object) -> object:
    return number(value) if key in POINT_KEYS and isinstance(value, Decimal) else value


def rule_row(r: Rule) -> dict[str, object]:
    return {
        "rule": r.name,
        "area": r.area,
        "points": number(r.points),
        "kinds": ", ".join(f"{k}={number(v)}" for k, v in r.kinds.items()),
        "cap": None if r.cap is None else number(r.cap),
        "cap_per": r.cap_per if r.cap is not None else "",
    }


def reward_rows(current: RuleSet | None) -> list[dict[str, object]]:
    tiers = current.rewards if current else ()
    return [{**output.plain(w), "min_points": number(w.min_points)} for w in tiers]


def rules_document(
    found: Rules, current: RuleSet | None, day: date, rule_rows: list[dict[str, object]]
) -> dict[str, object]:
    return {
        "source": found.source,
        "date": day.isoformat(),
        "effective": current.effective.isoformat() if current else None,
        "name": current.name if current else None,
        "rule_sets": [s.effective.isoformat() for s in found.sets],
        "rules": rule_rows,
        "subsidy": output.plain(current.subsidy) if current else {},
        "rewards": reward_rows(current),
        "visit_classes": dict(found.visit_classes),
    }

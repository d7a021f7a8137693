"""What the rules say, once read: the rules, subsidy and reward tiers of each rule set.

The rules file (gridctl.points.rules) holds one rule set per `effective` date; a record
earns points by the rule set in force on its date.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

AREAS = ("problems", "activities", "effectiveness")
# The windows a cap counts in; enterprise-month only for sources whose records name one
# enterprise.
CAP_PER = ("month", "quarter", "year", "enterprise-month")


@dataclass(frozen=True)
class Rule:
    """How one kind of record earns points."""

    name: str
    area: str
    points: Decimal
    kinds: dict[str, Decimal] = field(default_factory=dict)
    cap: Decimal | None = None
    cap_per: str = "month"

    def points_for(self, kind: str | None) -> Decimal:
        return self.kinds.get(kind or "", self.points)


@dataclass(frozen=True)
class Subsidy:
    """The monthly work subsidy (工作补助): see default_rules.toml."""

    min_visits: int = 0
    base: Decimal = Decimal("0.00")
    per_visit: Decimal = Decimal("0.00")
    per_point: Decimal = Decimal("0.00")
    cap: Decimal | None = None


@dataclass(frozen=True)
class RewardTier:
    """A quarterly performance-reward tier (绩效奖励) by rank."""

    tier: str
    up_to_rank: int
    amount: Decimal
    min_points: Decimal = Decimal("0")


@dataclass(frozen=True)
class RuleSet:
    effective: date
    name: str
    rules: dict[str, Rule]
    subsidy: Subsidy
    rewards: tuple[RewardTier, ...]


@dataclass(frozen=True)
class Rules:
    """Every rule set of the file, oldest first, and where they came from."""

    source: str
    sets: tuple[RuleSet, ...]
    visit_classes: dict[str, int]

    def in_force(self, day: date) -> RuleSet | None:
        """The rule set in force on `day`, or None before the first one."""
        i = bisect_right([s.effective for s in self.sets], day)
        return self.sets[i - 1] if i else None

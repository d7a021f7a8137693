"""Cap windows and the spans sync looks at.

A capped rule grants at most `cap` points per window: a calendar month, quarter or year of
one supervisor, or a month per enterprise (`cap_per`). Windows are whole calendar periods,
so a year holds whole quarters and months: a span widened to the widest window of a rule
holds every window it touches whole.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from gridctl.dates import quarter_of
from gridctl.points.ruleset import Rule, Rules, RuleSet

# Months in each kind of cap window.
GRAIN = {"month": 1, "enterprise-month": 1, "quarter": 3, "year": 12}


def floor(day: date, months: int) -> date:
    """The first day of the window of `months` months holding `day`."""
    return date(day.year, (day.month - 1) // months * months + 1, 1)


def ceil(day: date, months: int) -> date:
    """`day` if a window of `months` months starts on it, else the start of the next one."""
    first = floor(day, months)
    if first == day:
        return day
    m = first.month - 1 + months
    return date(first.year + m // 12, m % 12 + 1, 1)


def label(rule: Rule, day: date, enterprise_id: int | None) -> str:
    """The window of `rule` holding `day`, as written in an entry's cap_key."""
    if rule.cap_per == "year":
        return f"{day.year:04d}"
    if rule.cap_per == "quarter":
        return quarter_of(day).label
    month = f"{day.year:04d}-{day.month:02d}"
    return f"{month}:e{enterprise_id}" if rule.cap_per == "enterprise-month" else month


def cut(rule: Rule, lo: date, hi: date) -> Iterator[tuple[date, date]]:
    """[lo, hi) cut at the rule's cap windows (the whole of it when uncapped)."""
    if rule.cap is None:
        yield lo, hi
        return
    grain = GRAIN[rule.cap_per]
    while lo < hi:
        nxt = min(ceil(lo + timedelta(days=1), grain), hi)
        yield lo, nxt
        lo = nxt


def spans(
    rules: Rules, rule: str, start: date | None = None, end: date | None = None
) -> list[tuple[date, date | None, RuleSet]]:
    """The date spans [from, to) to look at for `rule`, each with the rule set in force.

    Only days on which a rule set holding `rule` is in force (other records earn nothing
    and are not looked at again and again). A bounded span is first widened to whole cap
    windows of the widest cap this rule has in any rule set: sync then derives every window
    it touches completely, in the same (date, id) order as an all-time sync would.
    """
    if start is not None or end is not None:
        grain = max(
            (GRAIN[s.rules[rule].cap_per] for s in rules.sets if rule in s.rules),
            default=1,
        )
        start = floor(start, grain) if start is not None else None
        end = ceil(end, grain) if end is not None else None
    out = []
    for i, rule_set in enumerate(rules.sets):
        if rule not in rule_set.rules:
            continue
        lo = rule_set.effective
        hi = rules.sets[i + 1].effective if i + 1 < len(rules.sets) else None
        if start is not None and start > lo:
            lo = start
        if end is not None and (hi is None or end < hi):
            hi = end
        if hi is None or lo < hi:
            out.append((lo, hi, rule_set))
    return out

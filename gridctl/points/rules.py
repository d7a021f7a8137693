"""The points rules file: where it is, reading it, and refusing a bad one.

A TOML file the station edits, read with stdlib tomllib. Where it comes from, first match
wins: the GRIDCTL_RULES environment variable (the file must exist), a `rules.toml` next to the
SQLite ledger file, the default shipped in this package (default_rules.toml, which documents
the format). A bad file is refused with one line naming the file, the place in it and what is
allowed (Invalid, exit 1). What the file says, once read, is gridctl.points.ruleset; the
rules it may hold are the points sources' (gridctl.points.sources).

Also here: `[visit_classes]`, the required visit frequency by enterprise class (months), for
the overdue report (`visit_classes()`).
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation
from importlib import resources
from pathlib import Path

from sqlmodel import Session

from gridctl.errors import Invalid
from gridctl.i18n import t
from gridctl.points.ruleset import AREAS, CAP_PER, RewardTier, Rule, Rules, RuleSet, Subsidy
from gridctl.points.sources import SOURCES

ENV_VAR = "GRIDCTL_RULES"
FILE_NAME = "rules.toml"
DEFAULT = "default_rules.toml"
RULES = tuple(s.rule for s in SOURCES)
# Rules whose records name one enterprise (so a per-enterprise cap means something).
PER_ENTERPRISE = tuple(s.rule for s in SOURCES if s.per_enterprise)
KIND_VOCAB = {s.rule: s.kinds for s in SOURCES if s.kinds is not None}
CENT = Decimal("0.01")


# --- finding the file ---------------------------------------------------------------------


def rules_path(ledger_file: Path | None) -> Path | None:
    """The station's rules file in force, or None for the shipped default."""
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        path = Path(env).expanduser()
        if not path.is_file():
            raise Invalid.about(ENV_VAR, env, t("detail.rules.no_file"))
        return path
    if ledger_file is not None:
        beside = ledger_file.parent / FILE_NAME
        if beside.is_file():
            return beside
    return None


def ledger_file(session: Session) -> Path | None:
    """The SQLite file behind a session (None for a server ledger)."""
    url = session.get_bind().engine.url
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        return Path(url.database)
    return None


def load(path: Path | None = None) -> Rules:
    """Read and check a rules file (the shipped default when `path` is None)."""
    if path is None:
        text = resources.files("gridctl.points").joinpath(DEFAULT).read_text(encoding="utf-8")
        return parse(text, source=t("rules.builtin", name=DEFAULT))
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise Invalid.about(
            t("field.rules"), str(path), t("detail.rules.unreadable", error=exc)
        ) from None
    return parse(text, source=str(path))


def for_session(session: Session) -> Rules:
    """The rules in force for the ledger this session is on."""
    return load(rules_path(ledger_file(session)))


def visit_classes(session: Session | None = None) -> dict[str, int]:
    """Required visit frequency by enterprise class: class code -> months between visits."""
    rules = for_session(session) if session is not None else load(rules_path(None))
    return dict(rules.visit_classes)


# --- checking the file --------------------------------------------------------------------


class _Where:
    """Builds refusals that name the file and the place in it."""

    def __init__(self, source: str) -> None:
        self.source = source

    def bad(self, place: str, value: object, allowed: str) -> Invalid:
        detail = t("detail.rules.at", place=place, value=value, allowed=allowed)
        return Invalid.about(t("field.rules"), self.source, detail)


def _allowed(names: Iterable[str]) -> str:
    return t("detail.allowed", allowed=", ".join(names))


def parse(text: str, *, source: str) -> Rules:
    where = _Where(source)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise Invalid.about(
            t("field.rules"), source, t("detail.rules.not_toml", error=exc)
        ) from None
    raw_sets = data.get("ruleset")
    if not isinstance(raw_sets, list) or not raw_sets:
        raise where.bad("ruleset", raw_sets, t("detail.rules.need_ruleset"))
    sets = sorted((_ruleset(where, i, raw) for i, raw in enumerate(raw_sets)), key=_effective)
    for a, b in zip(sets, sets[1:], strict=False):
        if a.effective == b.effective:
            raise where.bad("ruleset.effective", a.effective.isoformat(), t("detail.rules.unique"))
    return Rules(source, tuple(sets), _visit_classes(where, data.get("visit_classes", {})))


def _effective(s: RuleSet) -> date:
    return s.effective


def _ruleset(where: _Where, i: int, raw: object) -> RuleSet:
    place = f"ruleset[{i + 1}]"
    if not isinstance(raw, dict):
        raise where.bad(place, raw, t("detail.rules.table"))
    effective = raw.get("effective")
    if not isinstance(effective, date):
        raise where.bad(f"{place}.effective", effective, t("detail.rules.effective"))
    rules_raw = raw.get("rules", {})
    if not isinstance(rules_raw, dict):
        raise where.bad(f"{place}.rules", rules_raw, t("detail.rules.table"))
    rules = {}
    for name, body in rules_raw.items():
        if name not in RULES:
            raise where.bad(f"{place}.rules", name, _allowed(RULES))
        rules[name] = _rule(where, f"{place}.rules.{name}", name, body)
    rewards = raw.get("rewards", [])
    if not isinstance(rewards, list):
        raise where.bad(f"{place}.rewards", rewards, t("detail.rules.rewards"))
    tiers = tuple(_tier(where, f"{place}.rewards[{j + 1}]", w) for j, w in enumerate(rewards))
    return RuleSet(
        effective=effective,
        name=str(raw.get("name", effective.isoformat())),
        rules=rules,
        subsidy=_subsidy(where, f"{place}.subsidy", raw.get("subsidy", {})),
        rewards=tuple(sorted(tiers, key=_up_to_rank)),
    )


def _up_to_rank(tier: RewardTier) -> int:
    return tier.up_to_rank


def _rule(where: _Where, place: str, name: str, body: object) -> Rule:
    if not isinstance(body, dict):
        raise where.bad(place, body, t("detail.rules.table"))
    area = body.get("area")
    if area not in AREAS:
        raise where.bad(f"{place}.area", area, _allowed(AREAS))
    cap_per = body.get("cap_per", "month")
    if cap_per not in CAP_PER or (cap_per == "enterprise-month" and name not in PER_ENTERPRISE):
        allowed = CAP_PER if name in PER_ENTERPRISE else CAP_PER[:-1]
        raise where.bad(f"{place}.cap_per", cap_per, _allowed(allowed))
    kinds_raw = body.get("kinds", {})
    if not isinstance(kinds_raw, dict) or (kinds_raw and name not in KIND_VOCAB):
        raise where.bad(f"{place}.kinds", kinds_raw, t("detail.rules.kinds"))
    kinds = {}
    for kind, pts in kinds_raw.items():
        if kind not in KIND_VOCAB[name]:
            raise where.bad(f"{place}.kinds", kind, _allowed(KIND_VOCAB[name]))
        kinds[kind] = _points(where, f"{place}.kinds.{kind}", pts)
    cap = body.get("cap")
    return Rule(
        name=name,
        area=area,
        points=_points(where, f"{place}.points", body.get("points")),
        kinds=kinds,
        cap=None if cap is None else _points(where, f"{place}.cap", cap, negative=False),
        cap_per=cap_per,
    )


def _decimal(where: _Where, place: str, value: object, what: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise where.bad(place, value, what)
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise where.bad(place, value, what) from None
    if not number.is_finite() or number != number.quantize(CENT) or abs(number) >= 10**8:
        raise where.bad(place, value, what)
    return number


def _points(where: _Where, place: str, value: object, negative: bool = True) -> Decimal:
    number = _decimal(where, place, value, t("detail.rules.points"))
    if number < 0 and not negative:
        raise where.bad(place, value, t("detail.rules.not_negative"))
    return number


def _money(where: _Where, place: str, value: object) -> Decimal:
    number = _decimal(where, place, value, t("detail.rules.money"))
    if number < 0:
        raise where.bad(place, value, t("detail.rules.not_negative"))
    return number.quantize(CENT)


def _count(where: _Where, place: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise where.bad(place, value, t("detail.rules.count"))
    return value


def _subsidy(where: _Where, place: str, raw: object) -> Subsidy:
    if not isinstance(raw, dict):
        raise where.bad(place, raw, t("detail.rules.table"))
    known = {"min_visits", "base", "per_visit", "per_point", "cap"}
    for key in raw:
        if key not in known:
            raise where.bad(place, key, _allowed(sorted(known)))
    zero = "0.00"
    return Subsidy(
        min_visits=_count(where, f"{place}.min_visits", raw.get("min_visits", 0)),
        base=_money(where, f"{place}.base", raw.get("base", zero)),
        per_visit=_money(where, f"{place}.per_visit", raw.get("per_visit", zero)),
        per_point=_money(where, f"{place}.per_point", raw.get("per_point", zero)),
        cap=None if raw.get("cap") is None else _money(where, f"{place}.cap", raw["cap"]),
    )


def _tier(where: _Where, place: str, raw: object) -> RewardTier:
    if not isinstance(raw, dict) or not str(raw.get("tier", "")).strip():
        raise where.bad(f"{place}.tier", raw, t("detail.rules.tier"))
    up_to = _count(where, f"{place}.up_to_rank", raw.get("up_to_rank"))
    if up_to < 1:
        raise where.bad(f"{place}.up_to_rank", up_to, t("detail.rules.one_or_more"))
    return RewardTier(
        tier=str(raw["tier"]).strip(),
        up_to_rank=up_to,
        amount=_money(where, f"{place}.amount", raw.get("amount")),
        min_points=_points(where, f"{place}.min_points", raw.get("min_points", 0)),
    )


def _visit_classes(where: _Where, raw: object) -> dict[str, int]:
    if not isinstance(raw, dict):
        raise where.bad("visit_classes", raw, t("detail.rules.visit_classes"))
    out = {}
    for name, months in raw.items():
        if _count(where, f"visit_classes.{name}", months) < 1:
            raise where.bad(f"visit_classes.{name}", months, t("detail.rules.month_or_more"))
        out[str(name)] = months
    return out or {"monthly": 1, "quarterly": 3}

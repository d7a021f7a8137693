"""Typer's own usage errors (exit 2) in the user's language.

Typer (its vendored click) and pydantic word these messages in English only. The few shapes a
user meets are matched here and re-worded through the catalogue; anything else passes
through unchanged, so a new typer message is never lost, only left in English.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from gridctl.i18n import t

Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]

# What pydantic and typer say about a bad value, inside "Invalid value for X: ...".
_DETAILS: list[Rule] = [
    (
        re.compile(r"^Input should be a valid integer.*$"),
        lambda m: t("usage.detail.integer"),
    ),
    (
        re.compile(r"^Input should be a valid number.*$"),
        lambda m: t("usage.detail.number"),
    ),
    (
        re.compile(r"^(?:Value error, )?'(.*)' is not one of (.+?)\.?$"),
        lambda m: t("usage.detail.choice", value=m[1], allowed=m[2].replace("'", "")),
    ),
    (re.compile(r"^Value error, (.*)$", re.S), lambda m: m[1]),
]

_MESSAGES: list[Rule] = [
    (
        re.compile(r"^Invalid value for (.+?): (.*)$", re.S),
        lambda m: t("usage.invalid", option=m[1], detail=_detail(m[2])),
    ),
    (
        re.compile(r"^Missing (option|argument|parameter) (.+?)\.(?: (.*))?$", re.S),
        lambda m: t(f"usage.missing.{m[1]}", option=m[2]),
    ),
    (
        re.compile(r"^No such option: (\S+)(?: \(Possible options: (.+)\))?$"),
        lambda m: (
            t("usage.no_option", option=m[1]) + (t("usage.possible", options=m[2]) if m[2] else "")
        ),
    ),
    (
        re.compile(r"^No such command '(.+)'\.$"),
        lambda m: t("usage.no_command", command=m[1]),
    ),
    (
        re.compile(r"^Option '(.+)' requires (?:an argument|(\d+) arguments)\.$"),
        lambda m: t("usage.needs_value", option=m[1]),
    ),
    (
        re.compile(r"^Option '(.+)' does not take a value\.$"),
        lambda m: t("usage.takes_no_value", option=m[1]),
    ),
    (
        re.compile(r"^Got unexpected extra argument(?:\(s\)|s)? \((.*)\)$", re.S),
        lambda m: t("usage.extra", args=m[1]),
    ),
]


def _apply(rules: list[Rule], text: str) -> str | None:
    for pattern, word in rules:
        match = pattern.match(text)
        if match:
            return word(match)
    return None


def _detail(text: str) -> str:
    return _apply(_DETAILS, text) or text


def usage_message(english: str) -> str:
    """Typer's message for a usage error, worded in the current language."""
    return _apply(_MESSAGES, english) or english

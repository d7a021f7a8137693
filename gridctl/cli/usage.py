"""Typer's own words in the user's language: its usage errors (exit 2) and its help frame.

The frame goes through the hooks the libraries offer: typer's gettext calls (a translation
installed for them), the help formatter and context classes click lets a command choose, the
metavars, usage metavars and help option text click keeps on each command and parameter.
Usage errors typer (its vendored click) and pydantic word in English only: the few shapes a
user meets are matched here and re-worded through the catalogue; anything else passes through
unchanged, so a new typer message is never lost, only left in English.
"""

from __future__ import annotations

import gettext
import re
import sys
from collections.abc import Callable
from typing import Any, get_args

from typer._click import Context, HelpFormatter

from gridctl.i18n import frame, lang, t
from gridctl.i18n.catalogue import ALL as CATALOGUE

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
        lambda m: t(f"usage.missing.{m[1]}", option=_value_name(m[2])),
    ),
    (
        re.compile(r"^No such option: (\S+)(?: \(Possible options: (.+)\))?$"),
        lambda m: (
            t("usage.no_option", option=m[1]) + (t("usage.possible", options=m[2]) if m[2] else "")
        ),
    ),
    (
        # typer asks gettext for its first half (translated already) and adds the second.
        re.compile(r"^(?:No such command |没有这个命令：)'(.+)'[.。]*(?: Did you mean (.+)\?)?$"),
        lambda m: (
            t("usage.no_command", command=m[1])
            + (t("usage.did_you_mean", suggestions=m[2]) if m[2] else "")
        ),
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


def _value_name(shown: str) -> str:
    """An argument as a usage error names it ('CODE', 'ENTERPRISE'), in the user's words."""
    bare = shown.strip("'")
    for key in (f"frame.metavar.{bare}", f"frame.arg.{bare.lower()}"):
        if key in CATALOGUE:
            return f"'{t(key)}'"
    return shown


def _detail(text: str) -> str:
    return _apply(_DETAILS, text) or text


def usage_message(english: str) -> str:
    """Typer's message for a usage error, worded in the current language."""
    return _apply(_MESSAGES, english) or english


# --- the help frame ------------------------------------------------------------------------


class FrameTranslations(gettext.NullTranslations):
    """typer's gettext message ids through the catalogue (class-based gettext API)."""

    def gettext(self, message: str) -> str:
        key = frame.GETTEXT.get(message)
        if key:
            return t(key)
        # typer fills these by position ({}), which the catalogue's keyword texts cannot hold.
        positional = frame.POSITIONAL.get(message)
        return positional[1] if positional and lang() == "zh" else message


_TRANSLATIONS = FrameTranslations()
# typer/rich_utils.py reads these once, when imported (lazily, for a help or an error).
_RICH_CONSTANTS = {
    "DEPRECATED_STRING": "(deprecated) ",
    "DEFAULT_STRING": "[default: {}]",
    "ENVVAR_STRING": "[env var: {}]",
    "REQUIRED_LONG_STRING": "[required]",
    "ARGUMENTS_PANEL_TITLE": "Arguments",
    "OPTIONS_PANEL_TITLE": "Options",
    "COMMANDS_PANEL_TITLE": "Commands",
    "ERRORS_PANEL_TITLE": "Error",
    "ABORTED_TEXT": "Aborted.",
    "RICH_HELP": "Try [blue]'{command_path} {help_option}'[/] for help.",
}


def install_translation() -> None:
    """typer's gettext calls answer in the current language (typer binds `_` per module)."""
    import typer.core

    typer.core._ = _TRANSLATIONS.gettext
    rich_utils = sys.modules.get("typer.rich_utils")
    if rich_utils is not None:
        for name, message in _RICH_CONSTANTS.items():
            setattr(rich_utils, name, _TRANSLATIONS.gettext(message))


class FrameFormatter(HelpFormatter):
    """The usage line's prefix in the current language; made before any help is drawn, so
    typer's help panels (imported just before) take their titles from the catalogue too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        install_translation()

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, t("frame.usage") if prefix is None else prefix)


class FrameContext(Context):
    """A context whose command's help option, and, in its help, value names are in the
    user's words. (Refusals name a parameter by its own metavar, gridctl/cli/fields.py.)"""

    formatter_class = FrameFormatter

    def __init__(self, command: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(command, *args, **kwargs)
        help_option = command.get_help_option(self)
        if help_option is not None:
            help_option.help = t("frame.help_option")

    def make_formatter(self) -> HelpFormatter:
        if lang() == "zh":
            help_option = self.command.get_help_option(self)
            for param in [*self.command.params, *([help_option] if help_option else [])]:
                _name_value(param)
        return super().make_formatter()


def localise(command: Any) -> None:
    """Set the frame's words on `command` and every command under it (a group's help lists
    its commands; each one's own help is drawn from its context)."""
    command.context_class = FrameContext
    command.options_metavar = t("frame.options_metavar")
    if hasattr(command, "commands"):
        command.subcommand_metavar = t("frame.subcommand_metavar")
        for sub in command.commands.values():
            localise(sub)


def _name_value(param: Any) -> None:
    """The metavar of a parameter in words: 日期 for YYYY-MM-DD, 企业 for ENTERPRISE, 文本
    for a str; a flag shows none; a choice keeps its values (they are what is typed)."""
    if param.param_type_name == "argument":
        # An argument's name says what it is; typer's type column (<str>) would only repeat
        # it, in English.
        param.display_type_rich = _no_type
        key = f"frame.arg.{param.name}" if param.metavar is None else ""
    else:
        key = ""
    if param.metavar is not None:
        key = f"frame.metavar.{param.metavar}"
    if key in CATALOGUE:
        param.metavar = t(key)
    elif param.metavar is not None or param.param_type_name == "argument":
        return
    elif getattr(param, "is_flag", False):
        param.metavar = ""
    elif not param.type_descriptor.is_choice:
        word = _type_word(param.type_descriptor)
        if word is not None:
            param.metavar = word + ("..." if param.type_descriptor.is_list else "")


def _no_type(ctx: Any) -> None:
    return None


def _type_word(descriptor: Any) -> str | None:
    from decimal import Decimal

    if descriptor.is_path:
        return t("frame.type.path")
    annotation = descriptor.annotation
    if descriptor.is_list:
        (annotation,) = get_args(annotation) or (str,)
    if annotation is str:
        return t("frame.type.str")
    if annotation is int:
        return t("frame.type.int")
    if annotation in (float, Decimal):
        return t("frame.type.number")
    return None

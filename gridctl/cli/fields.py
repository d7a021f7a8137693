"""How a refusal names its field on the command line: as the running command's own flag or
argument, so services can speak in the domain's fields.

A service raises e.g. Invalid("date", ...); `gridctl visit add` shows it as `--date`,
`gridctl enterprise update ENTERPRISE` shows the field `enterprise` as `ENTERPRISE`. The
label is found in this order: FLAGS below (a field the command line names otherwise); the
command's parameter of that name; else `--` and the field with hyphens.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from typer.core import TyperGroup

from gridctl.errors import GridctlError

# Domain field -> how every command names it, where that is not the command's own parameter.
FLAGS: dict[str, str] = {
    # A register's own name and code are named as they are in every command's refusal.
    "name": "name",
    "code": "code",
    #
    # registers and funding
    #
    #
    # work
    #
    #
    # organisation and sharing
    #
    #
    # points
    #
    #
    # ledger, reports, imports
    #
}


def label(field: str, params: Sequence[Any]) -> str:
    """`params`: the command's parameters (typer's vendored click.Parameter objects)."""
    if not (field.isidentifier() and field.islower()):
        return field  # already an edge's word (e.g. FILE:LINE of a sample file)
    if field in FLAGS:
        return FLAGS[field]
    for param in params:
        if param.name == field:
            if param.param_type_name == "argument":
                # The argument as its usage shows it; an optional one's brackets ([N]) dropped.
                return str(param.metavar or param.name.upper()).strip("[]")
            return str(max(param.opts, key=len))
    return "--" + field.replace("_", "-")


def name_field(exc: GridctlError, command: Any) -> None:
    """Give the error its command-line label, once (the innermost command decides)."""
    if exc.label is None:
        exc.label = label(exc.field, command.params if command is not None else [])


class NounGroup(TyperGroup):
    """A noun's commands (`gridctl visit ...`): a refusal names the field as the command's own
    flag or argument."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except GridctlError as exc:
            name_field(exc, self.commands.get(ctx.invoked_subcommand or ""))
            raise

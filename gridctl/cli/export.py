"""`gridctl export KIND`: a root command, loaded lazily like the nouns (see cli/app.py NOUNS).

The command itself lives with the import commands in gridctl/cli/imports.py.
"""

from __future__ import annotations

import typer

from gridctl.cli.fields import NounGroup
from gridctl.cli.imports import export
from gridctl.i18n import t

NAME = "export"
# One command and no callback: typer builds it as a plain command, `gridctl export KIND`.
app = typer.Typer(
    cls=NounGroup,
)
app.command(NAME, help=t("help.export"), epilog=t("help.export.example"))(export)

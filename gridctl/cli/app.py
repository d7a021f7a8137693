"""The root command: --db, --version, one sub-app per noun, and the error boundary.

Every refusal leaves here as one line on stderr: exit 1 when the data was refused, exit 2 for
a usage mistake. A user never sees a traceback.
"""

from __future__ import annotations

import importlib
import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from gridctl import __version__
from gridctl.cli import init, role
from gridctl.cli.fields import name_field
from gridctl.cli.output import error
from gridctl.cli.usage import FrameContext, install_translation, localise
from gridctl.errors import GridctlError
from gridctl.i18n import t

# Sub-apps by command name, loaded only when named: `gridctl visit add` then imports and
# builds the visit commands alone, not every noun's module (start-up time, issue 2).
NOUNS: dict[str, str] = {
    "grid": "gridctl.cli.grid",
    "group": "gridctl.cli.group",
    "supervisor": "gridctl.cli.supervisor",
    "enterprise": "gridctl.cli.enterprise",
    "visit": "gridctl.cli.visit",
    "problem": "gridctl.cli.problem",
    "activity": "gridctl.cli.activity",
    "points": "gridctl.cli.points",
    "diary": "gridctl.cli.diary",
    "meeting": "gridctl.cli.meeting",
    "funding": "gridctl.cli.funding",
    "welfare": "gridctl.cli.welfare",
    "resource": "gridctl.cli.resource",
    "chain": "gridctl.cli.chain",
    "brand": "gridctl.cli.brand",
    "belt": "gridctl.cli.belt",
    "db": "gridctl.cli.db",
    "audit": "gridctl.cli.audit",
    "import": "gridctl.cli.imports",
    "export": "gridctl.cli.export",
    "report": "gridctl.cli.report",
    "role": "gridctl.cli.role",
}


COMPLETION_PARAMS = ("install_completion", "show_completion")


class GridctlGroup(TyperGroup):
    """Loads nouns lazily; turns errors into one line and an exit code (CliRunner and cron);
    draws help and usage errors in the user's language (gridctl.cli.usage)."""

    context_class = FrameContext

    def list_commands(self, ctx: Any) -> list[str]:
        return [*super().list_commands(ctx), *NOUNS]

    def format_help(self, ctx: Any, formatter: Any) -> None:
        # The root's help lists the nouns by their one-line help from the catalogue, without
        # importing every noun's module and with it the database layer and the importer.
        self.listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self.listing = False

    def get_command(self, ctx: Any, name: str) -> Any:
        if name not in NOUNS:
            return super().get_command(ctx, name)
        if getattr(self, "listing", False):
            return TyperGroup(name=name, help=t(f"help.{name}"))
        sub = typer.main.get_command(importlib.import_module(NOUNS[name]).app)
        sub.name = name
        # Shell completion is installed from the root, not from every noun.
        sub.params = [p for p in sub.params if p.name not in COMPLETION_PARAMS]
        localise(sub)
        return sub

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except GridctlError as exc:
            # A root command (init); a noun's commands have named the field already.
            name_field(exc, self.commands.get(ctx.invoked_subcommand or ""))
            raise

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        install_translation()
        localise(self)
        try:
            code = super().main(*args, **kwargs)
        except typer.TyperException as exc:
            # Typer vendors click; its usage errors (exit 2) all derive from TyperException.
            if type(exc).__name__ == "NoArgsIsHelpError":
                print(exc.format_message())
            else:
                from gridctl.cli.usage import usage_message

                error(usage_message(exc.format_message()))
            sys.exit(exc.exit_code)
        except typer.Abort:
            error(t("aborted"))
            sys.exit(1)
        except GridctlError as exc:
            error(exc.message())
            sys.exit(1)
        except KeyboardInterrupt:
            error(t("aborted"))
            sys.exit(130)
        except Exception as exc:  # noqa: BLE001 - the boundary: database refusals and faults
            _database_error(exc)
        sys.exit(code if isinstance(code, int) else 0)


def _database_error(exc: Exception) -> None:
    from sqlalchemy.exc import DBAPIError, SQLAlchemyError

    if isinstance(exc, SQLAlchemyError):
        from gridctl.ledger.roles import refusal_of

        refused = refusal_of(exc)  # insufficient privilege: the role and what it may do
        if refused is not None:
            error(refused.message())
            sys.exit(1)
    if isinstance(exc, SQLAlchemyError):
        orig = exc.orig if isinstance(exc, DBAPIError) else exc
        error(t("error.database", detail=str(orig).splitlines()[0]))
        sys.exit(1)
    raise exc


app = typer.Typer(
    cls=GridctlGroup,
    help=t("help.app"),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"gridctl {__version__}")
        raise typer.Exit()


@app.callback(epilog=t("help.app.example"))
def root(
    db: Annotated[str | None, typer.Option("--db", metavar="TARGET", help=t("help.opt.db"))] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=t("help.opt.version")),
    ] = False,
) -> None:
    """The ledger of a park's grid-based party-building guidance scheme."""


init.register(app)
role.register(app)


def _undecodable_argument() -> str | None:
    """An argument whose bytes were not UTF-8 (Python keeps them as lone surrogates)."""
    for arg in sys.argv[1:]:
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            return arg
    return None


def main() -> None:
    bad = _undecodable_argument()
    if bad is not None:
        from gridctl.textsafe import escaped

        error(t("error.not_utf8", value=escaped(bad)))
        sys.exit(2)
    app(prog_name="gridctl")

"""Printing a list that grows: the rows of a window (a page by default, see
options.window) and, under a table, the line on stderr that says how many there are."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from gridctl.cli import output
from gridctl.cli.options import Format, Window
from gridctl.cli.output import Col, Record
from gridctl.i18n import t


def page(
    records: Iterable[Record],
    cols: Sequence[Col],
    fmt: Format,
    shown: Window,
    count: Callable[[], int],
) -> None:
    """A list that grows: print the rows of the window, then, under a table, one line on
    stderr saying which part of how many was shown and how to see the rest. `count` is
    called only when the page alone cannot tell the total."""
    n = output.rows(records, cols, fmt)
    if fmt is not Format.table or shown.limit is None and not shown.offset:
        return
    if shown.limit is not None and n < shown.limit and (n or not shown.offset):
        total = shown.offset + n
    else:
        total = count()
    if not shown.offset:
        if n < total:
            output.report(t("lists.shown", shown=n, total=total))
    elif not n:
        output.report(t("lists.past_end", offset=shown.offset, total=total))
    else:
        first, last = shown.offset + 1, shown.offset + n
        key = "lists.shown_from" if last < total else "lists.shown_end"
        output.report(t(key, first=first, last=last, total=total, next=last))

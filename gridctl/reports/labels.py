"""The words of a workbook: sheet names, headers, periods and file names in the workbook's
language (the one the report was asked in), which need not be the terminal's."""

from __future__ import annotations

import re
from datetime import date, timedelta

from gridctl import vocab
from gridctl.dates import Period
from gridctl.i18n import t

_UNSAFE_FILE_CHARS = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


class Labels:
    """Sheet names, headers and phrases in the workbook's language (not the terminal's)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, key: str) -> str:
        """A column header: report.col.<key>, else the core col.<key>, else the key."""
        if key == "total":
            return self.t("report.total")
        for candidate in (f"report.col.{key}", f"col.{key}"):
            try:
                return t(candidate, self.lang)
            except KeyError:
                continue
        return key

    def t(self, key: str, **params: object) -> str:
        return t(key, self.lang, **params)

    def sheet(self, key: str) -> str:
        return self.t(f"report.sheet.{key}")

    def vocab(self, table: dict[str, str], code: str | None) -> str:
        return vocab.show(table, code, self.lang)

    def period(self, period: Period) -> str:
        """A month as 2026年10月 / 2026-10, a quarter as 2026年第3季度 / 2026Q3."""
        if "Q" in period.label:
            return self.t(
                "report.quarter_label",
                year=period.start.year,
                q=(period.start.month - 1) // 3 + 1,
            )
        return self.t(
            "report.month_label",
            year=period.start.year,
            month=period.start.month,
        )

    def period_line(self, period: Period, as_of: date, made: date) -> str:
        last = period.end - timedelta(days=1)
        return self.t(
            "report.period.line",
            start=period.start.isoformat(),
            end=last.isoformat(),
            as_of=as_of.isoformat(),
            made=made.isoformat(),
        )


def default_file_name(labels: Labels, kind: str, *parts: str) -> str:
    """E.g. 月度报告-2026-10.xlsx; parts from the data are made safe for a file name."""
    safe = [_UNSAFE_FILE_CHARS.sub("_", p).strip(" .") for p in parts if p]
    return "-".join([labels.t(f"report.file.{kind}"), *safe]) + ".xlsx"

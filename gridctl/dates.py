"""Dates, months and quarters as users type them, and as files carry them."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from gridctl.i18n import t

EXCEL_EPOCH = date(1899, 12, 30)
# The spellings an office writes, after NFKC (full-width digits and punctuation to ASCII):
# 2026-10-05, 2026/10/5, 2026.10.5, 2026,10,5, 2026年10月5日 (or 号), a weekday after it.
_SEP = r"\s*[-/.,]\s*"
_DAY = re.compile(
    rf"^(\d{{4}}){_SEP}(\d{{1,2}}){_SEP}(\d{{1,2}})$"
    r"|^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$"
)
_WEEKDAY = re.compile(r"\s*[(]?\s*(?:星期|礼拜|周)[一二三四五六日天]\s*[)]?$")
_MONTH = re.compile(rf"^(\d{{4}}){_SEP}(\d{{1,2}})$|^(\d{{4}})\s*年\s*(\d{{1,2}})\s*月(?:份)?$")
_QUARTER = re.compile(
    r"^(\d{4})\s*-?\s*Q\s*([1-4])$|^(\d{4})\s*年\s*第?\s*([1-4一二三四])\s*季度?$",
    re.IGNORECASE,
)
_CN_DIGIT = {"一": "1", "二": "2", "三": "3", "四": "4"}


def _normal(text: str) -> str:
    """Full-width forms to ASCII (２０２６－１０－０５, 2026，10，5) and the ends trimmed."""
    return unicodedata.normalize("NFKC", text).strip()


def _groups(match: re.Match[str]) -> list[str]:
    return [g for g in match.groups() if g is not None]


@dataclass(frozen=True)
class Period:
    """A half-open span of days [start, end) with the label the user gave."""

    label: str
    start: date
    end: date

    def __contains__(self, day: date) -> bool:
        return self.start <= day < self.end

    def months(self) -> list[Period]:
        out, cur = [], self.start
        while cur < self.end:
            out.append(month(f"{cur.year:04d}-{cur.month:02d}"))
            cur = out[-1].end
        return out


def day(text: str) -> date:
    """A day as people write it: 2026-10-05, 2026/10/5, 2026.10.5, 2026年10月5日 (号, 星期一),
    full-width digits; the one parser of the command line and of import files' text cells.
    Raises ValueError naming the accepted forms (or saying the day does not exist)."""
    m = _DAY.match(_WEEKDAY.sub("", _normal(text)))
    if not m:
        raise ValueError(t("detail.not_date", value=text.strip()))
    y, mo, d = (int(g) for g in _groups(m))
    try:
        return date(y, mo, d)
    except ValueError:
        raise ValueError(t("detail.not_real_day", value=text.strip())) from None


def month(text: str) -> Period:
    """A month: 2026-10, 2026-1, 2026/1, 2026.1, 2026年1月, full-width digits."""
    m = _MONTH.match(_normal(text))
    if not m or not 1 <= int(_groups(m)[1]) <= 12:
        raise ValueError(t("detail.not_month", value=text.strip()))
    y, mo = (int(g) for g in _groups(m))
    start = date(y, mo, 1)
    end = date(y + 1, 1, 1) if mo == 12 else date(y, mo + 1, 1)
    return Period(f"{y:04d}-{mo:02d}", start, end)


def quarter(text: str) -> Period:
    """A quarter: 2026Q3, 2026q3, 2026-Q3, 2026年第3季度 (三季度), full-width digits."""
    m = _QUARTER.match(_normal(text))
    if not m:
        raise ValueError(t("detail.not_quarter", value=text.strip()))
    y_text, q_text = _groups(m)
    y, q = int(y_text), int(_CN_DIGIT.get(q_text, q_text))
    start = date(y, 3 * q - 2, 1)
    end = date(y + 1, 1, 1) if q == 4 else date(y, 3 * q + 1, 1)
    return Period(f"{y:04d}Q{q}", start, end)


def year(text: str) -> Period:
    """A year: 2026, 2026年, full-width digits."""
    m = re.fullmatch(r"(\d{4})\s*年?(?:度)?", _normal(text))
    if not m:
        raise ValueError(t("detail.not_year", value=text.strip()))
    y = int(m.group(1))
    return Period(f"{y:04d}", date(y, 1, 1), date(y + 1, 1, 1))


def quarter_of(day: date) -> Period:
    return quarter(f"{day.year}Q{(day.month - 1) // 3 + 1}")


def previous(period: Period) -> Period:
    """The period of the same kind just before `period`."""
    if "Q" in period.label:
        return quarter_of(period.start - timedelta(days=1))
    last = period.start - timedelta(days=1)
    return month(f"{last.year:04d}-{last.month:02d}")


def from_excel_serial(serial: float, epoch: date = EXCEL_EPOCH) -> date:
    """An Excel day number as a date (1900 system by default; serial 60 is not a day)."""
    if epoch == EXCEL_EPOCH and int(serial) == 60:
        raise ValueError(t("detail.excel_60"))
    return epoch + timedelta(days=int(serial))


def file_date(value: object, epoch: date = EXCEL_EPOCH) -> date:
    """A date cell from an import file: a datetime, a serial, or text as `day` reads it."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if (0 if epoch != EXCEL_EPOCH else 1) <= value < 2958466:
            return from_excel_serial(value, epoch)
        raise ValueError(t("detail.not_excel_date", value=value))
    text = str(value).strip()
    if re.fullmatch(r"\d{5}(\.0+)?", text):
        return from_excel_serial(float(text), epoch)
    # A datetime written out as text: 2026-10-05 00:00:00, 2026-10-05T08:30.
    text = re.sub(r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$", "", _normal(text))
    try:
        return day(text)
    except ValueError:
        if _DAY.match(_WEEKDAY.sub("", text)):
            raise ValueError(t("detail.not_real_file_day", value=value)) from None
        raise ValueError(t("detail.not_file_date", value=value)) from None

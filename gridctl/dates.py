"""Dates, months and quarters as users type them, and as files carry them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from gridctl.i18n import t

EXCEL_EPOCH = date(1899, 12, 30)
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})Q([1-4])$", re.IGNORECASE)
_SLASH = re.compile(r"^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$")
_CHINESE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$")


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


def iso_date(text: str) -> date:
    """Strict YYYY-MM-DD; raises ValueError naming the allowed form."""
    text = text.strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError(t("detail.not_date", value=text))
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(t("detail.not_real_day", value=text)) from None


def month(text: str) -> Period:
    m = _MONTH.match(text.strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise ValueError(t("detail.not_month", value=text))
    y, mo = int(m.group(1)), int(m.group(2))
    start = date(y, mo, 1)
    end = date(y + 1, 1, 1) if mo == 12 else date(y, mo + 1, 1)
    return Period(f"{y:04d}-{mo:02d}", start, end)


def quarter(text: str) -> Period:
    m = _QUARTER.match(text.strip())
    if not m:
        raise ValueError(t("detail.not_quarter", value=text))
    y, q = int(m.group(1)), int(m.group(2))
    start = date(y, 3 * q - 2, 1)
    end = date(y + 1, 1, 1) if q == 4 else date(y, 3 * q + 1, 1)
    return Period(f"{y:04d}Q{q}", start, end)


def year(text: str) -> Period:
    if not re.fullmatch(r"\d{4}", text.strip()):
        raise ValueError(t("detail.not_year", value=text))
    y = int(text)
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
    """A date cell from an import file: ISO, 2026/3/5, 2026年3月5日, a datetime, or a serial."""
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
    text = text.split(" ")[0].split("T")[0]
    for pattern in (_SLASH, _CHINESE):
        m = pattern.match(text)
        if m:
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                raise ValueError(t("detail.not_real_file_day", value=value)) from None
    raise ValueError(t("detail.not_file_date", value=value))

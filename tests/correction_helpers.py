"""What the correction tests share: a refusal is one line on stderr, exit 1 (data) or 2
(usage), and leaves every table the corrections touch as it was."""

from __future__ import annotations

TABLES = (
    "meeting",
    "meeting_attendee",
    "meeting_problem",
    "problem",
    "welfare_project",
    "welfare_claim",
    "resource",
    "resource_use",
    "brand",
    "belt_site",
)


def ledger_rows(sql) -> dict[str, list[tuple]]:
    """Every row of every table these commands touch, in a fixed order."""
    return {t: sql(f"SELECT * FROM {t} ORDER BY 1, 2") for t in TABLES}


def refused(cli, sql, args, field, value, code=1):
    before = ledger_rows(sql)
    result = cli(*args, ok=False)
    assert result.exit_code == code, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and field in lines[0] and value in lines[0], result.stderr
    assert ledger_rows(sql) == before
    return lines[0]


def firm_id(sql, name):
    return sql("SELECT id FROM enterprise WHERE name LIKE ?", f"{name}%")[0][0]

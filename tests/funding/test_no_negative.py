"""A year's balance never goes below zero unexplained: an allocation that would leave an
organisation with less than it spent is refused with the figures, and nothing is written.

The park: 数智云 joint branch, 5 members (1000.00 a year at 200); 合肥芯联 branch, 12 members
(2400.00). Figures by hand.
"""

from __future__ import annotations

import json
from decimal import Decimal

XINLIAN = "合肥芯联微电子有限公司"
SHUZHI = "数智云信息技术有限公司"


def _rows(cli) -> dict[tuple[str, int], dict]:
    rows = json.loads(cli("funding", "list", "--format", "json").stdout)
    return {(r["enterprise"], r["year"]): r for r in rows}


def _refused(cli, *args: str) -> str:
    result = cli(*args, ok=False)
    assert result.exit_code == 1, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


def _allocations(sql) -> list[tuple]:
    return sql(
        "SELECT enterprise_id, year, members, amount_cents FROM funding_allocation ORDER BY 1"
    )


def test_closing_a_spent_organisation_then_allocating_again_is_refused(cli, park, sql):
    cli("funding", "allocate", "--year", "2026")
    cli("funding", "spend", SHUZHI, "800.00", "--date", "2026-07-01", "--purpose", "主题党日")
    cli("enterprise", "update", SHUZHI, "--status", "closed")
    before = _allocations(sql)
    line = _refused(cli, "funding", "allocate", "--year", "2026")
    # allocated 0 (closed) + support 0 - spent 800 = -800
    for figure in (SHUZHI, "2026", "0.00", "1000.00", "800.00", "-800.00"):
        assert figure in line, line
    assert _allocations(sql) == before  # nothing written
    assert _rows(cli)[(SHUZHI, 2026)]["balance"] == "200.00"
    # Support for the difference makes the allocation possible; the balance is then 0.
    cli("funding", "support", SHUZHI, "800.00", "--year", "2026", "--reason", "注销前已支出")
    cli("funding", "allocate", "--year", "2026")
    row = _rows(cli)[(SHUZHI, 2026)]
    assert (row["amount"], row["support"], row["spent"], row["balance"]) == (
        "0.00",
        "800.00",
        "800.00",
        "0.00",
    )
    assert all(Decimal(r["balance"]) >= 0 for r in _rows(cli).values())


def test_lowering_members_below_what_was_spent_is_refused(cli, park, sql):
    cli("funding", "allocate", "--year", "2026")
    cli("funding", "spend", XINLIAN, "2000.00", "--date", "2026-05-01", "--purpose", "党课")
    cli("funding", "members", XINLIAN, "2", "--from", "2026-01-01")
    line = _refused(cli, "funding", "allocate", "--year", "2026")
    # 2 x 200 = 400 allocated - 2000 spent = -1600
    assert "400.00" in line and "2000.00" in line and "-1600.00" in line, line
    assert sql(
        "SELECT amount_cents FROM funding_allocation a JOIN enterprise e "
        "ON e.id = a.enterprise_id WHERE e.name = ?",
        XINLIAN,
    ) == [(240000,)]
    # Lowering to what still covers the spending is allowed: 10 x 200 = 2000, balance 0.
    cli("funding", "members", XINLIAN, "10", "--from", "2026-01-01")
    cli("funding", "allocate", "--year", "2026")
    assert _rows(cli)[(XINLIAN, 2026)]["balance"] == "0.00"


def test_in_chinese_the_refusal_names_the_figures(cli, park, monkeypatch):
    cli("funding", "allocate", "--year", "2026")
    cli("funding", "spend", SHUZHI, "1000.00", "--date", "2026-07-01", "--purpose", "主题党日")
    cli("enterprise", "update", SHUZHI, "--party-org", "none")
    monkeypatch.setenv("GRIDCTL_LANG", "zh")
    line = _refused(cli, "funding", "allocate", "--year", "2026")
    assert "结余 -1000.00 元" in line and "补助" in line, line

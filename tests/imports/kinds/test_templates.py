"""The templates of the import kinds: their Chinese headers are those of the sample files, and
an empty template imports as no rows."""

from __future__ import annotations

from tests.imports.kinds.test_diary import DIARY_HEAD
from tests.imports.kinds.test_funding import FUND_HEAD
from tests.imports.kinds.test_meetings import MEET_HEAD
from tests.imports.kinds.test_resource_uses import USE_HEAD
from tests.imports.kinds.test_welfare_claims import CLAIM_HEAD


def test_templates_have_the_chinese_headers_of_the_sample_files(cli, park, tmp_path):
    from openpyxl import load_workbook

    expected = {
        "belt": ["示范带", "顺序", "企业", "特色"],
        "welfare_claims": CLAIM_HEAD,
        "meetings": MEET_HEAD,
    }
    for kind, head in expected.items():
        out = tmp_path / f"{kind}.xlsx"
        cli("import", "template", kind, "-o", str(out), "--lang", "zh")
        cells = [c.value for c in next(load_workbook(out).active.iter_rows())]
        assert [str(c).strip("*") for c in cells] == head
        assert cli("import", kind, str(out)).stdout.startswith(f"{out} (sheet ")
        assert "): 0 rows: 0 inserted" in cli("import", kind, str(out)).stdout


def test_templates(cli, park, tmp_path):
    for kind, head in (("diary", DIARY_HEAD), ("funding", FUND_HEAD), ("resource_uses", USE_HEAD)):
        out = tmp_path / f"{kind}.csv"
        cli("import", "template", kind, "-o", str(out))
        assert out.read_text(encoding="utf-8-sig").splitlines() == [",".join(head)]

"""The sample park's own work (sample_data/park/) loads through the services."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from gridctl.errors import GridctlError
from gridctl.ledger.config import resolve
from gridctl.ledger.session import open_ledger
from gridctl.registers.enterprises import add_enterprise
from gridctl.registers.grids import add_grid
from gridctl.registers.groups import add_group
from gridctl.registers.lookup import find_enterprise, find_supervisor
from gridctl.registers.supervisors import add_supervisor
from gridctl.sample import load_park_extras

SAMPLE = Path(__file__).resolve().parents[1] / "sample_data"


def _write(folder: Path, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def test_loader_reads_each_kind(park, tmp_path, sql):
    folder = tmp_path / "park"
    _write(folder, "member_changes.csv", "企业,党员人数,生效日期\n合肥芯联,15,2025-12-01\n")
    _write(
        folder,
        "funding.csv",
        "类型,企业,金额,年度,日期,说明\n补助,数智云,300.50,2026,"
        "2026-03-01,党费不足\n支出,合肥芯联,100,2026,2026-04-01,党课\n",
    )
    _write(
        folder,
        "meetings.csv",
        "类型,日期,指导组,名称,参会人员,议题,议定事项\n"
        "指导组月度例会,2026-11-05,第一指导组,十一月例会,S001、S002,"
        "通报走访；研究问题,补访\n",
    )
    _write(folder, "welfare_projects.csv", "名称,类别,说明\n无偿献血,志愿服务,\n")
    _write(
        folder,
        "welfare_claims.csv",
        "项目,企业,认领日期,完成日期,参与人数,备注\n无偿献血,江淮,2026-04-01,2026-04-20,38,\n",
    )
    _write(
        folder,
        "resources.csv",
        "名称,类型,提供企业,网格,容纳人数,开放方式,地址\n芯联直播间,直播间,合肥芯联,,20,预约,\n",
    )
    _write(
        folder,
        "resource_uses.csv",
        "资源,使用企业,日期,用途,参与人数\n芯联直播间,江淮,2026-05-12,直播带岗,12\n",
    )
    _write(folder, "chains.csv", "产业链,牵头企业,书记,备注\n大数据信息技术,数智云,,联盟\n")
    _write(folder, "brands.csv", "企业,品牌名称,创建年份,说明\n合肥芯联,芯火相传,2019,\n")
    _write(
        folder,
        "belt.csv",
        "示范带,顺序,企业,特色\n党建示范带,1,江淮,一站\n党建示范带,2,合肥芯联,二站\n",
    )
    with open_ledger(resolve(None), write=True) as session:
        lines = load_park_extras(session, folder)
    assert len(lines) == 10 and lines[1] == "Loaded park/funding.csv: 2 rows"
    # 芯联 has 15 members on 1 January 2026 (from 2025-12-01): 15 x 200 = 3000, less 100 spent.
    assert sql(
        "SELECT a.members, a.amount_cents FROM funding_allocation a JOIN enterprise e"
        " ON e.id = a.enterprise_id WHERE e.name LIKE '合肥芯联%'"
    ) == [(15, 300000)]
    assert sql("SELECT sum(amount_cents) FROM funding_support") == [(30050,)]
    assert sql("SELECT count(*) FROM meeting_attendee") == [(2,)]
    assert sql("SELECT participants FROM welfare_claim") == [(38,)]
    assert sql("SELECT count(*) FROM resource_use") == [(1,)]
    assert sql("SELECT position, feature FROM belt_site ORDER BY position") == [
        (1, "一站"),
        (2, "二站"),
    ]


def test_a_bad_row_names_file_and_row_and_nothing_is_kept(park, tmp_path, sql):
    folder = tmp_path / "park"
    _write(
        folder,
        "brands.csv",
        "企业,品牌名称,创建年份,说明\n合肥芯联,芯火相传,2019,\n无此企业,红色引擎,2020,\n",
    )
    # brands.csv goes through the importer: refused whole, naming file, row and column.
    with pytest.raises(GridctlError) as caught:
        with open_ledger(resolve(None), write=True) as session:
            load_park_extras(session, folder)
    assert "brands.csv:3: 企业" in caught.value.message()
    assert "brands.csv:3" in caught.value.message() and "无此企业" in caught.value.message()
    assert sql("SELECT count(*) FROM brand") == [(0,)]


def _read(name: str, encoding: str = "utf-8-sig") -> list[dict[str, str]]:
    for enc in (encoding, "gb18030"):
        try:
            with (SAMPLE / name).open(encoding=enc, newline="") as f:
                return list(csv.DictReader(f))
        except UnicodeDecodeError:
            continue
    raise AssertionError(name)


@pytest.mark.skipif(
    not (SAMPLE / "enterprises.csv").exists(), reason="the sample registers land separately"
)
def test_committed_sample_files_load_on_the_sample_registers(ledger, sql):
    """Builds the sample's registers with the services (no import machinery needed), adds
    the two problems referred in referrals.csv, then loads sample_data/park/."""
    from gridctl.ledger.models import Problem

    with open_ledger(resolve(None), write=True) as s:
        for r in _read("grids.csv"):
            add_grid(s, code=r["编码"], name=r["名称"], parent=r["上级网格"] or None)
        for r in _read("groups.csv"):
            add_group(s, name=r["名称"], grid=r["网格"])
        for r in _read("supervisors.csv"):
            add_supervisor(s, code=r["编号"], name=r["姓名"], group=r["指导组"], kind=r["类型"])
        for r in _read("enterprises.csv", "gb18030"):
            add_enterprise(
                s,
                name=r["企业名称"],
                grid=r["网格"],
                credit_code=r["统一社会信用代码"],
                chain=r["产业链"] or None,
                party_org=r["党组织类型"],
                members=int(r["党员人数"] or 0),
                supervisor=r["联系指导员"],
            )
        wanted = {(r["企业"], r["问题描述"]) for r in _read("park/referrals.csv")}
        for r in _read("problems.csv"):
            if (r["企业"], r["问题描述"]) in wanted:
                firm = find_enterprise(s, r["企业"])
                person = find_supervisor(s, r["指导员"])
                s.add(
                    Problem(
                        enterprise_id=firm.id,
                        supervisor_id=person.id,
                        description=r["问题描述"],
                        opened=date.fromisoformat(r["提出日期"]),
                        status="in-progress",
                    )
                )
        s.flush()
        lines = load_park_extras(s, SAMPLE / "park")
    assert len(lines) == 12
    # diary.csv: 10 entries, none of them visits; resource_uses.csv: 3 uses, 77 people.
    assert sql("SELECT count(*), count(DISTINCT supervisor_id) FROM diary_entry") == [(10, 8)]
    assert sql("SELECT count(*), sum(participants) FROM resource_use") == [(3, 77)]
    # funding.csv: support 800 + 600, spending 950.50 + 12800.
    assert sql("SELECT sum(amount_cents) FROM funding_support") == [(140000,)]
    assert sql("SELECT sum(amount_cents) FROM funding_spending") == [(1375050,)]
    assert sql("SELECT count(*) FROM meeting") == [(5,)]
    assert sql("SELECT count(*) FROM meeting_problem WHERE outcome IS NOT NULL") == [(2,)]
    assert sql("SELECT count(*) FROM problem WHERE status = 'solved'") == [(1,)]
    # 2026 allocation: members on 1 January 2026 x 200, by hand from the files: the register's
    # 926 members, 舜天 3 -> 5 from 2025-12-15 (+2); 通科 and 达耀 change later in 2026.
    assert sql("SELECT sum(members), sum(amount_cents) FROM funding_allocation") == [
        (928, 928 * 20000)
    ]
    assert sql("SELECT count(*) FROM belt_site") == [(4,)]

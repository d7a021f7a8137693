"""The sample park in sample_data/ holds the park's own figures (5 + 10 grids, 5 groups,
60 supervisors, about 300 enterprises, 35+ party organisations, 900+ members).

Read with the csv module and openpyxl directly, not through the import machinery, so these
checks stand on their own: counts, references between files, credit codes, natural keys.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from gridctl import uscc
from gridctl.dates import file_date

DATA = Path(__file__).resolve().parent.parent / "sample_data"
FILES = [
    "grids.csv",
    "groups.csv",
    "supervisors.csv",
    "enterprises.csv",
    "visits.xlsx",
    "problems.csv",
    "activities.csv",
]
LAST_DAY = date(2026, 11, 20)


def read_csv(name: str, encoding: str) -> list[dict[str, str]]:
    text = (DATA / name).read_bytes().decode(encoding)  # strict: a wrong encoding fails here
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.fixture(scope="module")
def grids() -> list[dict[str, str]]:
    raw = (DATA / "grids.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "grids.csv is UTF-8 with BOM"
    return read_csv("grids.csv", "utf-8-sig")


@pytest.fixture(scope="module")
def groups() -> list[dict[str, str]]:
    return read_csv("groups.csv", "utf-8")


@pytest.fixture(scope="module")
def supervisors() -> list[dict[str, str]]:
    return read_csv("supervisors.csv", "utf-8")


@pytest.fixture(scope="module")
def firms() -> list[dict[str, str]]:
    raw = (DATA / "enterprises.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # saved the way Excel on Chinese Windows saves it
    return read_csv("enterprises.csv", "gb18030")


@pytest.fixture(scope="module")
def visits() -> list[dict[str, object]]:
    wb = openpyxl.load_workbook(DATA / "visits.xlsx")
    assert wb.sheetnames == ["走访记录"]
    rows = list(wb["走访记录"].iter_rows(values_only=True))
    wb.close()
    header = list(rows[0])
    assert header == ["指导员", "企业", "走访日期", "走访类型", "走访情况", "发现问题"]
    return [dict(zip(header, row, strict=True)) for row in rows[1:]]


@pytest.fixture(scope="module")
def problems() -> list[dict[str, str]]:
    return read_csv("problems.csv", "utf-8")


@pytest.fixture(scope="module")
def activities() -> list[dict[str, str]]:
    return read_csv("activities.csv", "utf-8")


def test_headers_are_the_import_columns_in_chinese(grids, groups, supervisors, firms) -> None:
    assert list(grids[0]) == ["编码", "名称", "上级网格"]
    assert list(groups[0]) == ["名称", "网格", "组长"]
    assert list(supervisors[0]) == ["编号", "姓名", "指导组", "类型", "电话"]
    assert list(firms[0]) == [
        "企业名称",
        "统一社会信用代码",
        "网格",
        "产业链",
        "党组织类型",
        "党员人数",
        "联系指导员",
        "企业类别",
        "安全网格",
        "综治网格",
        "市场监管网格",
    ]


def test_five_level1_and_ten_level2_grids(grids) -> None:
    level1 = {g["编码"] for g in grids if not g["上级网格"]}
    level2 = [g for g in grids if g["上级网格"]]
    assert len(level1) == 5
    assert len(level2) == 10
    assert all(g["上级网格"] in level1 for g in level2)
    assert Counter(g["上级网格"] for g in level2) == {code: 2 for code in level1}
    assert len({g["编码"] for g in grids}) == 15


def test_five_groups_each_on_a_level1_grid_led_by_its_own(grids, groups, supervisors) -> None:
    level1 = {g["编码"] for g in grids if not g["上级网格"]}
    group_of = {s["编号"]: s["指导组"] for s in supervisors}
    assert len(groups) == 5
    assert {g["网格"] for g in groups} == level1
    for g in groups:
        assert group_of[g["组长"]] == g["名称"]


def test_sixty_supervisors_of_both_kinds(groups, supervisors) -> None:
    assert len(supervisors) == 60
    assert len({s["编号"] for s in supervisors}) == 60
    assert Counter(s["指导组"] for s in supervisors) == {g["名称"]: 12 for g in groups}
    kinds = Counter(s["类型"] for s in supervisors)
    assert set(kinds) == {"专职", "兼职"}
    for g in groups:
        full = [s for s in supervisors if s["指导组"] == g["名称"] and s["类型"] == "专职"]
        assert 2 <= len(full) <= 3
    names = Counter(s["姓名"] for s in supervisors)
    assert any(n > 1 for n in names.values()), "names repeat; the code identifies"
    phones = [s["电话"] for s in supervisors]
    assert len(set(phones)) == 60
    assert all(len(p) == 11 and p.isdigit() and p[:2] in {"13", "15", "18"} for p in phones)


def test_enterprises_figures(firms) -> None:
    assert 280 <= len(firms) <= 320
    core = [f for f in firms if f["产业链"]]
    assert len(core) >= 68
    assert {f["产业链"] for f in core} == {"新能源汽车", "微电子", "节能环保装备", "大数据信息技术"}
    with_org = [f for f in firms if f["党组织类型"] != "无"]
    assert len(with_org) >= 35
    assert len([f for f in core if f["党组织类型"] != "无"]) >= 35
    assert {f["党组织类型"] for f in firms} <= {"无", "党委", "党总支", "党支部", "联合党支部"}
    members = sum(int(f["党员人数"]) for f in firms)
    assert 850 <= members <= 1000
    assert all(int(f["党员人数"]) == 0 for f in firms if f["党组织类型"] == "无")
    assert all(int(f["党员人数"]) > 0 for f in with_org)
    for f in firms:
        expected = "每季度走访" if f["党组织类型"] == "无" else "每月走访"
        assert f["企业类别"] == expected, f["企业名称"]


def test_enterprise_names_unique_and_not_inside_each_other(firms) -> None:
    names = [f["企业名称"] for f in firms]
    assert len(set(names)) == len(names)
    for a in names:
        assert not any(a != b and a in b for b in names), a


def test_every_credit_code_valid_and_unique(firms) -> None:
    codes = [f["统一社会信用代码"] for f in firms]
    assert all(uscc.problem(c) is None for c in codes), [c for c in codes if uscc.problem(c)]
    assert len(set(codes)) == len(codes)
    assert all(c.startswith("91") and c[2:6] == "3401" for c in codes)


def test_every_enterprise_carries_its_codes_in_the_other_grid_networks(firms) -> None:
    # 多网融合: one safety and one public-order grid per level-2 grid, market supervision per
    # level-1 grid; enterprises of one party-building grid share them.
    by_grid: dict[str, set[tuple[str, str, str]]] = {}
    for f in firms:
        by_grid.setdefault(f["网格"], set()).add((f["安全网格"], f["综治网格"], f["市场监管网格"]))
    assert len(by_grid) == 10
    assert all(len(codes) == 1 for codes in by_grid.values())
    assert by_grid["G5-2"] == {("AQ0502", "ZZ0502", "SJ05")}


def test_enterprise_in_level2_grid_with_contact_from_that_grids_group(
    grids, groups, supervisors, firms
) -> None:
    parent = {g["编码"]: g["上级网格"] for g in grids if g["上级网格"]}
    group_on = {g["网格"]: g["名称"] for g in groups}
    group_of = {s["编号"]: s["指导组"] for s in supervisors}
    for f in firms:
        assert f["网格"] in parent, f["网格"]
        assert group_of[f["联系指导员"]] == group_on[parent[f["网格"]]], f["企业名称"]


def test_visits_reference_known_people_and_firms_with_unique_keys(
    supervisors, firms, visits
) -> None:
    codes = {s["编号"] for s in supervisors}
    name_of = {f["统一社会信用代码"]: f["企业名称"] for f in firms}
    names = set(name_of.values())
    assert 1500 <= len(visits) <= 5000
    keys = set()
    by_code = 0
    text_dates = Counter()
    for v in visits:
        assert v["指导员"] in codes
        ref = v["企业"]
        assert ref in names or ref in name_of, ref
        by_code += ref in name_of
        if isinstance(v["走访日期"], str):
            text_dates["年" in v["走访日期"]] += 1
        else:
            assert isinstance(v["走访日期"], datetime)
        day = file_date(v["走访日期"])
        assert date(2025, 12, 1) <= day <= LAST_DAY
        assert v["走访类型"] in {"日常走访", "党建指导", "政策宣讲", "问题回访", "多网联合走访"}
        assert v["走访情况"]
        key = (v["指导员"], name_of.get(ref, ref), day, v["走访类型"])
        assert key not in keys, key
        keys.add(key)
    assert by_code > 0, "some rows give the credit code"
    assert text_dates[True] > 0 and text_dates[False] > 0, "both text date forms appear"
    with_problem = sum(1 for v in visits if v["发现问题"])
    assert 0.08 <= with_problem / len(visits) <= 0.17


def test_visit_frequency_follows_the_class(firms, visits) -> None:
    name_of = {f["统一社会信用代码"]: f["企业名称"] for f in firms}
    count = Counter(name_of.get(v["企业"], v["企业"]) for v in visits)
    monthly = [count[f["企业名称"]] for f in firms if f["企业类别"] == "每月走访"]
    quarterly = [count[f["企业名称"]] for f in firms if f["企业类别"] == "每季度走访"]
    assert 10 <= sum(monthly) / len(monthly) <= 16
    assert 3 <= sum(quarterly) / len(quarterly) <= 8


def test_visits_by_the_enterprises_own_group(supervisors, firms, visits) -> None:
    group_of = {s["编号"]: s["指导组"] for s in supervisors}
    firm = {f["企业名称"]: f for f in firms} | {f["统一社会信用代码"]: f for f in firms}
    by_contact = 0
    for v in visits:
        f = firm[v["企业"]]
        assert group_of[v["指导员"]] == group_of[f["联系指导员"]]
        by_contact += v["指导员"] == f["联系指导员"]
    assert by_contact / len(visits) > 0.7


def test_problems_csv_matches_visit_problems(firms, visits, problems) -> None:
    name_of = {f["统一社会信用代码"]: f["企业名称"] for f in firms}
    raised = {
        (name_of.get(v["企业"], v["企业"]), v["指导员"], v["发现问题"], file_date(v["走访日期"]))
        for v in visits
        if v["发现问题"]
    }
    assert len(problems) < len(raised)
    keys = set()
    for p in problems:
        key = (p["企业"], p["指导员"], p["问题描述"], date.fromisoformat(p["提出日期"]))
        assert key in raised, key
        assert key not in keys
        keys.add(key)
        if p["状态"] in {"已解决", "已关闭"}:
            done = date.fromisoformat(p["办结日期"])
            assert date.fromisoformat(p["提出日期"]) < done <= LAST_DAY
            assert p["解决情况"] and p["办结人"]
        else:
            assert p["状态"] == "办理中"
            assert p["办结日期"] == ""
    finished = [p for p in problems if p["状态"] in {"已解决", "已关闭"}]
    assert 0.6 <= len(finished) / len(raised) <= 0.8
    statuses = Counter(p["状态"] for p in finished)
    assert statuses["已解决"] > statuses["已关闭"] > 0


def test_activities(supervisors, firms, activities) -> None:
    codes = {s["编号"] for s in supervisors}
    names = {f["企业名称"] for f in firms}
    assert 100 <= len(activities) <= 140
    kinds = {a["活动类型"] for a in activities}
    assert kinds == {"主题党日", "党课", "培训", "联建共建", "公益活动", "志愿服务"}
    for a in activities:
        assert a["指导员"] in codes
        assert date(2025, 12, 1) <= date.fromisoformat(a["活动日期"]) <= LAST_DAY
        assert set(a["参与企业"].split("；")) <= names
        assert int(a["参与人数"]) > 0


def test_generator_is_deterministic_and_files_are_current(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, str(DATA / "generate.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "enterprises" in out.stdout
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), name

"""Refusals read whole in the user's language: under a Chinese locale no English detail is
left in the line, and in English the line is what it always was. Also the catalogue itself:
every key in both languages, with the same placeholders."""

from __future__ import annotations

import json
import string
from pathlib import Path

import pytest

from gridctl.i18n import catalogue

sqlite_only = pytest.mark.sqlite_only

# A rules file whose only fault is a rule's area.
BAD_AREA = """
[[ruleset]]
effective = 2025-01-01
[ruleset.rules.visit]
area = "nope"
points = 1
"""


def refusal(cli, monkeypatch, lang: str, *args: str) -> str:
    """The one line on stderr of a refused command, in `lang`; exit 1 or 2."""
    monkeypatch.setenv("GRIDCTL_LANG", lang)
    result = cli(*args, ok=False)
    assert result.exit_code in (1, 2), result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def both(cli, monkeypatch, *args: str) -> tuple[str, str]:
    return refusal(cli, monkeypatch, "zh", *args), refusal(cli, monkeypatch, "en", *args)


def test_activity_in_the_future(cli, park, monkeypatch):
    args = ("activity", "add", "七一主题党日", "--supervisor", "S001", "--date", "2099-01-01")
    assert both(cli, monkeypatch, *args) == (
        "错误：--date：“2099-01-01”不被接受：活动日期不能晚于今天",
        "Error: --date: '2099-01-01' refused: an activity cannot be in the future",
    )


def test_visit_recorded_twice(cli, park, monkeypatch, sql):
    args = ("visit", "add", "-s", "S001", "-e", "合肥芯联微电子有限公司", "--date", "2025-03-01")
    cli(*args)
    (first,) = sql("SELECT id FROM visit")
    assert both(cli, monkeypatch, *args) == (
        f"错误：--date：“2025-03-01”冲突：走访 {first[0]} 已登记此次“日常走访”",
        f"Error: --date: '2025-03-01' refused: visit {first[0]} already records this routine visit",
    )


def test_points_adjusted_by_zero_or_by_no_number(cli, park, monkeypatch):
    base = ("points", "adjust", "S001", "--area", "problems", "--reason", "更正")
    assert both(cli, monkeypatch, *base, "0") == (
        "错误：POINTS：“0”不被接受：调整分值不能为 0",
        "Error: POINTS: '0' refused: an adjustment must not be 0",
    )
    assert both(cli, monkeypatch, *base, "abc") == (
        "错误：POINTS 的值无效：“abc”不是分值，应如 2、-1 或 0.5",
        "Error: Invalid value for POINTS: 'abc' is not a number of points, e.g. 2, -1 or 0.5",
    )


def test_points_adjusted_without_a_reason(cli, park, monkeypatch):
    args = ("points", "adjust", "S001", "1", "--area", "problems", "--reason", " ")
    assert both(cli, monkeypatch, *args) == (
        "错误：--reason：“ ”不被接受：请写明调整原因",
        "Error: --reason: ' ' refused: say why the points are adjusted",
    )


def test_bad_rules_file(cli, park, monkeypatch, tmp_path):
    rules = tmp_path / "rules.toml"
    rules.write_text(BAD_AREA, encoding="utf-8")
    monkeypatch.setenv("GRIDCTL_RULES", str(rules))
    assert both(cli, monkeypatch, "points", "rules") == (
        f"错误：积分规则：“{rules}”不被接受："
        "ruleset[1].rules.visit.area = 'nope'：可选：problems, activities, effectiveness",
        f"Error: rules: '{rules}' refused: "
        "ruleset[1].rules.visit.area = 'nope': allowed: problems, activities, effectiveness",
    )


def test_rules_file_that_is_not_there(cli, park, monkeypatch, tmp_path):
    gone = tmp_path / "gone.toml"
    monkeypatch.setenv("GRIDCTL_RULES", str(gone))
    assert both(cli, monkeypatch, "points", "show", "--month", "2025-03") == (
        f"错误：GRIDCTL_RULES：“{gone}”不被接受：该处没有规则文件",
        f"Error: GRIDCTL_RULES: '{gone}' refused: no rules file there",
    )


def test_record_id_that_is_no_number(cli, park, monkeypatch):
    assert both(cli, monkeypatch, "problem", "solve", "abc", "--note", "已解决") == (
        "错误：'ID' 的值无效：“abc”不是记录编号，应为整数，如 12",
        "Error: Invalid value for 'ID': 'abc' is not a record id; use a whole number such as 12",
    )


@sqlite_only
def test_backup_onto_the_ledger_itself(cli, park, monkeypatch):
    itself = Path(park).resolve()
    assert both(cli, monkeypatch, "db", "backup", str(park), "--force") == (
        f"错误：FILE：“{itself}”不被接受：备份文件不能是台账本身",
        f"Error: FILE: '{itself}' refused: the backup must not be the ledger itself",
    )


@sqlite_only
def test_restore_of_a_file_that_is_no_ledger(cli, park, monkeypatch, tmp_path):
    csv = tmp_path / "grids.csv"
    csv.write_bytes(b"code,name\nG1,x\n")
    assert both(cli, monkeypatch, "db", "restore", str(csv), "--force") == (
        f"错误：FILE：“{csv}”不被接受：不是 gridctl 台账（不是 SQLite 数据库）",
        f"Error: FILE: '{csv}' refused: not a gridctl ledger (not an SQLite database)",
    )


@sqlite_only
def test_db_check_findings_in_chinese(cli, park, monkeypatch):
    from gridctl.ledger.migrate import HEAD

    monkeypatch.setenv("GRIDCTL_LANG", "zh")
    found = {f["check"]: f["detail"] for f in json.loads(cli("db", "check", "-f", "json").stdout)}
    assert found["schema"] == f"{HEAD}（最新 {HEAD}）"
    assert found["foreign_keys"] == "0 处不一致"
    assert found["points"] == "0 处问题"
    monkeypatch.setenv("GRIDCTL_LANG", "en")
    found = {f["check"]: f["detail"] for f in json.loads(cli("db", "check", "-f", "json").stdout)}
    assert found["schema"] == f"{HEAD} (newest {HEAD})"
    assert found["foreign_keys"] == "0 broken"
    assert found["points"] == "0 problems"


CAPPED = """
[[ruleset]]
effective = 2025-01-01
[ruleset.rules.visit]
area = "problems"
points = 1
cap = 1
cap_per = "month"
"""


def test_explain_notes_in_chinese(cli, park, monkeypatch, tmp_path, actor):
    """The cap note is stored in English in the ledger and shown in the user's language."""
    rules = tmp_path / "rules.toml"
    rules.write_text(CAPPED, encoding="utf-8")
    monkeypatch.setenv("GRIDCTL_RULES", str(rules))
    for firm in ("合肥芯联微电子有限公司", "江淮新能源汽车零部件有限公司"):
        cli("visit", "add", "-s", "S001", "-e", firm, "--date", "2025-03-03")
    cli(
        "points",
        "adjust",
        "S001",
        "0.5",
        "--area",
        "problems",
        "--reason",
        "更正",
        "--date",
        "2025-03-04",
    )
    args = ("points", "explain", "S001", "--month", "2025-03", "-f", "json")
    notes = {}
    for lang in ("zh", "en"):
        monkeypatch.setenv("GRIDCTL_LANG", lang)
        notes[lang] = [r["note"] for r in json.loads(cli(*args).stdout)]
    assert notes["zh"] == ["", "已达上限：每月 1 分", f"经办人 {actor}"]
    assert notes["en"] == ["", "capped: 1 per month", f"by {actor}"]


# --- the catalogue -------------------------------------------------------------------------


def placeholders(text: str) -> set[str]:
    """The names of a text's {placeholders}, without conversions or format specs."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_key_has_both_languages_with_the_same_placeholders():
    wrong = {}
    for key, (en, zh) in catalogue.ALL.items():
        if not en.strip() or not zh.strip():
            wrong[key] = "empty"
        elif placeholders(en) != placeholders(zh):
            wrong[key] = f"en {sorted(placeholders(en))} zh {sorted(placeholders(zh))}"
    assert wrong == {}


def test_every_text_formats_with_its_placeholders():
    """A stray brace in either language would break the message only when it is shown."""
    for key, texts in catalogue.ALL.items():
        names = placeholders(texts[0])
        if any("." in n or "[" in n for n in names):
            continue  # filled in by rich, not by t()
        params = {name: 1 for name in names}
        for text in texts:
            assert text.format(**params), key


# --- the park's services ---------------------------------------------------------------------

XINLIAN = "合肥芯联微电子有限公司"


def test_spending_over_the_balance(cli, park, monkeypatch):
    cli("funding", "allocate", "--year", "2026")  # 芯联: 12 members x 200 = 2400.00 yuan
    args = ("funding", "spend", "合肥芯联", "2400.01", "--date", "2026-07-01", "--purpose", "活动")
    assert both(cli, monkeypatch, *args) == (
        "错误：AMOUNT：“2400.01”不被接受：超出 2026 年度结余 2400.00 元（请先下拨当年经费或登记补助）",
        "Error: AMOUNT: '2400.01' refused: more than the 2026 balance of 2400.00 yuan "
        "(allocate the year or grant support first)",
    )


def test_funding_workbook_that_is_not_xlsx(cli, park, monkeypatch, tmp_path):
    out = tmp_path / "经费.csv"
    args = ("funding", "report", "--year", "2026", "-o", str(out))
    assert both(cli, monkeypatch, *args) == (
        f"错误：--output 的值无效：{out}：工作簿文件名须以 .xlsx 结尾",
        f"Error: Invalid value for --output: {out}: the workbook must end in .xlsx",
    )


def test_welfare_claims_without_an_organisation_and_twice(cli, park, monkeypatch):
    cli("welfare", "project-add", "无偿献血")
    claim = ("welfare", "claim", "无偿献血", "--date", "2026-05-04", "-e")
    assert both(cli, monkeypatch, *claim, "绿源") == (
        "错误：--enterprise：“绿源”不被接受：该企业未建立党组织，不能认领公益项目",
        "Error: --enterprise: '绿源' refused: has no party organisation to claim projects",
    )
    cli(*claim, "合肥芯联")
    assert both(cli, monkeypatch, *claim, "合肥芯联") == (
        f"错误：PROJECT：“无偿献血”冲突：{XINLIAN} 已有该项目未完成的认领（编号 1）",
        f"Error: PROJECT: '无偿献血' refused: {XINLIAN} already holds claim 1 on it",
    )


def test_resource_used_by_more_than_it_holds(cli, park, monkeypatch):
    cli(
        "resource",
        "add",
        "芯联直播间",
        "--kind",
        "直播间",
        "--owner",
        "合肥芯联",
        "--capacity",
        "20",
    )
    args = ("resource", "use", "芯联直播间", "-e", "江淮", "--purpose", "直播带岗")
    assert both(cli, monkeypatch, *args, "--participants", "21") == (
        "错误：--participants：“21”不被接受：芯联直播间最多容纳 20 人",
        "Error: --participants: '21' refused: 芯联直播间 holds 20",
    )
    assert both(cli, monkeypatch, "resource", "use-delete", "7") == (
        "错误：USE_ID：找不到“7”（应为使用记录编号，见 gridctl resource uses）",
        "Error: USE_ID: nothing matches '7' (expected a use id; see `gridctl resource uses`)",
    )


def test_brand_without_a_name(cli, park, monkeypatch):
    assert both(cli, monkeypatch, "brand", "add", "合肥芯联", " ") == (
        "错误：NAME：“ ”不被接受：不能为空",
        "Error: NAME: ' ' refused: must not be empty",
    )


def test_diary_of_an_unknown_or_inactive_supervisor(cli, park, monkeypatch):
    assert both(cli, monkeypatch, "diary", "add", "-s", "S999", "整理材料") == (
        "错误：--supervisor：找不到“S999”（应为指导员编号或姓名，见 gridctl supervisor list）",
        "Error: --supervisor: nothing matches 'S999' "
        "(expected a supervisor code or name; see `gridctl supervisor list`)",
    )
    cli("supervisor", "update", "S004", "--inactive")
    assert both(cli, monkeypatch, "diary", "add", "-s", "S004", "整理材料") == (
        "错误：--supervisor：“S004”不被接受：该指导员已离岗",
        "Error: --supervisor: 'S004' refused: this supervisor is no longer active",
    )


def test_import_row_errors_from_the_services_in_chinese(cli, park, monkeypatch, tmp_path):
    """The rows of an import are checked by the services' rules: their refusals read in the
    user's language too (the row's layout is the import's own)."""
    from tests.import_helpers import write_csv

    cli("welfare", "project-add", "无偿献血")
    head = ["项目", "企业", "认领日期", "完成日期", "参与人数", "备注"]
    monkeypatch.setenv("GRIDCTL_LANG", "zh")

    def refused(name: str, *rows: list[str]) -> list[str]:
        path = write_csv(tmp_path / name, [head, *rows])
        result = cli("import", "welfare_claims", str(path), ok=False)
        assert result.exit_code == 1
        *errors, last = result.stderr.splitlines()
        assert last == f"错误：{path}：拒绝导入，共 {len(errors)} 处错误；未写入任何数据"
        return [e.removeprefix(f"{path}:") for e in errors]

    assert refused(
        "a.csv",
        ["无偿献血", "绿源环保装备有限公司", "2026-04-01", "", "", ""],
        ["无偿献血", XINLIAN, "2026-05-01", "2026-04-20", "3", ""],
    ) == [
        "2: 企业: 该企业未建立党组织，不能认领公益项目 (绿源环保装备有限公司)",
        "3: 完成日期: 不得早于认领日期（2026-05-01） (2026-04-20)",
    ]
    # One open claim of a project at a time, across the file's rows.
    assert refused(
        "b.csv",
        ["无偿献血", XINLIAN, "2026-04-01", "", "", ""],
        ["无偿献血", XINLIAN, "2026-05-01", "2026-05-02", "3", ""],
    ) == [f"3: 项目: {XINLIAN} 已有该项目未完成的认领（第 2 行）"]


def test_meetings_refused_in_chinese(cli, park, monkeypatch, sql):
    """The meeting's kind and a problem's status read in the user's language too."""
    monthly = ("meeting", "add", "--kind", "group-monthly", "--group", "第一指导组", "--date")
    cli(*monthly, "2026-10-05")
    assert both(cli, monkeypatch, *monthly, "2026-10-20") == (
        "错误：--date：“2026-10-20”冲突：2026-10 已有指导组月度例会（会议 1）",
        "Error: --date: '2026-10-20' refused: meeting 1 is already this group-monthly meeting "
        "of 2026-10",
    )
    assert both(cli, monkeypatch, *monthly, "2026-11-05", "-a", "S003") == (
        "错误：--attendee：“S003”不被接受：不是第一指导组的指导员",
        "Error: --attendee: 'S003' refused: not a supervisor of 第一指导组",
    )
    cli(
        "visit",
        "add",
        "-s",
        "S001",
        "-e",
        "合肥芯联",
        "--date",
        "2026-10-10",
        "--problem",
        "招工难",
    )
    assert both(cli, monkeypatch, "problem", "refer", "1", "--meeting", "1") == (
        "错误：--meeting：“1”不被接受：会议 1 是指导组月度例会，问题只能提交联席会议",
        "Error: --meeting: '1' refused: meeting 1 is a group-monthly meeting; "
        "refer to a joint meeting",
    )
    cli("meeting", "add", "--kind", "joint", "--date", "2026-10-20")
    cli("problem", "solve", "1", "--note", "已解决", "--date", "2026-10-15")
    # A refused add may have used an id (PostgreSQL's sequences): the joint meeting's by SQL.
    ((joint,),) = sql("SELECT id FROM meeting WHERE kind = 'joint'")
    assert both(cli, monkeypatch, "problem", "refer", "1", "--meeting", str(joint)) == (
        "错误：ID：“1”不被接受：问题已是“已解决”状态",
        "Error: ID: '1' refused: problem is already solved",
    )


def test_chain_lead_that_is_no_member(cli, park, monkeypatch):
    assert both(cli, monkeypatch, "chain", "set", "big-data-it", "--lead", "合肥芯联") == (
        f"错误：--lead：“合肥芯联”不被接受：{XINLIAN} 不是大数据信息技术产业链的成员企业",
        f"Error: --lead: '合肥芯联' refused: {XINLIAN} is not a member of big-data-it",
    )


def test_meeting_import_clash_in_chinese(cli, park, monkeypatch, tmp_path):
    from tests.import_helpers import write_csv

    rows = [
        ["类型", "日期", "指导组", "名称", "参会人员", "议题", "议定事项"],
        ["组长季度工作例会", "2026-10-15", "", "", "", "", ""],
        ["组长季度工作例会", "2026-11-15", "", "", "", "", ""],
    ]
    path = write_csv(tmp_path / "会议.csv", rows)
    monkeypatch.setenv("GRIDCTL_LANG", "zh")
    result = cli("import", "meetings", str(path), ok=False)
    assert result.stderr.splitlines() == [
        f"{path}:3: 日期: 2026Q4 已有组长季度工作例会（第 2 行） (2026-11-15)",
        f"错误：{path}：拒绝导入，共 1 处错误；未写入任何数据",
    ]


def test_problem_solved_twice(cli, park, monkeypatch):
    cli(
        "visit",
        "add",
        "-s",
        "S001",
        "-e",
        "合肥芯联",
        "--date",
        "2026-10-10",
        "--problem",
        "招工难",
    )
    cli("problem", "solve", "1", "--note", "已解决", "--date", "2026-10-15")
    assert both(cli, monkeypatch, "problem", "solve", "1", "--note", "再次") == (
        "错误：ID：“1”不被接受：问题已是“已解决”状态",
        "Error: ID: '1' refused: problem is already solved",
    )

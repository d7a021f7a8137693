"""Closed vocabularies: the English code stored in the ledger and its Chinese spelling.

Users and files may give either spelling; the ledger keeps the code.
"""

from __future__ import annotations

from gridctl.errors import Invalid
from gridctl.i18n import t

SUPERVISOR_KIND = {"full-time": "专职", "part-time": "兼职"}
PARTY_ORG = {
    "none": "无",
    "committee": "党委",
    "general-branch": "党总支",
    "branch": "党支部",
    "joint-branch": "联合党支部",
}
CHAIN = {
    "new-energy-vehicles": "新能源汽车",
    "microelectronics": "微电子",
    "energy-saving-equipment": "节能环保装备",
    "big-data-it": "大数据信息技术",
}
VISIT_CATEGORY = {
    "routine": "日常走访",
    "guidance": "党建指导",
    "policy": "政策宣讲",
    "follow-up": "问题回访",
    "joint": "多网联合走访",
}
PROBLEM_STATUS = {"open": "未解决", "in-progress": "办理中", "solved": "已解决", "closed": "已关闭"}
ENTERPRISE_STATUS = {"active": "正常", "moved": "迁出", "closed": "注销"}
# Activities (组织开展活动) and effectiveness awards (党建工作成效) of the points scheme.
ACTIVITY_KIND = {
    "theme-day": "主题党日",
    "lecture": "党课",
    "training": "培训",
    "joint-building": "联建共建",
    "public-welfare": "公益活动",
    "volunteer": "志愿服务",
    "other": "其他",
}
AWARD_KIND = {
    "party-org-founded": "新建党组织",
    "enterprise-commended": "企业获表彰",
    "model-site": "示范点创建",
    "brand": "党建品牌创建",
    "other": "其他成效",
}
POINT_AREA = {
    "problems": "收集解决问题",
    "activities": "组织开展活动",
    "effectiveness": "党建工作成效",
}
# Default classes of classified visiting; the rules file may define more (issue 7).
VISIT_CLASS = {"monthly": "每月走访", "quarterly": "每季度走访"}


def parse(vocab: dict[str, str], text: str, field: str) -> str:
    """The code for `text`, given as the code or its Chinese spelling (case-insensitive)."""
    key = text.strip()
    for code, zh in vocab.items():
        if key.lower() == code or key == zh:
            return code
    allowed = ", ".join(f"{code} ({zh})" for code, zh in vocab.items())
    raise Invalid(field, text, t("detail.allowed", allowed=allowed))


def show(vocab: dict[str, str], code: str | None, lang: str) -> str:
    """How a code reads to the user: Chinese under zh, the code itself under en."""
    if code is None:
        return ""
    return vocab.get(code, code) if lang == "zh" else code


# Park work (issue 7).
MEETING_KIND = {
    "group-monthly": "指导组月度例会",
    "leader-quarterly": "组长季度工作例会",
    "joint": "联席会议",
}
RESOURCE_KIND = {
    "service-centre": "党群服务中心",
    "studio": "工作室",
    "live-stream": "直播间",
    "meeting-room": "会议室",
    "activity-room": "活动室",
    "exhibition": "展厅",
    "other": "其他",
}
DIARY_SOURCE = {"diary": "工作日记", "visit": "走访"}
CHAIN_KIND = {"committee": "产业链党委", "alliance": "产业联盟"}
FUNDING_KIND = {"support": "补助", "spending": "支出"}

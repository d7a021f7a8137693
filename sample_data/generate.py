"""Write the sample park in sample_data/: registers, a year of visits, problems, activities.

Deterministic (random.Random with a fixed seed; the xlsx is written with fixed timestamps), so
running it again rewrites the same bytes. Figures follow the park's own: 5 + 10
grids, 5 guidance groups, 60 supervisors, about 300 enterprises of which 68 core ones on the
three industry chains and the big-data alliance, 35+ party organisations, about 900 members.

    .venv/bin/python sample_data/generate.py [OUTDIR]     (default: the folder of this file)

Files are in the shape the nightly import reads (`gridctl import KIND FILE`), with Chinese headers
and in the encodings offices send them in: grids.csv UTF-8 with BOM, enterprises.csv GB18030
(Excel on Chinese Windows), the other CSVs plain UTF-8, visits.xlsx an Excel workbook.
"""

from __future__ import annotations

import csv
import io
import random
import sys
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run from a checkout without installing

from gridctl.uscc import ALPHABET, check_char  # noqa: E402

SEED = 20251201
START = date(2025, 12, 1)
END = date(2026, 11, 20)  # the last day of the sample year ("today" of the demo)
FIXED_STAMP = datetime(2026, 11, 20, 18, 0, 0)  # xlsx properties and zip entry times

# --- registers: grids and groups -----------------------------------------------------------

LEVEL1 = [
    ("G1", "柏堰片区", ("柏堰科技园", "香樟大道")),
    ("G2", "南岗片区", ("南岗科技园", "长宁大道")),
    ("G3", "创新产业园片区", ("创新产业园一期", "创新产业园二期")),
    ("G4", "天湖片区", ("天湖南区", "天湖北区")),
    ("G5", "蜀西湖片区", ("集成电路产业园", "蜀西湖科创区")),
]
GROUP_NAMES = ["第一指导组", "第二指导组", "第三指导组", "第四指导组", "第五指导组"]
SUPERVISORS_PER_GROUP = 12

# --- people ---------------------------------------------------------------------------------

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
    "魏苏吕丁任沈姚卢汪钱方"
)
GIVEN = [
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "磊",
    "强",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "涛",
    "明",
    "超",
    "秀英",
    "桂芳",
    "建国",
    "建华",
    "志强",
    "文杰",
    "海燕",
    "晓东",
    "红梅",
    "丽娟",
    "国庆",
    "春华",
    "新民",
    "雪梅",
    "俊峰",
    "宏伟",
    "子涵",
    "雨欣",
    "浩然",
    "思远",
    "晓峰",
    "玉兰",
    "德胜",
    "立新",
    "少华",
    "正阳",
    "家豪",
    "慧敏",
    "佳琪",
    "永刚",
    "振华",
    "淑珍",
    "明辉",
]
# Names repeat across the park (which is why supervisors are identified by a code).
REPEATED_NAMES = ["王伟", "李娜", "张敏"]

# --- enterprises ----------------------------------------------------------------------------

CHAINS = {  # chain -> (how many core enterprises, trade words)
    "新能源汽车": (
        22,
        ["新能源汽车", "汽车零部件", "动力电池", "电驱动系统", "汽车电子", "充电设备", "智能网联"],
    ),
    "微电子": (
        20,
        ["微电子", "半导体", "集成电路", "芯片设计", "光电科技", "电子材料", "封装测试"],
    ),
    "节能环保装备": (
        16,
        ["环保科技", "节能装备", "环境工程", "水处理设备", "固废处理", "余热利用"],
    ),
    "大数据信息技术": (10, ["信息技术", "数据科技", "软件", "网络科技", "云计算", "智能科技"]),
}
OTHER_TRADES = [
    "生物医药",
    "机械制造",
    "智能装备",
    "精密模具",
    "检测技术",
    "电气",
    "包装材料",
    "食品",
    "供应链管理",
    "建筑设计",
    "新材料",
    "医疗器械",
    "光伏科技",
    "自动化设备",
    "印务",
    "家居用品",
    "文化传媒",
    "人力资源服务",
    "物业管理",
    "工业设计",
    "金属制品",
    "塑胶制品",
    "化工科技",
    "农业科技",
    "仪器仪表",
    "环境检测",
    "商贸",
    "教育科技",
]
SUFFIXES = ["有限公司", "有限公司", "有限公司", "股份有限公司", "有限责任公司"]
NAME_CHARS = (
    "华科瑞创恒博远鑫达天源泰宏安凯晶智联力通德盛润微芯能光航信宇景欣立海辰启铭捷睿汇诚益嘉丰越昊航舜禾晟朗致众和"
    "新兴正茂亿佳英晨耀泽锐翔鼎峰云"
)
ADMIN_CODES = ["340100", "340100", "340104", "340111", "340121", "340123"]
CORE_WITH_ORG = 36  # of the 68 core enterprises; the park has 35+
JOINT_OUTSIDE_CORE = 14  # small firms outside the chains sharing joint branches
MEMBERS_TARGET = 926  # registered members over all organisations (the park: 900+)

# --- visits and problems ------------------------------------------------------------------

CATEGORIES = ["日常走访", "党建指导", "政策宣讲", "问题回访", "多网联合走访"]
OPENERS = [
    "与企业负责人座谈，",
    "会同企业党组织书记，",
    "到企业生产车间实地查看，",
    "与企业人事行政负责人交流，",
    "与企业党员代表座谈，",
    "电话预约后上门，",
    "与企业综合部负责人对接，",
]
BODY = {
    "日常走访": [
        "了解企业生产经营情况",
        "了解企业用工和订单情况",
        "了解企业党员发展情况",
        "了解企业近期扩产计划",
        "核对企业基本信息和联系人",
        "了解企业职工队伍稳定情况",
        "了解企业研发投入和项目进展",
    ],
    "党建指导": [
        "指导支部换届选举",
        "指导规范“三会一课”记录",
        "指导发展党员工作流程",
        "指导党员组织关系转接",
        "指导主题党日活动方案",
        "指导党费收缴和使用",
        "指导开展党员积分管理",
        "指导建立党群活动阵地",
        "指导党组织组建筹备工作",
    ],
    "政策宣讲": [
        "宣讲人才政策和高层次人才认定办法",
        "宣讲高新技术企业认定政策",
        "宣讲稳岗就业补贴政策",
        "宣讲研发费用加计扣除政策",
        "宣讲园区产业扶持政策",
        "宣讲知识产权资助政策",
        "宣讲“专精特新”培育政策",
        "宣讲安全生产法规",
    ],
    "问题回访": [
        "回访前期反映问题的办理进展",
        "回访已办结问题，企业表示满意",
        "回访问题办理情况并听取意见",
        "回访问题解决效果",
        "回访协调事项的落实情况",
    ],
    "多网联合走访": [
        "会同安全网格员开展安全生产检查",
        "会同市场监管网格员核查经营信息",
        "会同综治网格员排查矛盾纠纷",
        "联合安全网格开展消防隐患排查",
        "多网联合走访，核对企业在各网格的信息",
    ],
}
CLOSERS = [
    "，企业反映良好。",
    "，形成走访记录。",
    "，已录入工作日记。",
    "。",
    "，约定下次走访时间。",
    "，发放政策资料一份。",
    "，企业表示将积极配合。",
    "，相关情况已向组长报告。",
]
PROBLEMS = {  # area -> [(description template, resolution templates)]
    "人才": [
        (
            "企业急需{n}名{job}，招工难",
            [
                "协调园区人才服务中心组织专场招聘会",
                "推荐至高校就业指导中心对接校园招聘",
                "通过园区招聘平台发布岗位信息，已招到{m}人",
            ],
        ),
        (
            "企业希望引进{job}方面高层次人才，咨询人才引进渠道",
            ["对接区人才办，协助申报高层次人才认定", "推荐参加园区人才对接会"],
        ),
        (
            "企业新招员工住房困难，希望解决人才公寓",
            ["协调人才公寓房源{m}套", "协助企业申请人才公寓租住"],
        ),
    ],
    "融资": [
        (
            "企业扩产资金紧张，需融资约{w}万元",
            [
                "对接园区科技金融服务中心，获批贷款",
                "推荐申请“科技贷”，已放款",
                "协调合作银行开展融资对接",
            ],
        ),
        (
            "企业咨询知识产权质押融资办理流程",
            ["协调银行上门讲解质押融资流程，已办理", "联系知识产权服务机构给予指导"],
        ),
    ],
    "政策": [
        (
            "企业咨询高新技术企业认定申报条件",
            ["联系科技部门专人辅导申报", "送达申报指南并解答相关问题"],
        ),
        ("企业咨询研发费用加计扣除政策", ["协调税务部门上门辅导", "组织参加政策解读会"]),
        ("企业对稳岗补贴申领流程不清楚", ["协助企业在线申领稳岗补贴", "联系人社部门答复"]),
    ],
    "党组织组建": [
        (
            "企业党员人数已达{k}名，希望成立党支部",
            ["指导召开党员大会，党支部已成立", "报上级党委批复，完成组建"],
        ),
        ("企业流动党员组织关系未转入", ["协助办理组织关系转接", "联系原所在党组织完成转接"]),
        ("企业党支部书记调离，需尽快补选", ["指导召开党员大会补选书记", "完成补选并报备"]),
    ],
    "活动场地": [
        (
            "企业缺少党员活动场地",
            ["协调园区党群服务中心场地共享", "推荐使用园区资源地图中共享场地"],
        ),
        (
            "企业希望借用会议室开展主题党日",
            ["协调园区党群服务中心预约使用", "联系邻近企业共享活动室"],
        ),
    ],
    "用地用电": [
        (
            "企业新产线用电负荷不足，申请扩容",
            ["协调供电公司上门勘察，已完成扩容", "报园区经发部门协调办理"],
        ),
        ("企业周边道路积水影响通行", ["报园区建设部门，已完成排水改造", "协调物业疏通排水管网"]),
    ],
}
PROBLEM_TAILS = [
    "",
    "",
    "",
    "，希望园区帮助协调",
    "，请求指导员帮助对接",
    "，已持续一段时间",
    "，企业较为迫切",
    "，需相关部门支持",
    "，影响正常生产经营",
]
JOBS = [
    "技术工人",
    "操作工",
    "研发工程师",
    "质检员",
    "电工",
    "软件开发人员",
    "设备维修工",
    "销售人员",
    "芯片工艺工程师",
    "焊工",
]

# --- activities -----------------------------------------------------------------------------

ACTIVITY_TYPES = ["主题党日", "党课", "培训", "联建共建", "公益活动", "志愿服务"]
ACTIVITY_NAMES = {
    "主题党日": [
        "“{m}月主题党日”集中学习",
        "重温入党誓词主题党日",
        "参观红色教育基地主题党日",
        "“党员先锋岗”亮诺践诺主题党日",
        "学习身边榜样主题党日",
    ],
    "党课": [
        "书记讲党课：{chain}发展与党建引领",
        "专题党课：发挥党员先锋模范作用",
        "微党课比赛",
        "“七一”专题党课",
    ],
    "培训": [
        "党务工作者业务培训",
        "发展党员工作规范培训",
        "支部书记能力提升培训",
        "党费收缴与使用专题培训",
        "“三会一课”规范化培训",
    ],
    "联建共建": [
        "{chain}产业链党建联建签约",
        "企业党组织与社区结对共建",
        "产业链上下游党建联盟交流",
        "校企党建共建座谈",
    ],
    "公益活动": [
        "关爱留守儿童公益行",
        "清洁家园公益活动",
        "无偿献血公益活动",
        "文明劝导公益活动",
        "敬老院慰问",
    ],
    "志愿服务": ["党员志愿服务进社区", "文明交通志愿服务", "园区环境整治志愿服务"],
}


@dataclass
class Supervisor:
    code: str
    name: str
    group: str
    kind: str
    phone: str


@dataclass
class Enterprise:
    name: str
    code: str
    grid: str  # level-2 grid code
    chain: str
    org: str
    members: int
    contact: str  # supervisor code
    group: str
    visits: list[Visit] = field(default_factory=list)

    @property
    def visit_class(self) -> str:
        return "每季度走访" if self.org == "无" else "每月走访"


@dataclass
class Visit:
    supervisor: str
    enterprise: Enterprise
    day: date
    category: str
    notes: str
    problem: str = ""
    ref: str = ""  # what the file carries in the 企业 column
    date_cell: object = None  # what the file carries in the 走访日期 column


@dataclass
class Park:
    grids: list[tuple[str, str, str]]
    groups: list[tuple[str, str, str]]
    supervisors: list[Supervisor]
    enterprises: list[Enterprise]
    visits: list[Visit]
    problems: list[list[str]]
    activities: list[list[object]]
    figures: dict[str, int]


# --- generation -----------------------------------------------------------------------------


def make_grids() -> list[tuple[str, str, str]]:
    rows = []
    for code, name, _subs in LEVEL1:
        rows.append((code, name, ""))
    for code, _name, subs in LEVEL1:
        for i, sub in enumerate(subs, start=1):
            rows.append((f"{code}-{i}", sub, code))
    return rows


def make_supervisors(rng: random.Random) -> list[Supervisor]:
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < 5 * SUPERVISORS_PER_GROUP - 2 * len(REPEATED_NAMES):
        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
        if name not in seen and name not in REPEATED_NAMES:
            seen.add(name)
            names.append(name)
    names += REPEATED_NAMES * 2  # each of these names is carried by two people
    rng.shuffle(names)
    phones: set[str] = set()
    out = []
    for g, group in enumerate(GROUP_NAMES):
        full_time = 2 + (g % 2)  # 2 or 3 full-time supervisors per group
        for i in range(SUPERVISORS_PER_GROUP):
            n = g * SUPERVISORS_PER_GROUP + i + 1
            while True:
                phone = rng.choice(["13", "15", "18"]) + "".join(
                    rng.choice("0123456789") for _ in range(9)
                )
                if phone not in phones:
                    phones.add(phone)
                    break
            kind = "专职" if i < full_time else "兼职"
            out.append(Supervisor(f"S{n:03d}", names[n - 1], group, kind, phone))
    return out


def org_code_body(rng: random.Random) -> str:
    """Nine characters in place of the old organisation code (GB 11714 check digit last)."""
    if rng.random() < 0.35:
        head = "".join(rng.choice("0123456789") for _ in range(8))
    else:  # codes issued since 2015 in Anhui typically read MA2…
        head = "MA2" + "".join(rng.choice(ALPHABET) for _ in range(5))
    values = [int(ch) if ch.isdigit() else ord(ch) - ord("A") + 10 for ch in head]
    total = sum(v * w for v, w in zip(values, (3, 7, 9, 10, 5, 8, 4, 2), strict=True))
    c9 = 11 - total % 11
    return head + {10: "X", 11: "0"}.get(c9, str(c9))


def credit_code(rng: random.Random) -> str:
    first17 = "91" + rng.choice(ADMIN_CODES) + org_code_body(rng)
    return first17 + check_char(first17)


def enterprise_names(rng: random.Random, trades: list[str]) -> list[str]:
    """One unique name per trade word; no name contains another."""
    used_marks: set[str] = set()
    names: list[str] = []
    for trade in trades:
        while True:
            mark = rng.choice(NAME_CHARS) + rng.choice(NAME_CHARS)
            if mark[0] == mark[1] or mark in used_marks:
                continue
            place = "合肥" if rng.random() < 0.8 else "安徽"
            suffix = rng.choice(SUFFIXES)
            if trade in ("软件", "商贸", "印务", "食品", "电气"):
                trade += rng.choice(["科技", "技术", ""])
            name = f"{place}{mark}{trade}{suffix}"
            if any(name in other or other in name for other in names):
                continue
            used_marks.add(mark)
            names.append(name)
            break
    return names


def members_for(rng: random.Random, org: str) -> int:
    return {
        "党委": lambda: rng.randint(100, 160),
        "党总支": lambda: rng.randint(50, 85),
        "党支部": lambda: rng.randint(3, 28),
        "联合党支部": lambda: rng.randint(1, 4),
    }[org]()


MEMBER_BOUNDS = {"党委": (100, 200), "党总支": (50, 99), "党支部": (3, 49), "联合党支部": (1, 6)}


def make_enterprises(rng: random.Random, supervisors: list[Supervisor]) -> list[Enterprise]:
    total = 300
    chains: list[str] = []
    trades: list[str] = []
    for chain, (count, words) in CHAINS.items():
        for _ in range(count):
            chains.append(chain)
            trades.append(rng.choice(words))
    while len(chains) < total:
        chains.append("")
        trades.append(rng.choice(OTHER_TRADES))
    names = enterprise_names(rng, trades)
    codes: set[str] = set()
    core = [i for i, c in enumerate(chains) if c]
    # Party organisations: the big ones among the core enterprises, a few joint branches.
    with_org = rng.sample(core, CORE_WITH_ORG)
    orgs = {}
    kinds = ["党委"] * 2 + ["党总支"] * 4 + ["联合党支部"] * 4
    kinds += ["党支部"] * (CORE_WITH_ORG - len(kinds))
    rng.shuffle(kinds)
    for i, kind in zip(with_org, kinds, strict=True):
        orgs[i] = kind
    outside = [i for i in range(total) if not chains[i]]
    for i in rng.sample(outside, JOINT_OUTSIDE_CORE):
        orgs[i] = "联合党支部"
    members = {i: members_for(rng, kind) for i, kind in orgs.items()}
    # Nudge branch sizes one member at a time until the park total is the target.
    adjustable = sorted(i for i, kind in orgs.items() if kind == "党支部")
    while sum(members.values()) != MEMBERS_TARGET:
        i = rng.choice(adjustable)
        lo, hi = MEMBER_BOUNDS[orgs[i]]
        step = 1 if sum(members.values()) < MEMBERS_TARGET else -1
        if lo <= members[i] + step <= hi:
            members[i] += step
    # Grids: spread enterprises evenly over the 10 level-2 grids.
    level2 = [f"{code}-{k}" for code, _n, _s in LEVEL1 for k in (1, 2)]
    grid_of = [level2[i % len(level2)] for i in range(total)]
    rng.shuffle(grid_of)
    by_group: dict[str, list[Supervisor]] = defaultdict(list)
    for s in supervisors:
        by_group[s.group].append(s)
    turn: Counter[str] = Counter()
    out = []
    for i in range(total):
        while True:
            code = credit_code(rng)
            if code not in codes:
                codes.add(code)
                break
        g = int(grid_of[i][1]) - 1
        group = GROUP_NAMES[g]
        team = by_group[group]
        contact = team[(turn[group] + g) % len(team)]
        turn[group] += 1
        org = orgs.get(i, "无")
        out.append(
            Enterprise(
                names[i], code, grid_of[i], chains[i], org, members.get(i, 0), contact.code, group
            )
        )
    return out


def workday(rng: random.Random, lo: date, hi: date) -> date:
    """A random Monday-to-Friday in [lo, hi] (hi itself if the span holds no workday)."""
    days = [lo + timedelta(d) for d in range((hi - lo).days + 1)]
    weekdays = [d for d in days if d.weekday() < 5]
    return rng.choice(weekdays or days)


def month_spans() -> list[tuple[date, date]]:
    spans, cur = [], START
    while cur <= END:
        nxt = date(cur.year + (cur.month == 12), cur.month % 12 + 1, 1)
        spans.append((cur, min(nxt - timedelta(1), END)))
        cur = nxt
    return spans


def quarter_spans() -> list[tuple[date, date]]:
    starts = [
        date(2025, 12, 1),
        date(2026, 1, 1),
        date(2026, 4, 1),
        date(2026, 7, 1),
        date(2026, 10, 1),
    ]
    ends = [date(2025, 12, 31), date(2026, 3, 31), date(2026, 6, 30), date(2026, 9, 30), END]
    return list(zip(starts, ends, strict=True))


def note(rng: random.Random, category: str, firm: Enterprise) -> str:
    body = rng.choice(BODY[category])
    if category == "党建指导" and firm.org == "无":
        body = rng.choice(
            [
                "指导党组织组建筹备工作",
                "了解企业党员分布，摸排流动党员",
                "宣传党建工作政策，动员党员亮明身份",
            ]
        )
    openers = OPENERS if firm.org != "无" else [o for o in OPENERS if "党" not in o]
    text = rng.choice(openers) + body
    if rng.random() < 0.35:
        extra = rng.choice(BODY["日常走访"])
        if extra != body:
            text += "，" + (
                extra.replace("了解", "并了解", 1) if extra.startswith("了解") else extra
            )
    return text + rng.choice(CLOSERS)


def problem_text(rng: random.Random, firm: Enterprise) -> tuple[str, str, list[str]]:
    area = rng.choice(
        ["人才", "人才", "融资", "政策", "政策", "党组织组建", "活动场地", "用地用电"]
    )
    if area == "党组织组建" and firm.org != "无":
        area = rng.choice(["人才", "政策"])
    template, resolutions = rng.choice(PROBLEMS[area])
    text = template.format(
        n=rng.choice([5, 8, 10, 15, 20, 30, 50]),
        job=rng.choice(JOBS),
        w=rng.choice([200, 300, 500, 800, 1000, 2000, 3000]),
        k=rng.randint(3, 6),
    )
    text += rng.choice(PROBLEM_TAILS)
    return area, text, resolutions


def make_visits(
    rng: random.Random, firms: list[Enterprise], supervisors: list[Supervisor]
) -> list[Visit]:
    team: dict[str, list[str]] = defaultdict(list)
    for s in supervisors:
        team[s.group].append(s.code)
    keys: set[tuple[str, str, date]] = set()
    visits: list[Visit] = []

    def add(firm: Enterprise, day: date, category: str, who: str | None = None) -> Visit | None:
        if who is None:
            who = firm.contact
            if rng.random() < 0.08:  # a colleague of the same group stands in
                who = rng.choice([c for c in team[firm.group] if c != firm.contact])
        for shift in range(6):
            d = day + timedelta(shift)
            if d <= END and (who, firm.name, d) not in keys:
                keys.add((who, firm.name, d))
                v = Visit(who, firm, d, category, note(rng, category, firm))
                visits.append(v)
                firm.visits.append(v)
                return v
        return None

    # Spring and autumn safety inspections with the other grid networks (多网融合): every
    # enterprise, by whichever supervisor of the group is on the inspection team that day. For a
    # quarterly-class enterprise the inspection is that quarter's visit.
    for lo, hi in ((date(2026, 3, 16), date(2026, 4, 24)), (date(2026, 9, 7), date(2026, 10, 23))):
        for firm in firms:
            if rng.random() < 0.92:
                who = firm.contact if rng.random() < 0.5 else rng.choice(team[firm.group])
                add(firm, workday(rng, lo, hi), "多网联合走访", who)
    for firm in firms:
        monthly = firm.org != "无"
        spans = month_spans() if monthly else quarter_spans()
        for k, (lo, hi) in enumerate(spans):
            chance = 0.93 if monthly else 0.9
            if not monthly and k == 0:
                chance = 0.6  # the year starts in the last month of 2025Q4
            if rng.random() > chance:
                continue  # missed: the overdue report has something to show
            if not monthly and any(lo <= v.day <= hi for v in firm.visits):
                continue  # the inspection counted for this quarter
            times = 2 if rng.random() < (0.1 if monthly else 0.2) else 1
            for _ in range(times):
                if monthly:
                    weights = [34, 40, 16, 0, 10]
                else:
                    weights = [58, 10, 24, 0, 8]
                category = rng.choices(CATEGORIES, weights)[0]
                add(firm, workday(rng, lo, hi), category)
    visits.sort(key=lambda v: (v.day, v.supervisor, v.enterprise.name))
    return visits


def raise_problems(
    rng: random.Random, visits: list[Visit], leaders: dict[str, str]
) -> tuple[list[list[str]], list[tuple[Visit, date]]]:
    """Put a problem on about 12% of the visits; close about 70% of them in problems.csv."""
    rows: list[list[str]] = []
    follow_ups: list[tuple[Visit, date]] = []
    for v in list(visits):
        if rng.random() >= 0.12:
            continue
        _area, text, resolutions = problem_text(rng, v.enterprise)
        v.problem = text
        roll = rng.random()
        done = v.day + timedelta(rng.randint(4, 55))
        if roll < 0.82 and done <= END:
            status = "已关闭" if rng.random() < 0.08 else "已解决"
            if status == "已解决":
                how = rng.choice(resolutions).format(m=rng.randint(2, 12))
            else:
                how = rng.choice(
                    [
                        "企业经营调整，需求已不存在",
                        "企业表示暂不需要协调，问题关闭",
                        "经联席会议研究，暂不具备解决条件",
                    ]
                )
            closer = v.supervisor if rng.random() < 0.75 else leaders[v.enterprise.group]
            rows.append(
                [
                    v.enterprise.name,
                    v.supervisor,
                    text,
                    v.day.isoformat(),
                    status,
                    done.isoformat(),
                    how,
                    closer,
                ]
            )
            if status == "已解决" and rng.random() < 0.5:
                follow_ups.append((v, done))
        elif roll < 0.9:
            rows.append(
                [v.enterprise.name, v.supervisor, text, v.day.isoformat(), "办理中", "", "", ""]
            )
        # else: still open, known only from the visit
    return rows, follow_ups


def add_follow_ups(
    rng: random.Random, visits: list[Visit], follow_ups: list[tuple[Visit, date]]
) -> None:
    keys = {(v.supervisor, v.enterprise.name, v.day) for v in visits}
    for v, done in follow_ups:
        for shift in range(1, 15):
            d = done + timedelta(shift)
            if d > END:
                break
            if d.weekday() < 5 and (v.supervisor, v.enterprise.name, d) not in keys:
                keys.add((v.supervisor, v.enterprise.name, d))
                text = (
                    rng.choice(OPENERS)
                    + rng.choice(BODY["问题回访"])
                    + "（"
                    + v.problem[:12]
                    + "…）"
                    + rng.choice(CLOSERS)
                )
                fu = Visit(v.supervisor, v.enterprise, d, "问题回访", text)
                visits.append(fu)
                v.enterprise.visits.append(fu)
                break
    visits.sort(key=lambda x: (x.day, x.supervisor, x.enterprise.name))


def file_cells(rng: random.Random, visits: list[Visit]) -> None:
    """Mostly names and real dates; some rows give the credit code or type the date as text."""
    text_rows = set(rng.sample(range(len(visits)), 12))
    for i, v in enumerate(visits):
        v.ref = v.enterprise.code if rng.random() < 0.1 else v.enterprise.name
        if i in text_rows:
            d = v.day
            v.date_cell = (
                f"{d.year}/{d.month}/{d.day}" if i % 2 else f"{d.year}年{d.month}月{d.day}日"
            )
        else:
            v.date_cell = v.day


def make_activities(
    rng: random.Random,
    firms: list[Enterprise],
    supervisors: list[Supervisor],
    leaders: dict[str, str],
) -> list[list[object]]:
    rows: list[list[object]] = []
    by_group: dict[str, list[Enterprise]] = defaultdict(list)
    for f in firms:
        by_group[f.group].append(f)
    staff: dict[str, list[str]] = defaultdict(list)
    for s in supervisors:
        if s.kind == "专职":
            staff[s.group].append(s.code)
    all_codes = {s.group: [x.code for x in supervisors if x.group == s.group] for s in supervisors}
    seen: set[tuple[str, str]] = set()

    def add(kind: str, name: str, who: str, day: date, group: str, n_firms: int) -> None:
        pool = by_group[group]
        party = [f for f in pool if f.org != "无"]
        chosen = rng.sample(party, min(len(party), max(1, n_firms - 1)))
        others = [f for f in pool if f not in chosen]
        chosen += rng.sample(others, max(0, n_firms - len(chosen)))
        chosen.sort(key=lambda f: f.name)
        people = sum(min(f.members, 25) for f in chosen) + rng.randint(5, 30)
        name_key = (name, day.isoformat())
        if name_key in seen:
            name = f"{name}（{GROUP_NAMES.index(group) + 1}组）"
        seen.add((name, day.isoformat()))
        rows.append([name, who, day.isoformat(), kind, "；".join(f.name for f in chosen), people])

    for lo, hi in month_spans():
        for group in GROUP_NAMES:
            who = rng.choice(staff[group] + [leaders[group]])
            chain = rng.choice(list(CHAINS))
            name = rng.choice(ACTIVITY_NAMES["主题党日"]).format(m=lo.month, chain=chain)
            add("主题党日", group + name, who, workday(rng, lo, hi), group, rng.randint(3, 6))
            kind = rng.choices(ACTIVITY_TYPES[1:], [24, 24, 18, 16, 18])[0]
            who = rng.choice(all_codes[group])
            name = rng.choice(ACTIVITY_NAMES[kind]).format(m=lo.month, chain=chain)
            add(kind, name, who, workday(rng, lo, hi), group, rng.randint(2, 5))
    # The mobilisations the report mentions: 568 members in flood and epidemic volunteer teams.
    for name, day, people in (
        ("防汛救灾党员志愿服务队集结", date(2026, 7, 8), 326),
        ("疫情防控党员志愿服务队", date(2026, 1, 12), 242),
    ):
        party = sorted((f for f in firms if f.org != "无"), key=lambda f: f.name)
        chosen = rng.sample(party, 18)
        chosen.sort(key=lambda f: f.name)
        rows.append(
            [
                name,
                leaders[GROUP_NAMES[0]],
                day.isoformat(),
                "志愿服务",
                "；".join(f.name for f in chosen),
                people,
            ]
        )
    rows.sort(key=lambda r: (r[2], r[1], r[0]))
    return rows


def build() -> Park:
    rng = random.Random(SEED)
    grids = make_grids()
    supervisors = make_supervisors(rng)
    leaders = {}
    for group in GROUP_NAMES:
        full = [s for s in supervisors if s.group == group and s.kind == "专职"]
        leaders[group] = full[0].code
    groups = [(group, LEVEL1[g][0], leaders[group]) for g, group in enumerate(GROUP_NAMES)]
    firms = make_enterprises(rng, supervisors)
    visits = make_visits(rng, firms, supervisors)
    problems, follow_ups = raise_problems(rng, visits, leaders)
    add_follow_ups(rng, visits, follow_ups)
    file_cells(rng, visits)
    activities = make_activities(rng, firms, supervisors, leaders)
    raised = sum(1 for v in visits if v.problem)
    figures = {
        "grids_level1": sum(1 for g in grids if not g[2]),
        "grids_level2": sum(1 for g in grids if g[2]),
        "groups": len(groups),
        "supervisors": len(supervisors),
        "supervisors_full_time": sum(1 for s in supervisors if s.kind == "专职"),
        "enterprises": len(firms),
        "core": sum(1 for f in firms if f.chain),
        "with_party_org": sum(1 for f in firms if f.org != "无"),
        "core_with_party_org": sum(1 for f in firms if f.org != "无" and f.chain),
        "members": sum(f.members for f in firms),
        "visits": len(visits),
        "problems_raised": raised,
        "problems_listed": len(problems),
        "problems_solved": sum(1 for p in problems if p[4] == "已解决"),
        "problems_closed": sum(1 for p in problems if p[4] == "已关闭"),
        "problems_in_progress": sum(1 for p in problems if p[4] == "办理中"),
        "activities": len(activities),
    }
    return Park(grids, groups, supervisors, firms, visits, problems, activities, figures)


# --- writing --------------------------------------------------------------------------------


def write_csv(path: Path, header: list[str], rows: list, encoding: str) -> None:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))


def write_visits_xlsx(path: Path, visits: list[Visit]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "走访记录"
    header = ["指导员", "企业", "走访日期", "走访类型", "走访情况", "发现问题"]
    ws.append(header)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for i, v in enumerate(visits, start=2):
        ws.append([v.supervisor, v.ref, v.date_cell, v.category, v.notes, v.problem or None])
        cell = ws.cell(row=i, column=3)
        if isinstance(v.date_cell, date):
            # Most offices use ISO; a few sheets come with the Chinese long-date format.
            cell.number_format = 'yyyy"年"m"月"d"日"' if i % 97 == 0 else "yyyy-mm-dd"
    for letter, width in zip("ABCDEF", (8, 34, 14, 14, 60, 40), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    wb.properties.creator = "gridctl sample_data/generate.py"
    wb.properties.created = FIXED_STAMP
    buf = io.BytesIO()
    wb.save(buf)
    # openpyxl stamps "now" into docProps/core.xml and the zip entries: fix both so the file
    # is the same bytes on every run.
    stamp = FIXED_STAMP.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = data.decode("utf-8")
                start = text.index("<dcterms:modified")
                end = text.index("</dcterms:modified>") + len("</dcterms:modified>")
                text = (
                    text[:start] + f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}'
                    "</dcterms:modified>" + text[end:]
                )
                data = text.encode("utf-8")
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_STAMP.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, data)
    path.write_bytes(out.getvalue())


def network_codes(grid: str) -> list[str]:
    """The enterprise's codes in the other grid networks (多网融合): the safety and public-order
    networks follow the level-2 grids, market supervision the level-1 grids (G5-2 -> AQ0502,
    ZZ0502, SJ05)."""
    level1, _, level2 = grid[1:].partition("-")
    return [
        f"AQ{int(level1):02d}{int(level2):02d}",
        f"ZZ{int(level1):02d}{int(level2):02d}",
        f"SJ{int(level1):02d}",
    ]


def write(park: Park, outdir: Path) -> None:
    outdir.mkdir(parents=True, exist_ok=True)
    write_csv(outdir / "grids.csv", ["编码", "名称", "上级网格"], park.grids, "utf-8-sig")
    write_csv(outdir / "groups.csv", ["名称", "网格", "组长"], park.groups, "utf-8")
    write_csv(
        outdir / "supervisors.csv",
        ["编号", "姓名", "指导组", "类型", "电话"],
        [[s.code, s.name, s.group, s.kind, s.phone] for s in park.supervisors],
        "utf-8",
    )
    write_csv(
        outdir / "enterprises.csv",
        [
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
        ],
        [
            [f.name, f.code, f.grid, f.chain, f.org, f.members, f.contact, f.visit_class]
            + network_codes(f.grid)
            for f in park.enterprises
        ],
        "gb18030",
    )
    write_visits_xlsx(outdir / "visits.xlsx", park.visits)
    write_csv(
        outdir / "problems.csv",
        ["企业", "指导员", "问题描述", "提出日期", "状态", "办结日期", "解决情况", "办结人"],
        park.problems,
        "utf-8",
    )
    write_csv(
        outdir / "activities.csv",
        ["活动名称", "指导员", "活动日期", "活动类型", "参与企业", "参与人数"],
        park.activities,
        "utf-8",
    )


def main(argv: list[str]) -> int:
    outdir = Path(argv[1]) if len(argv) > 1 else HERE
    park = build()
    write(park, outdir)
    width = max(len(k) for k in park.figures)
    for key, value in park.figures.items():
        print(f"{key:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))

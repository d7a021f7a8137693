"""Messages of roles on the shared server (`gridctl role`, `gridctl whoami`, refusals):
(English, 中文)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "error.refused": (
        "Permission denied ({field}, {detail}): {value}",
        "权限不足（{field}，{detail}）：{value}",
    ),
    "roles.name.supervisor": ("supervisor", "指导员"),
    "roles.name.leader": ("group leader", "组长"),
    "roles.name.staff": ("station staff", "指导站"),
    "roles.name.auditor": ("auditor", "审计"),
    "roles.name.unknown": ("role unknown", "角色未知"),
    "roles.may.unknown": (
        "the database refused this statement to your login; `gridctl whoami` shows your role",
        "数据库拒绝了此登录名的这项操作；`gridctl whoami` 可查看本人角色",
    ),
    "roles.name.none": ("no gridctl role", "无 gridctl 角色"),
    "roles.may.supervisor": (
        "a supervisor may record only their own visits, diary, activities and problems, and "
        "read their group's",
        "指导员只能录入本人的走访、工作日记、活动和问题，查看本组的记录",
    ),
    "roles.may.leader": (
        "a group leader may read and report their group and record their group's meetings",
        "组长只能查看和报告本组的记录，录入本组的例会",
    ),
    "roles.may.staff": (
        "station staff may do everything gridctl does; the server refused this statement",
        "指导站可以执行 gridctl 的全部操作；此操作被数据库拒绝",
    ),
    "roles.may.auditor": (
        "an auditor may read everything and write nothing",
        "审计只能查看，不能修改",
    ),
    "roles.may.none": (
        "this login has no role on this ledger: station staff grant one with "
        "`gridctl role grant LOGIN ROLE`",
        "此登录名在本台账没有角色：请指导站运行 `gridctl role grant 登录名 角色` 授予",
    ),
    "roles.sqlite": (
        "roles exist only on a shared PostgreSQL ledger; on a SQLite file whoever can write "
        "the file can do everything",
        "角色只用于共享的 PostgreSQL 台账；SQLite 文件台账由能写该文件的人全权使用",
    ),
    "roles.login_rule": (
        "a login is 1-63 lower-case letters, digits or _, not starting with a digit",
        "登录名为 1-63 个小写字母、数字或下划线，不以数字开头",
    ),
    "roles.allowed": ("one of {roles}", "应为 {roles} 之一"),
    "roles.needs_supervisor": (
        "the supervisor role needs --supervisor CODE, and only it does",
        "supervisor（指导员）角色须给出 --supervisor 编号，其他角色不给",
    ),
    "roles.needs_group": (
        "the leader role needs --group NAME, and only it does",
        "leader（组长）角色须给出 --group 组名，其他角色不给",
    ),
    "roles.granted": ("Granted {role} to {login}{tied}", "已授予 {login} {role} 角色{tied}"),
    "roles.revoked": ("Revoked {role} from {login}", "已收回 {login} 的 {role} 角色"),
    "roles.whoami": ("{login}: {role}{tied}", "{login}：{role}{tied}"),
    "roles.tied": (" ({what})", "（{what}）"),
    "roles.owner": ("owner of the ledger: may do everything", "台账所有者：可执行全部操作"),
    "help.role": (
        "Roles on the shared PostgreSQL ledger (station staff).",
        "共享 PostgreSQL 台账上的角色（指导站使用）。",
    ),
    "help.role.grant": (
        "Give a login one role (supervisor, leader, staff, auditor), creating the login if needed.",
        "授予登录名一个角色（指导员、组长、指导站、审计），需要时创建登录名。",
    ),
    "help.role.grant.example": (
        "Example: gridctl role grant li_na supervisor --supervisor S001",
        "示例：gridctl role grant li_na supervisor --supervisor S001",
    ),
    "help.role.revoke": ("Take a login's role away.", "收回登录名的角色。"),
    "help.role.revoke.example": (
        "Example: gridctl role revoke li_na",
        "示例：gridctl role revoke li_na",
    ),
    "help.role.list": ("The logins and their roles.", "列出登录名及其角色。"),
    "help.role.list.example": (
        "Example: gridctl role list --format json",
        "示例：gridctl role list --format json",
    ),
    "help.whoami": (
        "Who you are on this ledger: the login, its role, its supervisor or group.",
        "显示当前登录名、角色及对应的指导员或指导组。",
    ),
    "help.whoami.example": ("Example: gridctl whoami", "示例：gridctl whoami"),
    "help.arg.login": ("The PostgreSQL login, e.g. li_na", "PostgreSQL 登录名（每人一个）"),
    "help.arg.role": (
        "supervisor, leader, staff or auditor",
        "角色：supervisor（指导员）、leader（组长）、staff（指导站）、auditor（审计）",
    ),
    "help.opt.role_supervisor": (
        "The supervisor code the login is (supervisor role)",
        "登录名对应的指导员编号（supervisor 角色）",
    ),
    "help.opt.role_group": (
        "The group the login leads (leader role)",
        "登录名带领的指导组（leader 角色）",
    ),
    "col.login": ("Login", "登录名"),
    "col.role": ("Role", "角色"),
    "col.granted_by": ("Granted by", "授予人"),
    "col.granted_at": ("Granted at", "授予时间"),
}

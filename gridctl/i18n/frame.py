"""The frame typer and click draw around every help and usage error: section titles, the
usage line, [required], [default: x], the help option, and the words standing for values
(metavars). Keys under `frame.gettext.` are typer's own gettext message ids, English as typer
writes them (gridctl/cli/usage.py installs them as a gettext translation)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # typer's gettext message ids (typer/core.py, typer/rich_utils.py)
    "frame.gettext.options": ("Options", "选项"),
    "frame.gettext.arguments": ("Arguments", "参数"),
    "frame.gettext.commands": ("Commands", "命令"),
    "frame.gettext.error": ("Error", "错误"),
    "frame.gettext.required": ("required", "必填"),
    "frame.gettext.required_long": ("[required]", "[必填]"),
    "frame.gettext.default": ("default: {default}", "默认：{default}"),
    "frame.gettext.env_var": ("env var: {var}", "环境变量：{var}"),
    "frame.gettext.deprecated": ("(deprecated) ", "（已弃用）"),
    "frame.gettext.dynamic": ("(dynamic)", "（动态）"),
    "frame.gettext.aborted": ("Aborted.", "已中止。"),
    "frame.gettext.aborted_bang": ("Aborted!", "已中止！"),
    "frame.gettext.missing_command": ("Missing command.", "缺少命令。"),
    "frame.gettext.no_such_command": ("No such command {name!r}.", "没有这个命令：{name!r}。"),
    "frame.gettext.try_help": (
        "Try [blue]'{command_path} {help_option}'[/] for help.",
        "用 [blue]'{command_path} {help_option}'[/] 查看帮助。",
    ),
    # the frame's other words, set on the commands as click lets them be
    "frame.usage": ("Usage: ", "用法："),
    "frame.options_metavar": ("[OPTIONS]", "[选项]"),
    "frame.subcommand_metavar": ("COMMAND [ARGS]...", "命令 [参数]..."),
    "frame.help_option": ("Show this message and exit.", "显示本帮助并退出。"),
    "usage.did_you_mean": (" Did you mean {suggestions}?", "；是否要用 {suggestions}？"),
    # values, as the help names them (metavars)
    "frame.type.str": ("TEXT", "文本"),
    "frame.type.int": ("INTEGER", "整数"),
    "frame.type.number": ("NUMBER", "数值"),
    "frame.type.path": ("FILE", "文件"),
    # arguments named by typer after the function's parameter
    "frame.arg.file": ("FILE", "文件"),
    "frame.arg.supervisor": ("SUPERVISOR", "指导员"),
    "frame.arg.name": ("NAME", "名称"),
    "frame.arg.enterprise": ("ENTERPRISE", "企业"),
    "frame.arg.code": ("CODE", "编号"),
    "frame.arg.login": ("LOGIN", "登录名"),
    "frame.arg.role": ("ROLE", "角色"),
    "frame.arg.kind": ("KIND", "类别"),
    "frame.metavar.YYYY-MM-DD": ("YYYY-MM-DD", "日期"),
    "frame.metavar.YYYY-MM": ("YYYY-MM", "月份"),
    "frame.metavar.YYYYQn": ("YYYYQn", "季度"),
    "frame.metavar.YYYY": ("YYYY", "年度"),
    "frame.metavar.ID": ("ID", "编号"),
    "frame.metavar.ENTERPRISE": ("ENTERPRISE", "企业"),
    "frame.metavar.NAME": ("NAME", "名称"),
    "frame.metavar.MEETING_ID": ("MEETING_ID", "会议编号"),
    "frame.metavar.RESOURCE": ("RESOURCE", "资源"),
    "frame.metavar.PROJECT": ("PROJECT", "项目"),
    "frame.metavar.FILE.xlsx": ("FILE.xlsx", "文件.xlsx"),
    "frame.metavar.CLAIM_ID": ("CLAIM_ID", "申领编号"),
    "frame.metavar.[N]": ("[N]", "[人数]"),
    "frame.metavar.USE_ID": ("USE_ID", "使用编号"),
    "frame.metavar.TITLE": ("TITLE", "标题"),
    "frame.metavar.TEXT": ("TEXT", "内容"),
    "frame.metavar.TARGET": ("TARGET", "台账"),
    "frame.metavar.SEQ:HASH": ("SEQ:HASH", "序号:哈希"),
    "frame.metavar.REASON": ("REASON", "理由"),
    "frame.metavar.PROBLEM_ID": ("PROBLEM_ID", "问题编号"),
    "frame.metavar.POINTS": ("POINTS", "分值"),
    "frame.metavar.CHAIN": ("CHAIN", "产业链"),
    "frame.metavar.BRAND": ("BRAND", "品牌"),
    "frame.metavar.AMOUNT": ("AMOUNT", "金额"),
}

# typer's message ids, as it passes them to gettext, and the keys that translate them.
GETTEXT: dict[str, str] = {
    en: key for key, (en, _zh) in MESSAGES.items() if key.startswith("frame.gettext.")
}

# typer's message ids it fills by position ("[default: {}]"): kept apart from MESSAGES, whose
# texts are filled by name.
POSITIONAL: dict[str, tuple[str, str]] = {
    "[default: {}]": ("[default: {}]", "[默认：{}]"),
    "[env var: {}]": ("[env var: {}]", "[环境变量：{}]"),
}

"""Messages and labels of meetings and of the problems referred to them: (English, 中文)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # what was done
    "meeting.added": ("Recorded meeting {id} on {date}", "已登记会议 {id}（{date}）"),
    "meeting.problems": ("Problems taken up", "研究的问题"),
    "meeting.outcome": (
        "Outcome of meeting {meeting} recorded for problem {problem}",
        "已登记会议 {meeting} 对问题 {problem} 的研究结果",
    ),
    "meeting.outcome_solved": (
        "Outcome of meeting {meeting} recorded; problem {problem} solved",
        "已登记会议 {meeting} 的研究结果，问题 {problem} 已解决",
    ),
    "problem.referred": (
        "Problem {id} referred to the joint meeting {meeting} ({date})",
        "问题 {id} 已提交联席会议 {meeting}（{date}）",
    ),
    "meeting.updated": ("Meeting {id} corrected ({date})", "已更正会议 {id}（{date}）"),
    "meeting.deleted": (
        "Deleted meeting {id} with {attendees} attendance and {problems} problem link(s)",
        "已删除会议 {id}（含参会记录 {attendees} 条、研究问题 {problems} 条）",
    ),
    # help: commands
    "help.meeting": (
        "Monthly group meetings, quarterly group-leader meetings and joint meetings.",
        "指导组月度例会、组长季度工作例会和联席会议。",
    ),
    "help.meeting.add": (
        "Record a meeting: kind, date, group, attendees, topics, decisions, problems.",
        "登记会议：类型、日期、指导组、参会人员、议题、议定事项、研究的问题。",
    ),
    "help.meeting.add.example": (
        "Example: gridctl meeting add --kind group-monthly --date 2026-11-05 "
        "--group 第一指导组 -a S001 -a S002 --topic 通报走访情况 --decision 下月完成换届指导 "
        "--problem 3",
        "示例：gridctl meeting add --kind 指导组月度例会 --date 2026-11-05 "
        "--group 第一指导组 -a S001 -a S002 --topic 通报走访情况 --decision 下月完成换届指导 "
        "--problem 3",
    ),
    "help.meeting.list": ("List meetings.", "列出会议。"),
    "help.meeting.list.example": (
        "Example: gridctl meeting list --kind joint --format json",
        "示例：gridctl meeting list --kind 联席会议 --format json",
    ),
    "help.meeting.show": (
        "Show a meeting: attendees, topics, decisions and problems.",
        "查看会议详情。",
    ),
    "help.meeting.show.example": (
        "Example: gridctl meeting show 4",
        "示例：gridctl meeting show 4",
    ),
    "help.meeting.outcome": (
        "Record what a meeting decided on a problem it took up (--solved closes it).",
        "登记会议对问题的研究结果（--solved 同时办结问题）。",
    ),
    "help.meeting.outcome.example": (
        "Example: gridctl meeting outcome 4 12 --outcome 人社局牵头专场招聘 --solved",
        "示例：gridctl meeting outcome 4 12 --outcome 人社局牵头专场招聘 --solved",
    ),
    "help.problem.refer": (
        "Refer an open problem to a joint meeting (联席会议).",
        "将未解决问题提交联席会议研究。",
    ),
    "help.problem.refer.example": (
        "Example: gridctl problem refer 12 --meeting 4 --note 涉及多个部门",
        "示例：gridctl problem refer 12 --meeting 4 --note 涉及多个部门",
    ),
    "help.meeting.update": (
        "Correct a meeting: date, title, attendees, topics, decisions (a list given replaces "
        "the recorded one; an empty value clears it).",
        "更正会议：日期、名称、参会人员、议题、议定事项（给出的列表整体替换原记录，空值清空）。",
    ),
    "help.meeting.update.example": (
        "Example: gridctl meeting update 4 --date 2026-11-06 -a S001 -a S003",
        "示例：gridctl meeting update 4 --date 2026-11-06 -a S001 -a S003",
    ),
    "help.meeting.delete": (
        "Delete a meeting with its attendance and the problems taken up (refused once an "
        "outcome is recorded; referred problems go back to open).",
        "删除会议及其参会记录和研究的问题（已登记研究结果的会议不能删除；提交的问题恢复为未解决）。",
    ),
    "help.meeting.delete.example": (
        "Example: gridctl meeting delete 4",
        "示例：gridctl meeting delete 4",
    ),
    # help: options
    "help.arg.meeting": ("Meeting ID (see meeting list).", "会议编号（见 meeting list）。"),
    "help.opt.meeting_date": ("Date of the meeting, YYYY-MM-DD.", "会议日期，YYYY-MM-DD。"),
    "help.opt.meeting_kind": (
        "group-monthly, leader-quarterly or joint (or 指导组月度例会/组长季度工作例会/联席会议).",
        "会议类型：指导组月度例会、组长季度工作例会、联席会议。",
    ),
    "help.opt.meeting_group": (
        "The group (monthly group meetings only).",
        "指导组（仅指导组月度例会）。",
    ),
    "help.opt.title": ("Title.", "名称。"),
    "help.opt.attendee": (
        "A supervisor who attended (repeat for several).",
        "参会指导员（可多次）。",
    ),
    "help.opt.topic": ("A topic discussed (repeat for several).", "议题（可多次）。"),
    "help.opt.decision": ("A decision taken (repeat for several).", "议定事项（可多次）。"),
    "help.opt.meeting_problem": (
        "ID of a problem taken up (repeat for several).",
        "研究的问题编号（可多次）。",
    ),
    "help.opt.outcome": ("What the meeting decided.", "研究结果。"),
    "help.opt.solved": ("The problem is solved by it.", "问题已因此解决。"),
    "help.opt.joint_meeting": ("ID of the joint meeting.", "联席会议编号。"),
    "help.opt.refer_note": ("Why it goes to the joint meeting.", "提交原因。"),
    "help.opt.attendee_replace": (
        "A supervisor who attended (repeat; replaces the list; -a '' clears it).",
        "参会指导员（可多次；整体替换；-a '' 清空）。",
    ),
    "help.opt.topic_replace": (
        "A topic discussed (repeat; replaces the list).",
        "议题（可多次；整体替换）。",
    ),
    "help.opt.decision_replace": (
        "A decision taken (repeat; replaces the list).",
        "议定事项（可多次；整体替换）。",
    ),
    # details of refusals
    "detail.meeting_has_outcome": (
        "meeting {meeting} has an outcome recorded for problem {problem}, dated by the "
        "meeting's day; its date stays",
        "会议 {meeting} 已登记对问题 {problem} 的研究结果（以会议日期为准），会议日期不能再改",
    ),
    "detail.meeting_before_problem": (
        "problem {problem} taken up there was opened on {opened}; the meeting cannot be before",
        "会议研究的问题 {problem} 于 {opened} 提出，会议日期不得早于该日",
    ),
    "detail.meeting_outcome_stays": (
        "an outcome is recorded there for problem {problem}; a meeting with outcomes stays",
        "该会议已登记对问题 {problem} 的研究结果，有研究结果的会议不能删除",
    ),
    "detail.meeting.ref": (
        "meeting id; see `gridctl meeting list`",
        "会议编号，见 gridctl meeting list",
    ),
    "detail.meeting.clash": (
        "meeting {id} is already this {kind} meeting of {period}",
        "{period} 已有{kind}（{id}）",
    ),
    "detail.meeting.no": ("{id}", "会议 {id}"),
    "detail.meeting.needs_group": (
        "a monthly group meeting needs its group",
        "指导组月度例会须指定指导组",
    ),
    "detail.meeting.group_only_monthly": (
        "only a monthly group meeting belongs to a group",
        "只有指导组月度例会需指定指导组",
    ),
    "detail.meeting.not_in_group": ("not a supervisor of {group}", "不是{group}的指导员"),
    "detail.meeting.problem_after": (
        "opened {opened}, after the meeting",
        "该问题于 {opened} 提出，晚于会议日期",
    ),
    "detail.meeting.not_joint": (
        "meeting {id} is a {kind} meeting; refer to a joint meeting",
        "会议 {id} 是{kind}，问题只能提交联席会议",
    ),
    "detail.meeting.before_problem": (
        "the meeting ({day}) is before the problem was opened ({opened})",
        "会议日期（{day}）早于问题提出日期（{opened}）",
    ),
    "detail.meeting.not_held": (
        "the meeting ({day}) has not been held yet",
        "该会议（{day}）尚未召开",
    ),
    "detail.meeting.say_outcome": ("say what the meeting decided", "请写明研究结果"),
    "detail.meeting.referred": ("already referred to meeting {id}", "已提交会议 {id}"),
    "detail.meeting.taken_up": (
        "problem taken up at meeting {id}",
        "会议 {id} 研究的问题编号",
    ),
}

"""Messages of the output-file writer (gridctl.outfile): why a report, export, template or
backup could not be written where it was asked to go."""

MESSAGES: dict[str, tuple[str, str]] = {
    "error.output_file": (
        "{field}: cannot write '{value}': {detail}",
        "{field}：无法写入“{value}”：{detail}",
    ),
    "outfile.is_folder": (
        "it is a folder; give a file name",
        "这是一个文件夹；请给出文件名",
    ),
    "outfile.no_folder": (
        "its folder does not exist ({folder}); gridctl creates no folders: "
        "check the spelling or create it first",
        "所在文件夹不存在（{folder}）；gridctl 不会新建文件夹：请检查拼写或先创建它",
    ),
    "outfile.not_folder": (
        "{folder} is a file, not a folder",
        "{folder} 是文件，不是文件夹",
    ),
    "outfile.no_permission": (
        "no permission to write there (folder {folder}); choose a folder of yours",
        "没有在此写入的权限（文件夹 {folder}）；请换一个自己有权限的文件夹",
    ),
    "outfile.read_only": (
        "the file system of {folder} is read-only",
        "{folder} 所在的文件系统是只读的",
    ),
    "outfile.disk_full": (
        "the disk is full ({error}); nothing was written",
        "磁盘已满（{error}）；未写入任何内容",
    ),
    "outfile.name_too_long": ("the file name is too long", "文件名过长"),
    "outfile.cannot_create": (
        "no file can be created in {folder} ({error}); choose an ordinary folder",
        "无法在 {folder} 中新建文件（{error}）；请换一个普通文件夹",
    ),
    "outfile.no_temporary": (
        "no temporary file could be made in {folder}",
        "无法在 {folder} 中建立临时文件",
    ),
    "outfile.os_error": ("the system refused: {error}", "系统拒绝：{error}"),
}

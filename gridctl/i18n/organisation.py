"""Messages and labels of the industry chains, party-building brands and demonstration belt."""

MESSAGES: dict[str, tuple[str, str]] = {
    # industry-chain committees and the IT alliance
    "chain.set": ("Chain {code} updated", "已更新产业链 {code}"),
    "chain.members": ("Member enterprises", "成员企业"),
    "help.chain": (
        "Industry-chain committees and the IT alliance, with their members.",
        "产业链党委与大数据信息技术联盟及其成员企业。",
    ),
    "help.chain.list": (
        "List the chains: members, organisations, party members, lead, secretary.",
        "列出产业链：成员企业数、党组织数、党员数、牵头企业、书记。",
    ),
    "help.chain.list.example": ("Example: gridctl chain list", "示例：gridctl chain list"),
    "help.chain.show": ("Show a chain and its member enterprises.", "查看产业链及其成员企业。"),
    "help.chain.show.example": (
        "Example: gridctl chain show 微电子",
        "示例：gridctl chain show 微电子",
    ),
    "help.chain.set": (
        "Set a chain's lead enterprise, secretary or note.",
        "设置产业链牵头企业、书记或备注。",
    ),
    "help.chain.set.example": (
        "Example: gridctl chain set big-data-it --lead 数智云 --secretary 刘强",
        "示例：gridctl chain set 大数据信息技术 --lead 数智云 --secretary 刘强",
    ),
    "help.arg.chain": (
        "Chain: new-energy-vehicles, microelectronics, energy-saving-equipment, big-data-it "
        "(or the Chinese name).",
        "产业链：新能源汽车、微电子、节能环保装备、大数据信息技术。",
    ),
    "help.opt.lead": ("Lead enterprise (a member of the chain).", "牵头企业（须为成员企业）。"),
    "help.opt.secretary": ("The committee's secretary.", "产业链党委书记。"),
    "help.opt.chain_note": ("A note.", "备注。"),
    "detail.chain.lead_member": (
        "{name} is not a member of {chain}",
        "{name} 不是{chain}产业链的成员企业",
    ),
    # party-building brands (党建品牌)
    "brand.added": ("Added brand {id}: {name}", "已添加党建品牌 {id}：{name}"),
    "brand.updated": ("Brand {id} corrected: {name}", "已更正党建品牌 {id}：{name}"),
    "brand.deleted": ("Deleted brand {id}: {name}", "已删除党建品牌 {id}：{name}"),
    "help.brand": ("Enterprises' party-building brands (党建品牌).", "企业党建品牌。"),
    "help.brand.add": ("Add an enterprise's brand.", "添加企业党建品牌。"),
    "help.brand.add.example": (
        "Example: gridctl brand add 合肥芯联 芯火相传 --since 2019",
        "示例：gridctl brand add 合肥芯联 芯火相传 --since 2019",
    ),
    "help.brand.list": ("List brands.", "列出党建品牌。"),
    "help.brand.list.example": ("Example: gridctl brand list", "示例：gridctl brand list"),
    "help.brand.update": (
        "Correct a brand: name, enterprise, description, year.",
        "更正党建品牌：名称、企业、说明、创建年份。",
    ),
    "help.brand.update.example": (
        "Example: gridctl brand update 芯火相传 --since 2018",
        "示例：gridctl brand update 芯火相传 --since 2018",
    ),
    "help.brand.delete": ("Delete a brand.", "删除党建品牌。"),
    "help.brand.delete.example": (
        "Example: gridctl brand delete 芯火相传",
        "示例：gridctl brand delete 芯火相传",
    ),
    "help.arg.brand": ("Brand name.", "品牌名称。"),
    "help.opt.since": ("Year the brand was created.", "创建年份。"),
    "help.arg.brand_ref": (
        "Brand ID or name (see brand list).",
        "品牌编号或名称（见 brand list）。",
    ),
    "detail.brand_ref": (
        "brand id or name; see `gridctl brand list`",
        "品牌编号或名称，见 gridctl brand list",
    ),
    "detail.brand.exists": ("a brand with this name exists", "该品牌名称已存在"),
    "detail.brand.since": ("a year, e.g. 2019", "应为年份，如 2019"),
    # the demonstration belt (示范带)
    "belt.added": ("Site {position} of {belt} added", "已添加{belt}第 {position} 站"),
    "belt.moved": ("Moved to site {position} of {belt}", "已移至{belt}第 {position} 站"),
    "belt.removed": (
        "{enterprise} taken off the belt; {n} site(s) left",
        "已将 {enterprise} 移出示范带，余 {n} 站",
    ),
    "help.belt": (
        "The demonstration belt (示范带): model sites in order.",
        "党建示范带：按顺序排列的示范点。",
    ),
    "help.belt.add": (
        "Add an enterprise as a site of a belt (at the end, or at --position).",
        "添加示范点（默认排在末尾，或用 --position 指定位置）。",
    ),
    "help.belt.add.example": (
        "Example: gridctl belt add 合肥芯联 --feature 党建引领芯片攻关",
        "示例：gridctl belt add 合肥芯联 --feature 党建引领芯片攻关",
    ),
    "help.belt.list": ("List the belt's sites in order.", "按顺序列出示范点。"),
    "help.belt.list.example": ("Example: gridctl belt list", "示例：gridctl belt list"),
    "help.belt.move": (
        "Move a site to another place along its belt (the others close up, 1..n).",
        "调整示范点顺序（其余站点依次顺延，保持 1..n）。",
    ),
    "help.belt.move.example": (
        "Example: gridctl belt move 合肥芯联 --position 1",
        "示例：gridctl belt move 合肥芯联 --position 1",
    ),
    "help.belt.remove": (
        "Take a site off its belt (the later sites move up one).",
        "移出示范点（其后站点依次前移）。",
    ),
    "help.belt.remove.example": (
        "Example: gridctl belt remove 合肥芯联",
        "示例：gridctl belt remove 合肥芯联",
    ),
    "help.opt.belt": ("Belt name (default: 党建示范带).", "示范带名称（默认：党建示范带）。"),
    "help.opt.position": ("Place along the belt, from 1.", "站点顺序（从 1 起）。"),
    "help.opt.feature": ("What the site shows.", "示范内容、特色。"),
    "detail.belt_site_ref": (
        "a site of {belt}; see `gridctl belt list`",
        "{belt}的示范点，见 gridctl belt list",
    ),
    "detail.position_range": ("between 1 and {n}", "应在 1 到 {n} 之间"),
    "detail.belt.already": ("already a site of {belt}", "已是{belt}的示范点"),
    "detail.belt.every_site": (
        "every site of the belt, each once",
        "须列出该示范带的全部站点，每个一次",
    ),
    "detail.belt.unknown": (
        "no such belt; see `gridctl belt list`",
        "没有该示范带，见 gridctl belt list",
    ),
}

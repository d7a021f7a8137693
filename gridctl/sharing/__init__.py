"""What enterprises share: the public-welfare claim list (公益项目认领清单) and the park resource
map (园区资源地图) with its uses.

May import points (a completed claim earns points) and registers, the ledger and the leaves.
"""

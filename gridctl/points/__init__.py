"""The points scheme (量化积分): rules, derived entries, standings, subsidies, the notice.

Import from the modules (this package re-exports nothing, so `gridctl.points.standings`
stays the module):
    from gridctl.points.standings import standings   # ranked points per supervisor
    from gridctl.points.subsidy import subsidy_rows   # subsidy and rewards per supervisor
    from gridctl.points.scoring import sync           # bring derived entries up to date
    from gridctl.points.rules import visit_classes    # months between required visits
"""

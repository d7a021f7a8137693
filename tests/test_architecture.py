"""The house keeps its shape: arrows only down, no circles, small rooms, names that say what.

The first tests read the repository; the rest build a small tree in tmp_path that breaks each
rule once, so a check that reads nothing cannot pass.
"""

from pathlib import Path

import pytest

from tests import import_graph as graph

ROOT = Path(__file__).resolve().parent.parent


def report(title: str, found: list[str]) -> str:
    return f"{title} ({len(found)}):\n  " + "\n  ".join(found)


def test_the_graph_is_read():
    arrows = graph.imports(ROOT)
    assert len(graph.modules(ROOT)) > 50
    assert any(a.source == "gridctl.cli.app" and a.target == "gridctl.errors" for a in arrows)


def test_every_module_is_on_a_floor():
    found = graph.unplaced(ROOT)
    assert not found, report("modules on no floor of the table in tests/import_graph.py", found)


def test_arrows_only_point_down():
    found = graph.upward(ROOT)
    assert not found, report("imports the layer table does not allow", found)


def test_no_import_cycles():
    found = graph.cycles(ROOT)
    assert not found, report("import cycles (imports inside functions count)", found)


def test_nothing_below_the_cli_imports_typer_click_or_rich():
    found = graph.ui_imports(ROOT)
    assert not found, report("typer, click or rich imported outside gridctl/cli/", found)


def test_no_module_over_the_limit_without_its_reason():
    found = graph.long_modules(ROOT)
    assert not found, report(
        f"modules over {graph.LINE_LIMIT} lines whose docstring does not say why they are longer",
        found,
    )


def test_services_speak_fields_not_flags():
    found = graph.flag_literals(ROOT)
    assert not found, report('"--flag" literals outside gridctl/cli/ and gridctl/i18n/', found)


def test_no_names_from_history():
    found = graph.history_names(ROOT)
    assert not found, report('files or folders named "park", "hardening" or kinds2-like', found)


def test_no_references_to_files_outside_the_repository():
    found = graph.outside_references(ROOT)
    assert not found, report("text in gridctl/ naming files not in the repository", found)


# A small tree that breaks every rule once, beside modules that keep them.

FAKE = {
    "gridctl/__init__.py": '"""Root."""\n__version__ = "0"\n',
    "gridctl/errors.py": '"""Leaf."""\nfrom gridctl.i18n import t\n',
    "gridctl/i18n/__init__.py": '"""Texts."""\nfrom . import common\n',
    "gridctl/i18n/common.py": '"""Texts."""\nTEXT = {"x": ("--flag is fine here", "")}\n',
    "gridctl/ledger/__init__.py": '"""Ledger."""\n',
    "gridctl/ledger/session.py": (
        '"""Session."""\n'
        "def open_ledger():\n"
        "    from gridctl.ledger.migrate import head  # a circle hidden in a function\n"
    ),
    "gridctl/ledger/migrate.py": '"""Migrate."""\nfrom gridctl.ledger import session\n',
    "gridctl/registers/__init__.py": '"""Registers."""\n',
    "gridctl/registers/grids.py": (
        '"""Grids."""\nfrom gridctl import errors\nfrom .lookup import find\n'
        "def add():\n"
        "    from gridctl.work.visits import due  # up: registers may not import work\n"
        '    raise errors.Invalid("--grid")\n'
    ),
    "gridctl/registers/lookup.py": '"""Look-ups."""\nimport typer\n',
    "gridctl/work/__init__.py": '"""Work."""\n',
    "gridctl/work/visits.py": (
        '"""Visits."""\nfrom gridctl.registers import lookup\nfrom gridctl.points.rules import R\n'
    ),
    "gridctl/points/__init__.py": '"""Points."""\n',
    "gridctl/points/rules.py": '"""Rules: a table, longer because one list reads best."""\n'
    + "R = 1\n" * 400,
    "gridctl/points/scoring.py": '"""Scoring."""\n' + "x = 1\n" * 301,
    "gridctl/reports/__init__.py": '"""Reports."""\n',
    "gridctl/reports/book.py": '"""Book (PITFALLS.md)."""\nfrom gridctl.imports import spec\n',
    "gridctl/reports/xlsxsafe.py": '"""Safe cells."""\n',
    "gridctl/imports/__init__.py": '"""Imports."""\n',
    "gridctl/imports/spec.py": '"""Spec."""\n',
    "gridctl/imports/export.py": (
        '"""Export."""\nfrom gridctl.reports import book, xlsxsafe\nfrom gridctl.reports import Labels\n'
    ),
    "gridctl/imports/kinds2/__init__.py": '"""Kinds."""\n',
    "gridctl/sample.py": '"""Sample."""\nfrom gridctl.imports import spec\n',
    "gridctl/cli/__init__.py": '"""CLI."""\n',
    "gridctl/cli/app.py": '"""App."""\nimport rich\nfrom gridctl.reports import book\n',
    "gridctl/due.py": '"""Left behind."""\n',
    "tests/test_import_kinds3.py": "",
    "tests/sample_park/__init__.py": "",
    "tests/test_sparkline.py": "",
}


@pytest.fixture
def fake(tmp_path: Path) -> Path:
    for name, text in FAKE.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def test_reading_a_fake_tree_finds_each_kind_of_arrow(fake):
    arrows = {(a.source, a.target) for a in graph.imports(fake)}
    assert ("gridctl.registers.grids", "gridctl.errors") in arrows  # from gridctl import x
    assert ("gridctl.registers.grids", "gridctl.registers.lookup") in arrows  # relative
    assert ("gridctl.registers.grids", "gridctl.work.visits") in arrows  # inside a function
    assert ("gridctl.i18n", "gridctl.i18n.common") in arrows  # from . import x
    assert ("gridctl.imports.export", "gridctl.reports.book") in arrows
    assert ("gridctl.imports.export", "gridctl.reports") in arrows  # a name from __init__
    assert ("gridctl.imports.export", "gridctl.reports.xlsxsafe") in arrows
    # `from gridctl.reports import book` is an arrow to book, not also to the package.
    assert ("gridctl.cli.app", "gridctl.reports") not in arrows


def test_a_fake_tree_shows_its_cycle(fake):
    assert graph.cycles(fake) == [
        "gridctl.ledger.migrate <-> gridctl.ledger.session: "
        "gridctl.ledger.migrate -> gridctl.ledger.session (gridctl/ledger/migrate.py:2); "
        "gridctl.ledger.session -> gridctl.ledger.migrate (gridctl/ledger/session.py:3)"
    ]


def test_a_fake_tree_shows_its_upward_arrows(fake):
    assert graph.upward(fake) == [
        "gridctl.imports.export -> gridctl.reports (gridctl/imports/export.py:3)"
        "  [imports may not import reports]",
        "gridctl.registers.grids -> gridctl.work.visits (gridctl/registers/grids.py:5)"
        "  [registers may not import work]",
        "gridctl.reports.book -> gridctl.imports.spec (gridctl/reports/book.py:2)"
        "  [reports may not import imports]",
    ]


def test_a_fake_tree_shows_the_rest(fake):
    assert graph.unplaced(fake) == ["gridctl.due"]
    assert graph.ui_imports(fake) == ["gridctl/registers/lookup.py:2: imports typer"]
    assert graph.long_modules(fake) == ["gridctl/points/scoring.py: 302 lines"]
    assert graph.flag_literals(fake) == [
        'gridctl/registers/grids.py:6: raise errors.Invalid("--grid")'
    ]
    assert graph.history_names(fake) == [
        "gridctl/imports/kinds2",
        "tests/sample_park",
        "tests/test_import_kinds3.py",
    ]
    assert graph.outside_references(fake) == [
        'gridctl/reports/book.py:1: """Book (PITFALLS.md)."""'
    ]

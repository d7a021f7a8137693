"""The rules of the house, read from the code: who may import whom, and what a module may be.

Each check takes the folder that holds the `gridctl` package (the repository, or a small tree
a test builds) and returns the offenders as readable lines; an empty list means it holds.
Imports are read with `ast`, so imports inside functions count as much as those at the top:
a function-level import that closes a circle is still a circle, and so is one under
TYPE_CHECKING (the arrow is in the design even when it never runs). Modules loaded by name at
run time (the CLI's nouns, `importlib.import_module`) are not imports and are not read.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PACKAGE = "gridctl"

# The floors, top to bottom. A module belongs to the first unit whose prefix it matches.
LEAVES = ("errors", "dates", "uscc", "vocab", "textsafe", "outfile")
DOMAIN = ("registers", "funding", "points", "work", "organisation", "sharing")
UNITS: dict[str, str] = {
    "gridctl.cli": "cli",
    "gridctl.__main__": "cli",
    "gridctl.reports": "reports",
    "gridctl.imports": "imports",
    # The sample is loaded through the importer: it sits with imports.
    "gridctl.sample": "imports",
    **{f"gridctl.{name}": name for name in DOMAIN},
    "gridctl.ledger": "ledger",
    "gridctl.i18n": "i18n",
    **{f"gridctl.{name}": "leaves" for name in LEAVES},
}
# The root package holds the version only; a module directly under it is on no floor unless
# named above.
ROOT_UNIT = "leaves"

BELOW_DOMAIN = {"ledger", "leaves", "i18n"}

# What each unit may import besides itself. Reports and imports are siblings: neither
# imports the other (one exception below).
ALLOWED: dict[str, set[str]] = {
    "cli": {"reports", "imports", *DOMAIN, *BELOW_DOMAIN},
    "reports": {*DOMAIN, *BELOW_DOMAIN},
    "imports": {*DOMAIN, *BELOW_DOMAIN},
    "registers": BELOW_DOMAIN,
    "funding": {"registers", *BELOW_DOMAIN},
    "points": {"registers", *BELOW_DOMAIN},
    "work": {"points", "registers", *BELOW_DOMAIN},
    "organisation": {"funding", "registers", *BELOW_DOMAIN},
    "sharing": {"points", "registers", *BELOW_DOMAIN},
    "ledger": {"leaves", "i18n"},
    "leaves": {"i18n"},
    "i18n": set(),
}

# Single arrows allowed across a forbidden line, each with its reason.
EXCEPTIONS: dict[tuple[str, str], str] = {
    # An export writes its workbook through the reports' one safe writer.
    ("gridctl.imports.export", "gridctl.reports.book"): "the one safe workbook writer",
    ("gridctl.imports.export", "gridctl.reports.xlsxsafe"): "cell values made safe",
}

UI_LIBRARIES = {"typer", "click", "rich"}
LINE_LIMIT = 300
FORBIDDEN_NAME = re.compile(r"(?<![a-z])park|hardening|[a-z]\d+$", re.IGNORECASE)
OUTSIDE_FILES = re.compile(r"\b(PITFALLS|DOMAIN|CLI|STYLE)\.md\b")
FLAG_LITERAL = re.compile(r"[\"']--")


@dataclass(frozen=True, slots=True)
class Import:
    """One arrow: `source` imports `target` at `where` (path:line)."""

    source: str
    target: str
    where: str

    def __str__(self) -> str:
        return f"{self.source} -> {self.target} ({self.where})"


def modules(root: Path) -> dict[str, Path]:
    """Every module of the package under `root`, by dotted name."""
    found = {}
    for path in sorted((root / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _resolve(name: str, known: dict[str, Path]) -> str | None:
    """The most specific module of ours that importing `name` reaches, if any."""
    while name:
        if name in known:
            return name
        name = name.rpartition(".")[0]
    return None


def _absolute(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    drop = node.level - 1 if is_package else node.level
    base = base[: len(base) - drop]
    return ".".join([*base, *([node.module] if node.module else [])])


def raw_imports(module: str, path: Path) -> Iterator[tuple[str, int, bool]]:
    """Every name `module` imports, absolute, with its line.

    `from a import b` gives a.b marked as a `from` name: it is the module a.b when there is one,
    else a name defined in a.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno, False
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node, module, path.name == "__init__.py")
            for alias in node.names:
                yield f"{base}.{alias.name}", node.lineno, True


def imports(root: Path) -> list[Import]:
    """Every arrow between our modules (each source, target and line once)."""
    known = modules(root)
    arrows: dict[tuple[str, str, int], Import] = {}
    for module, path in known.items():
        where = path.relative_to(root).as_posix()
        for name, line, from_name in raw_imports(module, path):
            if from_name and name not in known:
                name = name.rpartition(".")[0]
            target = _resolve(name, known)
            if target is not None and target != module:
                arrows[(module, target, line)] = Import(module, target, f"{where}:{line}")
    return list(arrows.values())


def unit(module: str) -> str | None:
    """The floor a module lives on (None: on no floor, which is itself an offence)."""
    if module == PACKAGE:
        return ROOT_UNIT
    owner = _resolve(module, dict.fromkeys(UNITS, Path()))
    return UNITS[owner] if owner else None


def unplaced(root: Path) -> list[str]:
    return [m for m in modules(root) if unit(m) is None]


def upward(root: Path) -> list[str]:
    """Arrows the table does not allow, e.g. `gridctl.registers.x -> gridctl.work.y (...)`."""
    found = []
    for arrow in imports(root):
        src, dst = unit(arrow.source), unit(arrow.target)
        if src is None or dst is None or src == dst:
            continue
        if dst not in ALLOWED[src] and (arrow.source, arrow.target) not in EXCEPTIONS:
            found.append(f"{arrow}  [{src} may not import {dst}]")
    return sorted(found)


def cycles(root: Path) -> list[str]:
    """Each circle of modules, with the arrows that close it."""
    arrows = imports(root)
    graph: dict[str, set[str]] = {}
    for arrow in arrows:
        graph.setdefault(arrow.source, set()).add(arrow.target)
    found = []
    for group in _strong_components(graph):
        inside = sorted(str(a) for a in arrows if a.source in group and a.target in group)
        found.append(f"{' <-> '.join(sorted(group))}: " + "; ".join(inside))
    return sorted(found)


def _strong_components(graph: dict[str, set[str]]) -> list[set[str]]:
    """Tarjan's algorithm, iterative; only components of two or more modules are circles."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(group)
    return found


def ui_imports(root: Path) -> list[str]:
    """typer, click or rich imported outside gridctl/cli/."""
    found = []
    for module, path in modules(root).items():
        if unit(module) == "cli":
            continue
        for name, line, _ in raw_imports(module, path):
            if name.split(".")[0] in UI_LIBRARIES:
                found.append(f"{path.relative_to(root).as_posix()}:{line}: imports {name}")
    return sorted(set(found))


def long_modules(root: Path) -> list[str]:
    """Modules over the limit whose docstring does not say why they are longer."""
    found = []
    for path in modules(root).values():
        text = path.read_text(encoding="utf-8")
        count = len(text.splitlines())
        if count <= LINE_LIMIT:
            continue
        doc = ast.get_docstring(ast.parse(text)) or ""
        if not re.search(r"\blonger\b", doc, re.IGNORECASE):
            found.append(f"{path.relative_to(root).as_posix()}: {count} lines")
    return sorted(found)


def flag_literals(root: Path) -> list[str]:
    """`"--...` literals below the CLI (the i18n catalogues may hold them)."""
    found = []
    for module, path in modules(root).items():
        if unit(module) in ("cli", "i18n"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if FLAG_LITERAL.search(line):
                found.append(f"{path.relative_to(root).as_posix()}:{number}: {line.strip()}")
    return found


def history_names(root: Path) -> list[str]:
    """Files and folders named for when they were written, not for what they hold."""
    found = []
    for top in (PACKAGE, "tests"):
        for path in sorted((root / top).rglob("*")):
            if "__pycache__" in path.parts or path.suffix == ".pyc":
                continue
            name = path.stem if path.is_file() else path.name
            if FORBIDDEN_NAME.search(name):
                found.append(path.relative_to(root).as_posix())
    return found


def outside_references(root: Path) -> list[str]:
    """Text naming files that are not in the repository."""
    found = []
    for path in sorted((root / PACKAGE).rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), 1):
            if OUTSIDE_FILES.search(line):
                found.append(f"{path.relative_to(root).as_posix()}:{number}: {line.strip()}")
    return found

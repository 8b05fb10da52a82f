"""The package's shape: layers only point down, and no module imports another that imports it back."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "cardmaker"

# Lower layers never import higher ones: text/ and chinese/ know nothing of the dictionary cache,
# the analysis stages nothing of outputs, and only the top runs jobs or talks to the user.
RANKS = {
    "errors": 0, "records": 0, "chinese": 0, "text": 1, "lexicon": 2, "analysis": 3, "lists": 4,
    "output": 5, "build": 6, "parallel": 6, "serve": 7, "cli": 8, "cli_options": 8, "__main__": 8, "__init__": 0,
}


def _modules():
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        name = ".".join(("cardmaker",) + parts).removesuffix(".__init__")
        yield name, parts[0], path


def _imports(path: Path, name: str, is_package: bool):
    """Every cardmaker module ``path`` imports, at the top or inside a function."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names if a.name.startswith("cardmaker"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = name.split(".") if is_package else name.split(".")[:-1]
                base = ".".join(package[: len(package) - node.level + 1] + ([base] if base else []))
            if base.startswith("cardmaker"):
                for a in node.names:  # `from cardmaker.lexicon import hsk` imports a module
                    yield f"{base}.{a.name}" if (PACKAGE.parent / f"{base}.{a.name}".replace(".", "/")).exists() \
                        or (PACKAGE.parent / (f"{base}.{a.name}".replace(".", "/") + ".py")).exists() else base


GRAPH = {}
for _name, _top, _path in _modules():
    GRAPH[_name] = (_top, set(_imports(_path, _name, _path.name == "__init__.py")) - {_name})


def _rank(module: str) -> int:
    parts = module.split(".")
    return RANKS[parts[1]] if len(parts) > 1 else 0


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_layers_only_point_down(module):
    top, imported = GRAPH[module]
    upward = sorted(m for m in imported if _rank(m) > RANKS[top])
    assert not upward, f"{module} imports higher layers: {upward}"


def test_no_import_cycles():
    state: dict[str, int] = {}

    def visit(m, trail):
        if state.get(m) == 1:
            raise AssertionError(" → ".join(trail + [m]))
        if state.get(m) == 2 or m not in GRAPH:
            return
        state[m] = 1
        for n in sorted(GRAPH[m][1]):
            if not (m.startswith(n + ".") and n in GRAPH):  # a module inside a package imports the package
                visit(n, trail + [m])
        state[m] = 2

    for m in sorted(GRAPH):
        visit(m, [])


def test_text_and_chinese_never_open_the_dictionary_cache():
    for module, (top, imported) in GRAPH.items():
        if top in ("text", "chinese"):
            assert not any(m.startswith("cardmaker.lexicon") for m in imported), module

"""The package's layers, and that imports only go down them.

    problems, thai, chars   the bottom: messages, Thai formatting, invisible characters,
    cores                   work on a second core
    content/                YAML → typed Site (models, topic registry, catalogues, loading)
    checks/                 judgements on a Site (rules across files, personal data, readiness)
    publish/                from a checked Site to the website (pages, Markdown, MkDocs, search)
    tools/                  around the pipeline (scaffold, schema, province, import)
    cli                     the top

A module may import from its own layer and from any layer below it, never from one above. Inside
a function, a module may only import third-party code it needs late (MkDocs, pythainlp); an
import of this package inside a function would be hiding a cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
LAYERS = {"problems": 0, "thai": 0, "chars": 0, "cores": 0, "content": 1, "checks": 2, "publish": 3, "tools": 4, "cli": 5, "__main__": 5}


def _layer(module: str) -> int:
    parts = module.split(".")
    assert parts[0] == "generator", module
    if len(parts) == 1:  # the package itself (generator/__init__.py: version only)
        return 0
    return LAYERS[parts[1]]


def _modules() -> list[tuple[str, Path]]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out.append((".".join(parts), path))
    return out


def _imports(tree: ast.AST) -> list[tuple[ast.AST, str, bool]]:
    """(node, imported module, inside a function) for every import of this package."""
    found = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            if isinstance(child, ast.ImportFrom) and child.module and child.module.split(".")[0] == "generator":
                for alias in child.names:
                    full = f"{child.module}.{alias.name}"
                    # `from generator.content import models`: the module is generator.content.models
                    found.append((child, full if _is_module(full) else child.module, in_function))
            elif isinstance(child, ast.Import):
                for alias in child.names:
                    if alias.name.split(".")[0] == "generator":
                        found.append((child, alias.name, in_function))
            visit(child, inner)

    visit(tree, False)
    return found


def _is_module(name: str) -> bool:
    rel = Path(*name.split("."))
    return (PACKAGE.parent / rel).with_suffix(".py").is_file() or (PACKAGE.parent / rel / "__init__.py").is_file()


def test_the_layers_cover_every_module():
    for module, _path in _modules():
        _layer(module)  # a KeyError names a module outside every layer


def test_imports_only_go_down_the_layers():
    upward = []
    for module, path in _modules():
        for node, target, _ in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            if _layer(target) > _layer(module):
                upward.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: {module} imports {target}")
    assert not upward, "imports that go up a layer:\n" + "\n".join(upward)


def test_no_import_of_this_package_inside_a_function():
    late = []
    for _module, path in _modules():
        for node, target, in_function in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            if in_function:
                late.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: {target}")
    assert not late, "imports inside functions (a hidden cycle?):\n" + "\n".join(late)


def test_the_direction_test_fails_on_an_upward_import(tmp_path):
    # The walk itself must see imports, or the tests above could never fail.
    tree = ast.parse("from generator.publish.build import build\ndef f():\n    from generator.cli import main\n")
    found = _imports(tree)
    assert [(t, inside) for _, t, inside in found] == [("generator.publish.build", False), ("generator.cli", True)]
    assert _layer("generator.publish.build") > _layer("generator.content.models")

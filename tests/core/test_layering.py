"""House rules: a Qt-free core, no module-level TensorFlow or Keras import anywhere, and every
``type: ignore`` says which error and why."""

from __future__ import annotations

import ast
import io
import re
import subprocess
import sys
import tokenize
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "explorer"
HEAVY = ("tensorflow", "keras")
QT = ("PySide6", "pyqtgraph", "shiboken6")


def _imports(tree: ast.AST, module_level_only: bool) -> list[str]:
    nodes = tree.body if module_level_only else list(ast.walk(tree))  # type: ignore[attr-defined]  # a Module
    names = []
    for node in nodes:
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_core_never_imports_qt() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in _sources()
        if "core" in path.relative_to(PACKAGE).parts
        for name in _imports(ast.parse(path.read_text()), module_level_only=False)
        if name.split(".")[0] in QT
    ]
    assert offenders == []


def test_no_module_level_tensorflow_or_keras_import() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in _sources()
        for name in _imports(ast.parse(path.read_text()), module_level_only=True)
        if name.split(".")[0] in HEAVY
    ]
    assert offenders == []


def test_importing_every_module_loads_neither_tensorflow_nor_qt_in_core() -> None:
    modules = [
        ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        for path in _sources()
        if path.name != "__main__.py"
    ]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    if '.qt' not in name:\n"
        "        importlib.import_module(name)\n"
        f"print(sorted(m for m in {HEAVY + QT!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_window_and_its_widget_tests_load_no_tensorflow() -> None:
    """Widget tests drive the window against a fake client: nothing may pull TensorFlow in."""
    modules = [
        ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        for path in _sources()
        if ".qt" in ".".join(path.parts) or path.name == "preflight.py"
    ]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r} + ['tests.qt.conftest', 'tests.qt.fake_client']:\n"
        "    importlib.import_module(name)\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    root = PACKAGE.parent
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root
    )
    assert out.stdout.strip() == "[]"


# `# type: ignore[code]  # reason`: the error codes, then a comment that says why.
EXPLAINED_IGNORE = re.compile(r"#\s*type:\s*ignore\[[\w\-, ]+\]\s+#\s*\S")


def _unexplained_ignores(source: str) -> list[int]:
    """Lines whose ``type: ignore`` comment lacks its error codes or a reason after them."""
    return [
        token.start[0]
        for token in tokenize.generate_tokens(io.StringIO(source).readline)
        if token.type == tokenize.COMMENT
        and re.search(r"type:\s*ignore", token.string)
        and not EXPLAINED_IGNORE.search(token.string)
    ]


def test_every_type_ignore_names_its_error_codes_and_a_reason() -> None:
    sample = (
        "a = f()  # type: ignore\n"
        "b = f()  # type: ignore[misc]\n"
        "c = f()  # type: ignore[misc]  # keras's class is untyped\n"
        "d = f()  # type: ignore[index, arg-type]  # known: checked above\n"
        "e = '# type: ignore'\n"
    )
    assert _unexplained_ignores(sample) == [1, 2]
    offenders = [
        f"{path.relative_to(PACKAGE)}:{line}"
        for path in _sources()
        for line in _unexplained_ignores(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []

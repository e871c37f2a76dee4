"""The core never imports Qt: checked in a fresh interpreter, module by module."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import review_tool

CORE_EXCLUDE = ("review_tool.gui", "review_tool.__main__", "review_tool.storage.migrations")


def core_modules() -> list[str]:
    root = Path(review_tool.__file__).parent
    mods = []
    for info in pkgutil.walk_packages([str(root)], prefix="review_tool."):
        if not info.name.startswith(CORE_EXCLUDE):
            mods.append(info.name)
    return sorted(mods)


def test_core_modules_do_not_load_qt() -> None:
    mods = core_modules()
    assert "review_tool.scoring.engine" in mods and "review_tool.cli" in mods
    code = (
        "import importlib, sys\n"
        f"for m in {mods!r}:\n"
        "    importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"core imported Qt: {out.stdout}"


def test_import_linter_contract() -> None:
    from importlinter.cli import lint_imports

    assert lint_imports() == 0

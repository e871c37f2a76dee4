"""The PySide6 6.12 / CPython 3.11 reference-count guard (review_tool.gui.compat)."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_many_void_calls_do_not_kill_none() -> None:
    """Without the guard, ~5,000 void PySide6 calls abort the interpreter (none_dealloc) on CPython 3.11."""
    code = textwrap.dedent("""
        import review_tool.gui  # applies the guard
        from PySide6.QtWidgets import QApplication, QLabel
        app = QApplication([])
        label = QLabel()
        for i in range(30000):
            label.setText("x")
            app.processEvents()
        print("alive")
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin",
                              "PYTHONPATH": str(__import__("pathlib").Path(__file__).resolve().parents[2])})
    assert out.returncode == 0 and "alive" in out.stdout, out.stderr[-2000:]


def test_guard_is_idempotent_and_harmless() -> None:
    from review_tool.gui.compat import immortalize_singletons

    immortalize_singletons()
    assert immortalize_singletons() is False  # already lifted (or not needed on this interpreter)
    assert sys.getrefcount(None) > 1000

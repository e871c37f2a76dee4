"""The Chinese catalogue covers every message of the code, and the compiled .qm is up to date."""

from __future__ import annotations

import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TRANSLATIONS = REPO / "resources" / "translations"
TS = TRANSLATIONS / "review_tool_zh_CN.ts"
QM = TRANSLATIONS / "review_tool_zh_CN.qm"
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")

pytestmark = pytest.mark.skipif(shutil.which("pyside6-lupdate") is None, reason="pyside6-lupdate not installed")


def _tool():
    spec = importlib.util.spec_from_file_location("update_translations", TRANSLATIONS / "update_translations.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def messages(ts: Path) -> dict[tuple[str, str], tuple[str | None, str]]:
    """(context, source) -> (translation type, translation text)."""
    out = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            out[(name, msg.findtext("source") or "")] = (tr.get("type") if tr is not None else "missing",
                                                         (tr.text or "") if tr is not None else "")
    return out


def test_every_message_in_the_code_has_a_chinese_translation(tmp_path: Path) -> None:
    fresh = tmp_path / "extracted.ts"
    _tool().lupdate(fresh, silent=True)
    in_code = messages(fresh)
    committed = messages(TS)
    assert len(in_code) > 300  # lupdate found the GUI's tr() and the core's translate() calls
    assert any(ctx == "reviews" for ctx, _ in in_code) and any(ctx == "MainWindow" for ctx, _ in in_code)
    missing = [k for k in in_code if k not in committed]
    unfinished = [k for k, (kind, text) in committed.items() if kind in ("unfinished", "missing") or not text.strip()]
    assert not missing, "not in review_tool_zh_CN.ts (run resources/translations/update_translations.py): " \
        + "; ".join(f"[{c}] {s}" for c, s in missing[:20])
    assert not unfinished, "untranslated: " + "; ".join(f"[{c}] {s}" for c, s in unfinished[:20])


def test_translations_keep_the_placeholders() -> None:
    wrong = [(c, s, t) for (c, s), (kind, t) in messages(TS).items()
             if kind != "unfinished" and t and sorted(PLACEHOLDER.findall(s)) != sorted(PLACEHOLDER.findall(t))]
    assert not wrong, wrong[:10]


def test_the_compiled_catalogue_is_up_to_date(tmp_path: Path) -> None:
    qm = tmp_path / "fresh.qm"
    _tool().lrelease(TS, qm)
    assert QM.is_file(), "run resources/translations/update_translations.py"
    assert QM.read_bytes() == qm.read_bytes(), "review_tool_zh_CN.qm is stale: run update_translations.py"


def test_the_gui_and_the_core_speak_chinese_by_default(qapp) -> None:
    from PySide6.QtCore import QCoreApplication

    from review_tool import i18n
    from review_tool.gui.app import create_application, translators_of
    from review_tool.gui.settings import GuiSettings

    app = create_application([], settings=GuiSettings())
    assert QCoreApplication.translate("MainWindow", "Quit") == "退出"
    assert i18n.translate("reviews", "No review {id}").format(id=3) == "没有评查 3"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"  # Qt's own catalogue
    translators_of(app).install("en")
    try:
        assert QCoreApplication.translate("MainWindow", "Quit") == "Quit"
        assert i18n.translate("reviews", "No review {id}") == "No review {id}"
    finally:
        translators_of(app).install("zh_CN")

"""Qt-free translation of the core's messages.

Core code writes `translate("context", "English text {name}").format(name=...)`.
`pyside6-lupdate` extracts those calls (and the GUI's `self.tr`) into
`resources/translations/review_tool_zh_CN.ts`, the committed source of truth.

- In the GUI, `gui.app` sets the backend to `QCoreApplication.translate`, so one
  `.qm` catalogue serves both layers.
- Headless (CLI, reports, tests), the backend reads the `.ts` XML directly.

Chinese is the default language; `REVIEW_TOOL_LANG=en` (or the GUI setting)
switches to English. Domain wording (checklist items, grades, document titles,
problem categories) is Chinese data in `checklists/`, not translation.
"""

from __future__ import annotations

import os
import threading
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

Backend = Callable[[str, str], str]

_lock = threading.Lock()
_backend: Backend | None = None
_language: str | None = None


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark a module-level string for extraction; translate it later with `translate`."""
    return text


def language() -> str:
    """'zh_CN' (default) or 'en'."""
    global _language
    if _language is None:
        env = os.environ.get("REVIEW_TOOL_LANG", "").strip()
        _language = "en" if env.lower().startswith("en") else "zh_CN"
    return _language


def set_language(lang: str) -> None:
    global _language, _backend
    with _lock:
        _language = "en" if lang.lower().startswith("en") else "zh_CN"
        _backend = None


def set_backend(backend: Backend | None) -> None:
    """Install a translation function (the GUI passes QCoreApplication.translate)."""
    global _backend
    with _lock:
        _backend = backend


def ts_path(lang: str = "zh_CN") -> Path:
    from review_tool.paths import resources_dir

    return resources_dir() / "translations" / f"review_tool_{lang}.ts"


def load_ts(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) -> translation for every finished message of a .ts file."""
    out: dict[tuple[str, str], str] = {}
    if not path.is_file():
        return out
    root = ET.parse(path).getroot()
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            src = msg.findtext("source")
            tr = msg.find("translation")
            if src is None or tr is None or tr.get("type") in {"unfinished", "obsolete", "vanished"}:
                continue
            if tr.text:
                out[(name, src)] = tr.text
    return out


def _ts_backend() -> Backend:
    catalogue = load_ts(ts_path("zh_CN"))

    def lookup(context: str, text: str) -> str:
        return catalogue.get((context, text), text)

    return lookup


def translate(context: str, text: str) -> str:
    """The message in the current language (the English source if untranslated)."""
    global _backend
    backend = _backend
    if backend is None:
        with _lock:
            if _backend is None:
                _backend = _ts_backend() if language() == "zh_CN" else (lambda c, t: t)
            backend = _backend
    return backend(context, text)

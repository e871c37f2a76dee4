"""Per-user GUI settings: a small JSON file in `paths.user_config_dir()`.

Language, recently used databases, the last user per database, window geometry
and splitter states, the report font. Written atomically (temp file + replace) so a
crash never leaves a half-written file; an unreadable file falls back to defaults.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from review_tool.paths import user_config_dir

log = logging.getLogger(__name__)

MAX_RECENT = 8
FILE_NAME = "gui.json"


@dataclass
class GuiSettings:
    language: str = "zh_CN"  # zh_CN | en
    recent_databases: list[str] = field(default_factory=list)  # most recent first
    last_user: dict[str, str] = field(default_factory=dict)  # database -> user name
    geometry: str = ""  # base64 QMainWindow.saveGeometry()
    window_state: str = ""  # base64 QMainWindow.saveState()
    splitters: dict[str, str] = field(default_factory=dict)  # name -> base64 QSplitter.saveState()
    report_font: str = ""  # a TTF/TTC file for PDF reports (empty: the bundled default)
    ui_font_size: int = 0  # 0: the platform default (projectors: 14 or more)
    last_round: dict[str, int] = field(default_factory=dict)  # database -> round id (0: all cases)

    # -- recent databases ---------------------------------------------------------------
    def add_recent(self, db: str) -> None:
        self.recent_databases = [db] + [d for d in self.recent_databases if d != db]
        del self.recent_databases[MAX_RECENT:]

    def remove_recent(self, db: str) -> None:
        self.recent_databases = [d for d in self.recent_databases if d != db]

    # -- file ----------------------------------------------------------------------------
    @staticmethod
    def path() -> Path:
        return user_config_dir() / FILE_NAME

    @classmethod
    def load(cls, path: Path | None = None) -> GuiSettings:
        path = path or cls.path()
        try:
            raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as exc:
            log.warning("ignoring unreadable settings %s: %s", path, exc)
            return cls()
        if not isinstance(raw, dict):
            log.warning("ignoring settings %s: not a JSON object", path)
            return cls()
        defaults = asdict(cls())
        # keep only known fields of the right type (a hand-edited file must not break the start)
        known = {k: v for k, v in raw.items() if k in defaults and isinstance(v, type(defaults[k]))}
        s = cls(**known)
        if s.language not in ("zh_CN", "en"):
            s.language = "zh_CN"
        return s

    def save(self, path: Path | None = None) -> None:
        path = path or self.path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2), encoding="utf-8")
            os.replace(tmp, path)
        except OSError as exc:  # settings are a convenience: never fail the app over them
            log.warning("could not save settings %s: %s", path, exc)

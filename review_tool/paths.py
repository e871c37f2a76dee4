"""Where the tool finds its bundled data and keeps the user's files.

Resolves for a source checkout (the repo's top-level `checklists/` and
`resources/`), an installed wheel (mapped into `review_tool/_bundled/` at
build time by hatchling's force-include) and a frozen app alike.
Per-user files go to the platform's data and config folders (platformdirs):
on Windows `%LOCALAPPDATA%\\review-tool`, on Linux `~/.local/share/review-tool`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP = "review-tool"
_PKG = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    for base in (
        _PKG / "_bundled",  # installed wheel
        _PKG.parent,  # source checkout / editable install
        Path(getattr(sys, "_MEIPASS", _PKG.parent)),  # frozen app
    ):
        candidate = base / name
        if candidate.is_dir():
            return candidate
    return _PKG.parent / name


def checklists_dir() -> Path:
    """The bundled rules folder (`checklists/`), or REVIEW_TOOL_RULES if set."""
    env = os.environ.get("REVIEW_TOOL_RULES")
    return Path(env) if env else _bundled("checklists")


def resources_dir() -> Path:
    return _bundled("resources")


def user_data_dir() -> Path:
    env = os.environ.get("REVIEW_TOOL_HOME")
    return Path(env) / "data" if env else Path(platformdirs.user_data_dir(APP, appauthor=False))


def user_config_dir() -> Path:
    env = os.environ.get("REVIEW_TOOL_HOME")
    return Path(env) / "config" if env else Path(platformdirs.user_config_dir(APP, appauthor=False))


def user_rules_dir() -> Path:
    """A legal officer's own copies of rule files; each replaces the bundled file of the same name."""
    return user_config_dir() / "checklists"


def default_database_path() -> Path:
    return user_data_dir() / "review-tool.sqlite"

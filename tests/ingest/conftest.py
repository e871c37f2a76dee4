"""Import test fixtures: a workspace on a fresh SQLite database with the bundled rules (each test file
generates the demo month it needs, with its own seed)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from review_tool.storage.engine import open_database
from review_tool.workspace import Workspace


@pytest.fixture
def ws(sqlite_db: str, rules) -> Iterator[Workspace]:
    w = Workspace(open_database(sqlite_db), rules)
    try:
        yield w
    finally:
        w.close()

"""Fixtures of the service tests: the bundled rules loaded once, an organisation written once."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from svc_world import Ids, World, write_template

from review_tool.rules.loader import RuleSet


@pytest.fixture(scope="session")
def rules() -> RuleSet:
    """The REAL bundled rules (loading them takes about a second: once per session)."""
    from review_tool.paths import checklists_dir
    from review_tool.rules.loader import load_rules

    rs = load_rules(checklists_dir())
    assert not rs.problems, rs.problems
    return rs


@pytest.fixture(scope="session")
def org_template(tmp_path_factory: pytest.TempPathFactory, rules: RuleSet, template_db: Path) -> tuple[Path, Ids]:
    path = tmp_path_factory.mktemp("org") / "org.sqlite"
    return path, write_template(path, rules, template_db)


@pytest.fixture
def world(tmp_path: Path, org_template: tuple[Path, Ids], rules: RuleSet) -> Iterator[World]:
    from review_tool.storage.engine import open_database, sqlite_url
    from review_tool.workspace import Workspace

    template, ids = org_template
    path = tmp_path / "评查.sqlite"
    shutil.copy(template, path)
    url = sqlite_url(path)
    ws = Workspace(open_database(url), rules)
    try:
        yield World(ws, ids, url, tmp_path / "files")
    finally:
        ws.close()

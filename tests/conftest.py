"""Shared fixtures. Every test runs headless and with its own per-user folders."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("REVIEW_TOOL_DB", None)
os.environ.pop("REVIEW_TOOL_USER", None)
os.environ.pop("REVIEW_TOOL_RULES", None)

REPO = Path(__file__).resolve().parents[1]
PG_URL = os.environ.get("REVIEW_TOOL_TEST_PG", "")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Per-user data/config go to a temporary folder, never the developer's own."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("REVIEW_TOOL_HOME", str(home))


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """Every test starts in the default language (Chinese) and leaves it that way.

    The CLI's `--lang en` and the GUI's language setting change a process-wide choice;
    without this a test's outcome would depend on which tests ran before it.
    """
    from review_tool import i18n

    i18n.set_language(os.environ.get("REVIEW_TOOL_LANG", "") or "zh_CN")
    yield
    i18n.set_language(os.environ.get("REVIEW_TOOL_LANG", "") or "zh_CN")
    i18n.set_backend(None)


@pytest.fixture
def english() -> Iterator[None]:
    """Messages in English for the length of one test (tests that match message wording)."""
    from review_tool import i18n

    i18n.set_language("en")
    yield


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file per session; tests copy it (migrating each time is slow)."""
    from review_tool.storage.engine import open_database, sqlite_url

    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    open_database(sqlite_url(path)).dispose()
    return path


@pytest.fixture
def sqlite_db(tmp_path: Path, template_db: Path) -> str:
    from review_tool.storage.engine import sqlite_url

    path = tmp_path / "评查 数据库.sqlite"
    shutil.copy(template_db, path)
    return sqlite_url(path)


def _pg_database() -> Iterator[str]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    base = make_url(PG_URL)
    name = f"rt_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db(request: pytest.FixtureRequest, tmp_path: Path, template_db: Path) -> Iterator[str]:
    """A fresh, empty database URL: SQLite always, PostgreSQL when REVIEW_TOOL_TEST_PG is set."""
    if request.param == "sqlite":
        from review_tool.storage.engine import sqlite_url

        yield sqlite_url(tmp_path / "any.sqlite")
    else:
        if not PG_URL:
            pytest.skip("REVIEW_TOOL_TEST_PG is not set")
        yield from _pg_database()


# -- the services' small organisation (svc_world.py), shared by the service and CLI tests ---------------
@pytest.fixture(scope="session")
def rules():  # -> RuleSet
    """The REAL bundled rules (loading them takes about a second: once per session)."""
    from review_tool.paths import checklists_dir
    from review_tool.rules.loader import load_rules

    rs = load_rules(checklists_dir())
    assert not rs.problems, rs.problems
    return rs


@pytest.fixture(scope="session")
def org_template(tmp_path_factory: pytest.TempPathFactory, rules, template_db: Path):  # -> (Path, Ids)
    from svc_world import write_template

    path = tmp_path_factory.mktemp("org") / "org.sqlite"
    return path, write_template(path, rules, template_db)


@pytest.fixture
def world(tmp_path: Path, org_template, rules):  # -> Iterator[World]
    """A private copy of the small organisation, opened as a Workspace on the session's rules."""
    from svc_world import World

    from review_tool.storage.engine import open_database, sqlite_url
    from review_tool.workspace import Workspace

    template, ids = org_template
    path = tmp_path / "评查 数据库.sqlite"
    shutil.copy(template, path)
    url = sqlite_url(path)
    ws = Workspace(open_database(url), rules)
    try:
        yield World(ws, ids, url, tmp_path / "files")
    finally:
        ws.close()

"""CLI fixtures: the services' small organisation (tests/services/svc_world.py), the bundled rules loaded
once (every `review-tool` call opens a Workspace, and loading the rules takes about a second), and `cli`,
which runs `review_tool.cli.main([...])` in-process."""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))

from svc_world import Ids, World, write_template

from review_tool.rules.loader import RuleSet


@pytest.fixture(scope="session")
def bundled_rules() -> RuleSet:
    from review_tool.paths import checklists_dir
    from review_tool.rules.loader import load_rules

    return load_rules(checklists_dir())


@pytest.fixture(autouse=True)
def _rules_loaded_once(monkeypatch: pytest.MonkeyPatch, bundled_rules: RuleSet) -> None:
    """Workspace.open reuses the session's bundled rules when nothing overrides them."""
    import review_tool.workspace as workspace
    from review_tool.paths import checklists_dir

    real = workspace.load_rules

    def load(root: Path, overlay: Path | None = None) -> RuleSet:
        plain = overlay is None or not Path(overlay).exists() or not any(Path(overlay).rglob("*.yaml"))
        if Path(root).resolve() == checklists_dir().resolve() and plain:
            return bundled_rules
        return real(root, overlay=overlay)

    monkeypatch.setattr(workspace, "load_rules", load)


@pytest.fixture(scope="session")
def cli_org(tmp_path_factory: pytest.TempPathFactory, bundled_rules: RuleSet, template_db: Path) -> tuple[Path, Ids]:
    path = tmp_path_factory.mktemp("cli-org") / "org.sqlite"
    return path, write_template(path, bundled_rules, template_db)


@pytest.fixture
def world(tmp_path: Path, cli_org: tuple[Path, Ids], bundled_rules: RuleSet) -> Iterator[World]:
    from review_tool.storage.engine import open_database, sqlite_url
    from review_tool.workspace import Workspace

    template, ids = cli_org
    path = tmp_path / "评查 数据库.sqlite"
    shutil.copy(template, path)
    url = sqlite_url(path)
    ws = Workspace(open_database(url), bundled_rules)
    try:
        yield World(ws, ids, url, tmp_path / "files")
    finally:
        ws.close()


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


Cli = Callable[..., Result]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Cli:
    from review_tool.cli import main

    def run(*argv: str) -> Result:
        capsys.readouterr()
        try:
            code = main(list(argv))
        except SystemExit as exc:  # argparse: --help (0) and usage errors (2)
            code = exc.code if isinstance(exc.code, int) else 1
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err, captured.err
        return Result(code, captured.out, captured.err)

    return run

"""CLI fixtures: the services' small organisation (tests/svc_world.py; `world` is in tests/conftest.py), the bundled rules loaded
once (every `review-tool` call opens a Workspace, and loading the rules takes about a second), and `cli`,
which runs `review_tool.cli.main([...])` in-process."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from review_tool.rules.loader import RuleSet


@pytest.fixture(autouse=True)
def _rules_loaded_once(monkeypatch: pytest.MonkeyPatch, rules: RuleSet) -> None:
    """Workspace.open reuses the session's bundled rules when nothing overrides them."""
    import review_tool.workspace as workspace
    from review_tool.paths import checklists_dir

    real = workspace.load_rules

    def load(root: Path, overlay: Path | None = None) -> RuleSet:
        plain = overlay is None or not Path(overlay).exists() or not any(Path(overlay).rglob("*.yaml"))
        if Path(root).resolve() == checklists_dir().resolve() and plain:
            return rules
        return real(root, overlay=overlay)

    monkeypatch.setattr(workspace, "load_rules", load)


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

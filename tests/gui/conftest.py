"""GUI fixtures: a workspace on a temporary SQLite file holding one realistic case, and the main window.

The case (PDF, recordings, index, round, assignment) is built once per session by
`gui_sample_case.build_sample`; each test gets its own copy of the database (the case
files are shared and read-only; tests that change files build their own case).
`test_demo_data.py` runs the main flows again on a month seeded exactly as `review-tool demo`
seeds it (real import of generated case files, a round partly reviewed).
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from gui_sample_case import SampleCase, build_sample

from review_tool.domain.enums import ReviewStatus, Role
from review_tool.storage.engine import sqlite_url
from review_tool.workspace import Workspace


@dataclass
class SampleDb:
    path: Path
    case: SampleCase

    @property
    def url(self) -> str:
        return sqlite_url(self.path)

    def workspace(self, user: str | None = None) -> Workspace:
        """A separate Workspace on the same file: what another process (or a restarted app) would see."""
        return Workspace.open(self.url, user=user)


def make_sample(folder: Path, template_db: Path, **kw: object) -> SampleDb:
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "评查.sqlite"
    shutil.copy(template_db, db)
    ws = Workspace.open(sqlite_url(db))
    try:
        case = build_sample(ws, folder / "cases", broken_recording=True, **kw)  # type: ignore[arg-type]
    finally:
        ws.close()
    return SampleDb(db, case)


_RULES: dict[tuple[str, str], object] = {}


@pytest.fixture(autouse=True)
def _rules_loaded_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Loading the bundled rules takes about a second; the GUI tests open many workspaces on the same rules."""
    import review_tool.workspace as workspace_module
    from review_tool.rules.loader import load_rules

    def cached(root: Path, overlay: Path | None = None) -> object:
        if overlay is not None and not overlay.exists():
            overlay = None  # every test has its own (empty) per-user folder
        key = (str(root), str(overlay))
        if key not in _RULES:
            _RULES[key] = load_rules(root, overlay=overlay)
        return _RULES[key]

    monkeypatch.setattr(workspace_module, "load_rules", cached)


@pytest.fixture(scope="session")
def sample_template(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> SampleDb:
    return make_sample(tmp_path_factory.mktemp("sample"), template_db)


@pytest.fixture
def sample_db(tmp_path: Path, sample_template: SampleDb) -> SampleDb:
    """A private copy of the sample database (the case files are shared: do not change them)."""
    db = tmp_path / "评查 副本.sqlite"
    shutil.copy(sample_template.path, db)
    return SampleDb(db, sample_template.case)


@pytest.fixture
def fresh_sample(tmp_path: Path, template_db: Path) -> SampleDb:
    """A sample with its own case files, for tests that move or change them."""
    return make_sample(tmp_path / "own", template_db)


@dataclass
class Gui:
    window: object  # MainWindow
    runner: object  # TaskRunner
    signals: object
    settings: object
    qtbot: object

    @property
    def workspace(self):
        return self.window.workspace  # type: ignore[attr-defined]

    def wait(self, timeout_ms: int = 10_000) -> None:
        assert self.runner.wait_idle(timeout_ms)  # type: ignore[attr-defined]

    def open_case(self, case: SampleCase) -> None:
        ws = self.workspace
        self.window.open_case(case.case_id, case.round_id)  # type: ignore[attr-defined]
        self.qtbot.waitUntil(lambda: ws.review is not None and ws.review.case_id == case.case_id  # type: ignore
                             and not ws._opening, timeout=10_000)
        self.wait()

    def close(self) -> None:
        w = self.window
        if w.isVisible():  # type: ignore[attr-defined]
            w.close()  # type: ignore[attr-defined]
        self.runner.shutdown()  # type: ignore[attr-defined]


def start_gui(qtbot: object, sample: SampleDb, user: str = "王芳") -> Gui:
    from review_tool.gui.app import create_application
    from review_tool.gui.settings import GuiSettings
    from review_tool.gui.signals import AppSignals
    from review_tool.gui.tasks import TaskRunner
    from review_tool.gui.widgets.main_window import MainWindow

    settings = GuiSettings.load()
    create_application([], settings=settings)
    runner = TaskRunner()
    signals = AppSignals()
    window = MainWindow(runner=runner, signals=signals, settings=settings)
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    window.show()
    qtbot.waitExposed(window)  # type: ignore[attr-defined]
    window.activateWindow()
    window.open_database(str(sample.path), user=user)
    qtbot.waitUntil(lambda: window.user is not None and window.browser.model.rowCount() > 0,  # type: ignore
                    timeout=15_000)
    gui = Gui(window, runner, signals, settings, qtbot)
    gui.wait()
    return gui


@pytest.fixture
def gui(qtbot: object, sample_db: SampleDb) -> Iterator[Gui]:
    g = start_gui(qtbot, sample_db)
    yield g
    g.close()


# -- the demo data: a month seeded exactly as `review-tool demo` seeds it --------------------------------------------
DEMO_MONTH = (2026, 11)


@dataclass(frozen=True)
class DemoCase:
    case_id: int
    round_id: int
    doc_no: str


@dataclass(frozen=True)
class DemoDb:
    path: Path
    round_id: int
    reviewer: str
    assigned: tuple[int, ...]  # the reviewer's cases in the round
    all_cases: int

    def workspace(self, user: str | None = None) -> Workspace:
        return Workspace.open(sqlite_url(self.path), user=user)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> DemoDb:
    from review_tool.demo.seed import seed_demo

    folder = tmp_path_factory.mktemp("demo")
    db = folder / "演示 数据.sqlite"
    shutil.copy(template_db, db)
    with Workspace.open(sqlite_url(db)) as ws:
        seed_demo(ws, folder / "案卷 2026", months=[DEMO_MONTH], n_cases=8, today=dt.date(2026, 11, 22))
        rnd = ws.rounds.get(f"{DEMO_MONTH[0]}-{DEMO_MONTH[1]:02d}")
        best: tuple[int, str, tuple[int, ...]] | None = None
        for user in ws.org.users(Role.REVIEWER):
            ws.set_user(user.id)
            mine = tuple(ws.rounds.my_cases(rnd.id))
            open_ = [r for r in ws.cases.list_cases(round_id=rnd.id, reviewer_id=user.id)
                     if r.id in mine and r.my_status is not ReviewStatus.SUBMITTED]
            if best is None or len(open_) > best[0]:
                best = (len(open_), user.name, mine)
        assert best is not None and best[0] >= 1, "the demo leaves every reviewer something to do"
        return DemoDb(db, rnd.id, best[1], best[2], len(ws.cases.list_cases(round_id=rnd.id)))


@pytest.fixture
def demo_db(tmp_path: Path, demo_template: DemoDb) -> DemoDb:
    """A private copy of the demo database (the case files are shared: do not change them)."""
    db = tmp_path / "演示 副本.sqlite"
    shutil.copy(demo_template.path, db)
    return DemoDb(db, demo_template.round_id, demo_template.reviewer, demo_template.assigned,
                  demo_template.all_cases)


def open_meeting(gui: Gui) -> object:
    """The legal officer's round and meeting window on the round in the case list, loaded."""
    gui.window.show_meeting()
    m = gui.window.meeting_window
    gui.qtbot.waitUntil(lambda: m.status is not None, timeout=10_000)  # type: ignore[attr-defined]
    return m

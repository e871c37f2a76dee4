"""Screenshots of the application for the README: the case list, a review in progress, the recordings panel.

    python docs/screenshots/take_screenshots.py                 # seeds the demo itself (about 1-2 minutes)
    python docs/screenshots/take_screenshots.py --db demo.sqlite --user 李明辉
    python docs/screenshots/take_screenshots.py --sample         # one hand-built case, a few seconds

Runs offscreen (no display needed) and writes main_window.png, review_workspace.png and
recordings_panel.png next to this script (or to --out). Times are shown in Beijing time.
By default a temporary database is seeded exactly as `review-tool demo` seeds one (three
months of generated case files, imported, assigned and partly reviewed); the reviewer
with the most reviews under way in the newest round is shown, in their furthest review.
With --db, the same is done on an existing database. --sample builds the single case the
GUI tests use instead (a 20-page 行政处罚 file and two clips) with a review half done.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]


def _setup_env(home: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["TZ"] = "Asia/Shanghai"
    if hasattr(time, "tzset"):
        time.tzset()
    os.environ["REVIEW_TOOL_HOME"] = str(home)  # a clean settings folder: default language, no recent files
    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false")
    sys.path.insert(0, str(REPO))


def build_sample(folder: Path) -> tuple[Path, str]:
    """A temporary database with one case half reviewed; returns (database, reviewer)."""
    sys.path.insert(0, str(REPO / "tests" / "gui"))
    from gui_sample_case import add_month_of_cases  # type: ignore[import-not-found]
    from gui_sample_case import build_sample as build  # type: ignore[import-not-found]

    from review_tool.domain.enums import DeductionKind, Outcome
    from review_tool.services.dto import PageRef, TimeRef
    from review_tool.storage.engine import sqlite_url
    from review_tool.workspace import Workspace

    db = folder / "评查示例.sqlite"
    ws = Workspace.open(sqlite_url(db))
    case = build(ws, folder / "cases")
    add_month_of_cases(ws, case)
    ws.set_user(case.reviewer)
    review = ws.reviews.open(case.case_id, round_id=case.round_id)
    items = review.checklist.items()
    rid, fid = review.id, case.file_id
    for item in items[:15]:
        ws.reviews.record(rid, item.id, Outcome.PASS)
    per = [i for i in items[15:] if i.rule.kind is DeductionKind.PER_OCCURRENCE]
    rng = [i for i in items[15:] if i.rule.kind is DeductionKind.RANGE]
    done = {i.id for i in items[:15]}
    first, second = per[0], per[2]
    ws.reviews.record(rid, first.id, Outcome.DEDUCT, occurrences=1, reason=first.phrasings[0] if first.phrasings
                      else "立案审批表要素不全", pages=[PageRef(3, fid)])
    ws.reviews.record(rid, rng[0].id, Outcome.DEDUCT, value=rng[0].rule.min or Decimal(1),
                      reason=rng[0].phrasings[0] if rng[0].phrasings else "审批意见不明确", pages=[PageRef(3, fid)])
    ws.reviews.record(rid, second.id, Outcome.DEDUCT, occurrences=2,
                      reason="询问笔录未记载询问起止时间，被询问人未逐页签名", note="第7页起无被询问人签名",
                      pages=[PageRef(6, fid), PageRef(7, fid), PageRef(8, fid)],
                      timestamps=[TimeRef(case.recording_ids[1], 1200)])
    done |= {first.id, rng[0].id, second.id}
    for item in items[15:30]:
        if item.id not in done:
            ws.reviews.record(rid, item.id, Outcome.NOT_APPLICABLE if "听证" in item.text else Outcome.PASS)
    ws.reviews.set_position(rid, {"page": 7, "item": second.id, "file": fid})
    ws.close()
    return db, case.reviewer


def seed_demo_db(folder: Path) -> Path:
    """A temporary database seeded the way `review-tool demo` seeds one."""
    from review_tool.demo.seed import seed_demo
    from review_tool.storage.engine import sqlite_url
    from review_tool.workspace import Workspace

    db = folder / "演示 数据.sqlite"
    ws = Workspace.open(sqlite_url(db))
    try:
        seed_demo(ws, folder / "案卷", progress=lambda done, total, what: print(f"demo {done}/{total} {what}"))
    finally:
        ws.close()
    return db


def busiest_reviewer(db: str) -> str:
    """The reviewer with the most reviews under way in the newest round (the most to show)."""
    from sqlalchemy import func, select

    from review_tool.domain.enums import ReviewStatus, Role
    from review_tool.gui.widgets.main_window import db_url
    from review_tool.storage.orm import Review, ReviewRound, User
    from review_tool.workspace import Workspace

    with Workspace.open(db_url(db)) as ws, ws.session_factory() as s:
        newest = s.scalar(select(ReviewRound.id).order_by(ReviewRound.month.desc()).limit(1))
        row = s.execute(
            select(User.name, func.count(Review.id).label("n"))
            .join(Review, Review.reviewer_id == User.id)
            .where(User.role == Role.REVIEWER, Review.round_id == newest,
                   Review.status == ReviewStatus.IN_PROGRESS)
            .group_by(User.name).order_by(func.count(Review.id).desc(), User.name).limit(1)).first()
        if row:
            return str(row[0])
        return next(u.name for u in ws.org.users() if u.role is Role.REVIEWER)


def meeting_shots(app, window, controller, db: str, out: Path) -> list[str]:
    """As the legal officer: the newest round's cases and reviewers, and the meeting on a case that needed
    discussion in the newest finalised round (reconciled results beside the reviews)."""
    from review_tool.domain.enums import Role, RoundStatus
    from review_tool.gui.widgets.main_window import db_url
    from review_tool.workspace import Workspace

    with Workspace.open(db_url(db)) as ws:
        legal = next((u.name for u in ws.org.users(Role.LEGAL_OFFICER)), None)
        rounds = ws.rounds.list()
    if legal is None or not rounds:
        return []
    window.workspace.close_requested.emit()
    window.set_user(legal)
    wait(app, lambda: window.user is not None and window.user.name == legal and controller.runner.is_idle())
    shots = []
    newest = max(rounds, key=lambda r: r.month)
    finalised = [r for r in rounds if r.status is RoundStatus.FINALISED]
    for rnd, name in ((newest, "round_page.png"), (max(finalised, key=lambda r: r.month) if finalised else None,
                                                   "meeting_page.png")):
        if rnd is None:
            continue
        i = window.browser.rounds.findData(rnd.id)
        window.browser.rounds.setCurrentIndex(i)
        wait(app, lambda: controller.runner.is_idle())
        window.show_meeting()
        m = window.meeting_window
        m.resize(1500, 900)
        wait(app, lambda m=m: m.status is not None and controller.runner.is_idle())
        if name == "meeting_page.png":
            rows = m.cases.rows()
            m.case_table.selectRow(next((k for k, c in enumerate(rows) if c.flags), 0))
            m.discuss_selected()
            wait(app, lambda m=m: m.meeting is not None and controller.runner.is_idle())
        settle(app, 0.5)
        m.grab().save(str(out / name))
        shots.append(name)
        m.close()
    return shots


def wait(app, cond, timeout: float = 15.0) -> bool:
    end = time.monotonic() + timeout
    while not cond() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)
    return bool(cond())


def settle(app, seconds: float) -> None:
    wait(app, lambda: False, seconds)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", help="a database (path or URL), e.g. one seeded by `review-tool demo`")
    parser.add_argument("--user", help="who reviews (default: the reviewer with the most reviews under way)")
    parser.add_argument("--sample", action="store_true", help="one hand-built case instead of the demo (fast)")
    parser.add_argument("--out", default=str(HERE), help="where to write the PNG files")
    parser.add_argument("--size", default="1600x1000", help="window size, WIDTHxHEIGHT")
    args = parser.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="review-shots-"))
    _setup_env(tmp / "home")
    if args.sample:
        db_path, user = build_sample(tmp)
        db, user = str(db_path), args.user or user
    else:
        db = args.db or str(seed_demo_db(tmp))
        user = args.user or busiest_reviewer(db)

    from review_tool.gui.app import Application, create_application
    from review_tool.gui.settings import GuiSettings

    settings = GuiSettings()
    app = create_application(["take_screenshots"], settings=settings)
    controller = Application(app, settings)
    window = controller.window
    w, h = (int(x) for x in args.size.split("x"))
    window.resize(w, h)
    window.show()
    window.open_database(db, user=user)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if not wait(app, lambda: window.user is not None and window.browser.model.rowCount() > 0):
        print("no cases to show", file=sys.stderr)
        return 1
    settle(app, 0.5)
    window.grab().save(str(out / "main_window.png"))

    from review_tool.domain.enums import ReviewStatus
    from review_tool.gui.models import ROW_ROLE

    rows = [window.browser.proxy.index(i, 0).data(ROW_ROLE) for i in range(window.browser.proxy.rowCount())]
    started = [i for i, r in enumerate(rows) if r.my_status is ReviewStatus.IN_PROGRESS]
    window.browser.table.selectRow(max(started, key=lambda i: rows[i].my_reviewed) if started else 0)
    window.browser.open_selected()
    ws = window.workspace
    wait(app, lambda: ws.review is not None and not ws._opening and controller.runner.is_idle())
    settle(app, 0.8)
    recs = ws.recordings.model.recordings()
    if recs:
        playable = next((r for r in recs if r.duration_ms), recs[0])
        ws.recordings.load(playable.id, play=True)
        wait(app, lambda: ws.recordings.position_ms() >= 1200, timeout=5)
        ws.recordings.player.pause() if ws.recordings.player else None
    ws.checklist.tree.setFocus()
    settle(app, 0.8)
    window.grab().save(str(out / "review_workspace.png"))
    ws.recordings.grab().save(str(out / "recordings_panel.png"))
    names = ["main_window.png", "review_workspace.png", "recordings_panel.png"]
    names += meeting_shots(app, window, controller, db, out)
    for name in names:
        print(out / name)
    controller.runner.wait_idle()
    window.close()
    controller.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

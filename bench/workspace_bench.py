"""How fast does a 300-page case open in the review workspace? (offscreen)

    python bench/workspace_bench.py [--pages 300] [--runs 5] [--keep DIR]

Builds, in a temporary folder, a 300-page Chinese case file (reportlab, with bookmarks),
a workspace database holding it as an imported case (ORM rows, as the importer leaves
them: documents, recordings, a round and an assignment) and starts the main window
offscreen. Then times, from the moment the reviewer opens the case:

- checklist shown: the review is open, the checklist with its score is on screen;
- first page drawn: the PDF view shows the page's ink (the view's pixels are polled);

against QtPdf's own floor on the same file: `QPdfDocument.load()`, and load plus
rendering the first page at the view's size. The first open is "cold" (first paint
of the workspace, fonts); the others reopen the case after going back to the list.
Prints every figure and the ratio to the floor.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "gui"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false;qt.qpa.*=false")


def wait(app, cond: Callable[[], bool], timeout: float = 30.0) -> bool:
    """Run the event loop until `cond()` holds, checking every 2 ms (a busy loop would starve the DB
    worker of the GIL and measure itself)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    end = time.perf_counter() + timeout
    result = [cond()]

    def check() -> None:
        result[0] = cond()
        if result[0] or time.perf_counter() > end:
            loop.quit()

    timer = QTimer()
    timer.setInterval(2)
    timer.timeout.connect(check)
    if not result[0]:
        timer.start()
        loop.exec()
        timer.stop()
    return result[0]


def page_drawn(view) -> bool:
    img = view.viewport().grab().toImage()
    if img.isNull():
        return False
    w, h = img.width(), img.height()
    colours = {img.pixel(x, y) for x in range(w // 4, 3 * w // 4, 9) for y in range(h // 8, h // 2, 9)}
    return len(colours) > 2


def floor(pdf: Path, width: int, runs: int) -> tuple[float, float]:
    """QtPdf alone: load(), and load() + render page 1 at `width` pixels wide (best of `runs`)."""
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    loads, renders = [], []
    for _ in range(runs):
        doc = QPdfDocument()
        t0 = time.perf_counter()
        doc.load(str(pdf))
        t1 = time.perf_counter()
        size = doc.pagePointSize(0)
        doc.render(0, QSize(width, int(width * size.height() / size.width())))
        t2 = time.perf_counter()
        loads.append(t1 - t0)
        renders.append(t2 - t0)
        doc.close()
    return min(loads), min(renders)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", help="build the data in this folder and keep it")
    args = parser.parse_args(argv)
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="workspace-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    os.environ["REVIEW_TOOL_HOME"] = str(root / "home")

    from gui_sample_case import build_sample  # type: ignore[import-not-found]

    from review_tool.storage.engine import sqlite_url
    from review_tool.workspace import Workspace

    t = time.perf_counter()
    db = root / "bench.sqlite"
    ws = Workspace.open(sqlite_url(db))
    case = build_sample(ws, root / "cases", pages=args.pages)
    ws.close()
    print(f"built a {case.pages}-page case file ({case.pdf.stat().st_size / 1e6:.1f} MB) and its database "
          f"in {time.perf_counter() - t:.1f} s")

    from review_tool.gui.app import Application, create_application
    from review_tool.gui.settings import GuiSettings
    from review_tool.gui.widgets import pdf_pane

    settings = GuiSettings()
    app = create_application(["workspace_bench"], settings=settings)
    controller = Application(app, settings)
    window = controller.window
    window.resize(1600, 1000)
    window.show()
    window.open_database(str(db), user=case.reviewer)
    if not wait(app, lambda: window.user is not None and window.browser.model.rowCount() > 0):
        print("the case list did not load", file=sys.stderr)
        return 1
    ws_widget = window.workspace
    done: dict[str, float] = {}

    def on_opened(_case_id: int) -> None:
        done.setdefault("checklist", time.perf_counter())

    ws_widget.opened.connect(on_opened)

    def measure(runs: int, title: str) -> tuple[list[float], list[float]]:
        shown, drawn = [], []
        for run in range(runs):
            done.clear()
            t0 = time.perf_counter()
            window.open_case(case.case_id, case.round_id)
            ok = wait(app, lambda: "checklist" in done and ws_widget.pdf.doc.pageCount() == case.pages
                      and page_drawn(ws_widget.pdf.view))
            t_drawn = time.perf_counter()
            if not ok:
                raise SystemExit("the case did not open")
            shown.append(done["checklist"] - t0)
            drawn.append(t_drawn - t0)
            print(f"{title} run {run + 1}: checklist shown {shown[-1] * 1000:6.1f} ms, "
                  f"first page drawn {drawn[-1] * 1000:6.1f} ms")
            window.show_browser()
            wait(app, lambda: False, 0.3)
        return shown, drawn

    mode = "one page at a time" if case.pages > pdf_pane.CONTINUOUS_MAX_PAGES else "continuous"
    shown, drawn = measure(args.runs, f"default ({mode})")
    pdf_pane.CONTINUOUS_MAX_PAGES = 10**6
    c_shown, c_drawn = measure(max(2, args.runs - 2), "continuous")
    width = ws_widget.pdf.view.viewport().width()
    f_load, f_render = floor(case.pdf, width, args.runs)
    controller.runner.wait_idle()
    window.close()
    controller.shutdown()
    CONTINUOUS = 200

    warm_drawn = statistics.median(drawn[1:]) if len(drawn) > 1 else drawn[0]
    warm_shown = statistics.median(shown[1:]) if len(shown) > 1 else shown[0]
    print()
    print(f"pages: {case.pages}; the pane scrolls continuously up to {CONTINUOUS} pages")
    print(f"QtPdf floor, QPdfDocument.load():              {f_load * 1000:7.1f} ms")
    print(f"QtPdf floor, load() + render page 1 ({width} px): {f_render * 1000:7.1f} ms")
    print(f"workspace, checklist shown (cold / warm median): {shown[0] * 1000:7.1f} / {warm_shown * 1000:.1f} ms")
    print(f"workspace, first page drawn (cold / warm median): {drawn[0] * 1000:7.1f} / {warm_drawn * 1000:.1f} ms")
    print(f"ratio, first page drawn (warm) / load():          {warm_drawn / f_load:7.1f}x")
    print(f"ratio, first page drawn (warm) / load()+render:   {warm_drawn / f_render:7.1f}x")
    print(f"continuous scrolling forced: first page drawn (median) {statistics.median(c_drawn) * 1000:.1f} ms, "
          f"checklist shown {statistics.median(c_shown) * 1000:.1f} ms")
    if not args.keep:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

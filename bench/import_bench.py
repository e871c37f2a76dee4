"""Import throughput against its floor.

    python bench/import_bench.py                     # 200 files x 60 pages, workers = CPU cores
    python bench/import_bench.py --files 40 --pages 30 --workers 2 --keep /tmp/bench-files

Generates N case-file-like PDFs (drawn in Chinese by the demo generator: real document pages with
bookmarks, a different seed per file; generation is not timed), then measures:

  floor  plain pypdf on ONE core: PdfReader + extract_text() of every page of every file, nothing else;
  ours   `ws.imports.import_paths(files)` into a fresh SQLite database, end to end: hashing, text,
         document index, field extraction in worker processes, and one transaction per case.

It prints files/s and pages/s for both and the ratio ours/floor (> 1: faster than one core of plain
pypdf, which is what the worker processes are for; the import does more than the floor on every page).
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path


def _generate(args: tuple[Path, int, int]) -> tuple[Path, int]:
    path, pages, seed = args
    from review_tool.demo.casefiles import generate_large_pdf

    generate_large_pdf(path, pages, bookmarks=seed % 2 == 0, seed=seed)  # half with bookmarks, half without
    return path, pages


def generate(folder: Path, files: int, pages: int, workers: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    jobs = [(folder / f"案卷 {i:04d}.pdf", pages, 1000 + i) for i in range(files)]
    todo = [j for j in jobs if not j[0].is_file()]
    if todo:
        with cf.ProcessPoolExecutor(workers) as pool:
            list(pool.map(_generate, todo, chunksize=4))
    return [j[0] for j in jobs]


def floor(paths: list[Path]) -> tuple[float, int]:
    from pypdf import PdfReader

    t0 = time.perf_counter()
    pages = 0
    for p in paths:
        reader = PdfReader(p)
        for page in reader.pages:
            page.extract_text()
            pages += 1
    return time.perf_counter() - t0, pages


def ours(paths: list[Path], workers: int, tmp: Path) -> tuple[float, int, str]:
    from review_tool.storage.engine import sqlite_url
    from review_tool.workspace import Workspace

    db = tmp / "bench.sqlite"
    db.unlink(missing_ok=True)
    ws = Workspace.open(sqlite_url(db))
    try:
        t0 = time.perf_counter()
        report = ws.imports.import_paths(paths, workers=workers)
        seconds = time.perf_counter() - t0
    finally:
        ws.close()
    return seconds, report.pages, report.summary_line()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--pages", type=int, default=60)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="import worker processes")
    parser.add_argument("--keep", type=Path, help="generate into (and reuse) this folder")
    args = parser.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="import-bench-"))
    os.environ.setdefault("REVIEW_TOOL_HOME", str(tmp / "home"))
    folder = args.keep or tmp / "files"
    try:
        t0 = time.perf_counter()
        paths = generate(folder, args.files, args.pages, os.cpu_count() or 1)
        print(f"generated {len(paths)} files x {args.pages} pages in {time.perf_counter() - t0:.1f} s (not timed)")
        f_s, f_pages = floor(paths)
        o_s, o_pages, summary = ours(paths, args.workers, tmp)
        rows = [("floor: plain pypdf, 1 core", f_s, len(paths), f_pages),
                (f"ours: import, {args.workers} worker(s)", o_s, len(paths), o_pages)]
        print(f"{'':34} {'seconds':>8} {'files':>6} {'pages':>7} {'files/s':>8} {'pages/s':>8}")
        for name, s, n, p in rows:
            print(f"{name:34} {s:8.1f} {n:6d} {p:7d} {n / s:8.2f} {p / s:8.1f}")
        print(f"ratio ours/floor (pages/s): {(o_pages / o_s) / (f_pages / f_s):.2f}   "
              f"(CPU cores: {os.cpu_count()}; import: {summary})")
        if sys.platform.startswith("linux"):
            import resource

            print(f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""How well the importer recovers a generated month's ground truth.

Usage: python bench/import_accuracy.py [--cases N] [--seed S] [--keep DIR] [--without-register]
Generates a demo month, imports it (with its register, unless --without-register: then every
value comes from the PDFs alone) into a temporary database holding the demo organisation, and
compares every case with the generator's manifest: 文号, case type, unit, handlers,
party, dates, fine, and the document index (type and page range).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from review_tool.demo.casefiles import generate_month
from review_tool.demo.seed import seed_org
from review_tool.ingest.textparse import doc_no_key
from review_tool.storage.engine import sqlite_url
from review_tool.workspace import Workspace


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=40)
    ap.add_argument("--seed", type=int, default=2023)
    ap.add_argument("--keep", type=Path)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--without-register", action="store_true", help="measure what the PDFs alone give")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="acc-"))
    out = args.keep or tmp / "month"
    generate_month(out, year=2023, month=5, seed=args.seed, n_cases=args.cases)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    ws = Workspace.open(sqlite_url(tmp / "acc.sqlite"))
    seed_org(ws)  # units and officers as a brigade would have entered them
    report = ws.imports.import_paths([out], register=None if args.without_register else out / "案件台账.xlsx")
    by_key = {doc_no_key(r.doc_no): r for r in ws.cases.list_cases()}
    score: Counter[str] = Counter()
    total: Counter[str] = Counter()
    docs_ok = docs_total = 0
    for case in manifest["cases"]:
        t = case["truth"]
        row = by_key.get(doc_no_key(t["doc_no"]))
        total["found"] += 1
        if row is None:
            if args.verbose:
                print("NOT FOUND", t["doc_no"])
            continue
        score["found"] += 1
        d = ws.cases.get(row.id)
        checks = {
            "case_type": row.case_type == t["case_type"],
            "unit": row.unit_name == t["unit"],
            "handlers": set(row.handlers) == set(t["handlers"]),
            "party": row.party == t["party"],
            "opened_on": str(row.opened_on) == t["opened_on"],
            "closed_on": str(row.closed_on) == t["closed_on"],
            "fine": (row.fine_fen or 0) == (t["fine_fen"] or 0),
        }
        for k, ok in checks.items():
            total[k] += 1
            score[k] += ok
            if not ok and args.verbose:
                print(f"{t['doc_no']}: {k} truth={t.get(k, t.get('fine_fen'))!r} got={getattr(row, k, None)!r}")
        got = {(x.doc_type, x.first_page, x.last_page) for f in d.files for x in f.documents}
        for doc in t["documents"]:
            docs_total += 1
            if (doc["code"], doc["first_page"], doc["last_page"]) in got:
                docs_ok += 1
    print(f"import: {report.summary_line()} in {report.seconds:.1f}s")
    for k in total:
        print(f"{k:10s} {score[k]:4d}/{total[k]:<4d} {100 * score[k] / total[k]:5.1f}%")
    print(f"documents  {docs_ok:4d}/{docs_total:<4d} {100 * docs_ok / docs_total:5.1f}% (type and page range exact)")
    ws.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

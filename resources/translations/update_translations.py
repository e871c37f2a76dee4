"""Refresh the translation catalogue after changing any user-visible string.

    python resources/translations/update_translations.py

1. `pyside6-lupdate` extracts every `self.tr("…")`, `translate("ctx", "…")` and
   `QT_TRANSLATE_NOOP("ctx", "…")` under review_tool/ (GUI and core alike) into
   review_tool_zh_CN.ts, keeping the translations already there and dropping
   strings that no longer exist;
2. it lists the messages still to translate (fill them in Qt Linguist or any editor:
   replace `<translation type="unfinished"></translation>` with the Chinese);
3. `pyside6-lrelease` compiles the .ts into the .qm the application loads.

tests/gui/test_translations.py fails while a message is untranslated or the .qm is stale.
Rules for translatable strings: literal text only (no f-strings), named `{placeholders}`
filled with str.format, an explicit literal context for translate().
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
TS = HERE / "review_tool_zh_CN.ts"
QM = HERE / "review_tool_zh_CN.qm"
LUPDATE_ARGS = ["-no-obsolete", "-locations", "none", "-extensions", "py"]


def lupdate(ts: Path, *, silent: bool = False) -> None:
    cmd = ["pyside6-lupdate", *LUPDATE_ARGS, *(["-silent"] if silent else []), str(REPO / "review_tool"),
           "-ts", str(ts)]
    subprocess.run(cmd, check=True, cwd=REPO)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(["pyside6-lrelease", "-silent", str(ts), "-qm", str(qm)], check=True, cwd=REPO)


def unfinished(ts: Path) -> list[tuple[str, str]]:
    out = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None or tr.get("type") == "unfinished" or not (tr.text or "").strip():
                out.append((name, msg.findtext("source") or ""))
    return out


def main() -> int:
    lupdate(TS)
    todo = unfinished(TS)
    for ctx, source in todo:
        print(f"untranslated  [{ctx}] {source}")
    lrelease(TS, QM)
    print(f"{TS.name}: {len(todo)} message(s) to translate; {QM.name} rebuilt")
    return 1 if todo else 0


if __name__ == "__main__":
    sys.exit(main())

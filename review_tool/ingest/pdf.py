"""Reading one PDF with pypdf: checks, decryption, outline and page text.

Every way a file can be unusable ends in `PdfUnreadable` with a message that
names the problem in words a legal officer can act on ("needs a password",
"truncated: re-export it"), never a pypdf traceback.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError, PyPdfError

from review_tool.i18n import translate

# pypdf logs every repaired xref and odd font as a warning; the importer reports
# what matters itself.
logging.getLogger("pypdf").setLevel(logging.ERROR)

MIN_TEXT_CHARS = 4  # fewer non-space characters than this: a scan or a photo
# pypdf keeps every object it has parsed (content streams, fonts, images) in `reader.resolved_objects`
# for the life of the reader, so memory grows with the pages read. Dropping that cache every few pages
# keeps a 1,500-page file at the memory of a few dozen pages; the objects still needed (the page tree,
# shared fonts) are parsed again on demand, which costs nothing measurable.
PAGE_CACHE_WINDOW = 50


class PdfUnreadable(Exception):
    """The file cannot be used as a PDF case file; the message says why."""

    def __init__(self, message: str, *, needs_password: bool = False) -> None:
        super().__init__(message)
        self.needs_password = needs_password


@dataclass(frozen=True)
class OutlineEntry:
    title: str
    page: int  # 1-based
    level: int


def _sniff(path: Path) -> None:
    """Cheap checks before pypdf sees the file: empty, not a PDF, truncated."""
    size = path.stat().st_size
    if size == 0:
        raise PdfUnreadable(translate("import", "the file is empty (0 bytes)"))
    with path.open("rb") as fh:
        head = fh.read(1024)
        fh.seek(max(0, size - 2048))
        tail = fh.read()
    if b"%PDF-" not in head:
        low = head.lstrip()[:200].lower()
        if low.startswith((b"<!doctype html", b"<html")) or b"<html" in low:
            kind = translate("import", "it is an HTML page (a failed download?)")
        elif head.startswith(b"PK"):
            kind = translate("import", "it is a ZIP/Office file")
        elif head[:3] == b"\xff\xd8\xff" or head[:8] == b"\x89PNG\r\n\x1a\n":
            kind = translate("import", "it is an image")
        else:
            kind = translate("import", "it does not start with %PDF")
        raise PdfUnreadable(translate("import", "not a PDF: {kind}").format(kind=kind))
    if size <= len(head) and b" obj" not in head and b"\nobj" not in head:
        raise PdfUnreadable(translate(
            "import", "the PDF holds only a header and no content (an interrupted export?); export it again"))
    if b"%%EOF" not in tail:
        raise PdfUnreadable(translate(
            "import", "the PDF is truncated or damaged (no end-of-file marker); export or copy it again"))


class PdfDocument:
    """An open, decrypted PDF. Use as a context manager."""

    def __init__(self, path: Path, *, password: str | None = None) -> None:
        self.path = path
        _sniff(path)
        self._fh = path.open("rb")
        try:
            self.reader = PdfReader(self._fh, strict=False)
            self.encrypted = bool(self.reader.is_encrypted)
            if self.encrypted:
                self._decrypt(password)
            self.pages = len(self.reader.pages)
        except PdfUnreadable:
            self._fh.close()
            raise
        except FileNotDecryptedError as exc:
            self._fh.close()
            raise PdfUnreadable(translate("import", "the PDF needs a password (use --password)"),
                                needs_password=True) from exc
        except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError,
                RecursionError, OSError) as exc:
            self._fh.close()
            raise PdfUnreadable(translate("import", "the PDF is damaged and cannot be read ({error})").format(
                error=_short(exc))) from exc
        if self.pages == 0:
            self._fh.close()
            raise PdfUnreadable(translate("import", "the PDF has no pages"))

    def _decrypt(self, password: str | None) -> None:
        from pypdf import PasswordType

        try:
            # Owner-password-only files (printing/copying restricted) open with an empty user password.
            if self.reader.decrypt("") != PasswordType.NOT_DECRYPTED:
                return
            if password is None:
                raise PdfUnreadable(translate("import", "the PDF needs a password (use --password)"),
                                    needs_password=True)
            if self.reader.decrypt(password) == PasswordType.NOT_DECRYPTED:
                raise PdfUnreadable(translate("import", "the password does not open this PDF"),
                                    needs_password=True)
        except NotImplementedError as exc:
            raise PdfUnreadable(translate("import", "the PDF uses an encryption this tool cannot open ({error})")
                                .format(error=_short(exc))) from exc
        except DependencyError as exc:  # cryptography missing: say so rather than crash
            raise PdfUnreadable(str(exc)) from exc

    def close(self) -> None:
        self._fh.close()

    def __enter__(self) -> PdfDocument:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def outline(self) -> list[OutlineEntry]:
        """Bookmarks as (title, 1-based page, level), in file order; [] if none or unreadable."""
        try:
            raw = self.reader.outline
        except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError):
            return []
        out: list[OutlineEntry] = []

        def walk(items: Any, level: int) -> None:
            for it in items:
                if isinstance(it, list):
                    walk(it, level + 1)
                    continue
                try:
                    page = self.reader.get_destination_page_number(it)
                except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError):
                    continue
                if page is None or page < 0:
                    continue
                title = str(getattr(it, "title", "") or "").strip()
                out.append(OutlineEntry(title, page + 1, level))

        walk(raw, 0)
        return out

    def page_texts(self) -> Iterator[tuple[int, str | None]]:
        """(1-based page, text) for every page; text None when extraction failed on that page.

        Pages are read one at a time so a 1,500-page file never has all its text in memory, and
        pypdf's object cache is dropped every `PAGE_CACHE_WINDOW` pages so it never holds all its objects.
        """
        for i in range(self.pages):
            if i and i % PAGE_CACHE_WINDOW == 0:
                self._drop_object_cache()
            try:
                page = self.reader.pages[i]
                text = page.extract_text() or ""
            except Exception:  # pypdf raises many types on odd content streams; one bad page never stops a file
                yield i + 1, None
                continue
            yield i + 1, text.replace("\x00", "")


    def _drop_object_cache(self) -> None:
        cache = getattr(self.reader, "resolved_objects", None)
        if isinstance(cache, dict):
            cache.clear()


def has_text(text: str | None) -> bool:
    return text is not None and sum(1 for ch in text if not ch.isspace()) >= MIN_TEXT_CHARS


def _short(exc: BaseException) -> str:
    msg = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return msg[:160]


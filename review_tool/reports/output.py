"""Writing report files safely: to a temporary file beside the target, then `os.replace`.

A failed or cancelled report never leaves an empty or half-written file behind,
and never destroys the previous report of the same name: the temporary files are
removed on any error, and targets are replaced only when every file is complete.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from types import TracebackType

from review_tool.i18n import QT_TRANSLATE_NOOP
from review_tool.reports.errors import ReportError, tr

TEMP_SUFFIX = ".part"


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


class AtomicOutputs:
    """Temporary files for a set of targets, committed together.

    Use as a context manager: on an exception every temporary file is removed.
    Attributes:
        _pending: (target, temporary file) pairs not yet committed.
    """

    def __init__(self) -> None:
        self._pending: list[tuple[Path, Path]] = []

    def add(self, target: Path | str) -> Path:
        """A temporary path to write `target`'s content to (created empty, in the target's folder).

        Raises:
            ReportError: the target is a folder, its folder is missing, or the folder
                cannot be written (the OS reason is given).
        """
        target = Path(target).expanduser()
        if target.is_dir():
            raise ReportError(tr(QT_TRANSLATE_NOOP("reports", "{path} is a folder; give a file name"),
                                 "{path} 是一个文件夹，请给出文件名").format(path=target))
        folder = target.parent if str(target.parent) else Path(".")
        if not folder.is_dir():
            raise ReportError(tr(QT_TRANSLATE_NOOP("reports", "Cannot write {path}: folder {folder} does not exist"),
                                 "无法写入 {path}：文件夹 {folder} 不存在").format(path=target, folder=folder))
        try:
            fd, name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=TEMP_SUFFIX)
        except OSError as exc:
            raise ReportError(tr(QT_TRANSLATE_NOOP("reports", "Cannot write {path}: {reason}"),
                                 "无法写入 {path}：{reason}").format(path=target, reason=_reason(exc))) from exc
        os.close(fd)
        tmp = Path(name)
        # mkstemp makes the file private (0600); a report is an ordinary file: keep the old mode, else 0644
        try:
            os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else 0o644)
        except OSError:
            pass
        self._pending.append((target, tmp))
        return tmp

    def commit(self) -> list[Path]:
        """Move every temporary file onto its target; returns the targets."""
        done: list[Path] = []
        try:
            for target, tmp in self._pending:
                try:
                    os.replace(tmp, target)
                except OSError as exc:
                    raise ReportError(tr(
                        QT_TRANSLATE_NOOP("reports", "Cannot write {path}: {reason} (is it open in another "
                                                     "program?)"),
                        "无法写入 {path}：{reason}（文件是否正被其他程序打开？请关闭后重试）",
                    ).format(path=target, reason=_reason(exc))) from exc
                done.append(target)
        finally:
            self._pending = [(t, p) for t, p in self._pending if t not in done]
            self.discard()
        return done

    def discard(self) -> None:
        for _, tmp in self._pending:
            try:
                tmp.unlink(missing_ok=True)
            except OSError:
                pass
        self._pending = []

    def __enter__(self) -> AtomicOutputs:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if exc_type is not None:
            self.discard()

"""Running core work off the UI thread.

Every `Workspace` call goes to ONE database worker thread (style §8.2): calls run in
the order they were made, so an autosave can never overtake an earlier one, and no
SQLAlchemy session is ever shared between threads. Work that needs no database
(hashing a PDF, reading a file) goes to a small I/O pool.

Results come back on the main thread through a queued signal: callbacks always run
on the UI thread and may touch widgets. A callback bound to a QObject that has been
deleted meanwhile is skipped. Long tasks report progress through a Qt-free
`LatestProgress` that a 100 ms QTimer pulls (never a widget touched from a worker),
and are cancelled through a `CancelToken`.

Callers must not touch widgets, models or the Workspace's ORM from inside `fn`:
`fn` runs on a worker thread and receives the Workspace as its only argument.
"""

from __future__ import annotations

import gc
import logging
import os
import threading
import time
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop, QObject, QTimer, Signal

from review_tool.progress import CancelToken, LatestProgress

if TYPE_CHECKING:
    from review_tool.workspace import Workspace

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]


class TaskHandle:
    """The Qt-free half of a task, the only part a worker thread sees."""

    def __init__(self) -> None:
        self.progress = LatestProgress()
        self.cancel_token = CancelToken()


class Task(QObject):
    """One piece of work submitted to the runner.

    Attributes:
        label: what the task does, for progress dialogs.
        progress: the Qt-free progress slot a long core function writes into.
        cancel_token: set by `cancel()`; the core checks it and raises `Cancelled`.
    """

    progressed = Signal(int, int, str)
    finished = Signal(bool)  # True on success

    def __init__(self, label: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self.handle = TaskHandle()
        self.progress = self.handle.progress
        self.cancel_token = self.handle.cancel_token
        self.started = time.monotonic()
        self.done = False
        self.ok = False
        self.result: Any = None
        self.error: BaseException | None = None
        self._last: tuple[int, int, str] | None = None

    def cancel(self) -> None:
        self.cancel_token.cancel()

    @property
    def cancelled(self) -> bool:
        return self.cancel_token.cancelled

    def _poll(self) -> None:
        value = self.progress.get()
        if value != self._last:
            self._last = value
            self.progressed.emit(*value)


class MainThreadGC(QObject):
    """Run Python's cyclic garbage collector on the UI thread only.

    Left to itself, the collector runs on whichever thread happens to allocate, so a DB
    worker can end up freeing a dialog or widget wrapper caught in a reference cycle;
    shiboken then defers the C++ deletion to the main thread, and PySide 6.12 crashed on
    that path. While any TaskRunner is alive, automatic collection is off and this timer
    collects on the UI thread instead (the technique Anki and calibre use).
    """

    _instance: MainThreadGC | None = None
    _users = 0

    def __init__(self) -> None:
        super().__init__()
        self._timer = QTimer(self)
        self._timer.setInterval(500)
        self._timer.timeout.connect(self.collect)
        self._timer.start()

    @classmethod
    def acquire(cls) -> None:
        if cls._instance is None:
            cls._instance = MainThreadGC()
            gc.disable()
        cls._users += 1

    @classmethod
    def release(cls) -> None:
        cls._users = max(0, cls._users - 1)
        if cls._users == 0 and cls._instance is not None:
            cls._instance._timer.stop()
            cls._instance = None
            gc.enable()
            gc.collect()

    def collect(self) -> None:
        threshold = gc.get_threshold()[0]
        if gc.get_count()[0] > threshold:
            gc.collect(0)
            if gc.get_count()[1] > gc.get_threshold()[1]:
                gc.collect(1)
                if gc.get_count()[2] > gc.get_threshold()[2]:
                    gc.collect(2)


class TaskRunner(QObject):
    """The DB executor (one worker) plus an I/O pool, with results delivered on the UI thread.

    Attributes:
        _ws: the Workspace every DB task receives (None until a database is open).
        _db: single-thread executor for every Workspace call.
        _io: pool for work that needs no database.
        _pending: tasks submitted and not yet delivered (for `wait_idle` and the busy state).
        _watched: long tasks whose progress the timer polls.
    """

    _delivered = Signal(int, bool, object)  # task id, ok, result or exception
    busy_changed = Signal(bool)
    failed = Signal(str, object)  # message, exception: errors nobody handled

    def __init__(self, workspace: Workspace | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._db = ThreadPoolExecutor(max_workers=1, thread_name_prefix="review-db")
        self._io = ThreadPoolExecutor(max_workers=max(2, min(4, (os.cpu_count() or 2) // 2)),
                                      thread_name_prefix="review-io")
        self._pending = 0
        self._lock = threading.Lock()
        self._watched: list[Task] = []
        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._poll)
        self._delivered.connect(self._deliver)  # queued: emitted from worker threads
        MainThreadGC.acquire()
        self._closed = False
        self._wake = threading.Event()  # set by a worker when it hands a result back
        self._tasks: dict[int, tuple[Task, Callback | None, Callback | None]] = {}
        self._next_id = 0

    # -- the workspace ------------------------------------------------------------------
    @property
    def workspace(self) -> Workspace | None:
        """The open Workspace. Read its plain attributes only (e.g. `user_id`); never call services here."""
        return self._ws

    def set_workspace(self, ws: Workspace | None) -> None:
        """Swap the Workspace; queued behind the tasks already submitted against the old one."""
        old = self._ws
        self._ws = ws
        if old is not None and old is not ws:
            self._db.submit(old.close)

    # -- submitting ---------------------------------------------------------------------
    def db(self, fn: Callable[[Workspace], Any], *, on_done: Callback | None = None,
           on_error: Callback | None = None, label: str = "") -> Task:
        """Run `fn(workspace)` on the database worker; `on_done(result)` / `on_error(exc)` on the UI thread."""
        ws = self._ws
        return self._submit(self._db, lambda _handle: _with_workspace(ws, fn), on_done, on_error, label)

    def db_task(self, fn: Callable[[Workspace, TaskHandle], Any], *, on_done: Callback | None = None,
                on_error: Callback | None = None, label: str = "") -> Task:
        """Like `db`, but `fn(workspace, handle)` gets the Qt-free handle (progress, cancel_token) of the task."""
        ws = self._ws
        return self._submit(self._db, lambda handle: _with_workspace(ws, lambda w: fn(w, handle)), on_done,
                            on_error, label, watch=True)

    def io(self, fn: Callable[[], Any], *, on_done: Callback | None = None, on_error: Callback | None = None,
           label: str = "") -> Task:
        """Run `fn()` (no database) on the I/O pool."""
        return self._submit(self._io, lambda _handle: fn(), on_done, on_error, label)

    def io_task(self, fn: Callable[[TaskHandle], Any], *, on_done: Callback | None = None,
                on_error: Callback | None = None, label: str = "") -> Task:
        """Like `io`, but `fn(handle)` gets the Qt-free handle (progress, cancel_token) of the task."""
        return self._submit(self._io, fn, on_done, on_error, label, watch=True)

    def db_plain(self, fn: Callable[[], Any], *, on_done: Callback | None = None,
                 on_error: Callback | None = None, label: str = "") -> Task:
        """Run `fn()` on the database worker, behind every DB task already queued (e.g. opening a Workspace)."""
        return self._submit(self._db, lambda _handle: fn(), on_done, on_error, label)

    def _submit(self, pool: ThreadPoolExecutor, fn: Callable[[TaskHandle], Any], on_done: Callback | None,
                on_error: Callback | None, label: str, *, watch: bool = False) -> Task:
        # The worker gets only plain Python objects (the task's number, its Qt-free handle, `fn`): the
        # Task, the callbacks and the widgets they belong to stay referenced from the UI thread alone.
        # A Qt wrapper released on a worker thread is deleted through shiboken's "delete in main thread"
        # path, which crashed PySide 6.12 here.
        if self._closed:
            raise RuntimeError("the task runner is shut down")
        task = Task(label)  # no parent: freed (on this thread) once neither the runner nor the caller holds it
        self._next_id += 1
        task_id = self._next_id
        self._tasks[task_id] = (task, on_done, on_error)
        handle = task.handle
        if watch:
            self._watch(task)
        with self._lock:
            self._pending += 1
            first = self._pending == 1
        if first:
            self.busy_changed.emit(True)
        pool.submit(_run, fn, handle, task_id, self._emit_delivered)
        return task

    def _emit_delivered(self, task_id: int, ok: bool, value: Any) -> None:
        """Called on a worker thread: queue the result for the UI thread and wake `wait_idle`."""
        self._delivered.emit(task_id, ok, value)
        self._wake.set()

    def _watch(self, task: Task) -> None:
        self._watched.append(task)
        if not self._timer.isActive():
            self._timer.start()

    def _poll(self) -> None:
        for task in list(self._watched):
            task._poll()
        if not self._watched:
            self._timer.stop()

    # -- delivering -----------------------------------------------------------------------
    def _deliver(self, task_id: int, ok: bool, value: Any) -> None:
        task, on_done, on_error = self._tasks.pop(task_id)
        with self._lock:
            self._pending -= 1
            idle = self._pending == 0
        task.done, task.ok = True, ok
        if ok:
            task.result = value
        else:
            task.error = value
        if task in self._watched:
            task._poll()
            self._watched.remove(task)
        try:
            if ok:
                if on_done is not None and _alive(on_done):
                    on_done(value)
            elif on_error is not None and _alive(on_error):
                on_error(value)
            else:
                self._report(value)
        finally:
            if shiboken6.isValid(task):
                task.finished.emit(ok)
            if idle:
                self.busy_changed.emit(False)

    def _report(self, exc: BaseException) -> None:
        from review_tool.domain.errors import ReviewToolError

        if isinstance(exc, ReviewToolError):
            self.failed.emit(str(exc), exc)
        else:
            log.error("unexpected error in a background task:\n%s", getattr(exc, "__traceback_text__", exc))
            self.failed.emit(f"{type(exc).__name__}: {exc}", exc)

    # -- state, tests, shutdown -----------------------------------------------------------
    @property
    def pending(self) -> int:
        with self._lock:
            return self._pending

    def is_idle(self) -> bool:
        return self.pending == 0

    def wait_idle(self, timeout_ms: int = 10_000) -> bool:
        """Process events until every submitted task has been delivered (for tests and shutdown)."""
        deadline = QDeadlineTimer(timeout_ms)
        app = QCoreApplication.instance()
        while not self.is_idle():
            if deadline.hasExpired():
                return False
            if app is not None:
                QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            if not self.is_idle():
                self._wake.wait(0.01)
                self._wake.clear()
        if app is not None:
            QCoreApplication.processEvents()
        return True

    def shutdown(self, *, close_workspace: bool = True, timeout_ms: int = 30_000) -> None:
        """Finish every queued DB write (nothing shown as saved may be lost), then stop the threads."""
        if self._closed:
            return
        self.wait_idle(timeout_ms)
        self._closed = True
        self._timer.stop()
        ws = self._ws
        if close_workspace and ws is not None:
            self._db.submit(ws.close)
        self._db.shutdown(wait=True)
        self._io.shutdown(wait=False, cancel_futures=True)
        MainThreadGC.release()


def _with_workspace(ws: Workspace | None, fn: Callable[[Workspace], Any]) -> Any:
    if ws is None:
        from review_tool.domain.errors import UsageError
        from review_tool.i18n import translate

        raise UsageError(translate("gui", "No database is open"))
    return fn(ws)


def _run(fn: Callable[[TaskHandle], Any], handle: TaskHandle, task_id: int,
         deliver: Callable[[int, bool, Any], None]) -> None:
    """The worker side of a task: run it and hand back the result or the exception (never lost)."""
    try:
        value = fn(handle)
    except Exception as exc:
        exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
        deliver(task_id, False, exc.with_traceback(None))
    else:
        deliver(task_id, True, value)


def _alive(callback: Callable[..., Any]) -> bool:
    """False when the callback is a bound method of a deleted QObject."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)

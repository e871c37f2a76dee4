"""TaskRunner: DB calls in order on one worker, results on the UI thread, errors never lost, progress and cancel."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QObject, QThread

from review_tool.domain.errors import UsageError
from review_tool.gui.tasks import TaskHandle, TaskRunner
from review_tool.progress import Cancelled


class FakeWs:
    def __init__(self) -> None:
        self.calls: list[int] = []
        self.threads: set[str] = set()

    def note(self, n: int) -> int:
        self.threads.add(threading.current_thread().name)
        time.sleep(0.001 * (5 - n % 5))  # later calls are quicker: order must still hold
        self.calls.append(n)
        return n


@pytest.fixture
def runner(qapp):
    r = TaskRunner(FakeWs())  # type: ignore[arg-type]
    yield r
    r.shutdown(close_workspace=False)


def test_db_calls_run_in_order_on_one_worker_and_report_on_the_ui_thread(runner: TaskRunner) -> None:
    ws = runner.workspace
    got: list[tuple[int, bool]] = []
    main = QThread.currentThread()
    for n in range(20):
        runner.db(lambda w, n=n: w.note(n), on_done=lambda v: got.append((v, QThread.currentThread() == main)))
    assert runner.wait_idle(5000)
    assert ws.calls == list(range(20))  # type: ignore[union-attr]
    assert len(ws.threads) == 1 and next(iter(ws.threads)).startswith("review-db")  # type: ignore[union-attr]
    assert got == [(n, True) for n in range(20)]


def test_errors_go_to_on_error_or_to_the_failed_signal(runner: TaskRunner, qtbot) -> None:
    errors: list[BaseException] = []

    def boom(_ws: object) -> None:
        raise UsageError("一个给人看的错误")

    runner.db(boom, on_error=errors.append)
    runner.wait_idle()
    assert isinstance(errors[0], UsageError)
    with qtbot.waitSignal(runner.failed, timeout=5000) as blocker:
        runner.db(boom)
    assert blocker.args[0] == "一个给人看的错误"


def test_a_deleted_receiver_is_not_called(runner: TaskRunner) -> None:
    class Receiver(QObject):
        hits = 0

        def got(self, _value: object) -> None:
            Receiver.hits += 1

    r = Receiver()
    gate = threading.Event()
    runner.db(lambda w: gate.wait(5), on_done=r.got)
    import shiboken6

    shiboken6.delete(r)
    gate.set()
    assert runner.wait_idle()
    assert Receiver.hits == 0


def test_long_io_task_reports_progress_and_can_be_cancelled(runner: TaskRunner, qtbot) -> None:
    started = threading.Event()

    def work(handle: TaskHandle) -> str:
        for i in range(1000):
            handle.progress(i, 1000, f"第 {i} 个")
            handle.cancel_token.check()
            started.set()
            time.sleep(0.005)
        return "done"

    seen: list[tuple[int, int, str]] = []
    errors: list[BaseException] = []
    task = runner.io_task(work, on_error=errors.append)
    task.progressed.connect(lambda d, t, m: seen.append((d, t, m)))
    qtbot.waitUntil(lambda: bool(seen) and seen[-1][0] > 5, timeout=5000)  # the 100 ms timer pulls progress
    task.cancel()
    assert runner.wait_idle(5000)
    assert isinstance(errors[0], Cancelled) and task.done and not task.ok
    assert seen[-1][1] == 1000 and seen[-1][2].startswith("第")


def test_no_database_is_a_plain_error(qapp) -> None:
    r = TaskRunner(None)
    errors: list[BaseException] = []
    r.db(lambda ws: ws, on_error=errors.append)
    r.wait_idle()
    r.shutdown()
    assert isinstance(errors[0], UsageError)

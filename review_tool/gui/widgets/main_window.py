"""The main window: the case list and the review workspace, menus, toolbar and the autosave status.

The window never touches the database itself: it asks the TaskRunner, and shows
what comes back. Opening a database, choosing the user, listing rounds and cases
all happen on the DB worker.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QStyle,
    QToolBar,
    QWidget,
)

from review_tool import __version__
from review_tool.domain.enums import Role
from review_tool.gui import labels
from review_tool.gui.settings import GuiSettings
from review_tool.gui.signals import AppSignals, Changes
from review_tool.gui.tasks import TaskRunner
from review_tool.gui.widgets.case_browser import CaseBrowser
from review_tool.gui.widgets.review_workspace import ReviewWorkspace
from review_tool.gui.widgets.text_dialogs import exec_dialog
from review_tool.gui.widgets.workspace_actions import MENU_GROUPS
from review_tool.services.dto import CaseRow, RoundDTO, UserDTO


def db_url(target: str) -> str:
    """A SQLAlchemy URL from what the user gave: a URL, or a path to a SQLite file."""
    if "://" in target:
        return target
    from review_tool.storage.engine import sqlite_url

    return sqlite_url(Path(target).expanduser().resolve())


def db_label(url: str) -> str:
    if url.startswith("sqlite"):
        from urllib.parse import unquote

        return Path(unquote(url.split("///", 1)[-1])).name
    from review_tool.storage.engine import safe_url

    return safe_url(url)


class MainWindow(QMainWindow):
    """Attributes:
    browser / workspace: the two pages of the central stack.
    url: the open database (None until opened).
    user: who is acting (None until chosen).
    _stale: the case list must be re-read when it is shown again.
    """

    language_change_requested = Signal(str)
    database_opened = Signal(str)
    user_ready = Signal(object)  # UserDTO

    def __init__(self, *, runner: TaskRunner, signals: AppSignals, settings: GuiSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.signals = signals
        self.settings = settings
        self.url: str | None = None
        self.user: UserDTO | None = None
        self._stale = False
        self.setWindowTitle(self.tr("Case-file review"))
        self.resize(1600, 980)

        self.stack = QStackedWidget(self)
        self.browser = CaseBrowser(self)
        self.workspace = ReviewWorkspace(runner=runner, signals=signals, settings=settings, parent=self)
        self.stack.addWidget(self.browser)
        self.stack.addWidget(self.workspace)
        self.setCentralWidget(self.stack)

        self.save_state = QLabel(self)
        self.user_label = QLabel(self)
        self.db_label_widget = QLabel(self)
        for w in (self.save_state, self.user_label, self.db_label_widget):
            w.setStyleSheet("padding: 0 8px;")
            self.statusBar().addPermanentWidget(w)

        from review_tool.gui.widgets.report_export import ReportExporter

        self.reports = ReportExporter(runner=runner, settings=settings, parent=self)
        self._build_actions()
        self._build_menus()
        self._connect()
        self._restore_geometry()
        self._page_changed()

    # -- actions and menus ------------------------------------------------------------------------------
    def _action(self, text: str, slot: Any, keys: str | QKeySequence.StandardKey | None = None, tip: str = "",
                icon: QStyle.StandardPixmap | None = None) -> QAction:
        a = QAction(text, self)
        if keys is not None:
            a.setShortcut(QKeySequence(keys))
        tooltip = tip or text.rstrip("…")
        if a.shortcut().toString():
            tooltip += f" ({a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
        a.setToolTip(tooltip)
        a.setStatusTip(tooltip)
        if icon is not None:
            a.setIcon(self.style().standardIcon(icon))
        a.triggered.connect(slot)
        self.addAction(a)
        return a

    def _build_actions(self) -> None:
        P = QStyle.StandardPixmap
        self.open_db_action = self._action(self.tr("Open a database…"), self.choose_database,
                                           QKeySequence.StandardKey.Open, icon=P.SP_DriveHDIcon)
        self.import_action = self._action(self.tr("Import case files…"), self.show_import, "Ctrl+I",
                                          self.tr("Import a month's case files, with progress and cancel"),
                                          P.SP_DirOpenIcon)
        self.user_action = self._action(self.tr("Switch user…"), self.choose_user, "Ctrl+Shift+U")
        self.settings_action = self._action(self.tr("Settings…"), self.show_settings, "Ctrl+,",
                                            icon=P.SP_FileDialogDetailedView)
        self.quit_action = self._action(self.tr("Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.open_case_action = self._action(self.tr("Review the selected case"), self.browser.open_selected,
                                             None, self.tr("Open the case for review (Enter or double-click)"),
                                             P.SP_FileDialogContentsView)
        self.back_action = self.workspace.actions["close"]
        self.back_action.setIcon(self.style().standardIcon(P.SP_ArrowBack))
        self.refresh_action = self._action(self.tr("Refresh the list"), self.refresh_cases, QKeySequence.StandardKey.Refresh,
                                           icon=P.SP_BrowserReload)
        self.find_case_action = self._action(self.tr("Search cases"), self.browser.focus_search, None)
        self.find_case_action.setShortcut(QKeySequence("Ctrl+F"))
        self.find_case_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.browser.addAction(self.find_case_action)
        self.removeAction(self.find_case_action)
        self.score_sheet_action = self._action(self.tr("Score sheet of this review (PDF)…"), self.export_score_sheet)
        self.bulletin_action = self._action(self.tr("Monthly bulletin (PDF)…"), self.export_bulletin)
        self.meeting_action = self._action(self.tr("Round and meeting (例会)…"), self.show_meeting, "Ctrl+M",
                                           self.tr("Legal officers: the round's assignment, the meeting that "
                                                   "reconciles the reviews, finalisation, calibration"))
        self.new_round_action = self._action(self.tr("New round for a month…"), self.new_round, "Ctrl+Shift+N",
                                             self.tr("Legal officers: create the month's round, its cases drawn by "
                                                     "the selection rule (seeded, reproducible)"))
        self.conflict_action = self._action(self.tr("Declare a conflict of interest (回避)…"), self.declare_conflict,
                                            None, self.tr("You have a conflict with the selected case or its unit: "
                                                          "declare it, and the assignment avoids you"))
        self.shortcuts_action = self._action(self.tr("Keyboard shortcuts"), self.show_shortcuts,
                                             QKeySequence.StandardKey.HelpContents)
        self.about_action = self._action(self.tr("About"), self.show_about)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        m = bar.addMenu(self.tr("&File"))
        m.addAction(self.open_db_action)
        self.recent_menu = m.addMenu(self.tr("Recent databases"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        m.addSeparator()
        m.addAction(self.import_action)
        m.addSeparator()
        m.addAction(self.user_action)
        m.addAction(self.settings_action)
        m.addSeparator()
        m.addAction(self.quit_action)
        self.review_menu = bar.addMenu(self.tr("&Review"))
        self.review_menu.addAction(self.open_case_action)
        self.review_menu.addAction(self.refresh_action)
        acts = self.workspace.actions.actions
        for group in MENU_GROUPS:
            self.review_menu.addSeparator()
            for name in group:
                self.review_menu.addAction(acts[name])
        self.review_menu.addSeparator()
        self.review_menu.addAction(self.conflict_action)
        self.review_menu.addSeparator()
        self.review_menu.addAction(self.new_round_action)
        self.review_menu.addAction(self.meeting_action)
        reports = bar.addMenu(self.tr("Re&ports"))
        reports.addAction(self.score_sheet_action)
        reports.addAction(self.bulletin_action)
        helpm = bar.addMenu(self.tr("&Help"))
        helpm.addAction(self.shortcuts_action)
        helpm.addAction(self.about_action)

        tb = QToolBar(self.tr("Main"), self)
        tb.setObjectName("mainToolbar")
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        tb.setMovable(False)
        for a in (self.import_action, self.open_case_action, self.back_action, None, acts["mark_pass"],
                  acts["deduct"], acts["mark_na"], acts["next_unreviewed"], None, acts["submit"], acts["history"],
                  None, self.settings_action):
            if a is None:
                tb.addSeparator()
            else:
                tb.addAction(a)
        self.addToolBar(tb)
        self.toolbar = tb

    def _connect(self) -> None:
        self.browser.open_requested.connect(self.open_case)
        self.browser.round_changed.connect(self._round_changed)
        self.workspace.close_requested.connect(self.show_browser)
        self.workspace.opened.connect(lambda _cid: self._page_changed())
        self.stack.currentChanged.connect(self._page_changed)
        self.signals.saving.connect(self._saving)
        self.signals.saved.connect(self._saved)
        self.signals.save_failed.connect(self._save_failed)
        self.signals.status_message.connect(self._status)
        self.signals.changes_applied.connect(self._changes)
        self.runner.failed.connect(self._task_failed)

    def detach(self) -> None:
        """Stop listening to the shared objects (before the window is replaced, e.g. on a language change)."""
        for sig, slot in ((self.signals.saving, self._saving), (self.signals.saved, self._saved),
                          (self.signals.save_failed, self._save_failed),
                          (self.signals.status_message, self._status), (self.signals.changes_applied, self._changes),
                          (self.runner.failed, self._task_failed)):
            try:
                sig.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
        self.workspace.close_case()

    # -- database and user -------------------------------------------------------------------------------
    def open_database(self, target: str | None, *, user: str | None = None) -> None:
        """Open a database (path or URL; None: the default) on the DB worker, then choose the user."""
        from review_tool.storage.engine import resolve_url
        from review_tool.workspace import Workspace

        url = db_url(target) if target else resolve_url(None)
        self.statusBar().showMessage(self.tr("Opening {db}…").format(db=db_label(url)))
        self.runner.db_plain(lambda: Workspace.open(url), on_done=partial(self._database_opened, url, user),
                             on_error=partial(self._database_failed, url), label="open database")

    def _database_opened(self, url: str, user: str | None, ws: Any) -> None:
        self.runner.set_workspace(ws)
        self.url = url
        self.settings.add_recent(url)
        self.settings.save()
        self.db_label_widget.setText(db_label(url))
        self.db_label_widget.setToolTip(url)
        self.statusBar().showMessage(self.tr("Opened {db}").format(db=db_label(url)), 4000)
        self.database_opened.emit(url)
        self.signals.changes_applied.emit(Changes(database=True), self)
        wanted = user or self.settings.last_user.get(url)
        if wanted:
            self.set_user(wanted, ask_if_unknown=True)
        else:
            self.choose_user()

    def _database_failed(self, url: str, exc: BaseException) -> None:
        self.statusBar().clearMessage()
        QMessageBox.warning(self, self.tr("Open a database"), self.tr("{db} could not be opened:\n{error}").format(
            db=db_label(url), error=exc))
        if url in self.settings.recent_databases:
            self.settings.remove_recent(url)
            self.settings.save()

    def choose_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a database"), "",
                                              self.tr("Review databases (*.sqlite *.db);;All files (*)"))
        if path:
            self.show_browser()
            self.open_database(path)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for url in self.settings.recent_databases:
            a = self.recent_menu.addAction(db_label(url))
            a.setToolTip(url)
            a.triggered.connect(partial(self._open_recent, url))
        if not self.settings.recent_databases:
            self.recent_menu.addAction(self.tr("(none yet)")).setEnabled(False)

    def _open_recent(self, url: str) -> None:
        self.show_browser()
        self.open_database(url)

    def choose_user(self) -> None:
        self.runner.db(lambda ws: ws.org.users(), on_done=self._users_loaded)

    def _users_loaded(self, users: list[UserDTO]) -> None:
        from review_tool.gui.widgets.user_chooser import UserChooser

        if not users:
            QMessageBox.information(self, self.tr("Who are you?"), self.tr(
                "This database has no users yet. Add them with `review-tool user add`, or seed the demo data "
                "with `review-tool demo`."))
            return
        last = self.settings.last_user.get(self.url or "")
        dlg = UserChooser(users, last=last, parent=self)
        if exec_dialog(dlg) and dlg.chosen():
            self.set_user(dlg.chosen() or "")

    def set_user(self, name: str, *, ask_if_unknown: bool = False) -> None:
        def run(ws: Any) -> UserDTO:
            ws.set_user(name)
            return ws.org.user(ws.user_id)

        self.runner.db(run, on_done=self._user_set,
                       on_error=(lambda _e: self.choose_user()) if ask_if_unknown else None)

    def _user_set(self, user: UserDTO) -> None:
        self.user = user
        if self.url:
            self.settings.last_user[self.url] = user.name
            self.settings.save()
        self.user_label.setText(f"{user.name}（{labels.label(user.role)}）")
        self.meeting_action.setVisible(user.role is Role.LEGAL_OFFICER)
        self.new_round_action.setVisible(user.role is Role.LEGAL_OFFICER)
        self.signals.user_changed.emit(user)
        self.user_ready.emit(user)
        self.show_browser()
        self.refresh_rounds()

    # -- the case list -----------------------------------------------------------------------------------
    def refresh_rounds(self) -> None:
        self.runner.db(lambda ws: ws.rounds.list(), on_done=self._rounds_loaded)

    def _rounds_loaded(self, rounds: list[RoundDTO]) -> None:
        remembered = self.settings.last_round.get(self.url or "", -1)
        current = remembered if remembered in [r.id for r in rounds] or remembered == 0 else (
            rounds[0].id if rounds else None)
        self.browser.set_rounds(rounds, None if current == 0 else current)
        self.refresh_cases()

    def _round_changed(self, round_id: int | None) -> None:
        if self.url:
            self.settings.last_round[self.url] = round_id or 0
        self.refresh_cases()

    def refresh_cases(self) -> None:
        round_id = self.browser.current_round()
        self._stale = False
        self.runner.db(lambda ws: ws.cases.list_cases(round_id=round_id, reviewer_id=ws.user_id),
                       on_done=self._cases_loaded)

    def _cases_loaded(self, rows: list[CaseRow]) -> None:
        from review_tool.domain.enums import Role

        self.browser.set_rows(rows, personal=self.user is None or self.user.role is Role.REVIEWER)
        self.cases_loaded_count = len(rows)

    def _changes(self, changes: Changes, initiator: object) -> None:
        if changes.cases or changes.index or changes.files:
            self._stale = True
        if self.stack.currentWidget() is self.browser and self._stale:
            self.refresh_cases()

    # -- pages -------------------------------------------------------------------------------------------------
    def open_case(self, case_id: int, round_id: int | None = None, review_id: int | None = None) -> None:
        if self.user is None:
            self.choose_user()
            return
        self.stack.setCurrentWidget(self.workspace)
        self.workspace.open_case(case_id, round_id=round_id, review_id=review_id)

    def show_browser(self) -> None:
        if self.stack.currentWidget() is self.workspace:
            self.workspace.close_case()
            case = self.workspace.detail.row.id if self.workspace.detail else None
            self.stack.setCurrentWidget(self.browser)
            if case is not None:
                self.browser.select_case(case)
        if self._stale:
            self.refresh_cases()
        self.browser.focus_table()

    def _page_changed(self, *_: object) -> None:
        """Workspace actions work only while a case is open (their shortcuts are scoped to it anyway)."""
        in_ws = self.stack.currentWidget() is self.workspace
        for a in self.workspace.actions.actions.values():
            a.setEnabled(in_ws)
            a.setVisible(in_ws)  # the list's toolbar and menu show the list's actions only
        self.open_case_action.setVisible(not in_ws)
        if in_ws:
            self.workspace._apply_editability()
        self.open_case_action.setEnabled(not in_ws)
        self.refresh_action.setEnabled(not in_ws)

    # -- status bar ------------------------------------------------------------------------------------------------
    def _saved(self, at: dt.datetime) -> None:
        self.save_state.setStyleSheet("padding: 0 8px; color: #1d7a35;")
        self.save_state.setText(self.tr("Saved {time}").format(time=at.strftime("%H:%M:%S")))

    def _save_failed(self, message: str) -> None:
        self.save_state.setStyleSheet("padding: 0 8px; font-weight: bold; " + labels.ERROR_STYLE)
        self.save_state.setText(self.tr("NOT saved"))
        self.save_state.setToolTip(message)

    def _saving(self) -> None:
        self.save_state.setStyleSheet("padding: 0 8px; color: #b36b00;")
        self.save_state.setText(self.tr("Saving…"))

    def _status(self, message: str) -> None:
        self.statusBar().showMessage(message, 5000)

    def _task_failed(self, message: str, _exc: object) -> None:
        self.statusBar().showMessage(message, 10000)
        QMessageBox.warning(self, self.windowTitle(), message)

    # -- dialogs ------------------------------------------------------------------------------------------------
    def show_import(self) -> None:
        from review_tool.gui.widgets.import_dialog import ImportDialog

        dlg = ImportDialog(runner=self.runner, parent=self)
        dlg.imported.connect(lambda _r: self.refresh_rounds())
        exec_dialog(dlg)

    def show_settings(self) -> None:
        from review_tool.gui.widgets.settings_dialog import SettingsDialog

        dlg = SettingsDialog(self.settings, self)
        if not exec_dialog(dlg):
            return
        values = dlg.values()
        self.settings.report_font = str(values["report_font"])
        size = int(values["ui_font_size"])  # type: ignore[call-overload]
        if size != self.settings.ui_font_size:
            from review_tool.gui.app import ui_font

            self.settings.ui_font_size = size
            QApplication.setFont(ui_font(size))
        self.settings.save()
        if values["language"] != self.settings.language:
            self.language_change_requested.emit(str(values["language"]))

    def show_shortcuts(self) -> None:
        from review_tool.gui.widgets.shortcuts_dialog import ShortcutsDialog

        exec_dialog(ShortcutsDialog(self.workspace.actions.actions, self))

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About"), self.tr(
            "Case-file review (执法案卷评查) {version}\nDatabase: {db}").format(version=__version__,
                                                                             db=self.url or "—"))

    def export_score_sheet(self) -> None:
        """The score sheets of the case on screen (or selected in the list)."""
        row = self._case_in_view()
        if self.stack.currentWidget() is self.workspace and self.workspace.detail is not None:
            round_id = self.workspace.review.round_id if self.workspace.review else None
        else:
            round_id = self.browser.current_round()
        if row is None:
            return
        self.reports.score_sheet(user=self.user, case_id=row.id, doc_no=row.doc_no, round_id=round_id, draft=False)

    def show_meeting(self) -> None:
        """The round on screen, for the legal officer (the services refuse anyone else)."""

        rnd = self.browser.current_round_dto()
        if self.user is None or self.user.role is not Role.LEGAL_OFFICER:
            QMessageBox.information(self, self.tr("Round and meeting"),
                                    self.tr("Only a legal officer (法制员) manages the round and chairs the meeting."))
            return
        if rnd is None:
            QMessageBox.information(self, self.tr("Round and meeting"),
                                    self.tr("Choose a month's round in the case list first."))
            return
        self.meeting_window = self._meeting_for(rnd.id)

    def _meeting_for(self, round_id: int) -> Any:
        from review_tool.gui.widgets.meeting_window import MeetingWindow

        w = MeetingWindow(runner=self.runner, round_id=round_id, parent=self)
        w.finished.connect(lambda _r: self.refresh_cases())
        w.show()
        return w

    def _case_in_view(self) -> CaseRow | None:
        """The case on screen in the workspace, else the one selected in the list."""
        from review_tool.gui.models import ROW_ROLE

        if self.stack.currentWidget() is self.workspace and self.workspace.detail is not None:
            return self.workspace.detail.row
        row = self.browser.table.currentIndex().data(ROW_ROLE)
        return row if isinstance(row, CaseRow) else None

    def declare_conflict(self) -> None:
        """The current user declares a conflict of interest with the case in view or its unit."""
        from review_tool.gui.widgets.round_dialogs import ConflictDialog

        title = self.tr("Declare a conflict of interest (回避)")
        row = self._case_in_view()
        if self.user is None or row is None:
            QMessageBox.information(self, title, self.tr("Select the case in the list first."))
            return
        dlg = ConflictDialog(row, self)
        if dlg.exec() != QDialog.DialogCode.Accepted or dlg.result is None:
            return
        choice, user_id = dlg.result, self.user.id

        def done(c: Any) -> None:
            text = self.tr("Declared: {target} ({reason}).").format(target=c.doc_no or c.unit_name, reason=c.reason)
            if c.still_assigned:
                text += "\n" + self.tr("You are still assigned to {cases}: the legal officer sees it flagged in the "
                                       "round and will change the reviewers.").format(cases="、".join(c.still_assigned))
            QMessageBox.information(self, title, text)

        self.runner.db(lambda ws: ws.org.declare_conflict(user_id, case_id=choice.case_id, unit_id=choice.unit_id,
                                                          reason=choice.reason),
                       on_done=done, on_error=lambda exc: QMessageBox.warning(self, title, str(exc)))

    def new_round(self) -> None:
        """The legal officer creates the month's round; then the round opens to propose its assignment."""
        from review_tool.gui.widgets.round_dialogs import NewRoundDialog, RuleChoice, case_months

        if self.user is None or self.user.role is not Role.LEGAL_OFFICER:
            QMessageBox.information(self, self.tr("New round for a month"),
                                    self.tr("Only a legal officer (法制员) creates the month's round."))
            return

        def load(ws: Any) -> tuple[Any, ...]:
            sel = ws.rules.selection
            rules = [RuleChoice(r.name, r.title, r.description) for r in sel.rules] if sel else []
            return (case_months([c.closed_on for c in ws.cases.list_cases()]), {r.month for r in ws.rounds.list()},
                    rules, sel.default if sel else "", ws.rules.require_settings().reviewers_per_case)

        def ask(data: tuple[Any, ...]) -> None:
            months, taken, rules, default, per_case = data
            dlg = NewRoundDialog(months=months, taken=taken, rules=rules, default_rule=default, per_case=per_case,
                                 parent=self)
            if dlg.exec() != QDialog.DialogCode.Accepted or dlg.result is None:
                return
            n = dlg.result
            self.runner.db(lambda ws: ws.rounds.create(n.month, rule=n.rule, seed=n.seed, per_case=n.per_case,
                                                       blind=n.blind, hide_handler=n.hide_handler),
                           on_done=created, on_error=failed)

        def created(rnd: RoundDTO) -> None:
            if self.url:
                self.settings.last_round[self.url] = rnd.id
            self.refresh_rounds()
            QMessageBox.information(self, self.tr("New round for a month"), self.tr(
                "The round for {month} holds {n} cases (rule {rule}, seed {seed}). Next: propose the assignment "
                "in the round window.").format(month=rnd.month, n=rnd.cases, rule=rnd.rule_name, seed=rnd.seed))
            self.meeting_window = self._meeting_for(rnd.id)

        def failed(exc: BaseException) -> None:
            QMessageBox.warning(self, self.tr("New round for a month"), str(exc))

        self.runner.db(load, on_done=ask, on_error=failed)

    def export_bulletin(self) -> None:
        rnd = self.browser.current_round_dto()
        self.reports.bulletin(user=self.user, round_id=rnd.id if rnd else None, month=rnd.month if rnd else "")

    # -- state across a language change, geometry ----------------------------------------------------------------
    def snapshot(self) -> dict[str, Any]:
        ws = self.workspace
        return {"url": self.url, "user": self.user, "in_workspace": self.stack.currentWidget() is ws,
                "case": ws.detail.row.id if ws.detail else None, "review": ws.review.id if ws.review else None,
                "round": self.browser.current_round()}

    def restore_snapshot(self, state: dict[str, Any]) -> None:
        self.url = state.get("url")
        if self.url:
            self.db_label_widget.setText(db_label(self.url))
        user = state.get("user")
        if user is not None:
            self.user = user
            self.user_label.setText(f"{user.name}（{labels.label(user.role)}）")
            self.meeting_action.setVisible(user.role is Role.LEGAL_OFFICER)
            self.new_round_action.setVisible(user.role is Role.LEGAL_OFFICER)
            self.refresh_rounds()
        if state.get("in_workspace") and state.get("case") is not None:
            self.open_case(state["case"], state.get("round"), state.get("review"))

    def _restore_geometry(self) -> None:
        s = self.settings
        if s.geometry:
            self.restoreGeometry(QByteArray.fromBase64(s.geometry.encode()))
        if s.window_state:
            self.restoreState(QByteArray.fromBase64(s.window_state.encode()))
        for name, splitter in self.workspace.splitters.items():
            if name in s.splitters:
                splitter.restoreState(QByteArray.fromBase64(s.splitters[name].encode()))

    def save_settings(self) -> None:
        s = self.settings
        s.geometry = bytes(self.saveGeometry().toBase64().data()).decode()
        s.window_state = bytes(self.saveState().toBase64().data()).decode()
        for name, splitter in self.workspace.splitters.items():
            s.splitters[name] = bytes(splitter.saveState().toBase64().data()).decode()
        s.save()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the position and wait for every pending change to be committed before closing."""
        self.workspace.close_case()
        self.save_settings()
        self.runner.wait_idle(15_000)
        event.accept()


def menu_of(window: MainWindow, title: str) -> QMenu | None:
    for a in window.menuBar().actions():
        if a.menu() is not None and a.text().replace("&", "") == title:
            return a.menu()  # type: ignore[return-value]
    return None

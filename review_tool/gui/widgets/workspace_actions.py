"""The review workspace's actions: one QAction per thing a reviewer does, each with its shortcuts.

The shortcuts are shown in menus (Qt does that) and appended to tooltips here, so a
reviewer can learn them by hovering. The actions are added to the workspace widget
with `WidgetWithChildrenShortcut`, so they fire wherever the keyboard is inside the
workspace (a text field keeps its own letters) and never while the case list shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from review_tool.i18n import QT_TRANSLATE_NOOP

CTX = "WorkspaceActions"

# name: (text, tooltip, shortcuts)
SPEC: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "next_item": (QT_TRANSLATE_NOOP("WorkspaceActions", "Next item"),
                  QT_TRANSLATE_NOOP("WorkspaceActions", "Next item (also ↓ in the checklist)"), ("J",)),
    "previous_item": (QT_TRANSLATE_NOOP("WorkspaceActions", "Previous item"),
                      QT_TRANSLATE_NOOP("WorkspaceActions", "Previous item (also ↑ in the checklist)"), ("K",)),
    "next_unreviewed": (QT_TRANSLATE_NOOP("WorkspaceActions", "Next unreviewed item"), "", ("U",)),
    "mark_pass": (QT_TRANSLATE_NOOP("WorkspaceActions", "Pass (符合)"),
                  QT_TRANSLATE_NOOP("WorkspaceActions", "The item is met; moves on to the next item"), ("P", "1")),
    "deduct": (QT_TRANSLATE_NOOP("WorkspaceActions", "Deduct…"),
               QT_TRANSLATE_NOOP("WorkspaceActions", "Deduct points by the item's rule, with the reason and the "
                                 "page on screen"), ("D", "2")),
    "mark_na": (QT_TRANSLATE_NOOP("WorkspaceActions", "Not applicable (不适用)"),
                QT_TRANSLATE_NOOP("WorkspaceActions", "The item does not apply to this case"), ("N", "3")),
    "clear": (QT_TRANSLATE_NOOP("WorkspaceActions", "Clear the result"),
              QT_TRANSLATE_NOOP("WorkspaceActions", "Back to not reviewed"), ("Delete",)),
    "edit_note": (QT_TRANSLATE_NOOP("WorkspaceActions", "Edit the note…"), "", ("E",)),
    "goto_cited": (QT_TRANSLATE_NOOP("WorkspaceActions", "Go to the cited page"),
                   QT_TRANSLATE_NOOP("WorkspaceActions", "Jump to the item's cited pages and recording times in "
                                     "turn"), ("G",)),
    "goto_document": (QT_TRANSLATE_NOOP("WorkspaceActions", "Go to the item's documents"),
                      QT_TRANSLATE_NOOP("WorkspaceActions", "Jump to the documents the item concerns, in turn"),
                      ("O",)),
    "mark_remaining": (QT_TRANSLATE_NOOP("WorkspaceActions", "Mark all remaining as pass…"), "",
                       ("Ctrl+Shift+P",)),
    "submit": (QT_TRANSLATE_NOOP("WorkspaceActions", "Submit the review…"),
               QT_TRANSLATE_NOOP("WorkspaceActions", "Lock the review; a legal officer can reopen it"),
               ("Ctrl+Return", "Ctrl+Enter")),
    "reopen": (QT_TRANSLATE_NOOP("WorkspaceActions", "Reopen the review…"),
               QT_TRANSLATE_NOOP("WorkspaceActions", "Legal officers: unlock a submitted review, with a reason"),
               ("Ctrl+Shift+R",)),
    "history": (QT_TRANSLATE_NOOP("WorkspaceActions", "Review history…"),
                QT_TRANSLATE_NOOP("WorkspaceActions", "Every change: who, when, before and after, why"),
                ("Ctrl+H",)),
    "case_info": (QT_TRANSLATE_NOOP("WorkspaceActions", "Case facts…"),
                  QT_TRANSLATE_NOOP("WorkspaceActions", "What the import read (文号, dates, fine …) with pages; "
                                    "where the register disagrees with the file"), ("I",)),
    "next_page": (QT_TRANSLATE_NOOP("WorkspaceActions", "Next page"), "", ("PgDown",)),
    "previous_page": (QT_TRANSLATE_NOOP("WorkspaceActions", "Previous page"), "", ("PgUp",)),
    "search": (QT_TRANSLATE_NOOP("WorkspaceActions", "Search the file"), "", ("Ctrl+F",)),
    "zoom_in": (QT_TRANSLATE_NOOP("WorkspaceActions", "Zoom in"), "", ("Ctrl+=", "Ctrl++")),
    "zoom_out": (QT_TRANSLATE_NOOP("WorkspaceActions", "Zoom out"), "", ("Ctrl+-",)),
    "fit_width": (QT_TRANSLATE_NOOP("WorkspaceActions", "Fit width"), "", ("Ctrl+0",)),
    "play_pause": (QT_TRANSLATE_NOOP("WorkspaceActions", "Play / pause the recording"), "", ("Space",)),
    "mark_time": (QT_TRANSLATE_NOOP("WorkspaceActions", "Cite the recording's current time"),
                  QT_TRANSLATE_NOOP("WorkspaceActions", "Add the player's position to the current item's finding"),
                  ("Ctrl+T",)),
    "focus_checklist": (QT_TRANSLATE_NOOP("WorkspaceActions", "Back to the checklist"), "", ("Esc",)),
    "focus_index": (QT_TRANSLATE_NOOP("WorkspaceActions", "Go to the document index"),
                    QT_TRANSLATE_NOOP("WorkspaceActions", "Keyboard to the index (Menu key: fix it)"), ("Ctrl+1",)),
    "focus_pdf": (QT_TRANSLATE_NOOP("WorkspaceActions", "Go to the case file"), "", ("Ctrl+2",)),
    "focus_recordings": (QT_TRANSLATE_NOOP("WorkspaceActions", "Go to the recordings"), "", ("Ctrl+3",)),
    "close": (QT_TRANSLATE_NOOP("WorkspaceActions", "Back to the case list"), "", ("Alt+Left", "Ctrl+W")),
}

# actions that change the review (disabled when it is read-only)
EDITING = ("mark_pass", "deduct", "mark_na", "clear", "edit_note", "mark_remaining", "submit", "mark_time")

MENU_GROUPS = (
    ("mark_pass", "deduct", "mark_na", "clear", "edit_note"),
    ("next_item", "previous_item", "next_unreviewed", "goto_cited", "goto_document"),
    ("mark_remaining", "submit", "reopen", "history", "case_info"),
    ("next_page", "previous_page", "search", "zoom_in", "zoom_out", "fit_width"),
    ("play_pause", "mark_time"),
    ("focus_checklist", "focus_index", "focus_pdf", "focus_recordings", "close"),
)


def shortcut_text(keys: tuple[str, ...]) -> str:
    return " / ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in keys)


@dataclass
class WorkspaceActions:
    actions: dict[str, QAction]

    def __getitem__(self, name: str) -> QAction:
        return self.actions[name]

    def set_editable(self, editable: bool) -> None:
        for name in EDITING:
            self.actions[name].setEnabled(editable)


def create_actions(owner: QWidget, parent: QObject | None = None) -> WorkspaceActions:
    """Create every action, add it to `owner` (shortcut scope), with the shortcuts in its tooltip."""
    out: dict[str, QAction] = {}
    for name, (text, tip, keys) in SPEC.items():
        a = QAction(QCoreApplication.translate(CTX, text), parent or owner)
        a.setObjectName(name)
        if keys:
            a.setShortcuts([QKeySequence(k) for k in keys])
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        tooltip = QCoreApplication.translate(CTX, tip) if tip else a.text().rstrip("…")
        if keys:
            tooltip += f" ({shortcut_text(keys)})"
        a.setToolTip(tooltip)
        a.setStatusTip(tooltip)
        owner.addAction(a)
        out[name] = a
    return WorkspaceActions(out)

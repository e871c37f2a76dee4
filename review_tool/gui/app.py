"""The application: QApplication, fonts, translators, and `main()`.

`main(db=None, user=None)` is what `review-tool` (no arguments) and `review-tool gui`
run. The window opens at once; the database opens on the DB worker (it may need a
migration), then "who am I" is asked if no user was given.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from review_tool import __version__, i18n
from review_tool.gui.settings import GuiSettings
from review_tool.gui.signals import AppSignals
from review_tool.gui.tasks import TaskRunner
from review_tool.paths import resources_dir

log = logging.getLogger(__name__)

# Preferred UI fonts, first found wins, the rest are fallbacks for missing glyphs: so Chinese never
# shows as boxes whether the machine has YaHei (Windows), Noto/WenQuanYi (Linux) or only SimSun.
CJK_FAMILIES = ["Microsoft YaHei", "Microsoft YaHei UI", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC",
                "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "SimSun", "Noto Serif CJK SC"]

APP_NAME = "review-tool"


def translations_dir() -> str:
    return str(resources_dir() / "translations")


def ui_font(size: int = 0) -> QFont:
    """The application font: the first available CJK-capable family, the others as fallbacks."""
    available = set(QFontDatabase.families())
    families = [f for f in CJK_FAMILIES if f in available] or CJK_FAMILIES
    font = QFont()
    font.setFamilies(families)
    if size > 0:
        font.setPointSize(size)
    return font


class Translators(QObject):
    """Our catalogue plus Qt's own (stock dialogs, QMessageBox buttons), swapped together."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = "zh_CN"

    def install(self, language: str) -> bool:
        """Switch to `language` (zh_CN | en). Returns False if our catalogue could not be loaded."""
        for t in self._installed:
            self._app.removeTranslator(t)
        self._installed.clear()
        self.language = "en" if language.lower().startswith("en") else "zh_CN"
        i18n.set_language(self.language)
        ok = True
        if self.language == "zh_CN":
            QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            for name, folder in (("qtbase_zh_CN", qt_dir), ("qtmultimedia_zh_CN", qt_dir),
                                 ("review_tool_zh_CN", translations_dir())):
                t = QTranslator(self)
                if t.load(name, folder):
                    self._app.installTranslator(t)
                    self._installed.append(t)
                elif name.startswith("review_tool"):
                    log.warning("translation %s not found in %s", name, folder)
                    ok = False
        else:
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        # the core's translate() goes through Qt's catalogue while the GUI runs (thread-safe)
        i18n.set_backend(_qt_translate if self.language == "zh_CN" else _untranslated)
        return ok


def _qt_translate(context: str, text: str) -> str:
    return QApplication.translate(context, text)


def _untranslated(context: str, text: str) -> str:
    return text


def create_application(argv: Sequence[str] | None = None, *, settings: GuiSettings | None = None) -> QApplication:
    """The QApplication with our font and translators (reuses an existing instance, e.g. under pytest-qt)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("执法案卷评查")
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    settings = settings or GuiSettings.load()
    app.setFont(ui_font(settings.ui_font_size))
    translators = app.findChild(Translators)
    if translators is None:
        translators = Translators(app)
    translators.install(settings.language)
    return app


def translators_of(app: QApplication) -> Translators:
    t = app.findChild(Translators)
    if t is None:
        t = Translators(app)
    return t


class Application(QObject):
    """Owns the runner, the signals and the main window; rebuilds the window when the language changes."""

    def __init__(self, app: QApplication, settings: GuiSettings) -> None:
        super().__init__(app)
        self.app = app
        self.settings = settings
        self.signals = AppSignals(self)
        self.runner = TaskRunner(parent=self)
        self.window = self._new_window()

    def _new_window(self):
        from review_tool.gui.widgets.main_window import MainWindow

        w = MainWindow(runner=self.runner, signals=self.signals, settings=self.settings)
        w.language_change_requested.connect(self.change_language)
        return w

    def change_language(self, language: str) -> None:
        """Install the new catalogue and rebuild the window (every label re-created in the new language)."""
        old = self.window
        state = old.snapshot()
        old.save_settings()
        self.settings.language = language
        self.settings.save()
        translators_of(self.app).install(language)
        old.hide()
        old.detach()
        old.deleteLater()
        self.window = self._new_window()
        self.window.show()
        self.window.restore_snapshot(state)

    def shutdown(self) -> None:
        self.runner.shutdown()


def main(db: str | None = None, user: str | None = None, argv: Sequence[str] | None = None) -> int:
    """Run the application. Returns the exit code."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    settings = GuiSettings.load()
    app = create_application(argv, settings=settings)
    controller = Application(app, settings)
    window = controller.window
    window.show()
    target = db or (settings.recent_databases[0] if settings.recent_databases else None)
    window.open_database(target, user=user)
    try:
        return app.exec()
    finally:
        controller.shutdown()


if __name__ == "__main__":
    raise SystemExit(main())

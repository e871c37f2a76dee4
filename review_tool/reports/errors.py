"""The one error type of the reports package, and its message helper."""

from __future__ import annotations

from review_tool.domain.errors import ReviewToolError
from review_tool.i18n import language, translate


class ReportError(ReviewToolError):
    """A report could not be made; the message says why and names the round, case or path."""


def tr(source: str, chinese: str) -> str:
    """A user message: the catalogue's translation of `source`, else our own Chinese.

    Call as ``tr(QT_TRANSLATE_NOOP("reports", "English {x}"), "中文 {x}")`` so lupdate
    extracts the English source. Until the catalogue has the message, Chinese users
    (the default) get `chinese` and English users get the source.
    """
    translated = translate("reports", source)
    if translated == source and language() == "zh_CN":
        return chinese
    return translated

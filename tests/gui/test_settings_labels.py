"""Per-user GUI settings, and the small formatting/parsing helpers the dialogs rely on."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from review_tool.gui import labels
from review_tool.gui.settings import MAX_RECENT, GuiSettings


def test_settings_round_trip_and_recent_databases(tmp_path: Path) -> None:
    path = tmp_path / "gui.json"
    s = GuiSettings()
    for i in range(MAX_RECENT + 3):
        s.add_recent(f"sqlite:///db{i}.sqlite")
    s.add_recent("sqlite:///db2.sqlite")
    s.language = "en"
    s.last_user["sqlite:///db2.sqlite"] = "王芳"
    s.save(path)
    loaded = GuiSettings.load(path)
    assert loaded.recent_databases[0] == "sqlite:///db2.sqlite" and len(loaded.recent_databases) == MAX_RECENT
    assert loaded.language == "en" and loaded.last_user == {"sqlite:///db2.sqlite": "王芳"}


@pytest.mark.parametrize("content", ["{not json", '{"language": "fr", "unknown": 1}', "[1, 2]"])
def test_unreadable_or_odd_settings_fall_back_to_defaults(tmp_path: Path, content: str) -> None:
    path = tmp_path / "gui.json"
    path.write_text(content, encoding="utf-8")
    s = GuiSettings.load(path)
    assert s.language == "zh_CN"


def test_settings_live_in_the_per_user_folder() -> None:
    import os

    assert str(GuiSettings.path()).startswith(os.environ["REVIEW_TOOL_HOME"])


@pytest.mark.parametrize(("text", "pages"), [
    ("3", [3]), ("3, 5-7", [3, 5, 6, 7]), ("５－７，９", [5, 6, 7, 9]), ("7、3；3", [3, 7]), ("", []),
    ("2～4", [2, 3, 4]),
])
def test_parse_pages(text: str, pages: list[int]) -> None:
    assert labels.parse_pages(text, last_page=20) == pages


@pytest.mark.parametrize("text", ["a", "5-", "7-5", "0", "21", "3,,x"])
def test_parse_pages_refuses_with_a_reason(text: str) -> None:
    with pytest.raises(ValueError) as info:
        labels.parse_pages(text, last_page=20)
    assert str(info.value)


@given(st.sets(st.integers(min_value=1, max_value=300), max_size=30))
def test_pages_text_round_trips(pages: set[int]) -> None:
    assert labels.parse_pages(labels.pages_text(sorted(pages)), last_page=300) == sorted(pages)


def test_points_and_times() -> None:
    assert labels.points(Decimal("2.00")) == "2" and labels.points(Decimal("0.50")) == "0.5"
    assert labels.points(Decimal("100")) == "100" and labels.points(None) == ""
    assert labels.ms_text(83_000) == "1:23" and labels.ms_text(3_723_000) == "1:02:03" and labels.ms_text(None) == "—"

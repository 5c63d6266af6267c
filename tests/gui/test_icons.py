"""Icons come from the shipped open set (its licence beside them), the style only as fallback."""

from __future__ import annotations

from PySide6.QtWidgets import QStyle

from camdesk.views.icons import FOLDER, icon
from camdesk.views.screens import SCREENS


def test_every_area_has_an_icon_of_the_set_and_the_licence_ships_with_it(qapp):
    assert (FOLDER / "LICENSE").read_text(encoding="utf-8").startswith("ISC License")
    for screen in SCREENS:
        assert (FOLDER / f"{screen.icon_name}.svg").exists()
        assert not icon(screen.icon_name, screen.icon).pixmap(24, 24).isNull()


def test_a_missing_icon_falls_back_to_the_style(qapp):
    fallback = icon("no-such-icon", QStyle.StandardPixmap.SP_TrashIcon)
    expected = qapp.style().standardIcon(QStyle.StandardPixmap.SP_TrashIcon)
    assert fallback.pixmap(16, 16).toImage() == expected.pixmap(16, 16).toImage()

"""Settings: language following the system or chosen, database choice, remembered values."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, QSettings

from camdesk.app import Controller
from camdesk.views import i18n
from camdesk.views.settings import Settings
from camdesk.views.settings_dialog import SettingsDialog


@pytest.mark.parametrize(
    ("system", "expected"),
    [
        (["zh-Hans-CN", "zh-CN"], "zh_CN"),
        (["zh-CN"], "zh_CN"),
        (["en-US"], "en"),
        (["de-DE"], "en"),
    ],
)
def test_follows_the_system_language(monkeypatch, system, expected):
    class FakeLocale:
        def uiLanguages(self):
            return system

    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: FakeLocale()))
    assert i18n.resolve_language("") == expected
    assert i18n.resolve_language("en") == "en"  # a chosen language wins


def test_settings_dialog_changes_language_and_remembers_it(qtbot, settings, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    controller = Controller(settings=settings)
    assert controller.open(str(tmp_path / "a.db"))
    qtbot.addWidget(controller.window)

    def choose_chinese(dialog: SettingsDialog) -> int:
        dialog.language_box.setCurrentIndex(dialog.language_box.findData("zh_CN"))
        return 1

    monkeypatch.setattr(SettingsDialog, "exec", choose_chinese)
    try:
        controller.show_settings()
        assert settings.language == "zh_CN"
        qtbot.waitUntil(lambda: controller.window.file_menu.title() == "文件(&F)", timeout=5000)
    finally:
        controller.set_language("en")
    controller.window.close()
    controller.shutdown()


def test_settings_dialog_opens_another_database(qtbot, settings, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    controller = Controller(settings=settings)
    assert controller.open(str(tmp_path / "a.db"))
    second = tmp_path / "b.db"

    def choose_database(dialog: SettingsDialog) -> int:
        dialog.database_edit.setText(str(second))
        return 1

    monkeypatch.setattr(SettingsDialog, "exec", choose_database)
    controller.show_settings()
    assert controller.db is not None and controller.db.display_name == str(second)
    assert settings.recent_databases[0] == str(second)
    assert str(second) in controller.window.db_label.text()
    controller.window.close()
    controller.shutdown()


def test_opening_a_file_that_is_not_a_database_keeps_the_current_one(
    qtbot, settings, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    controller = Controller(settings=settings)
    assert controller.open(str(tmp_path / "a.db"))
    window = controller.window
    bad = tmp_path / "customers.xlsx"
    bad.write_bytes(b"PK\x03\x04 spreadsheet")
    assert not controller.open(str(bad), create=False)
    assert controller.window is window
    assert "not a camdesk database" in shown[0]
    window.close()
    controller.shutdown()


def test_an_older_database_is_upgraded_in_the_background(qtbot, settings, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from camdesk.migrations import HEAD
    from camdesk.services.lists.page import count_customers
    from tests.factories import make_old_database

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    path = tmp_path / "old.db"
    make_old_database(path)

    controller = Controller(settings=settings)
    assert controller.open(str(path), create=False)
    assert controller.opening is not None  # working in the background, window responsive
    qtbot.waitUntil(lambda: controller.window is not None, timeout=20000)
    qtbot.addWidget(controller.window)
    assert controller.opening is None
    assert count_customers(controller.db) == 1
    with controller.db.read() as session:
        from sqlalchemy import text

        assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD
    assert list(tmp_path.glob("old.before-*.db"))
    controller.window.close()
    controller.shutdown()


def test_settings_keep_the_open_file_shared_and_back(qtbot, controller, monkeypatch):
    import sqlite3

    path = controller.db.display_name

    def journal() -> str:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return str(conn.execute("PRAGMA journal_mode").fetchone()[0])
        finally:
            conn.close()

    for wanted, mode, label in ((True, "delete", "Shared file"), (False, "wal", "Local file")):

        def tick(dialog: SettingsDialog, wanted: bool = wanted) -> int:
            assert dialog.shared_box.isVisible() or dialog.isHidden()
            assert dialog.shared_box.isChecked() is not wanted
            dialog.shared_box.setChecked(wanted)
            return 1

        monkeypatch.setattr(SettingsDialog, "exec", tick)
        controller.show_settings()
        qtbot.waitUntil(lambda mode=mode: journal() == mode, timeout=10000)
        qtbot.waitUntil(lambda label=label: controller.window.db_label.text().startswith(label),
                        timeout=10000)  # fmt: skip


def test_settings_are_declared_once_typed_and_survive_a_hand_edited_file(settings):
    assert settings.language == "" and settings.recent_databases == []
    for target in ("a.db", "b.db", "a.db"):
        settings.remember_database(target)
    assert settings.recent_databases == ["a.db", "b.db"] and settings.last_database == "a.db"
    settings.store.setValue(Settings.recent_databases.key, "only.db")  # one value, by hand
    assert settings.recent_databases == ["only.db"]
    settings.language = "zh_CN"
    settings.sync()
    again = Settings(QSettings(settings.store.fileName(), QSettings.Format.IniFormat))
    assert again.language == "zh_CN" and again.recent_databases == ["only.db"]

"""Translations stay complete and compiled as the code changes."""

from __future__ import annotations

import importlib.util
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from camdesk.errors import NotCamdeskDatabase
from camdesk.views import i18n
from camdesk.views.criteria_text import amount_text

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
assert spec and spec.loader
tool = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tool)


@pytest.fixture(scope="module")
def fresh_ts(tmp_path_factory) -> Path:
    """The .ts files as lupdate makes them from today's code (starting from the committed ones)."""
    folder = tmp_path_factory.mktemp("ts")
    for path in (ROOT / "resources" / "translations").glob("*.ts"):
        shutil.copy(path, folder / path.name)
    tool.update(folder)
    return folder


@pytest.mark.parametrize("code", ["zh_CN", "en"])
def test_every_string_is_translated(fresh_ts, code):
    tree = ET.parse(fresh_ts / f"camdesk_{code}.ts")
    unfinished = [
        m.findtext("source")
        for m in tree.iter("message")
        if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
    ]
    assert unfinished == [], "run `python tools/i18n.py update` and translate these"


@pytest.mark.parametrize("code", ["zh_CN", "en"])
def test_ts_sources_are_up_to_date(fresh_ts, code):
    committed = (ROOT / "resources" / "translations" / f"camdesk_{code}.ts").read_text("utf-8")
    assert (fresh_ts / f"camdesk_{code}.ts").read_text("utf-8") == committed


def test_compiled_files_match_sources(tmp_path):
    tool.release(ROOT / "resources" / "translations", tmp_path)
    for built in tmp_path.glob("*.qm"):
        shipped = ROOT / "camdesk" / "resources" / "translations" / built.name
        assert shipped.read_bytes() == built.read_bytes(), "run `python tools/i18n.py release`"


def test_chinese_and_english_plurals(qapp):
    try:
        i18n.install("zh_CN")
        assert QCoreApplication.translate("CustomerFields", "Birthday") == "生日"
        error = NotCamdeskDatabase(path="x.xlsx")
        assert (
            i18n.error_text(error)
            == "x.xlsx 不是 camdesk 数据库。请选择一个 camdesk 数据库文件，或新建一个。"
        )
        i18n.install("en")
        assert (
            QCoreApplication.translate("CustomersPage", "Deleted %n customer file(s).", "", 1)
            == "Deleted 1 customer file."
        )
        assert (
            QCoreApplication.translate("CustomersPage", "Deleted %n customer file(s).", "", 3)
            == "Deleted 3 customer files."
        )
        # Counted words outside widgets: criteria in words, the export message.
        assert amount_text("recency", 1) == "1 day" and amount_text("age", 30) == "30 years"
        assert i18n.Counted().customers_written(2, "a.xlsx") == "2 customers written to a.xlsx."
        i18n.install("zh_CN")
        assert amount_text("recency", 7) == "7 天" and amount_text("age", 30) == "30 岁"
    finally:
        i18n.install("en")


def test_qt_dialogs_are_translated_too(qapp):
    try:
        i18n.install("zh_CN")
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        i18n.install("en")


def test_the_file_dialog_reads_chinese(qapp, tmp_path):
    import re

    from PySide6.QtWidgets import QLabel

    from camdesk.views.files import make_dialog

    (tmp_path / "客户.xlsx").write_bytes(b"")
    (tmp_path / "folder").mkdir()
    try:
        i18n.install("zh_CN")
        dialog = make_dialog(None, "导入", tmp_path, "电子表格 (*.xlsx)")
        labels = [w.text() for w in dialog.findChildren(QLabel) if w.text()]
        assert labels and all(re.search(r"[\u4e00-\u9fff]", t) for t in labels), labels
        icons = dialog.iconProvider()
        from PySide6.QtCore import QFileInfo

        assert icons.type(QFileInfo(str(tmp_path / "folder"))) == "文件夹"
        assert icons.type(QFileInfo(str(tmp_path / "客户.xlsx"))) == "XLSX 文件"
    finally:
        i18n.install("en")


def test_words_inside_a_message_are_in_the_ui_language_too(qapp):
    """A status named inside an error reads as the rest of the message does."""
    from camdesk.errors import FeedbackStepRefused
    from camdesk.models import FeedbackStatus as S
    from camdesk.services.feedback.workflow import term

    refused = FeedbackStepRefused(number=3, current=term(S.NEW), wanted=term(S.CLOSED),
                                  allowed=(term(S.ASSIGNED), term(S.IN_PROGRESS)))  # fmt: skip
    assert i18n.error_text(refused) == refused.text() == (
        "FB-3 is “new”: it cannot go to “closed” from there. Next it can be: assigned, in progress."
    )  # fmt: skip
    try:
        i18n.install("zh_CN")
        assert i18n.error_text(refused) == (
            "FB-3 当前为“新建”，不能从这里改为“已关闭”。下一步可以是：已分派、处理中。"
        )  # fmt: skip
    finally:
        i18n.install("en")

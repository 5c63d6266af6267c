"""Translations: camdesk's own (Qt Linguist .qm in the package) and Qt's for its dialogs."""

from __future__ import annotations

import logging
from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from camdesk.errors import CamdeskError, FieldProblem

log = logging.getLogger(__name__)

# Languages offered in settings besides "follow the system": code -> name in that language.
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}

_installed: list[QTranslator] = []
_buffers: list[bytes] = []  # QTranslator.load(data) reads from these; keep them alive


def resolve_language(setting: str) -> str:
    """The language to use: the setting, or the system's if camdesk has it, else English."""
    if setting in LANGUAGES:
        return setting
    for name in QLocale.system().uiLanguages():
        code = name.replace("-", "_")
        if code.startswith("zh") and ("Hans" in code or code in ("zh", "zh_CN", "zh_SG")):
            return "zh_CN"
        if code.startswith("en"):
            return "en"
    return "en"


def install(language: str) -> str:
    """Load translators for ``language`` (a setting value); returns the language applied."""
    app = QCoreApplication.instance()
    assert app is not None
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _buffers.clear()
    code = resolve_language(language)
    QLocale.setDefault(QLocale(code))
    if code != "en":
        qt = QTranslator(app)
        if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _installed.append(qt)
    # English too: its file holds the plural forms ("1 order", "2 orders").
    own = QTranslator(app)
    data = resources.files("camdesk.resources.translations").joinpath(f"camdesk_{code}.qm")
    try:
        _buffers.append(data.read_bytes())
    except OSError:
        _buffers.append(b"")
    if _buffers[-1] and own.load(_buffers[-1]):
        _installed.append(own)
    else:
        log.warning("no camdesk translation for %s", code)
    for translator in _installed:
        app.installTranslator(translator)
    return code


def error_text(exc: CamdeskError) -> str:
    """A user error's message in the UI language (its :class:`Term` values too)."""
    text = QCoreApplication.translate("errors", exc.message)
    if not exc.params:
        return text
    return text.format(**{k: term_text(v) for k, v in exc.params.items()})


def term_text(value: object) -> object:
    """A :class:`~camdesk.errors.Term` in the UI language; any other value as it is."""
    from camdesk.errors import LIST_SEPARATOR, Term

    if isinstance(value, tuple):
        separator = QCoreApplication.translate("errors", LIST_SEPARATOR)
        return separator.join(str(term_text(v)) for v in value)
    if isinstance(value, Term):
        return QCoreApplication.translate(value.context, str(value))
    return value


def problem_text(problem: FieldProblem) -> str:
    text = QCoreApplication.translate("errors", problem.message)
    return text.format(**problem.params) if problem.params else text


class Counted(QObject):
    """Counted words for code outside a widget.

    Plural forms ("1 day", "2 days") need ``self.tr(text, "", n)``: pyside6-lupdate
    does not mark ``QCoreApplication.translate(context, text, "", n)`` as plural,
    so English would read "2 day(s)".
    """

    def days(self, n: int) -> str:
        return self.tr("%n day(s)", "", n)

    def years(self, n: int) -> str:
        return self.tr("%n year(s)", "", n)

    def customers_written(self, n: int, where: str) -> str:
        return self.tr("%n customer(s) written to %1.", "", n).replace("%1", where)

    def contacts_written(self, n: int, where: str) -> str:
        return self.tr("The companies' %n contact(s) are on the sheet “%1”.", "", n).replace(
            "%1", where
        )

    def contacts_file(self, n: int, where: str) -> str:
        return self.tr("The companies' %n contact(s) are in %1.", "", n).replace("%1", where)

    def unsaved_files(self, n: int, names: str) -> str:
        return self.tr(
            "%n customer file(s) have unsaved changes: %1. Discard them?", "", n
        ).replace("%1", names)

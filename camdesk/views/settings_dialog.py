"""Settings: UI language and the database to use."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from camdesk.services.core.context import data_dir
from camdesk.views.combo import choose
from camdesk.views.files import ask_open_file
from camdesk.views.i18n import LANGUAGES
from camdesk.views.settings import Settings


class SettingsDialog(QDialog):
    """Preferences a user changes now and then.

    Attributes:
        language: "" (follow the system) or a language code.
        database: the database path or URL ("" for the default file).
        shared: whether the open database file is kept in shared mode (None: not a file,
            or one that cannot be changed now).
    """

    def __init__(self, *, language: str, database: str, settings: Settings | None = None,
                 shared: bool | None = None, parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._settings = settings
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.language_box = QComboBox(self)
        self.language_box.setObjectName("languageBox")
        self.language_box.addItem(self.tr("System default"), "")
        for code, name in LANGUAGES.items():
            self.language_box.addItem(name, code)
        choose(self.language_box, language)
        self.database_edit = QLineEdit(database, self)
        self.database_edit.setObjectName("databaseEdit")
        self.database_edit.setPlaceholderText(self.tr("Default: camdesk.db in your data folder"))
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._on_browse_clicked)
        row = QHBoxLayout()
        row.addWidget(self.database_edit, 1)
        row.addWidget(browse)
        hint = QLabel(
            self.tr(
                "A file path, or a PostgreSQL URL such as postgresql+psycopg://user@server/camdesk. On a file shared over the network, user permissions are a convenience, not security."
            ),
            self,
        )
        hint.setWordWrap(True)
        self.shared_box = QCheckBox(
            self.tr("The open database file is used by several PCs over the network"), self
        )
        self.shared_box.setObjectName("sharedBox")
        self.shared_box.setToolTip(self.tr("Keeps the file in shared mode (a rollback journal instead of WAL, which does not work over a network) whoever opens it, this PC included. Switching needs the other PCs to close it first."))  # fmt: skip
        self.shared_box.setChecked(bool(shared))
        self.shared_box.setVisible(shared is not None)
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language_box)
        form.addRow(self.tr("Database"), row)
        form.addRow("", hint)
        form.addRow("", self.shared_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, 200)

    @property
    def language(self) -> str:
        return str(self.language_box.currentData())

    @property
    def shared(self) -> bool:
        return self.shared_box.isChecked()

    @property
    def database(self) -> str:
        return self.database_edit.text().strip()

    def _on_browse_clicked(self) -> None:
        current = Path(self.database) if self.database and "://" not in self.database else None
        path = ask_open_file(self, self.tr("Choose a camdesk database"),
                             self.tr("camdesk databases (*.db);;All files (*)"),
                             settings=self._settings, kind="database",
                             fallback=current.parent if current else data_dir())  # fmt: skip
        if path:
            self.database_edit.setText(str(path))

"""Translation marks usable below the GUI.

Services and models never import Qt, yet their user-facing texts (error
messages, field labels, enum names) must reach Qt Linguist.  ``lupdate`` finds
calls by name, so this module defines a Qt-free ``QT_TRANSLATE_NOOP`` that
returns its text unchanged; the GUI translates the text later with
``QCoreApplication.translate(context, text)``.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` and return it unchanged."""
    del context
    return text

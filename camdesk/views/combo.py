"""Choosing a combo box item by its data, compared in Python.

``QComboBox.findData`` compares the stored QVariant in C++: for Python objects such as
``uuid.UUID`` an equal but different object is not found (PySide6 6.11), so a customer's
owner read in one query was never found among the users read in another and the form
showed "(nobody)" (and saved it). Every view chooses items by data through here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox


def index_of(box: QComboBox, value: Any) -> int:
    """The first item whose data equals ``value`` (Python ``==``), or -1."""
    for index in range(box.count()):
        if box.itemData(index) == value:
            return index
    return -1


def choose(box: QComboBox, value: Any) -> bool:
    """Make the item holding ``value`` current, else the first item; True if found."""
    index = index_of(box, value)
    box.setCurrentIndex(max(index, 0))
    return index >= 0

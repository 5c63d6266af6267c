"""Opening one of the window's screens as a user does, waiting for what it first shows."""

from __future__ import annotations


def open_screen(qtbot, controller, key: str):
    """The window shown, the screen ``key`` chosen in the navigation, once it has loaded."""
    window = controller.window
    window.show()
    page = window.pages[key]
    with qtbot.waitSignal(page.loaded, timeout=10000):
        window.nav.setCurrentRow(window.stack.indexOf(page))
    return page

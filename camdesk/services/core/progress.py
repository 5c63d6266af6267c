"""Long jobs report progress and stop when cancelled: one helper for every service."""

from __future__ import annotations

from collections.abc import Callable

from camdesk.errors import Cancelled

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


def step(progress: Progress | None, cancelled: IsCancelled | None, done: int, total: int) -> None:
    """Raise Cancelled if the user cancelled; else report ``done`` of ``total``."""
    if cancelled is not None and cancelled():
        raise Cancelled()
    if progress is not None:
        progress(done, total)

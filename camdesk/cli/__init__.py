"""Headless commands over the same services as the GUI (`camdesk COMMAND`).

``main`` builds the parser; ``common`` holds what every command shares; one module per
group of commands: ``data`` (import, export, dedupe), ``value`` (analyze), ``file``
(check, share, recover).
"""

from camdesk.cli.main import main

__all__ = ["main"]

#!/usr/bin/env python3
"""Developer bootstrap for camdesk, standard library only.

    python3 dev.py run [ARGS...]   set up .venv if needed, then start the app
    python3 dev.py test [ARGS...]  set up .venv if needed, then lint, type-check,
                                   check the layers and run the whole test suite
    python3 dev.py cli ARGS...     set up .venv if needed, then run `camdesk ARGS`

The virtual environment is (re)installed whenever pyproject.toml changes, so a
fresh clone needs nothing but Python 3.11+.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".camdesk-installed"


def _venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def _wanted_stamp() -> str:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    return f"{sys.version_info[:2]} {digest}"


def ensure_venv() -> Path:
    """Create .venv and install camdesk with its dev extras when needed."""
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py may be run by any python3
        sys.exit("camdesk needs Python 3.11 or newer")
    python = _venv_python()
    if not python.exists():
        print("dev.py: creating .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    if not STAMP.exists() or STAMP.read_text() != _wanted_stamp():
        print("dev.py: installing camdesk and its dependencies into .venv ...", flush=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[dev]"],
            check=True,
        )
        STAMP.write_text(_wanted_stamp())
    return python


def _run(cmd: list[str]) -> int:
    print("$", " ".join(cmd), flush=True)
    return subprocess.run(cmd, cwd=ROOT).returncode


def cmd_test(python: Path, args: list[str]) -> int:
    bindir = python.parent
    steps = [
        [str(bindir / "ruff"), "check", "camdesk", "tests", "benchmarks", "tools", "dev.py"],
        [
            str(bindir / "ruff"),
            "format",
            "--check",
            "camdesk",
            "tests",
            "benchmarks",
            "tools",
            "dev.py",
        ],
        [str(bindir / "lint-imports")],
        [str(python), "-m", "mypy"],
        [str(python), "-m", "pytest", *args],
    ]
    for step in steps:
        code = _run(step)
        if code != 0:
            return code
    return 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "test", "cli"}:
        print(__doc__)
        return 2
    python = ensure_venv()
    command, rest = argv[0], argv[1:]
    if command == "test":
        return cmd_test(python, rest)
    if command == "cli":
        return _run([str(python), "-m", "camdesk", *rest])
    return _run([str(python), "-m", "camdesk", *rest])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Helpers for tests with several real processes on one database."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import postgresql_schema

ROOT = Path(__file__).resolve().parents[2]


def start_python(code: str, *args: str) -> subprocess.Popen[str]:
    """Another camdesk process running ``code`` (``sys.argv[1:]`` are ``args``)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip


def start_cli(*args: str) -> subprocess.Popen[str]:
    """``camdesk ARGS`` in a process of its own."""
    return start_python("import sys; from camdesk.__main__ import main; sys.exit(main())", *args)


def finish(process: subprocess.Popen[str], timeout: float = 120) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out, err


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A new camdesk database that other processes can open: a file, or a PostgreSQL
    schema of its own (as a URL)."""
    if request.param == "sqlite":
        path = tmp_path / "shared.db"
        assert finish(start_cli("init", "--db", str(path)))[0] == 0
        yield str(path)
        return
    with postgresql_schema() as url:
        rendered = url.render_as_string(hide_password=False)
        assert finish(start_cli("init", "--db", rendered))[0] == 0
        yield rendered

"""Faults of a database file, as a tester makes them: each refusal names its real cause,
says what to do, and leaves the file's bytes as they were (SQLite's "How To Corrupt")."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.integration.conftest import ROOT, finish, start_cli, start_python

NOT_OURS = "is not a camdesk database"


@pytest.fixture(scope="module")
def sound(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A camdesk file with a few hundred demo customers, closed cleanly."""
    path = tmp_path_factory.mktemp("sound") / "shop.db"
    assert finish(start_cli("demo", "--db", str(path), "--customers", "300", "--orders",
                            "600"))[0] == 0  # fmt: skip
    return path


def _copy(sound: Path, tmp_path: Path, name: str = "shop.db") -> Path:
    target = tmp_path / name
    shutil.copy(sound, target)
    return target


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _cli(*args: str, prefix: tuple[str, ...] = ()) -> tuple[int, str, str]:
    if not prefix:
        return finish(start_cli(*args))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    code = "import sys; from camdesk.__main__ import main; sys.exit(main())"
    done = subprocess.run([*prefix, sys.executable, "-c", code, *args], cwd=ROOT, env=env,
                          text=True, capture_output=True, timeout=120)  # fmt: skip
    return done.returncode, done.stdout, done.stderr


def _without_override() -> tuple[str, ...]:
    """A prefix that runs a command without the power to override file permissions (root
    in CI has it); skips where that cannot be done."""
    if os.geteuid() != 0:
        return ()
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: read-only files cannot be tried")
    return ("setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner")


def test_a_truncated_file_is_called_damaged_not_foreign(sound, tmp_path):
    path = _copy(sound, tmp_path)
    with open(path, "r+b") as handle:
        handle.truncate(200_000)
    before = _hash(path)
    code, _out, err = _cli("info", "--db", str(path))
    assert code == 1 and "is a camdesk database, but it is damaged" in err
    assert NOT_OURS not in err and "Traceback" not in err
    assert _hash(path) == before


def test_garbage_in_the_middle_opens_read_only_and_refuses_an_import(sound, tmp_path):
    path = _copy(sound, tmp_path)
    with open(path, "r+b") as handle:
        handle.seek(path.stat().st_size // 2)
        handle.write(os.urandom(4096))
    before = _hash(path)
    code, out, err = _cli("info", "--db", str(path))
    assert code == 0 and "customers:" in out  # what can be read is shown
    assert "is damaged, so camdesk opened it read-only" in err
    sheet = tmp_path / "in.csv"
    sheet.write_text("姓名,手机\n张三,13812345678\n", encoding="utf-8")
    code, _out, err = _cli("import", "--db", str(path), str(sheet))
    assert code == 1 and err.count("is damaged, so camdesk opened it read-only") == 1
    assert _hash(path) == before


def test_opening_and_reading_leave_the_file_as_it_was(sound, tmp_path):
    path = _copy(sound, tmp_path)
    with sqlite3.connect(path) as conn:  # a shared file: rollback journal
        conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    before = _hash(path)
    for args in (("info",), ("find", "张"), ("export", str(tmp_path / "out.xlsx"))):
        code, _out, err = _cli(args[0], "--db", str(path), *args[1:])
        assert code == 0, err
        assert _hash(path) == before, args
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_an_interrupted_save_is_finished_and_said(sound, tmp_path):
    path = _copy(sound, tmp_path)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    crash = ("import os, sqlite3, sys\n"
             "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
             "c.execute('PRAGMA cache_size=1'); c.execute('BEGIN')\n"
             "c.execute('UPDATE customer SET notes = hex(randomblob(300))')\n"
             "os._exit(0)\n")  # fmt: skip
    assert finish(start_python(crash, str(path)))[0] == 0
    journal = path.with_name(path.name + "-journal")
    assert journal.exists() and journal.stat().st_size > 0
    copy = _copy(path, tmp_path, "copy.db")  # the same crash, for the read-only case
    shutil.copy(journal, copy.with_name("copy.db-journal"))
    code, _out, err = _cli("find", "--db", str(path), "--json", "张")
    assert code == 0 and "put the database back as it was before that save" in err
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM customer WHERE notes IS NOT NULL").fetchone() == (
            0,
        )  # the interrupted save is undone
    conn.close()
    prefix = _without_override()
    copy.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        before = _hash(copy)
        code, _out, err = _cli("info", "--db", str(copy), prefix=prefix)
    finally:
        tmp_path.chmod(0o755)
    assert code == 1 and "was interrupted" in err and "needs write access" in err
    assert NOT_OURS not in err and _hash(copy) == before


@pytest.mark.parametrize("where", ["file", "folder"])
def test_a_read_only_database_is_read_and_refuses_writes(sound, tmp_path, where):
    prefix = _without_override()
    folder = tmp_path / "ro"
    folder.mkdir()
    path = _copy(sound, folder)
    before = _hash(path)
    path.chmod(0o444) if where == "file" else folder.chmod(0o555)
    try:
        code, out, err = _cli("find", "--db", str(path), "--json", "张", prefix=prefix)
        assert code == 0 and out.strip() and f"{where} is read-only for you" in err
        exported = tmp_path / "out.csv"
        code, _out, err = _cli("export", "--db", str(path), str(exported), prefix=prefix)
        assert code == 0 and exported.stat().st_size > 1000, err
        sheet = tmp_path / "in.csv"
        sheet.write_text("姓名,手机\n张三,13812345678\n", encoding="utf-8")
        code, _out, err = _cli("import", "--db", str(path), str(sheet), prefix=prefix)
        assert code == 1 and "can only be read" in err and "Traceback" not in err
    finally:
        folder.chmod(0o755)
        path.chmod(0o644)
    assert _hash(path) == before


def test_a_database_another_program_keeps_locked_is_called_busy(sound, tmp_path):
    path = _copy(sound, tmp_path)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    holder = start_python(
        "import sqlite3, sys, time\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('BEGIN EXCLUSIVE'); print('held', flush=True)\n"
        "time.sleep(120)\n",
        str(path),
    )  # another program, holding on
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    try:
        code, _out, err = _cli("info", "--db", str(path))
    finally:
        holder.kill()
        holder.communicate()
    assert code == 1 and "is busy: another program has held it locked" in err
    assert NOT_OURS not in err

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
        code, out, err = _cli("check", "--db", str(path), prefix=prefix)
        assert code == 0 and "sound (every page checked)" in out, out + err  # not "damaged"
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
        "import signal, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('BEGIN EXCLUSIVE'); print('held', flush=True)\n"
        "signal.pause()\n",
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


def test_a_workbook_with_one_cell_at_the_sheets_far_end_is_refused_not_obeyed(sound, tmp_path):
    """The reader would allocate the whole grid (549 GB) and abort the process."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active["A1"] = "姓名"
    book.active["XFD1048576"] = "x"
    book.save(tmp_path / "far.xlsx")
    path = _copy(sound, tmp_path)
    before = _hash(path)
    code, _out, err = _cli("import", "--db", str(path), "--dry-run", str(tmp_path / "far.xlsx"))
    assert code == 1 and "is larger than camdesk imports at once" in err, err
    assert "Traceback" not in err and _hash(path) == before


@pytest.fixture
def full_disk(tmp_path: Path):
    """A small tmpfs, mounted for the test (root may mount here; elsewhere: skipped)."""
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount)],
                          capture_output=True, text=True)  # fmt: skip
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs to fill: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def _fill(folder: Path) -> None:
    with open(folder / "filler", "wb") as out:
        try:
            while True:
                out.write(b"\0" * (1 << 16))
                out.flush()
        except OSError:
            pass


def test_a_full_disk_is_called_full_and_keeps_the_database_as_it_was(sound, tmp_path, full_disk):
    path = full_disk / "shop.db"
    shutil.copy(sound, path)
    sheet = tmp_path / "many.csv"
    sheet.write_text("姓名,手机\n" + "".join(f"新客户{n},139{n:08d}\n" for n in range(3000)),
                     encoding="utf-8")  # fmt: skip
    _fill(full_disk)
    before = _hash(path)
    code, _out, err = _cli("import", "--db", str(path), str(sheet))
    assert code == 1 and "is full" in err and "Traceback" not in err, err
    assert _hash(path) == before
    code, out, err = _cli("find", "--db", str(path), "--json", "张")  # reading still works
    assert code == 0 and out.strip(), err
    for name in ("out.xlsx", "out.csv"):
        code, _out, err = _cli("export", "--db", str(path), str(full_disk / name))
        assert code == 1 and "is full" in err and "Traceback" not in err, err
        assert "Exception ignored" not in err
    assert sorted(p.name for p in full_disk.iterdir() if p.name.startswith("out")) == []


def test_a_disk_that_fills_during_an_import_keeps_the_database_as_it_was(sound, tmp_path,
                                                                         full_disk):  # fmt: skip
    path = full_disk / "shop.db"
    shutil.copy(sound, path)
    sheet = tmp_path / "many.csv"
    sheet.write_text("姓名,手机,备注\n" + "".join(f"新客户{n},139{n:08d},{'备注' * 200}\n"
                                             for n in range(3000)), encoding="utf-8")  # fmt: skip
    _fill(full_disk)
    filler = full_disk / "filler"
    os.truncate(filler, filler.stat().st_size - (600 << 10))  # room to open, not to import
    before = _hash(path)
    code, _out, err = _cli("import", "--db", str(path), str(sheet))
    assert code == 1 and "is full. Nothing was written" in err and "Traceback" not in err, err
    assert _hash(path) == before
    code, out, err = _cli("info", "--db", str(path))
    assert code == 0 and "customers:" in out, err


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def new_target(request: pytest.FixtureRequest, tmp_path: Path):
    """A database that does not exist yet: a file's name, or an empty PostgreSQL schema."""
    if request.param == "sqlite":
        yield str(tmp_path / "new.db")
        return
    from tests.conftest import postgresql_schema

    with postgresql_schema() as url:
        yield url.render_as_string(hide_password=False)


def test_processes_opening_a_new_database_at_once_leave_one_schema_and_all_go_on(new_target):
    runs = [start_cli("init", "--db", new_target) for _ in range(4)]
    results = [finish(run) for run in runs]
    assert [code for code, _out, _err in results] == [0] * 4, [err for *_, err in results]
    assert not any("Traceback" in err for *_, err in results)
    code, out, err = finish(start_cli("info", "--db", new_target, "--json"))
    assert code == 0 and '"customers": 0' in out, err


def test_the_first_use_of_a_user_name_by_many_processes_creates_it_once(new_target):
    assert finish(start_cli("init", "--db", new_target))[0] == 0
    code = ("import sys\n"
            "from camdesk.db import open_database\n"
            "from camdesk.services.core.users import ensure_user\n"
            "db = open_database(sys.argv[1], create=False)\n"
            "print(ensure_user(db, 'wang.fang', '王芳').id); db.close()\n")  # fmt: skip
    runs = [start_python(code, new_target) for _ in range(12)]
    results = [finish(run) for run in runs]
    assert [c for c, _out, _err in results] == [0] * 12, [err for *_, err in results]
    assert len({out.strip() for _c, out, _err in results}) == 1


def test_statistics_that_cannot_be_refreshed_on_close_are_one_quiet_log_line(tmp_path, caplog):
    import logging

    from camdesk.db import open_database
    from camdesk.services.core.users import local_actor
    from tests.factories import make_customer

    db = open_database(tmp_path / "shop.db")
    make_customer(db, local_actor(db), name="张三")  # this process wrote: it refreshes on close
    holder = start_python("import signal, sqlite3, sys\n"
                          "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
                          "c.execute('BEGIN IMMEDIATE'); print('held', flush=True)\n"
                          "signal.pause()\n", str(tmp_path / "shop.db"))  # fmt: skip
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    try:
        with caplog.at_level(logging.INFO, logger="camdesk.db"):
            db.close()  # another process is writing: the statistics can wait
    finally:
        holder.kill()
        holder.communicate()
    [record] = [r for r in caplog.records if "optimize" in r.getMessage()]
    assert record.levelno == logging.INFO and record.exc_info is None
    assert "\n" not in record.getMessage()


def test_a_database_on_a_read_only_mount_is_read_and_says_why(sound, tmp_path, full_disk):
    path = full_disk / "shop.db"
    shutil.copy(sound, path)
    before = _hash(path)
    done = subprocess.run(["mount", "-o", "remount,ro", str(full_disk)], capture_output=True,
                          text=True)  # fmt: skip
    if done.returncode != 0:
        pytest.skip(f"cannot remount read-only: {done.stderr.strip()}")
    code, out, err = _cli("find", "--db", str(path), "--json", "张")
    assert code == 0 and out.strip() and "mounted read-only" in err, err
    sheet = tmp_path / "in.csv"
    sheet.write_text("姓名,手机\n张三,13812345678\n", encoding="utf-8")
    code, _out, err = _cli("import", "--db", str(path), str(sheet))
    assert code == 1 and "mounted read-only" in err and "Traceback" not in err
    assert _hash(path) == before

"""Which file systems are shared, and what `camdesk check` and `camdesk share` say."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from camdesk.cli import main
from camdesk.dbfile import is_shared_file_system


@pytest.mark.parametrize(
    "fstype",
    ["cifs", "smb3", "smbfs", "nfs", "nfs4", "fuse.sshfs", "9p", "fuse.gvfsd-fuse",
     "fuse.smbnetfs", "davfs", "ceph", "glusterfs", "afs", "lustre", "fuse.rclone", "vboxsf",
     "virtiofs", "vmhgfs", "afpfs", "webdav", "fuse.something-new", "zz-unknown"],
)  # fmt: skip
def test_network_and_unknown_file_systems_are_shared(fstype):
    assert is_shared_file_system(fstype)


@pytest.mark.parametrize("fstype", ["ext4", "xfs", "btrfs", "tmpfs", "overlay", "apfs", "ntfs3"])
def test_local_disks_are_not(fstype):
    assert not is_shared_file_system(fstype)


def _journal(path: Path) -> str:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return str(conn.execute("PRAGMA journal_mode").fetchone()[0])
    finally:
        conn.close()


def test_share_keeps_a_file_shared_whoever_opens_it_and_check_reports_it(tmp_path, capsys):
    path = tmp_path / "office.db"
    assert main(["init", "--db", str(path)]) == 0 and _journal(path) == "wal"
    assert main(["share", "--db", str(path)]) == 0 and _journal(path) == "delete"
    for args in (["info"], ["find", "张"], ["demo", "--customers", "20", "--orders", "30"]):
        assert main([args[0], "--db", str(path), *args[1:]]) == 0
        assert _journal(path) == "delete", args  # opened here, on a local disk: still shared
    capsys.readouterr()
    assert main(["check", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "delete (shared mode)" in out and "sound (every page checked)" in out
    assert main(["share", "--db", str(path), "--off"]) == 0 and _journal(path) == "wal"
    assert main(["info", "--db", str(path), "--shared"]) == 0 and _journal(path) == "delete"


def test_sharing_waits_for_a_reader_of_this_process_and_then_refuses_honestly(tmp_path):
    import threading

    from sqlalchemy import text

    from camdesk import errors
    from camdesk.db import open_database, set_journal
    from camdesk.dbfile import Mode

    db = open_database(tmp_path / "office.db")
    opened, let_go = threading.Event(), threading.Event()

    def reader() -> None:  # the list still paging in a worker, on its own connection
        with db.engine.connect() as conn:
            conn.execute(text("SELECT count(*) FROM customer")).scalar()
            opened.set()
            let_go.wait(10)

    worker = threading.Thread(target=reader)
    worker.start()
    try:
        assert opened.wait(10)
        with pytest.raises(errors.DatabaseBusy):
            set_journal(db, Mode.SHARED, wait=0.2)  # a message, not a raw sqlite3 error
        assert _journal(tmp_path / "office.db") == "wal" and db.mode is Mode.LOCAL
        threading.Timer(0.3, let_go.set).start()  # the reader lets go a moment later
        set_journal(db, Mode.SHARED, wait=5.0)
        assert _journal(tmp_path / "office.db") == "delete" and db.mode is Mode.SHARED
    finally:
        let_go.set()
        worker.join()
        db.close()


def test_check_finds_damage_that_opening_a_large_file_would_leave_for_later(tmp_path, capsys):
    path = tmp_path / "shop.db"
    assert main(["demo", "--db", str(path), "--customers", "300", "--orders", "600"]) == 0
    with open(path, "r+b") as handle:
        handle.seek(path.stat().st_size // 2)
        handle.write(b"\xa5" * 4096)
    capsys.readouterr()
    assert main(["check", "--db", str(path)]) == 1
    assert "state:     damaged" in capsys.readouterr().out


def _counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("customer", "contact", "orders")}  # fmt: skip
    finally:
        conn.close()


def test_recover_copies_every_readable_row_and_says_what_was_lost(tmp_path, capsys):
    import random

    from camdesk.services.data.recover import recover

    path = tmp_path / "shop.db"
    assert main(["demo", "--db", str(path), "--customers", "600", "--orders", "1500"]) == 0
    before = _counts(path)
    sound = recover(path, tmp_path / "copy.db")
    assert sound.complete and _counts(tmp_path / "copy.db") == before
    size, rng = path.stat().st_size, random.Random(3)
    with open(path, "r+b") as handle:
        for k in range(1, 9):
            handle.seek((size * k // 9) // 4096 * 4096)
            handle.write(bytes(rng.randrange(256) for _ in range(4096)))
    damaged = path.read_bytes()
    capsys.readouterr()
    assert main(["recover", "--db", str(path), "--to", str(tmp_path / "saved.db")]) == 1
    out = capsys.readouterr().out
    assert "some rows could not be read" in out and path.read_bytes() == damaged
    assert main(["check", "--db", str(tmp_path / "saved.db")]) == 0  # the copy is sound
    saved = _counts(tmp_path / "saved.db")
    assert 0 < saved["customer"] <= before["customer"] and saved["orders"] <= before["orders"]
    assert main(["find", "--db", str(tmp_path / "saved.db"), "--limit", "1"]) == 0
    assert main(["recover", "--db", str(path), "--to", str(tmp_path / "saved.db")]) == 1
    assert "exists already" in capsys.readouterr().err


def test_recover_copies_every_table_the_app_keeps():
    from camdesk.models import Base
    from camdesk.services.data.recover import TABLES

    assert set(Base.metadata.tables) - set(TABLES) == {"app_meta"}  # written anew by the copy


def test_recover_reaches_the_rows_after_a_damaged_first_page(tmp_path):
    from camdesk.services.data.recover import recover

    path = tmp_path / "shop.db"
    assert main(["demo", "--db", str(path), "--customers", "600", "--orders", "10"]) == 0
    conn = sqlite3.connect(path)
    (first,) = conn.execute(  # the leaf holding the first customers
        "SELECT pageno FROM dbstat WHERE name = 'customer' AND pagetype = 'leaf' "
        "ORDER BY path LIMIT 1").fetchone()  # fmt: skip
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(path, "r+b") as handle:
        handle.seek((first - 1) * page)
        handle.write(b"\xa5" * page)
    result = recover(path, tmp_path / "saved.db")
    customers = result.tables["customer"]
    assert customers.lost is not None and 0 < customers.lost < 100
    assert customers.copied + customers.lost == 600


def test_a_bulk_write_checks_the_file_unless_this_process_checked_it_lately(tmp_path,
                                                                            monkeypatch):  # fmt: skip
    """The window checks a large file as it opens; an import minutes later does not wait
    for a second check, one after RECHECK_AFTER_S does."""
    import camdesk.db as database
    from camdesk import dbfaults

    database.open_database(tmp_path / "shop.db").close()
    monkeypatch.setattr(dbfaults, "QUICK_CHECK_BYTES", 0)  # as if too large to check at once
    db = database.open_database(tmp_path / "shop.db", create=False)
    assert not db.checked
    checks = []
    real = database.check_file
    monkeypatch.setattr(database, "check_file", lambda path: checks.append(path) or real(path))
    try:
        with db.write(bulk=True):
            pass
        with db.write(bulk=True):
            pass
        assert len(checks) == 1
        monkeypatch.setattr(database, "RECHECK_AFTER_S", 0.0)
        with db.write(bulk=True):
            pass
        assert len(checks) == 2
    finally:
        db.close()

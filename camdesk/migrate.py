"""Schema creation and upgrades through Alembic, shipped inside the package."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from camdesk import __version__, errors
from camdesk.dbfile import APPLICATION, SQLITE_APPLICATION_ID, backup_sqlite

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

log = logging.getLogger(__name__)


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", "camdesk:migrations")
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def _upgrade(conn: Connection) -> None:
    config = alembic_config()
    config.attributes["connection"] = conn
    command.upgrade(config, "head")


def create_schema(engine: Engine) -> bool:
    """Create every table of a new database and mark it as camdesk's; whether this call
    made it.

    Under a lock (BEGIN IMMEDIATE on SQLite, an advisory lock on PostgreSQL) and only if
    there are still no tables: several processes opening one new database at the same
    moment leave one schema, and all of them go on.
    """
    dialect = engine.dialect.name
    with engine.connect().execution_options(camdesk_write=True) as conn, conn.begin():
        if dialect == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(hashtext('camdesk:schema'))"))
        if inspect(conn).get_table_names():
            return False  # another process made it while this one waited
        _upgrade(conn)
        conn.execute(
            text(
                "INSERT INTO app_meta (key, value) VALUES ('application', :a), "
                "('created_by_version', :v)"
            ),
            {"a": APPLICATION, "v": __version__},
        )
        if dialect == "sqlite":
            conn.exec_driver_sql(f"PRAGMA application_id={SQLITE_APPLICATION_ID}")
    return True


def upgrade_if_needed(engine: Engine, name: str) -> None:
    """Bring an older schema to head after a backup; refuse a newer one."""
    script = ScriptDirectory.from_config(alembic_config())
    with engine.connect() as conn:
        current = current_revision(conn)
    head = script.get_current_head()
    if current == head:
        return
    if current is not None and current not in known_revisions():
        raise errors.NewerSchemaError(path=name, revision=current)
    if engine.dialect.name == "sqlite":
        backup = backup_sqlite(Path(engine.url.database or ""), f"before-{head}")
        log.info("backed up %s to %s before upgrading", name, backup)
    with engine.begin() as conn:
        _upgrade(conn)

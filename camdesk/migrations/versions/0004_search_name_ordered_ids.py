"""customer_search ids in name order on SQLite, so search results page cheaply

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 22:30:00

See camdesk/services/search_order.py. First the sort keys of people whose surname
has a special reading are corrected (曾 sorted as "zengeng..." instead of "zeng..."). The table is copied under its new ids and
swapped in, its indexes and triggers re-created from their stored SQL, and the
full-text indexes rebuilt. PostgreSQL keeps its sequence ids: nothing to do.
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

from camdesk.services.customers.search import SURNAME_READINGS, sort_key
from camdesk.services.customers.search_order import BUCKET_BITS, bucket

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    _correct_surname_sort_keys(bind)
    if bind.dialect.name != "sqlite":
        return
    rows = bind.execute(
        sa.text("SELECT id, sort_key FROM customer_search ORDER BY sort_key, customer_id")
    ).all()
    taken: dict[int, int] = {}
    pairs = []
    for old, key in rows:
        number = bucket(key)
        slot = taken.get(number, 0)
        taken[number] = slot + 1
        pairs.append({"old": old, "new": (number << BUCKET_BITS) + slot})
    table_sql = bind.execute(
        sa.text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'customer_search'")
    ).scalar_one()
    extras = bind.execute(
        sa.text(
            "SELECT sql FROM sqlite_master WHERE tbl_name = 'customer_search' "
            "AND type IN ('index', 'trigger') AND sql IS NOT NULL"
        )
    ).scalars().all()
    op.execute("CREATE TEMP TABLE search_renumber (old INTEGER PRIMARY KEY, new INTEGER NOT NULL)")
    if pairs:
        bind.execute(sa.text("INSERT INTO search_renumber VALUES (:old, :new)"), pairs)
    op.execute(re.sub(r'^CREATE TABLE\s+"?customer_search"?', "CREATE TABLE search_swap", table_sql))
    op.execute(
        "INSERT INTO search_swap (id, customer_id, words, subs, sort_key) "
        "SELECT r.new, s.customer_id, s.words, s.subs, s.sort_key "
        "FROM customer_search AS s JOIN search_renumber AS r ON r.old = s.id"
    )
    op.execute("DROP TABLE customer_search")
    op.execute("ALTER TABLE search_swap RENAME TO customer_search")
    for statement in extras:
        op.execute(statement)
    op.execute("DROP TABLE search_renumber")
    op.execute("INSERT INTO search_word_fts(search_word_fts) VALUES ('rebuild')")
    op.execute("INSERT INTO search_sub_fts(search_sub_fts) VALUES ('rebuild')")
    op.execute("ANALYZE customer_search")  # its statistics went with the old table


def _correct_surname_sort_keys(bind: sa.engine.Connection) -> None:
    marks = ", ".join(f"'{char}'" for char in SURNAME_READINGS)
    people = bind.execute(
        sa.text(
            "SELECT id, name FROM customer "
            f"WHERE kind = 'person' AND substr(trim(name), 1, 1) IN ({marks})"
        )
    ).all()
    fixed = [{"id": ident, "key": sort_key(name)} for ident, name in people]
    if fixed:
        bind.execute(sa.text("UPDATE customer SET sort_key = :key WHERE id = :id"), fixed)
        bind.execute(
            sa.text("UPDATE customer_search SET sort_key = :key WHERE customer_id = :id"), fixed
        )


def downgrade() -> None:
    pass  # any ids work for the older code: nothing to undo

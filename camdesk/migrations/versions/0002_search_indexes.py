"""customer search: FTS5 indexes on SQLite, pg_trgm indexes on PostgreSQL

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 19:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    _create_search_indexes()
    if op.get_bind().dialect.name == "sqlite":
        # Index whatever customer_search already holds (an upgraded database).
        op.execute("INSERT INTO search_word_fts(search_word_fts) VALUES ('rebuild')")
        op.execute("INSERT INTO search_sub_fts(search_sub_fts) VALUES ('rebuild')")


# FTS5 over the search side table, kept in step by triggers on that table:
# "words" with unicode61 (tokens and prefixes), "subs" with trigram (substrings).
SQLITE_SEARCH = [
    """CREATE VIRTUAL TABLE search_word_fts USING fts5(
        words, content='customer_search', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0', prefix='1 2 3')""",
    """CREATE VIRTUAL TABLE search_sub_fts USING fts5(
        subs, content='customer_search', content_rowid='id', tokenize='trigram')""",
    """CREATE TRIGGER customer_search_ai AFTER INSERT ON customer_search BEGIN
        INSERT INTO search_word_fts(rowid, words) VALUES (new.id, new.words);
        INSERT INTO search_sub_fts(rowid, subs) VALUES (new.id, new.subs);
    END""",
    """CREATE TRIGGER customer_search_ad AFTER DELETE ON customer_search BEGIN
        INSERT INTO search_word_fts(search_word_fts, rowid, words)
            VALUES ('delete', old.id, old.words);
        INSERT INTO search_sub_fts(search_sub_fts, rowid, subs)
            VALUES ('delete', old.id, old.subs);
    END""",
    """CREATE TRIGGER customer_search_au AFTER UPDATE ON customer_search BEGIN
        INSERT INTO search_word_fts(search_word_fts, rowid, words)
            VALUES ('delete', old.id, old.words);
        INSERT INTO search_sub_fts(search_sub_fts, rowid, subs)
            VALUES ('delete', old.id, old.subs);
        INSERT INTO search_word_fts(rowid, words) VALUES (new.id, new.words);
        INSERT INTO search_sub_fts(rowid, subs) VALUES (new.id, new.subs);
    END""",
]


def _create_search_indexes() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in SQLITE_SEARCH:
            op.execute(statement)
    elif bind.dialect.name == "postgresql":
        # pg_trgm answers LIKE '%x%' from a GIN index; without the extension
        # (no privilege) search still works, only slower.
        has_trgm = bind.execute(
            sa.text("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        ).scalar()
        if not has_trgm:
            try:
                with bind.begin_nested():
                    bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
                has_trgm = 1
            except sa.exc.DBAPIError:
                has_trgm = None
        if has_trgm:
            op.execute(
                "CREATE INDEX ix_customer_search_words_trgm ON customer_search "
                "USING gin (words gin_trgm_ops)"
            )
            op.execute(
                "CREATE INDEX ix_customer_search_subs_trgm ON customer_search "
                "USING gin (subs gin_trgm_ops)"
            )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for name in ("customer_search_ai", "customer_search_ad", "customer_search_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS search_word_fts")
        op.execute("DROP TABLE IF EXISTS search_sub_fts")
    else:
        op.execute("DROP INDEX IF EXISTS ix_customer_search_words_trgm")
        op.execute("DROP INDEX IF EXISTS ix_customer_search_subs_trgm")

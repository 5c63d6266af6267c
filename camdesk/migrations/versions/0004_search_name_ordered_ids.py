"""customer_search ids in name order on SQLite, so search results page cheaply

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 22:30:00

See camdesk/services/customers/search_order.py. First the sort keys of people whose surname
has a special reading are corrected (曾 sorted as "zengeng..." instead of "zeng..."). The table is copied under its new ids and
swapped in, its indexes and triggers re-created from their stored SQL, and the
full-text indexes rebuilt. PostgreSQL keeps its sequence ids: nothing to do.
"""

from __future__ import annotations

import re
import unicodedata

import sqlalchemy as sa
from alembic import op

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
    extras = (
        bind.execute(
            sa.text(
                "SELECT sql FROM sqlite_master WHERE tbl_name = 'customer_search' "
                "AND type IN ('index', 'trigger') AND sql IS NOT NULL"
            )
        )
        .scalars()
        .all()
    )
    op.execute("CREATE TEMP TABLE search_renumber (old INTEGER PRIMARY KEY, new INTEGER NOT NULL)")
    if pairs:
        bind.execute(sa.text("INSERT INTO search_renumber VALUES (:old, :new)"), pairs)
    op.execute(
        re.sub(r'^CREATE TABLE\s+"?customer_search"?', "CREATE TABLE search_swap", table_sql)
    )
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


# -- frozen: the sort key and bucket as this revision knew them -----------------------
# A revision never imports live code: what it computes must not change when the app's
# rules do (a later change of the rules comes with a revision of its own).

SURNAME_READINGS = {
    "曾": "zeng", "单": "shan", "解": "xie", "区": "ou", "仇": "qiu", "朴": "piao",
    "查": "zha", "覃": "qin", "缪": "miao", "盖": "ge", "乐": "yue", "尉": "yu",
    "召": "shao", "种": "chong", "员": "yun", "繁": "po", "秘": "bi", "长": "chang",
    "沈": "shen", "翟": "zhai", "车": "che", "折": "she", "能": "nai", "句": "gou",
}  # fmt: skip
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
_CJK_RUN = re.compile(f"[{_CJK}]+")
_SPLIT = re.compile(f"([{_CJK}]+)")
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
PREFIX, BASE, BUCKET_BITS = 8, 42, 19


def _normalize(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).lower().strip()
    if " " in folded or "\t" in folded or "\u3000" in text:
        folded = _CJK_GAP.sub("", " ".join(folded.split()))
    return folded


def _run_pinyin(run: str) -> list[str]:
    from pypinyin import Style, lazy_pinyin
    from pypinyin.seg.mmseg import seg

    syllables: list[str] = []
    for word in seg.cut(run):
        found = lazy_pinyin(word, style=Style.NORMAL, errors="ignore")
        if len(found) != len(word):
            return list(lazy_pinyin(run, style=Style.NORMAL))  # unknown characters as they are
        syllables.extend(found)
    return syllables


def sort_key(name: str) -> str:
    """A person's name in pinyin order, the surname in its surname reading."""
    parts: list[str] = []
    for index, piece in enumerate(_SPLIT.split(_normalize(name))):
        if not _CJK_RUN.fullmatch(piece):
            parts.append(piece)
            continue
        syllables = _run_pinyin(piece)
        if index == 1 and not parts[0] and piece[0] in SURNAME_READINGS:
            syllables[0] = SURNAME_READINGS[piece[0]]
        parts.extend(syllables)
    return "".join(parts)[:200]


def _char_class(char: str) -> tuple[int, bool]:
    code = ord(char)
    if code < 0x20:
        return 1, False
    if code == 0x20:
        return 2, True
    if code < 0x30:
        return 3, False
    if code <= 0x39:
        return 4 + code - 0x30, True
    if code < 0x61:
        return 14, False
    if code <= 0x7A:
        return 15 + code - 0x61, True
    return 41, False


def bucket(key: str) -> int:
    value, exact = 0, True
    for index in range(PREFIX):
        digit = 0
        if exact and index < len(key):
            digit, exact = _char_class(key[index])
        value = value * BASE + digit
    return value


def downgrade() -> None:
    pass  # any ids work for the older code: nothing to undo

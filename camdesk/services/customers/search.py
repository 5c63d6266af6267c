"""Customer search: the one place that builds search keys and routes queries.

Keys live in ``customer_search`` (see :class:`camdesk.models.CustomerSearch`):

* ``words``: space-separated tokens: each CJK character alone (so a 2-character
  name is a phrase of two tokens), then pinyin of every CJK run as suffix
  concatenations (``zhangsanfeng``, ``sanfeng``, ``feng``) and initials the same
  way (``zsf``, ``sf``, ``f``), with every reading of a person's surname
  (曾 gives ``zeng`` and ``ceng``), and latin words.  A separator token keeps
  phrases from running across two fields.
* ``subs``: lower-case text for substring search: phone digits, email,
  customer code, names.

Query routing, per whitespace-separated term (all terms must match):

=============== ========================================================
CJK text        phrase in ``words`` (substring of a name, any length)
latin word      prefix of a ``words`` token; 3+ characters: also a substring of ``subs``
digits          substring of ``subs`` (phone fragment, code)
other (@, .)    substring of ``subs``
=============== ========================================================

SQLite answers from FTS5 (unicode61 with prefix indexes over ``words``,
trigram over ``subs``); PostgreSQL from LIKE patterns that pg_trgm's GIN
indexes serve.  Both implement exactly the semantics above, so results agree.
Substring terms shorter than 3 characters fall back to a LIKE scan.
"""

from __future__ import annotations

import enum
import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Select,
    and_,
    column,
    delete,
    func,
    literal_column,
    select,
    table,
    union,
)
from sqlalchemy.orm import Session

from camdesk.models import CustomerSearch
from camdesk.services.core.validation import phone_digits
from camdesk.services.customers.search_order import BUCKET_BITS, OrderedIds, bucket

SEPARATOR = "0"  # a token no CJK or latin query term can produce on its own
MAX_READINGS = 4  # surname readings kept (单: dan, shan, chan)
MAX_SUFFIXES = 12  # suffix concatenations kept for long company names

_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]+")
_LATIN = re.compile(r"[0-9a-z]+")
_PHONE_QUERY = re.compile(r"^\+?[\d\s\-()]+$")
_SPLIT = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]+)")


# --------------------------------------------------------------------------- keys

# How polyphone characters read as surnames (pypinyin gives the everyday reading:
# 曾 ceng, 单 dan, ...). Used for ordering names; search accepts every reading.
SURNAME_READINGS = {
    "曾": "zeng", "单": "shan", "解": "xie", "区": "ou", "仇": "qiu", "朴": "piao",
    "查": "zha", "覃": "qin", "缪": "miao", "盖": "ge", "乐": "yue", "尉": "yu",
    "召": "shao", "种": "chong", "员": "yun", "繁": "po", "秘": "bi", "长": "chang",
    "沈": "shen", "翟": "zhai", "车": "che", "折": "she", "能": "nai", "句": "gou",
}  # fmt: skip


@lru_cache(maxsize=8192)
def _readings(char: str) -> tuple[str, ...]:
    from pypinyin import Style, pinyin

    found = pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore")
    return tuple(dict.fromkeys(found[0])) if found else ()


@lru_cache(maxsize=131072)
def _word_pinyin(word: str) -> tuple[str, ...]:
    from pypinyin import Style, lazy_pinyin

    found = lazy_pinyin(word, style=Style.NORMAL, errors="ignore")
    return tuple(found) if len(found) == len(word) else ()


@lru_cache(maxsize=65536)
def _run_pinyin(run: str) -> tuple[str, ...]:
    """Phrase-aware pinyin of a CJK run; () if pypinyin doesn't know a character.

    The run is cut into words as pypinyin itself cuts it, and each word's reading
    is cached: company names are mostly unique, their words (科技, 有限公司) are not.
    """
    from pypinyin.seg.mmseg import seg

    syllables: list[str] = []
    for word in seg.cut(run):
        found = _word_pinyin(word)
        if not found:
            return ()
        syllables.extend(found)
    return tuple(syllables)


def pinyin_variants(run: str, *, surname: bool) -> tuple[tuple[str, ...], ...]:
    """Syllable lists for a CJK run: the usual reading, plus every reading of a surname.

    A person's surname is read alone (in all its readings) and the given name as
    a phrase, which also lets the given names' pinyin be cached across customers.
    """
    if not surname:
        whole = _run_pinyin(run)
        return (whole,) if whole else ()
    firsts = _readings(run[0])[:MAX_READINGS]
    rest = _run_pinyin(run[1:]) if len(run) > 1 else ()
    if not firsts or (len(run) > 1 and not rest):
        return ()
    return tuple((first, *rest) for first in firsts)


@lru_cache(maxsize=65536)
def sort_key(name: str, *, person: bool = True) -> str:
    """Pinyin order for Chinese names (surnames in their surname reading), latin as is.

    Cached: a hundred thousand customers have a third fewer distinct names."""
    text = normalize(name)
    parts: list[str] = []
    for index, piece in enumerate(_SPLIT.split(text)):
        if not _CJK_RUN.fullmatch(piece):
            parts.append(piece)
            continue
        syllables = list(_run_pinyin(piece)) or _plain_pinyin(piece)
        if person and index == 1 and not parts[0] and piece[0] in SURNAME_READINGS:
            syllables[0] = SURNAME_READINGS[piece[0]]
        parts.extend(syllables)
    return "".join(parts)[:200]


def _plain_pinyin(run: str) -> list[str]:
    """pypinyin's reading with unknown characters kept as they are."""
    from pypinyin import Style, lazy_pinyin

    return list(lazy_pinyin(run, style=Style.NORMAL))


def _suffix_tokens(syllables: Sequence[str]) -> list[str]:
    """Each suffix of the syllables joined, and its initials, from the first syllable on
    (at most MAX_SUFFIXES suffixes); built from the end, one syllable at a time."""
    wholes, initials = [], []
    whole = initial = ""
    for syllable in reversed(syllables):
        whole = syllable + whole
        initial = syllable[:1] + initial
        wholes.append(whole)
        initials.append(initial)
    tokens: list[str] = []
    for start in range(min(len(syllables), MAX_SUFFIXES)):
        tokens += (wholes[-1 - start], initials[-1 - start])
    return tokens


@lru_cache(maxsize=65536)
def name_tokens(name: str, *, person: bool) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Tokens of one name: CJK phrases (kept in order) and pinyin/latin words.

    Cached: company names and their words repeat across customers."""
    text = normalize(name)
    phrases: list[str] = []
    words: list[str] = []
    for index, match in enumerate(_CJK_RUN.finditer(text)):
        run = match.group()
        phrases.append(" ".join(run))
        for variant in pinyin_variants(run, surname=person and index == 0):
            words.extend(_suffix_tokens(variant))
    words.extend(_LATIN.findall(_CJK_RUN.sub(" ", text)))
    return tuple(phrases), tuple(words)


@dataclass(frozen=True)
class KeySource:
    """What of a customer is searchable."""

    name: str
    person: bool
    company_name: str | None = None
    code: str | None = None
    email: str | None = None
    phones: tuple[str | None, ...] = ()
    contact_names: tuple[str, ...] = ()
    contact_emails: tuple[str | None, ...] = ()
    extras: tuple[str, ...] = ()  # values of searchable custom fields


def build_keys(source: KeySource) -> tuple[str, str]:
    """The ``(words, subs)`` search keys of a customer."""
    phrases: list[str] = []
    words: list[str] = []
    names = itertools.chain(
        [(source.name, source.person), (source.company_name, False)],
        ((n, True) for n in source.contact_names),
        ((e, False) for e in source.extras),
    )
    for name, person in names:
        if name:
            more_phrases, more_words = name_tokens(name, person=person)
            phrases.extend(more_phrases)
            words.extend(more_words)
    if source.code:
        words.extend(_LATIN.findall(normalize(source.code)))
    # Phrases stay whole and apart (a separator token between them); words are a set.
    tokens = (
        [f" {SEPARATOR} ".join(phrases), *dict.fromkeys(words)]
        if phrases
        else list(dict.fromkeys(words))
    )
    key_words = " " + " ".join(t for t in tokens if t) + " "
    parts: list[str] = [normalize(source.name)]
    parts.extend(normalize(p) for p in (source.company_name, source.code, source.email) if p)
    parts.extend(phone_digits(p) for p in source.phones if p)
    parts.extend(normalize(n) for n in source.contact_names)
    parts.extend(normalize(e) for e in source.contact_emails if e)
    parts.extend(normalize(e) for e in source.extras)
    subs = " | ".join(dict.fromkeys(p for p in parts if p))
    return key_words, subs


_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


def normalize(text: str) -> str:
    """The form text is looked up in: half-width, lower case, single spaces, none between
    Chinese characters ("张 三", as spreadsheets pad two-character names, is 张三). Keys
    only: the text itself is stored as typed."""
    # ASCII is its own NFKC form (most emails, codes and latin names): skip the table look-up.
    folded = (text if text.isascii() else unicodedata.normalize("NFKC", text)).lower().strip()
    if " " in folded or "\t" in folded or "\u3000" in text:
        folded = _CJK_GAP.sub("", " ".join(folded.split()))
    return folded


# --------------------------------------------------------------------------- queries


class TermKind(enum.Enum):
    CJK = "cjk"
    WORD = "word"
    DIGITS = "digits"
    OTHER = "other"


@dataclass(frozen=True)
class Term:
    """One part of a query; ``raw`` is the typed form of a phone-like term (e.g. a code)."""

    kind: TermKind
    text: str
    raw: str | None = None


def parse_query(query: str) -> list[Term]:
    """Split what the user typed into terms that must all match."""
    text = normalize(query)
    if not text:
        return []
    if _PHONE_QUERY.match(text) and sum(c.isdigit() for c in text) >= 4:
        digits = re.sub(r"\D", "", text)
        if text.startswith("+86"):
            digits = digits[2:]
        raw = text if text != digits and len(text) >= 3 else None
        return [Term(TermKind.DIGITS, digits, raw)]
    terms: list[Term] = []
    for chunk in text.split():
        for piece in _SPLIT.split(chunk):
            if not piece:
                continue
            if _CJK_RUN.fullmatch(piece):
                terms.append(Term(TermKind.CJK, piece))
            elif piece.isdigit():
                terms.append(Term(TermKind.DIGITS, piece))
            elif _LATIN.fullmatch(piece):
                terms.append(Term(TermKind.WORD, piece))
            else:
                terms.append(Term(TermKind.OTHER, piece))
    return list(dict.fromkeys(terms))


_FTS_WORD = table("search_word_fts", column("rowid"))
_FTS_SUB = table("search_sub_fts", column("rowid"))


def _fts(fts: Any, name: str, expression: str) -> Select[Any]:
    return select(fts.c.rowid).where(literal_column(name).op("MATCH")(expression))


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _where(condition: ColumnElement[bool]) -> Select[Any]:
    return select(CustomerSearch.id).where(condition)


def _term_ids(term: Term, dialect: str) -> Select[Any] | CompoundSelect[Any]:
    """The ``customer_search`` ids matching one term (a union of its alternatives)."""
    sqlite = dialect == "sqlite"
    alternatives: list[Select[Any]] = []

    def substring(text: str) -> None:
        if sqlite and len(text) >= 3:
            alternatives.append(_fts(_FTS_SUB, "search_sub_fts", _quote(text)))
        else:  # trigram indexes cannot answer under 3 characters
            alternatives.append(_where(CustomerSearch.subs.like(f"%{_like(text)}%", escape="\\")))

    if term.kind is TermKind.CJK:
        spaced = " ".join(term.text)
        if sqlite:
            alternatives.append(_fts(_FTS_WORD, "search_word_fts", _quote(spaced)))
        else:
            alternatives.append(
                _where(CustomerSearch.words.like(f"% {_like(spaced)} %", escape="\\"))
            )
    elif term.kind is TermKind.WORD:
        if sqlite:
            alternatives.append(_fts(_FTS_WORD, "search_word_fts", _quote(term.text) + "*"))
        else:
            alternatives.append(
                _where(CustomerSearch.words.like(f"% {_like(term.text)}%", escape="\\"))
            )
        if len(term.text) >= 3:
            substring(term.text)
    else:
        substring(term.text)
    if term.raw:  # "2024-001" may be a code as typed, not only phone digits
        substring(term.raw)
    return alternatives[0] if len(alternatives) == 1 else union(*alternatives)


def matching_search_ids(terms: Iterable[Term], dialect: str) -> Select[Any] | CompoundSelect[Any]:
    """The ``customer_search`` ids matching every term.

    Several terms are combined as ``id IN (...) AND id IN (...)``: SQLite does not
    accept the parenthesised compound selects an INTERSECT of unions would need.
    """
    sets = [_term_ids(term, dialect) for term in terms]
    if len(sets) == 1:
        return sets[0]
    return select(CustomerSearch.id).where(and_(*(CustomerSearch.id.in_(s) for s in sets)))


def exact_search_ids(terms: Sequence[Term], dialect: str) -> Select[Any] | None:
    """The ``customer_search`` ids whose *whole name* is what was typed, or None.

    Listed first (see :mod:`camdesk.services.lists.page`): "zxy" puts 曾晓燕 (the
    whole name's initials) before 张小燕子 or 王子贤毅 that merely contain them,
    "zengxiaoyan" the names that read so in full, "张伟" 张伟 before 张伟明.  One
    name term only (a word of 2+ letters or Chinese text); otherwise no ranking.

    Both need a token of exactly the typed letters.  A whole name's initials are one,
    in a name of as many characters (``subs`` begins with the name), whose pinyin
    starts with the first letter and does not end with them: a suffix's initials are
    shorter than its name, and a token its name's pinyin ends with is the last
    syllables' pinyin.  A whole name's pinyin is one equal to its sort key.
    """
    if len(terms) != 1 or terms[0].kind not in (TermKind.WORD, TermKind.CJK):
        return None
    term = terms[0]
    if term.kind is TermKind.CJK:
        keys = {sort_key(term.text, person=True), sort_key(term.text, person=False)}
        return _where(CustomerSearch.sort_key.in_(sorted(keys))).where(
            CustomerSearch.id.in_(_term_ids(term, dialect))
        )
    if len(term.text) < 2 or term.text.isdigit():
        return None
    typed = term.text
    name = func.substr(CustomerSearch.subs, 1, len(typed))
    if dialect == "sqlite":
        token: Select[Any] = _fts(_FTS_WORD, "search_word_fts", _quote(typed))
        no_latin = name.op("NOT GLOB")("*[a-z0-9]*")
    else:
        token = _where(CustomerSearch.words.like(f"% {_like(typed)} %", escape="\\"))
        no_latin = name.op("!~")("[a-z0-9]")
    as_long = "_" * len(typed)
    initials = and_(
        CustomerSearch.subs.like(as_long) | CustomerSearch.subs.like(f"{as_long} | %"),
        no_latin,  # 张yang is not a name of five Chinese characters
        CustomerSearch.sort_key.like(f"{typed[0]}%"),
        CustomerSearch.sort_key.not_like(f"%{typed}"),  # 李莉's "li" is its last syllable
    )
    # Both kinds hold the typed letters as a whole word: initials are a token, and so is a
    # name's whole pinyin (its sort key).  Looking the token up first keeps this to the few
    # rows that have it (the term's matches would be every "zhang..." in a million).
    return _where(CustomerSearch.id.in_(token) & (initials | (CustomerSearch.sort_key == typed)))


def count_matches(session: Session, terms: Iterable[Term], dialect: str) -> int:
    """How many live customers match every term (keys exist only for live customers).

    On SQLite this is answered from the full-text indexes alone.
    """
    matches = matching_search_ids(terms, dialect).subquery()
    return int(session.execute(select(func.count()).select_from(matches)).scalar_one())


def matching_customer_ids(terms: Iterable[Term], dialect: str) -> Select[Any]:
    """A SELECT of the ids of customers matching every term."""
    ids = matching_search_ids(terms, dialect)
    return select(CustomerSearch.customer_id).where(CustomerSearch.id.in_(ids))


def drop_keys(session: Session, customer_ids: Iterable[object]) -> None:
    """Forget deleted customers' keys: only live customers are searchable.

    Bulk deletes, 500 ids at a time, without looking through the session's objects
    (the ORM's default would scan all of them per delete: an undone import of 100,000
    customers took minutes)."""
    wanted = list(customer_ids)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        session.execute(
            delete(CustomerSearch).where(CustomerSearch.customer_id.in_(chunk)),
            execution_options={"synchronize_session": False},
        )


def store_keys(session: Session, customer_id: object, source: KeySource, order: str) -> None:
    """Write (insert or replace) the search keys of one customer, with its sort key."""
    words, subs = build_keys(source)
    row = session.execute(
        select(CustomerSearch).where(CustomerSearch.customer_id == customer_id)
    ).scalar_one_or_none()
    ordered = session.get_bind().dialect.name == "sqlite"  # see search_order
    if row is None:
        row = CustomerSearch(customer_id=customer_id, words=words, subs=subs, sort_key=order)
        if ordered:
            row.id = OrderedIds(session).take(order)
        session.add(row)
    elif (row.words, row.subs, row.sort_key) != (words, subs, order):
        if ordered and bucket(order) != row.id >> BUCKET_BITS:  # renamed: move in the order
            row.id = OrderedIds(session).take(order)
        row.words, row.subs, row.sort_key = words, subs, order

"""Finding customers entered more than once, across the whole database.

Two customers are likely the same when they share a customer code, a mobile or
an email; less likely when they share a landline (an office's switchboard); and
possibly when their names are alike (the same pinyin, or a near spelling) and
they live in the same city or work at the same company.  Names alone are weak
evidence: two customers with different mobiles, emails or codes are taken to be
different people, however alike their names (there are many 张伟 in every city).

Pairs are joined into groups of any size (if A matches B and B matches C, all
three are one group); a group's score is its strongest pair's, and its reasons
say which keys matched.  Names are compared with rapidfuzz within small blocks
(same city or company, same first letters of the pinyin), so a million
customers are scanned in seconds, not compared pairwise.
"""

from __future__ import annotations

import gc
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import select

from camdesk.db import Database
from camdesk.errors import Cancelled
from camdesk.models import Customer
from camdesk.services.core.progress import step
from camdesk.services.core.raw import as_uuid, raw_cursor

# Reasons, as stable keys (the GUI translates them).
CODE, MOBILE, EMAIL, PHONE = "code", "mobile", "email", "phone"
NAME_COMPANY, NAME_CITY = "name+company", "name+city"
# Names that sound the same (林晓峰 / 林小峰, or the same name twice) and a second fact: mobiles
# one digit apart (a typo in one of them) or the same birthday.
SOUND_MOBILE, SOUND_BIRTHDAY = "sound+mobile", "sound+birthday"
SCORES = {CODE: 100, MOBILE: 95, EMAIL: 90, PHONE: 70, SOUND_MOBILE: 80, SOUND_BIRTHDAY: 75}
NAME_CUTOFF = 90  # rapidfuzz ratio of the pinyin keys
BLOCK = 2  # letters of the pinyin that a block shares


@dataclass(frozen=True)
class DuplicateGroup:
    """Customers that look like one.

    Attributes:
        ids: the customers, oldest first.
        names: their names, in the same order.
        score: 0-100, how sure the strongest match is.
        reasons: which keys matched (``code``, ``mobile``, ``email``, ``phone``,
            ``name+company``, ``name+city``), strongest first.
    """

    ids: tuple[uuid.UUID, ...]
    names: tuple[str, ...]
    score: int
    reasons: tuple[str, ...]


class _Person(NamedTuple):
    ident: Any  # as the driver returns it (hex text on SQLite); a UUID only for results
    name: str
    key: str
    city: str | None
    company: str | None
    code: str | None
    mobile: str | None
    email: str | None
    phone: str | None
    birthday: Any


def find_duplicates(
    db: Database,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[DuplicateGroup]:
    """Every group of likely duplicates among live customers, strongest first."""
    collecting = gc.isenabled()
    gc.disable()  # millions of small objects, no cycles: the collector would only rescan them
    try:
        return _find(db, progress, cancelled)
    finally:
        if collecting:
            gc.enable()


def _find(
    db: Database,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> list[DuplicateGroup]:
    people = _load(db)
    edges: list[tuple[int, int, int, str]] = []  # index, index, score, reason
    for reason in (CODE, MOBILE, EMAIL, PHONE):
        edges += _same_key(people, reason)
    step(progress, cancelled, 1, 3)
    edges += _alike_names(people, lambda p: p.company, NAME_COMPANY, 85, cancelled)
    edges += _alike_names(people, lambda p: p.city, NAME_CITY, 70, cancelled)
    edges += _sounding_alike(people, cancelled)
    step(progress, cancelled, 2, 3)
    groups = _groups(people, edges)
    step(progress, cancelled, 3, 3)
    return groups


def _load(db: Database) -> list[_Person]:
    """Every live customer's keys, oldest first, read with the driver's own cursor."""
    columns = (Customer.id, Customer.name, Customer.sort_key, Customer.city,
               Customer.company_name, Customer.code, Customer.mobile, Customer.email,
               Customer.phone, Customer.birthday)  # fmt: skip
    statement = select(*columns).where(Customer.deleted_at.is_(None)).order_by(Customer.created_at)
    with db.read() as session, raw_cursor(session, statement) as cursor:
        return [_Person(*row) for row in cursor]


def _same_key(people: list[_Person], reason: str) -> list[tuple[int, int, int, str]]:
    holders: dict[str, list[int]] = defaultdict(list)
    for index, person in enumerate(people):
        value = getattr(person, reason)
        if value:
            holders[value.lower() if reason == EMAIL else value].append(index)
    edges = []
    for found in holders.values():
        edges += [(found[0], other, SCORES[reason], reason) for other in found[1:]]
    return edges


def _conflict(a: _Person, b: _Person) -> bool:
    """Whether a unique key tells the two apart (then alike names mean nothing)."""
    return any(
        getattr(a, key) and getattr(b, key) and getattr(a, key) != getattr(b, key)
        for key in (CODE, MOBILE, EMAIL)
    )


def _alike_names(
    people: list[_Person],
    place: Callable[[_Person], str | None],
    reason: str,
    weight: int,
    cancelled: Callable[[], bool] | None,
) -> list[tuple[int, int, int, str]]:
    from rapidfuzz import fuzz, process

    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, person in enumerate(people):
        where = place(person)
        if where and person.key:
            blocks[(where, person.key[:BLOCK])].append(index)
    edges = []
    for count, members in enumerate(blocks.values()):
        if len(members) < 2:
            continue
        if count % 5000 == 0 and cancelled is not None and cancelled():
            raise Cancelled()
        keys = [people[i].key for i in members]
        matrix = process.cdist(keys, keys, scorer=fuzz.ratio, score_cutoff=NAME_CUTOFF,
                               dtype="uint8")  # fmt: skip
        rows, cols = matrix.nonzero()
        for row, col in zip(rows.tolist(), cols.tolist(), strict=True):
            if row >= col:
                continue
            a, b = people[members[row]], people[members[col]]
            if _conflict(a, b):
                continue
            similarity = int(matrix[row, col])
            if a.name != b.name:  # same pinyin, other characters: a typo or a homophone
                similarity = min(similarity, 95)
            edges.append((members[row], members[col], weight * similarity // 100, reason))
    return edges


def _sounding_alike(people: list[_Person],
                    cancelled: Callable[[], bool] | None) -> list[tuple[int, int, int, str]]:  # fmt: skip
    """Pairs whose names sound the same (the same pinyin) and whose mobiles are one digit
    apart, or whose birthdays agree while nothing tells them apart. Blocks are the pinyin
    of a whole name, pairs within one are found through shared keys (a birthday; a mobile
    with one digit masked), never compared one by one."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, person in enumerate(people):
        if person.key and len(person.key) >= 4 and (person.mobile or person.birthday):
            blocks[person.key].append(index)
    edges = []
    for count, members in enumerate(blocks.values()):
        if len(members) < 2:
            continue
        if count % 5000 == 0 and cancelled is not None and cancelled():
            raise Cancelled()
        masked: dict[str, list[int]] = defaultdict(list)
        born: dict[Any, list[int]] = defaultdict(list)
        for index in members:
            mobile, birthday = people[index].mobile, people[index].birthday
            if mobile:
                for at in range(len(mobile) - 8, len(mobile)):  # the 8 digits after the prefix
                    masked[f"{mobile[:at]}*{mobile[at + 1 :]}"].append(index)
            if birthday:
                born[birthday].append(index)
        seen: set[tuple[int, int]] = set()
        for found in masked.values():
            for a, b in _pairs(found):
                pa, pb = people[a], people[b]
                if pa.mobile != pb.mobile and not _told_apart(pa, pb, (CODE, EMAIL)):
                    seen.add((a, b))
                    edges.append((a, b, SCORES[SOUND_MOBILE], SOUND_MOBILE))
        for found in born.values():
            for a, b in _pairs(found):
                if (a, b) not in seen and not _conflict(people[a], people[b]):
                    edges.append((a, b, SCORES[SOUND_BIRTHDAY], SOUND_BIRTHDAY))
    return edges


def _pairs(found: list[int]) -> Iterable[tuple[int, int]]:
    if len(found) > 50:  # a crowd sharing one key tells nothing apart
        return ()
    return ((a, b) for i, a in enumerate(found) for b in found[i + 1 :])


def _told_apart(a: _Person, b: _Person, keys: tuple[str, ...]) -> bool:
    return any(getattr(a, k) and getattr(b, k) and getattr(a, k) != getattr(b, k) for k in keys)


def _groups(
    people: list[_Person], edges: Iterable[tuple[int, int, int, str]]
) -> list[DuplicateGroup]:
    parent: dict[int, int] = {}

    def root(index: int) -> int:
        parent.setdefault(index, index)
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    best: dict[int, int] = defaultdict(int)
    reasons: dict[int, dict[str, int]] = defaultdict(dict)
    edge_list = list(edges)
    for a, b, _score, _reason in edge_list:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    members: dict[int, list[int]] = defaultdict(list)
    for index in parent:
        members[root(index)].append(index)
    for a, _b, score, reason in edge_list:
        top = root(a)
        best[top] = max(best[top], score)
        reasons[top][reason] = max(reasons[top].get(reason, 0), score)
    groups = [
        DuplicateGroup(
            ids=tuple(as_uuid(people[i].ident) for i in sorted(found)),
            names=tuple(people[i].name for i in sorted(found)),
            score=best[top],
            reasons=tuple(sorted(reasons[top], key=lambda r: -reasons[top][r])),
        )
        for top, found in members.items()
        if len(found) > 1
    ]
    groups.sort(key=lambda g: (-g.score, g.names))
    return groups

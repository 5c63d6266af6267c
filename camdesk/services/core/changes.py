"""What a write changed: which customers, which kinds of data, which undoable action.

Every write service returns it (as :class:`Changes`, or as the ``changes`` of its result:
:class:`Written`, an import report, a recompute report), so the GUI announces one value on
one signal and each screen decides whether it shows what changed.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Kind(enum.Flag):
    """Kinds of data a write can change."""

    NONE = 0
    FILES = enum.auto()  # customer files: fields, tags, contacts, custom values, deletions
    ORDERS = enum.auto()  # orders (and the points they earn)
    INTERACTIONS = enum.auto()  # the contact log and last contact
    POINTS = enum.auto()  # points redeemed or adjusted by hand
    VALUES = enum.auto()  # value measures: RFM, ABC, CLV, tier, stage, and their rules
    SEGMENTS = enum.auto()  # saved segments
    FIELDS = enum.auto()  # custom field definitions
    USERS = enum.auto()  # users (owners)
    FOLLOWUPS = enum.auto()  # follow-ups: planned, moved, reassigned, done
    FEEDBACK = enum.auto()  # feedback items and their steps, survey responses, churn reasons


EVERYTHING = ~Kind.NONE  # every kind, including those added later
CUSTOMER_DATA = Kind.FILES | Kind.ORDERS | Kind.INTERACTIONS  # what value measures are made of


@dataclass(frozen=True)
class Changes:
    """What one write changed.

    Attributes:
        kinds: the kinds of data changed.
        customers: the customers changed, or None when any may have been (an import, a
            demo, a recompute of everyone).
        action: the change-log id of the undoable action, if the write made one.
    """

    kinds: Kind = Kind.NONE
    customers: frozenset[uuid.UUID] | None = frozenset()
    action: uuid.UUID | None = None

    @classmethod
    def of(cls, kinds: Kind, customers: Iterable[uuid.UUID] | None = (),
           action: uuid.UUID | None = None) -> Changes:  # fmt: skip
        return cls(kinds, None if customers is None else frozenset(customers), action)

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def __or__(self, other: Changes) -> Changes:
        customers = (None if self.customers is None or other.customers is None
                     else self.customers | other.customers)  # fmt: skip
        return Changes(self.kinds | other.kinds, customers, other.action or self.action)

    def touches(self, kinds: Kind) -> bool:
        """Whether any of ``kinds`` changed."""
        return bool(self.kinds & kinds)


NOTHING = Changes()


@dataclass(frozen=True)
class Written(Generic[T]):
    """A write's own result (a saved record, a new balance) with what it changed."""

    value: T
    changes: Changes


def changes_of(result: Any) -> Changes:
    """What a write service's result says it changed (nothing, if it says nothing)."""
    if isinstance(result, Changes):
        return result
    found = getattr(result, "changes", None)
    return found if isinstance(found, Changes) else NOTHING

"""Revisions are frozen: they never import live code, and what they copied was faithful."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import camdesk.migrations

VERSIONS = Path(camdesk.migrations.__file__).parent / "versions"


def _revision(name: str):
    path = next(VERSIONS.glob(f"{name}_*.py"))
    spec = importlib.util.spec_from_file_location(f"revision_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_revision_0004_orders_names_as_the_app_did_when_it_was_written():
    """If the app's name order changes, this fails: the change needs a revision of its own
    (0004 keeps the keys it wrote)."""
    from camdesk.services.customers.search import sort_key
    from camdesk.services.customers.search_order import BUCKET_BITS, bucket

    frozen = _revision("0004")
    names = ["曾晓燕", "单田芳", "张 三", "Ｚhang Wei", "沈从文", "乐嘉", "长孙无忌",
             "王芳", "欧阳娜娜", "Alice Wong", "𠀋一", "区家明", "仇英", "  李娜  "]  # fmt: skip
    assert [frozen.sort_key(n) for n in names] == [sort_key(n) for n in names]
    assert [frozen.bucket(frozen.sort_key(n)) for n in names] == [
        bucket(sort_key(n)) for n in names
    ]
    assert frozen.BUCKET_BITS == BUCKET_BITS

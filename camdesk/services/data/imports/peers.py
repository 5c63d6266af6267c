"""What other programs' customer sheets mean: companies, their own columns, new fields.

FxiaoKe (纷享销客) and Zoho CRM keep companies as *accounts*. A customer import therefore
takes a row for a company when the sheet's type column says so, else when the sheet
names its customers as companies ("Account Name", "公司名称"), else when the name has a
company's form (有限公司, 集团, 工作室, Ltd, Inc, GmbH…). A row the type column calls a
person stays a person whatever its name.

Columns that fill no field of camdesk are not dropped by default: each becomes a new
custom field named after its header (``custom:new:<header>``, created in the import's
own transaction, see :func:`new_field_label`), except the peers' record keeping
(created by, modified time, lock status…), which the mapping page shows as not
imported and why.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from camdesk.services.data import cleaning
from camdesk.services.data.imports.fields import SYSTEM_HEADERS, ColumnMap, header_key
from camdesk.services.data.sheets import Cell

NEW_FIELD = "custom:new:"  # + the header: a text field made by the import

_CJK_ENDINGS = (
    "公司", "集团", "工作室", "商行", "商店", "门市部", "经营部", "事务所", "研究院", "研究所",
    "合作社", "厂", "店", "中心", "协会", "学校", "医院", "银行", "酒店", "餐厅", "超市",
    "株式会社", "企业",
)  # fmt: skip
_LATIN_ENDING = re.compile(
    r"(?:^|[\s,.&])(?:ltd|limited|inc|incorporated|llc|llp|corp|corporation|co|company|gmbh"
    r"|plc|group|holdings?|pte|s\.?a|ag|b\.?v|oy|k\.?k|enterprises?|industries)\.?$"
)
# A sheet whose customers are named by one of these headers lists companies.
ACCOUNT_HEADERS = frozenset(header_key(h) for h in (
    "Account Name", "Account", "公司名称", "企业名称", "单位名称", "公司全称", "Company Name",
    "Organization", "Organisation", "Organization Name",
))  # fmt: skip
ROWS_LOOKED_AT = 1000  # a column empty in the first rows is taken for an empty column
MOST_NEW_FIELDS = 30  # new fields one import proposes at most (the rest: "Do not import")


def company_by_name(name: str | None) -> bool:
    """Whether a name has a company's form: 杭州远航科技有限公司, 星光工作室, Acme Ltd."""
    if not name:
        return False
    text = unicodedata.normalize("NFKC", name).strip().lower()
    text = re.sub(r"[(（][^)）]*[)）]$", "", text).strip()  # 某某公司（杭州） -> 某某公司
    if len(text) > 2 and text.endswith(_CJK_ENDINGS):
        return True
    return bool(_LATIN_ENDING.search(text)) and " " in text.strip(" .")


def lists_companies(name_header: str | None) -> bool:
    """Whether the column naming the customers names companies (Zoho's "Account Name")."""
    return name_header is not None and header_key(name_header) in ACCOUNT_HEADERS


def is_system_column(header: str) -> bool:
    """A peer's record keeping (created by, modified time…): not imported by default."""
    return header_key(header) in SYSTEM_HEADERS


def keep_other_columns(
    headers: Sequence[str], rows: Sequence[Sequence[Cell]], mapping: ColumnMap
) -> ColumnMap:
    """A customer import's mapping with every other column that holds values (and is
    no peer's record keeping) kept as a new field named after its header."""
    kept = dict(mapping)
    made = 0
    for index, header in enumerate(headers):
        if header in kept or not header_key(header) or is_system_column(header):
            continue
        if made == MOST_NEW_FIELDS:  # a sheet of hundreds of columns: the user chooses
            break
        if any(index < len(r) and cleaning.text(r[index]) for r in rows[:ROWS_LOOKED_AT]):
            kept[header] = NEW_FIELD + header
            made += 1
    return kept


def new_field_label(key: str) -> str | None:
    """The label of the field a ``custom:new:<header>`` mapping makes, else None."""
    return (key[len(NEW_FIELD) :].strip()[:100] or None) if key.startswith(NEW_FIELD) else None

"""Care messages from templates: placeholders filled from the customer and the occasion.

Placeholders: ``{name}`` the customer's name, ``{honorific}`` how a message addresses
them (王先生, 欧阳女士; a company or an unknown gender: the name), ``{company}`` the
customer's company (a company: its own name), ``{holiday}`` the festival or occasion.  An unknown placeholder is left as typed, so a
template with a typo still produces a message the user can see and correct.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Two-character surnames (复姓) common enough to matter in a greeting.
COMPOUND_SURNAMES = frozenset((
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文",
    "司徒", "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "百里", "呼延", "澹台", "公冶", "申屠",
))  # fmt: skip
PLACEHOLDER = re.compile(r"\{(\w+)\}")
DEFAULT_TEMPLATES = {
    "birthday": "{honorific}，祝您生日快乐！感谢一直以来的支持，我们为您准备了一份生日礼遇，欢迎随时联系我。",
    "festival": "{honorific}，{holiday}快乐！感谢您一直以来的信任与支持，祝您和家人幸福安康。",
    "return": "{honorific}您好，我是您的专属顾问，想了解一下您最近使用我们产品的感受，有任何需要随时告诉我。",
    "wake": "{honorific}您好，好久不见！我们最近上了新品，并为老客户准备了专属优惠，期待再次为您服务。",
}  # fmt: skip


@dataclass(frozen=True)
class Recipient:
    name: str
    gender: str | None = None  # "female", "male", or None
    company: str | None = None
    person: bool = True


def surname(name: str) -> str:
    """The surname of a Chinese name (复姓 included); a latin name's last word."""
    name = name.strip()
    if not name:
        return ""
    if name.isascii():
        return name.split()[-1]
    return name[:2] if name[:2] in COMPOUND_SURNAMES else name[:1]


def honorific(who: Recipient) -> str:
    """王先生 / 王女士; the whole name for a company or an unknown gender."""
    if not who.person or who.gender not in ("male", "female"):
        return who.name
    title = "先生" if who.gender == "male" else "女士"
    family = surname(who.name)
    return f"{title} {family}" if who.name.isascii() else f"{family}{title}"


def render(template: str, who: Recipient, *, holiday: str = "") -> str:
    """The message ``template`` makes for ``who`` on ``holiday`` (the occasion)."""
    company = who.name if not who.person else (who.company or "")
    values = {"name": who.name, "honorific": honorific(who), "company": company,
              "holiday": holiday}  # fmt: skip
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)

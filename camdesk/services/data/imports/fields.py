"""What an import can fill, and which column fills it: guessed from the headers.

Headers are compared after :func:`header_key` (width, case, spaces, punctuation
and notes such as "(必填)" removed) with the names people and other CRMs use:
Chinese and English spreadsheets, Zoho CRM exports (Contacts, Accounts) and
FxiaoKe (纷享销客) exports.  An exact name wins over a header that only
contains one ("客户手机号码" contains "手机"); each field is filled from one
column at most.  Custom fields match by their label or key.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from camdesk.i18n import QT_TRANSLATE_NOOP


class ImportKind(StrEnum):
    CUSTOMERS = "customers"
    ORDERS = "orders"
    INTERACTIONS = "interactions"
    CONTACTS = "contacts"  # people at company customers
    RESPONSES = "responses"  # satisfaction survey answers


CUS, ORD, INT = ImportKind.CUSTOMERS, ImportKind.ORDERS, ImportKind.INTERACTIONS
CON, RES = ImportKind.CONTACTS, ImportKind.RESPONSES
# Fields that also find the customer of an order, interaction or answer, or make a contact.
MATCHING = frozenset({CUS, ORD, INT, CON, RES})


@dataclass(frozen=True)
class Target:
    """A field an import column can fill.

    Attributes:
        key: the field ("name", "mobile", "custom:level", ...).
        label: English source text for the mapping screen (context "import").
        kinds: the imports that offer it.
        names: header names that mean it (in :func:`header_key` form).
    """

    key: str
    label: str
    kinds: frozenset[ImportKind]
    names: tuple[str, ...] = ()


def _t(key: str, label: str, kinds: Iterable[ImportKind], names: str) -> Target:
    return Target(key, label, frozenset(kinds), tuple(header_key(n) for n in names.split("|")))


def header_key(text: str) -> str:
    """A header reduced to what identifies it: "手机号码（必填）*" -> "手机号码"."""
    text = unicodedata.normalize("NFKC", str(text)).lower()
    text = re.sub(r"[(\[][^)\]]*[)\]]", "", text)  # notes in brackets
    return re.sub(r"[\s_\-*:#./]+", "", text)


TARGETS: tuple[Target, ...] = (
    _t("name", QT_TRANSLATE_NOOP("import", "Name"), MATCHING,
       "姓名|客户名称|客户名|客户姓名|名称|名字|联系人|联系人姓名|name|full name|customer name|contact name|customer"),
    _t("first_name", QT_TRANSLATE_NOOP("import", "First name"), {CUS, CON}, "名|first name|given name"),
    _t("last_name", QT_TRANSLATE_NOOP("import", "Last name"), {CUS, CON}, "姓|last name|surname|family name"),
    _t("code", QT_TRANSLATE_NOOP("import", "Customer code"), MATCHING,
       "客户编号|客户编码|客户代码|编号|会员号|会员编号|客户id|code|customer code|customer no|customer number|account number|customer id"),
    _t("kind", QT_TRANSLATE_NOOP("import", "Type (person or company)"), {CUS},
       "客户类型|类型|客户性质|type|customer type"),
    _t("gender", QT_TRANSLATE_NOOP("import", "Gender"), {CUS}, "性别|gender|sex"),
    _t("birthday", QT_TRANSLATE_NOOP("import", "Birthday"), {CUS},
       "生日|出生日期|出生年月日|birthday|date of birth|birth date|dob"),
    _t("lunar_birthday", QT_TRANSLATE_NOOP("import", "Lunar birthday"), {CUS},
       "农历生日|阴历生日|农历|lunar birthday"),
    _t("mobile", QT_TRANSLATE_NOOP("import", "Mobile"), MATCHING,
       "手机|手机号|手机号码|移动电话|手机1|mobile|mobile phone|cell|cell phone|cellphone"),
    _t("phone", QT_TRANSLATE_NOOP("import", "Phone"), MATCHING,
       "电话|联系电话|固定电话|座机|办公电话|电话1|phone|telephone|tel|office phone|work phone|home phone"),
    _t("email", QT_TRANSLATE_NOOP("import", "Email"), MATCHING,
       "邮箱|电子邮箱|邮件|电子邮件|邮箱地址|email|e-mail|email address|mail"),
    _t("province", QT_TRANSLATE_NOOP("import", "Province"), {CUS},
       "省份|省|所在省份|所在省|province|state|mailing state|billing state"),
    _t("city", QT_TRANSLATE_NOOP("import", "City"), {CUS},
       "城市|市|所在城市|所在市|city|mailing city|billing city"),
    _t("address", QT_TRANSLATE_NOOP("import", "Address"), {CUS},
       "地址|详细地址|联系地址|通讯地址|收货地址|address|street|mailing street|billing street"),
    _t("company_name", QT_TRANSLATE_NOOP("import", "Company"), {CUS, CON},
       "公司|公司名称|单位|工作单位|所属公司|企业名称|company|company name|account name|organization|organisation|客户名称"),
    _t("industry", QT_TRANSLATE_NOOP("import", "Industry"), {CUS}, "行业|所属行业|industry"),
    _t("company_size", QT_TRANSLATE_NOOP("import", "Company size"), {CUS},
       "规模|公司规模|人员规模|企业规模|employees|company size|size"),
    _t("source", QT_TRANSLATE_NOOP("import", "Source channel"), {CUS},
       "来源|客户来源|来源渠道|获客渠道|source|lead source|contact source"),
    _t("preferences", QT_TRANSLATE_NOOP("import", "Preferences"), {CUS}, "偏好|喜好|兴趣|兴趣爱好|preferences|interests"),
    _t("title", QT_TRANSLATE_NOOP("import", "Job title"), {CON},
       "职务|职位|头衔|title|job title|position"),
    _t("notes", QT_TRANSLATE_NOOP("import", "Notes"), {CUS, INT, CON},
       "备注|说明|描述|备注信息|notes|note|description|remark|remarks|comments"),
    _t("tags", QT_TRANSLATE_NOOP("import", "Tags"), {CUS}, "标签|客户标签|tags|tag"),
    _t("owner", QT_TRANSLATE_NOOP("import", "Owner"), {CUS},
       "负责人|客户经理|销售|所属销售|跟进人|owner|contact owner|account owner|sales rep|salesperson"),
    _t("order_no", QT_TRANSLATE_NOOP("import", "Order number"), {ORD},
       "订单号|订单编号|单号|order no|order number|order id"),
    _t("ordered_on", QT_TRANSLATE_NOOP("import", "Order date"), {ORD},
       "下单日期|订单日期|购买日期|成交日期|下单时间|日期|order date|purchase date|date"),
    _t("product", QT_TRANSLATE_NOOP("import", "Product"), {ORD},
       "商品|产品|商品名称|产品名称|品名|product|product name|item"),
    _t("category", QT_TRANSLATE_NOOP("import", "Category"), {ORD}, "品类|类别|分类|商品类别|category"),
    _t("quantity", QT_TRANSLATE_NOOP("import", "Quantity"), {ORD}, "数量|件数|quantity|qty"),
    _t("amount", QT_TRANSLATE_NOOP("import", "Amount"), {ORD},
       "金额|订单金额|实付金额|成交金额|总金额|总额|销售额|amount|total|order total|order amount"),
    _t("cost", QT_TRANSLATE_NOOP("import", "Cost"), {ORD}, "成本|成本金额|cost"),
    _t("channel", QT_TRANSLATE_NOOP("import", "Channel"), {ORD}, "渠道|销售渠道|购买渠道|channel|sales channel"),
    _t("interaction_kind", QT_TRANSLATE_NOOP("import", "Contact method"), {INT},
       "方式|跟进方式|联系方式|沟通方式|类型|method|kind|type|channel"),
    _t("occurred_at", QT_TRANSLATE_NOOP("import", "Date and time"), {INT},
       "时间|日期|跟进时间|联系时间|回访时间|date|time|date and time"),
    _t("subject", QT_TRANSLATE_NOOP("import", "Subject"), {INT}, "主题|内容|跟进内容|回访内容|subject|summary"),
    _t("survey", QT_TRANSLATE_NOOP("import", "Survey"), {RES},
       "问卷|问卷名称|调查|调查名称|问卷标题|survey|survey name|questionnaire"),
    _t("nps", QT_TRANSLATE_NOOP("import", "NPS (0-10)"), {RES},
       "nps|推荐意愿|推荐度|推荐分|推荐指数|净推荐值|推荐可能性|推荐|nps score|likelihood to recommend|recommend"),
    _t("csat", QT_TRANSLATE_NOOP("import", "Satisfaction (CSAT 1-5)"), {RES},
       "满意度|满意度评分|满意程度|满意分|总体满意度|评分|csat|satisfaction|satisfaction score|rating"),
    _t("answered_at", QT_TRANSLATE_NOOP("import", "Answered"), {RES},
       "答复时间|回答时间|提交答卷时间|提交时间|填写时间|回访时间|调查时间|时间|日期|submitted at|submitted|response date|answered at|date|time"),
    _t("comment", QT_TRANSLATE_NOOP("import", "Comment"), {RES},
       "意见|意见建议|评价|评论|留言|客户意见|备注|comment|comments|feedback|remarks"),
)  # fmt: skip

ColumnMap = dict[str, str]  # header -> target key
# The peers' record keeping: not the customer's data, so never guessed by containment
# (FxiaoKe's 业务类型 is no customer type) and not imported unless chosen (see peers).
SYSTEM_HEADERS = frozenset(header_key(h) for h in (
    "Record Id", "Created By", "Modified By", "Created Time", "Modified Time",
    "Last Activity Time", "Last Visited Time", "Layout", "Locked", "Change Log Time",
    "Unsubscribed Mode", "Unsubscribed Time", "Data Processing Basis",
    "创建人", "创建时间", "最后修改人", "最后修改时间", "生命状态", "锁定状态", "业务类型",
    "负责人主属部门", "归属部门", "相关团队", "数据id", "外部负责人", "领取时间", "回收时间",
    "所属公海", "最后跟进时间", "序号", "行号", "id",
    # computed by camdesk itself (an export of the list's columns)
    "价值分层", "生命周期阶段", "RFM分群", "预测价值", "最近NPS", "最近满意度", "最近联系",
    "Value tier", "Lifecycle stage", "RFM segment", "Predicted value", "Latest NPS",
    "Latest CSAT", "Last contact",
))  # fmt: skip
# The peers' own fields that camdesk has none for: never matched by containment (Zoho's
# Account Type is Customer or Partner, not a customer type), so they become fields.
OWN_FIELDS = frozenset(header_key(h) for h in (
    "Account Type", "Rating", "Ownership", "Account Site", "Parent Account", "Lead Status",
    "Email Opt Out", "Secondary Email", "Asst Phone", "Assistant", "Reports To",
    "客户级别", "客户等级", "成交状态", "客户状态", "跟进状态", "上级客户", "父级客户",
))  # fmt: skip


def targets(kind: ImportKind, custom: Sequence[tuple[str, str]] = ()) -> list[Target]:
    """The fields an import of ``kind`` can fill; custom fields as (key, label)."""
    found = [t for t in TARGETS if kind in t.kinds]
    if kind is ImportKind.CUSTOMERS:
        found += [Target(f"custom:{key}", label, frozenset({CUS}), (header_key(label), header_key(key)))
                  for key, label in custom]  # fmt: skip
    return found


def guess_mapping(
    headers: Sequence[str], kind: ImportKind, custom: Sequence[tuple[str, str]] = ()
) -> ColumnMap:
    """Which field each header fills (headers that match nothing are left out)."""
    offered = targets(kind, custom)
    keys = [header_key(h) for h in headers]
    mapping: ColumnMap = {}
    used: set[str] = set()
    # Custom fields first (a user's own names), then exact names, then containment.
    # Among exact names, a target's earlier names are the stronger sign: beside 姓名,
    # 客户名称 names the company (FxiaoKe contacts), alone it names the customer.
    exact = [
        (not t.key.startswith("custom:"), t.names.index(k), rank, t, h)
        for rank, t in enumerate(offered)
        for h, k in zip(headers, keys, strict=True)
        if k in t.names
    ]
    exact.sort(key=lambda item: item[:3])
    for *_order, target, header in exact:
        if target.key not in used and header not in mapping:
            mapping[header] = target.key
            used.add(target.key)
    for header, key in zip(headers, keys, strict=True):
        if header in mapping or not key or key in OWN_FIELDS or key in SYSTEM_HEADERS:
            continue
        candidates = [
            (len(name), t.key)
            for t in offered
            if t.key not in used
            for name in t.names
            if len(name) >= 2 and name in key
        ]
        if candidates:
            _length, best = max(candidates)
            mapping[header] = best
            used.add(best)
    if (
        kind is ImportKind.CUSTOMERS
        and "name" not in used
        and not used & {"first_name", "last_name"}
    ):
        # A Zoho Accounts export names its customers in "Account Name".
        for header, field in list(mapping.items()):
            if field == "company_name":
                mapping[header] = "name"
    return mapping

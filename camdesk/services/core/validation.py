"""Field normalisation and validation: phones, emails, dates, names.

Phones go through Google's libphonenumber port (``phonenumbers``): stored as
E.164, shown in the national format.  Emails through ``email-validator``
(syntax only; no DNS look-ups from a desktop app).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache

import phonenumbers

from camdesk.errors import FieldProblem
from camdesk.i18n import QT_TRANSLATE_NOOP

DEFAULT_REGION = "CN"
_SPACES = re.compile(r"\s+")

INVALID_PHONE = QT_TRANSLATE_NOOP("errors", "“{value}” is not a valid phone number.")
INVALID_EMAIL = QT_TRANSLATE_NOOP("errors", "“{value}” is not a valid email address.")
REQUIRED = QT_TRANSLATE_NOOP("errors", "This field is required.")
TOO_LONG = QT_TRANSLATE_NOOP("errors", "At most {limit} characters.")
INVALID_LUNAR = QT_TRANSLATE_NOOP(
    "errors", "“{value}” is not a lunar month and day; write it like 八月十五, 闰六月初三 or 8-15."
)
FUTURE_DATE = QT_TRANSLATE_NOOP("errors", "The date {value} lies in the future.")
TOO_OLD = QT_TRANSLATE_NOOP("errors", "The date {value} is before 1900.")
INVALID_NUMBER = QT_TRANSLATE_NOOP("errors", "“{value}” is not a number.")
INVALID_DATE = QT_TRANSLATE_NOOP("errors", "“{value}” is not a date (use YYYY-MM-DD).")
INVALID_CHOICE = QT_TRANSLATE_NOOP("errors", "“{value}” is not one of the choices.")


_LINE_BREAKS = re.compile(r"\s*[\r\n\t\v\f]+\s*")
_TAG_SPLIT = re.compile(r"[,，;；、|\n]+")


def clean_text(value: str | None, *, multiline: bool = False) -> str | None:
    """Free text as typed: only white space at either end is trimmed; '' becomes None.

    Full-width punctuation, spaces inside and the writer's line breaks are what the
    person typed and are kept (notes keep their lines; a one-line field gets a line
    break or tab pasted into it as one space). Identifiers are normalised by their own
    checks (:meth:`Checker.phone`, :meth:`Checker.email`, :meth:`Checker.code`).
    """
    if value is None:
        return None
    if value.isprintable() and not value[:1].isspace() and not value[-1:].isspace():
        return value or None  # nothing to trim (most values)
    value = value.strip()
    if not multiline and not value.isprintable():
        value = _LINE_BREAKS.sub(" ", value)
    return value or None


def fold(value: str) -> str:
    """Half-width, single-spaced text (NFKC): for reading codes, numbers and dates that
    were typed with a Chinese input method, never for storing free text."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", value)).strip()


def split_tags(text: str | None) -> tuple[str, ...]:
    """Tags typed in one box or cell: "VIP, 老客户；重点、VIP" -> ("VIP", "老客户", "重点").

    Commas, semicolons and the enumeration comma 、 (half- or full-width), bars and line
    breaks separate tags; the form and the import both read tags here."""
    if not text:
        return ()
    return tuple(dict.fromkeys(t.strip() for t in _TAG_SPLIT.split(text) if t.strip()))


_PROVINCE_SUFFIXES = (
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "特别行政区",
    "自治区",
    "省",
    "市",
)


def short_province(value: str | None) -> str | None:
    """A province by its short name, as camdesk's lists name it: 浙江省 -> 浙江.

    Provinces and cities are place names from a fixed list, so like codes they have one
    spelling: the form, the import and the demo store them through here (filters and the
    duplicate scan then treat 浙江省 and 浙江 alike)."""
    if value is None:
        return None
    if value == "内蒙古自治区":
        return "内蒙古"
    for suffix in _PROVINCE_SUFFIXES:
        if value.endswith(suffix) and len(value) > len(suffix) + 1:
            return value[: -len(suffix)]
    return value


def short_city(value: str | None) -> str | None:
    """A city by its short name: 杭州市 -> 杭州 (two-character names keep theirs: 沙市)."""
    if value is None:
        return None
    if value.endswith("市") and len(value) > 2:
        return value[:-1]
    return value


_CN_MOBILE = re.compile(r"(?:\+?86)?(1\d{10})")
_SEPARATORS = re.compile(r"[\s\-()]")


@lru_cache(maxsize=16384)
def _cn_mobile_block_valid(block: str) -> bool:
    """Whether libphonenumber accepts Chinese mobiles starting with these 5 digits.

    Its rules for Chinese mobiles depend on the first five digits only (a test
    checks every block), so one parse per block answers for all its numbers.
    """
    return bool(phonenumbers.is_valid_number(phonenumbers.parse(f"+86{block}000000")))


def normalize_phone(raw: str, region: str = DEFAULT_REGION) -> str:
    """E.164 form of a phone number; raises ValueError if it is not a valid number."""
    text = unicodedata.normalize("NFKC", raw)
    if region == "CN":  # the common case without a full parse (~20 µs): imports check 100,000s
        mobile = _CN_MOBILE.fullmatch(_SEPARATORS.sub("", text))
        if mobile:
            if not _cn_mobile_block_valid(mobile.group(1)[:5]):
                raise ValueError(raw)
            return "+86" + mobile.group(1)
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException as exc:
        raise ValueError(raw) from exc
    if not phonenumbers.is_valid_number(number):
        raise ValueError(raw)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def display_phone(e164: str | None, region: str = DEFAULT_REGION) -> str:
    """How a stored number is shown: national format at home, international abroad."""
    if not e164:
        return ""
    if region == "CN" and len(e164) == 14 and e164.startswith("+861") and e164[3:].isdigit():
        # A Chinese mobile, the common case: 3-4-4 (libphonenumber's format, pinned by a test;
        # parsing costs ~50 µs a number, too much for a page of the list).
        return f"{e164[3:6]} {e164[6:10]} {e164[10:]}"
    try:
        number = phonenumbers.parse(e164, region)
    except phonenumbers.NumberParseException:
        return e164
    home = phonenumbers.region_code_for_number(number) == region
    fmt = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if home
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, fmt)


def phone_digits(e164: str | None, region: str = DEFAULT_REGION) -> str:
    """The digits people type when they look a number up (national form, with trunk 0)."""
    if e164 and region == "CN" and e164.startswith("+86") and e164[3:].isdigit():
        national = e164[3:]  # fast path for the common case; same result as below
        mobile = len(national) == 11 and national.startswith("1")  # Beijing is 10 + 8 digits
        return national if mobile else "0" + national
    return re.sub(r"\D", "", display_phone(e164, region))


# Plain addresses (most of them) need no full check: letters, digits and ._%+- before the @,
# ordinary domain labels after it, a letters-only top-level domain. Anything else goes to
# email-validator; a test checks the shortcut gives its answers.
_PLAIN_EMAIL = re.compile(
    r"([A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*)@"
    r"((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+([A-Za-z]{2,63}))"
)
_SPECIAL_USE = frozenset({"arpa", "invalid", "local", "localhost", "onion", "test"})


def normalize_email(raw: str) -> str:
    """Checked syntax, all lower case; raises ValueError if invalid.

    The part before the @ may in theory be case-sensitive; in practice no mail
    provider treats it so, and one spelling lets imports and the duplicate scan
    recognise an address however it was typed.
    """
    plain = _PLAIN_EMAIL.fullmatch(raw.strip())
    if (
        plain
        and len(plain.group(1)) <= 64
        and len(raw.strip()) <= 254
        and plain.group(3).lower() not in _SPECIAL_USE
    ):
        return f"{plain.group(1)}@{plain.group(2)}".lower()
    from email_validator import EmailNotValidError, validate_email

    try:
        result = validate_email(raw.strip(), check_deliverability=False)
    except EmailNotValidError as exc:
        raise ValueError(raw) from exc
    return str(result.normalized).lower()


class Checker:
    """Collects field problems so a form can show all of them at once.

    Attributes:
        problems: what was found, in the order fields were checked.
    """

    def __init__(self) -> None:
        self.problems: list[FieldProblem] = []

    def fail(self, field: str, message: str, **params: object) -> None:
        self.problems.append(FieldProblem(field, message, params))

    def text(
        self,
        field: str,
        value: str | None,
        limit: int,
        *,
        required: bool = False,
        multiline: bool = False,
    ) -> str | None:
        if value is not None:  # most fields of most rows are empty: no call for them
            value = clean_text(value, multiline=multiline)
        if value is None and required:
            self.fail(field, REQUIRED)
        elif value is not None and len(value) > limit:
            self.fail(field, TOO_LONG, limit=limit)
        return value

    def code(self, field: str, value: str | None, limit: int) -> str | None:
        """A code (客户编号): half-width, without spaces at the ends (Ｋ００１ is K001)."""
        value = clean_text(value)
        return self.text(field, fold(value), limit) if value is not None else None

    def phone(self, field: str, value: str | None) -> str | None:
        value = clean_text(value)
        if value is None:
            return None
        try:
            return normalize_phone(value)
        except ValueError:
            self.fail(field, INVALID_PHONE, value=value)
            return None

    def email(self, field: str, value: str | None) -> str | None:
        value = clean_text(value)
        if value is None:
            return None
        try:
            return normalize_email(value)
        except ValueError:
            self.fail(field, INVALID_EMAIL, value=value)
            return None

    def lunar_day(self, field: str, value: str | None) -> str | None:
        """A lunar month and day as typed ("八月十五", "闰6-15") in its stored form."""
        from camdesk.services.core.lunar_days import lunar_code, parse_lunar

        text = (value or "").strip()
        if not text:
            return None
        try:
            return lunar_code(parse_lunar(text))
        except ValueError:
            self.fail(field, INVALID_LUNAR, value=text)
            return None

    def past_date(self, field: str, value: date | None, today: date | None = None) -> date | None:
        if value is None:
            return None
        if value > (today or date.today()):
            self.fail(field, FUTURE_DATE, value=value.isoformat())
        elif value.year < 1900:
            self.fail(field, TOO_OLD, value=value.isoformat())
        return value

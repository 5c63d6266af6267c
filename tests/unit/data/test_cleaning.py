"""Spreadsheet realities: cells say the same thing in many ways."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from camdesk.services.core.validation import normalize_phone, short_city, short_province
from camdesk.services.data import cleaning


@pytest.mark.parametrize(
    "cell",
    [13812345678.0, 13812345678, "138 1234 5678", "138-1234-5678", "+86 138 1234 5678",
     "+86-13812345678", "１３８１２３４５６７８", " 13812345678 ", "(+86)13812345678"],
)  # fmt: skip
def test_phones_in_every_shape_become_one_number(cell):
    assert normalize_phone(cleaning.phone(cell) or "") == "+8613812345678"


@pytest.mark.parametrize("cell", ["1.38123E+10", "1.38e10", 1.5])
def test_phones_that_lost_digits_are_refused(cell):
    with pytest.raises(ValueError):
        cleaning.phone(cell)


@pytest.mark.parametrize(
    "cell",
    [date(2024, 3, 5), datetime(2024, 3, 5, 14, 30), 45356, 45356.0, "45356", "2024-03-05",
     "2024/3/5", "2024.3.5", "2024年3月5日", "2024 年 3 月 5 日", "20240305", "2024-3-5 00:00:00",
     "２０２４－０３－０５"],
)  # fmt: skip
def test_dates_in_every_shape(cell):
    assert cleaning.day(cell) == date(2024, 3, 5)


def test_day_month_order_is_taken_only_when_unambiguous():
    assert cleaning.day("25/12/2023") == date(2023, 12, 25)
    assert cleaning.day("12/25/2023") == date(2023, 12, 25)
    for cell in ("3/5/2024", "2024-02-30", "yesterday", "1.5.", -3, 99999999):
        with pytest.raises(ValueError):
            cleaning.day(cell)


def test_text_is_kept_as_typed_and_values_are_read_from_folded_text():
    assert cleaning.text("  Ａｌｉｃｅ　Ｗｏｎｇ ") == "Ａｌｉｃｅ　Ｗｏｎｇ"  # ends trimmed only
    assert cleaning.text("展会上认识，对新品感兴趣") == "展会上认识，对新品感兴趣"
    assert cleaning.text("张 三") == "张 三"
    assert cleaning.text("王  芳\t") == "王  芳"
    assert cleaning.text("第一行\n第二行") == "第一行 第二行"  # one line: a pasted break is a space
    assert cleaning.long_text(" 第一行，\n  第二行。 ") == "第一行，\n  第二行。"
    assert cleaning.text(12345.0) == "12345"
    assert cleaning.text("   ") is None
    assert cleaning.folded("  Ａｌｉｃｅ　Ｗｏｎｇ ") == "Alice Wong"
    assert cleaning.folded("张 三") == "张三"
    assert cleaning.day("２０２４年３月５日") == date(2024, 3, 5)


def test_money_and_counts():
    assert cleaning.fen("¥1,234.50") == 123450
    assert cleaning.fen("1234元") == 123400
    assert cleaning.fen(99.9) == 9990
    assert cleaning.fen("１２") == 1200
    assert cleaning.whole("3") == 3
    for bad in ("12.345", "abc"):
        with pytest.raises(ValueError):
            cleaning.fen(bad)
    with pytest.raises(ValueError):
        cleaning.whole(2.5)


def test_choices_tags_and_places():
    assert cleaning.gender("男") == "male" and cleaning.gender("Female") == "female"
    assert cleaning.kind("企业") == "company" and cleaning.kind("个人") == "person"
    with pytest.raises(ValueError):
        cleaning.gender("unknown")
    assert cleaning.tags("VIP, 老客户；重点、VIP") == ("VIP", "老客户", "重点")
    assert cleaning.tags("经销商/代理") == ("经销商/代理",)
    assert short_province("浙江省") == "浙江"
    assert short_province("广西壮族自治区") == "广西"
    assert short_province("北京市") == "北京"
    assert short_province("内蒙古自治区") == "内蒙古"
    assert short_city("杭州市") == "杭州" and short_city("沙市") == "沙市"


TRICKY = ["张三", " 张三 ", "张 三", "张\u3000三", "Wang\u00a0Wei", "Wang\u2009Wei", "a\tb", "a\nb",
          "a  b", "ＡＢＣ１２３", "  ", "", "x\u2028y", "张\x85三", "'=SUM(A1)", "'+86 138",
          "李\u200b四", "Ｚｈａｎｇ　Ｓａｎ", "abc\r\n", "\u00a0"]  # fmt: skip


def test_the_quick_paths_give_what_the_full_tidying_gives() -> None:
    """Cells without white space skip the work; the result is the same."""
    import re
    import unicodedata

    from camdesk.services.core.validation import clean_text

    def folded(value: str) -> str | None:  # the full folding, always
        value = value.strip()  # (a CSV export's apostrophe is taken off as the file is read)
        value = unicodedata.normalize("NFKC", value)
        value = re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "",
                       re.sub(r"\s+", " ", value)).strip()  # fmt: skip
        return value or None

    for value in TRICKY:
        assert cleaning.folded(value) == folded(value), repr(value)
        stripped = value.strip()
        expected = (stripped if stripped.isprintable() else
                    re.sub(r"\s*[\r\n\t\v\f]+\s*", " ", stripped)) or None  # fmt: skip
        assert clean_text(value) == expected, repr(value)

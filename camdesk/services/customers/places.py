"""Chinese provinces and their prefecture-level cities, and their names in pinyin or English.

A sheet from Zoho or an English spreadsheet says "Wuhan", "Zhejiang Province" or
"Xi'an"; camdesk stores the Chinese name (武汉, 浙江, 西安), so that filters and the
duplicate scan treat them alike (:func:`chinese_name`, called by the customer rules).
The pinyin of each name is made by pypinyin from the list below (readings it gets
wrong for place names are set in :data:`_READINGS`), plus the English names in use
(Harbin, Inner Mongolia, Hong Kong, Shaanxi).  A spelling that names two cities
(Suzhou: 苏州 and 宿州; Fuzhou, Taizhou, Yichun, Yulin) is decided by the province
when the file has one, else kept as typed.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import cache, lru_cache

# fmt: off
PLACES: dict[str, str] = {
"北京": "北京", "上海": "上海", "天津": "天津", "重庆": "重庆",
"河北": "石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水",
"山西": "太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁",
"内蒙古": "呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布",
"辽宁": "沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳 葫芦岛",
"吉林": "长春 吉林 四平 辽源 通化 白山 松原 白城 延边",
"黑龙江": "哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化",
"江苏": "南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁",
"浙江": "杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水",
"安徽": "合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城",
"福建": "福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德",
"江西": "南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶",
"山东": "济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽",
"河南": "郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店",
"湖北": "武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 恩施",
"湖南": "长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底",
"广东": "广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山 潮州 揭阳 云浮",
"广西": "南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左",
"海南": "海口 三亚 三沙 儋州",
"四川": "成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳",
"贵州": "贵阳 六盘水 遵义 安顺 毕节 铜仁",
"云南": "昆明 曲靖 玉溪 保山 昭通 丽江 普洱 临沧 大理 西双版纳",
"西藏": "拉萨 日喀则 昌都 林芝 山南 那曲",
"陕西": "西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛",
"甘肃": "兰州 嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南",
"青海": "西宁 海东",
"宁夏": "银川 石嘴山 吴忠 固原 中卫",
"新疆": "乌鲁木齐 克拉玛依 吐鲁番 哈密 喀什 伊犁 石河子",
"香港": "香港", "澳门": "澳门", "台湾": "台北 新北 桃园 台中 台南 高雄 基隆 新竹 嘉义",
}
_READINGS = {"长治": "changzhi", "漯河": "luohe", "朝阳": "chaoyang", "陕西": "shaanxi",
             "吕梁": "lvliang"}
_ENGLISH = {
    "harbin": "哈尔滨", "hohhot": "呼和浩特", "urumqi": "乌鲁木齐", "lhasa": "拉萨",
    "kashgar": "喀什", "ordos": "鄂尔多斯", "taipei": "台北", "kaohsiung": "高雄",
    "canton": "广州", "peking": "北京", "amoy": "厦门", "macao": "澳门", "macau": "澳门",
    "hongkong": "香港", "innermongolia": "内蒙古", "neimenggu": "内蒙古", "tibet": "西藏",
}
_PROVINCE_ENGLISH = {"shanxi": "山西"}  # Shanxi 山西, Shaanxi 陕西
# fmt: on
_SUFFIXES = (
    "specialadministrativeregion",
    "autonomousregion",
    "municipality",
    "province",
    "prefecture",
    "zizhiqu",
    "sheng",
    "city",
    "shi",
    "sar",
    "zhuang",
    "hui",
    "uygur",
    "uyghur",
)  # fmt: skip
_NOT_LETTERS = re.compile(r"[^a-z]")


def _spellings(text: str) -> list[str]:
    """Latin text reduced to letters, then with place words stripped one by one
    ("Xi'an City" -> "xiancity", "xian"); none for text that is not latin."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    letters = _NOT_LETTERS.sub("", folded)
    if not letters or len(folded) < len(text.strip()) * 0.8:
        return []
    found = [letters]
    while True:
        shorter = next((letters[: -len(s)] for s in _SUFFIXES
                        if letters.endswith(s) and len(letters) > len(s) + 1), None)  # fmt: skip
        if shorter is None:
            return found
        letters = shorter
        found.append(letters)


@cache
def _names(provinces: bool) -> dict[str, tuple[str, ...]]:
    """Each spelling and the places it may name (one, or two such as Suzhou's)."""
    from pypinyin import lazy_pinyin

    found: defaultdict[str, set[str]] = defaultdict(set)
    names = list(PLACES) if provinces else [c for cities in PLACES.values() for c in cities.split()]
    for name in names:
        spelled = _READINGS.get(name) or "".join(lazy_pinyin(name))
        found[spelled].add(name)
        found[spelled.replace("v", "u")].add(name)  # 吕梁: lvliang, Lüliang
    spellings = {spelled: tuple(sorted(n)) for spelled, n in found.items()}
    spellings.update((k, (v,)) for k, v in _ENGLISH.items())
    if provinces:
        spellings.update((k, (v,)) for k, v in _PROVINCE_ENGLISH.items())
    return spellings


def chinese_name(text: str | None, *, province: bool, in_province: str | None = None) -> str | None:
    """The Chinese name of a province or city typed in pinyin or English, else ``text``.

    A spelling of two cities is decided by ``in_province`` (Suzhou in 江苏 is 苏州, in
    安徽 宿州); without it, or if neither lies there, the text stays as typed."""
    if not text or "\u3400" <= text[0] <= "\u9fff":  # typed in Chinese: as it is
        return text
    return _chinese_name(text, province, in_province)


@lru_cache(maxsize=4096)  # an import of 100,000 rows names a few hundred places
def _chinese_name(text: str, province: bool, in_province: str | None) -> str:
    spellings = _names(province)
    places = next((spellings[s] for s in _spellings(text) if s in spellings), ())
    if len(places) > 1 and in_province in PLACES:
        places = tuple(p for p in places if p in PLACES[in_province].split())
    return places[0] if len(places) == 1 else text

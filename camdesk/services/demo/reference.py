"""Reference data for demo databases: real places, current mobile prefixes, business words."""

from __future__ import annotations

# The places, company sizes and sources the customer form offers (demo files use the same).
from camdesk.services.customers.choices import COMPANY_SIZES as COMPANY_SIZES
from camdesk.services.customers.choices import PROVINCE_CITIES as PROVINCE_CITIES
from camdesk.services.customers.choices import SOURCES as SOURCES

# Rough weights: more customers where more people and business are.
PROVINCE_WEIGHTS: dict[str, float] = {
    "广东": 12, "浙江": 9, "江苏": 9, "山东": 7, "北京": 6, "上海": 6, "河南": 5, "四川": 5,
    "湖北": 4, "湖南": 4, "福建": 4, "河北": 4, "安徽": 3, "天津": 2, "重庆": 2.5, "陕西": 2.5,
    "辽宁": 2.5, "江西": 2, "云南": 1.5, "广西": 1.5, "山西": 1.5, "黑龙江": 1.5, "吉林": 1,
    "贵州": 1, "海南": 0.6, "甘肃": 0.6, "内蒙古": 0.6, "新疆": 0.5, "宁夏": 0.2, "青海": 0.2,
    "西藏": 0.1,
}  # fmt: skip

# Mobile network prefixes in use (China Mobile, Unicom, Telecom, Broadnet, MVNOs) that
# libphonenumber accepts: demo customers must pass the same checks as typed ones (a test).
MOBILE_PREFIXES: tuple[str, ...] = (
    "130", "131", "132", "133", "134", "135", "136", "137", "138", "139",
    "145", "147", "150", "151", "152", "153", "155", "156", "157", "158", "159",
    "162", "165", "166", "167", "170", "171", "172", "173", "175", "176", "177", "178",
    "180", "181", "182", "183", "184", "185", "186", "187", "188", "189",
    "190", "191", "192", "193", "195", "196", "197", "198", "199",
)  # fmt: skip

# Characters common in given names, for two-character given names beyond Faker's list.
GIVEN_CHARS = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建红文斌宇浩凯健俊帆帅"
    "旭宁婷琳晶欣怡雪梦佳雨思嘉子轩涵悦晨阳博瑞泽睿鑫颖慧琪瑶璐晓海波春亮志新国荣"
)
ENGLISH_FIRST = (
    "James",
    "Emma",
    "Oliver",
    "Sophia",
    "Lucas",
    "Mia",
    "Ethan",
    "Chloe",
    "Daniel",
    "Grace",
    "Ryan",
    "Lily",
    "Kevin",
    "Amy",
    "David",
    "Nina",
)
ENGLISH_LAST = (
    "Smith",
    "Brown",
    "Wilson",
    "Taylor",
    "Anderson",
    "Miller",
    "Clark",
    "Lee",
    "Walker",
    "Young",
    "King",
    "Wright",
    "Scott",
    "Green",
    "Baker",
    "Müller",
)

COMPANY_ROOTS = (
    "海纳", "华信", "恒通", "鼎盛", "博远", "中科", "金桥", "天成", "瑞丰", "宏达", "新源", "联创",
    "启明", "远航", "正泰", "嘉禾", "东方", "长城", "盛世", "安达", "润泽", "九州", "汇通", "卓越",
    "未来", "智汇", "蓝海", "万象", "星辰", "和信", "同创", "美邦", "优品", "佳美", "百川", "德润",
    "永信", "华章", "泰和", "云帆", "光明", "青松", "银河", "锦程", "凯旋", "明珠", "晨曦", "福瑞",
)  # fmt: skip
COMPANY_TRADES = (
    ("科技", "软件"), ("信息技术", "软件"), ("网络科技", "互联网"), ("电子", "电子制造"),
    ("机械", "机械设备"), ("贸易", "批发零售"), ("商贸", "批发零售"), ("食品", "食品饮料"),
    ("餐饮管理", "餐饮"), ("建筑工程", "建筑"), ("装饰工程", "建筑"), ("物流", "物流运输"),
    ("医疗器械", "医疗"), ("生物科技", "医药"), ("文化传媒", "文化传媒"), ("教育咨询", "教育"),
    ("服饰", "服装纺织"), ("家居", "家居建材"), ("汽车服务", "汽车"), ("新能源", "能源"),
    ("化工", "化工"), ("农业科技", "农业"), ("旅游", "旅游酒店"), ("广告", "广告营销"),
)  # fmt: skip
COMPANY_FORMS = (
    "有限公司",
    "有限公司",
    "有限公司",
    "股份有限公司",
    "有限责任公司",
    "集团有限公司",
    "工作室",
    "商行",
)
TITLES = ("总经理", "采购经理", "财务", "行政主管", "技术总监", "运营经理", "老板", "店长", "助理")

CHANNELS = ("门店", "线上商城", "微信小程序", "电话订购", "代理商")
TAGS = (
    "VIP",
    "老客户",
    "价格敏感",
    "需回访",
    "企业客户",
    "潜在大客户",
    "投诉过",
    "生日关怀",
    "喜欢新品",
    "团购",
)
PREFERENCES = (
    "喜欢绿茶",
    "偏好线上沟通",
    "周末方便联系",
    "只接受电话",
    "关注折扣活动",
    "喜欢送货上门",
    "对价格敏感",
    "注重售后",
    "喜欢新品首发",
    "",
)
PRODUCTS: tuple[tuple[str, str, int, int], ...] = (
    # name, category, typical price in yuan, cost share in percent
    ("有机绿茶礼盒", "茶叶", 268, 55), ("龙井茶 250g", "茶叶", 180, 50), ("普洱茶饼", "茶叶", 320, 45),
    ("紫砂壶", "茶具", 560, 40), ("玻璃茶具套装", "茶具", 128, 50), ("保温杯", "日用品", 89, 45),
    ("蜂蜜 500g", "食品", 68, 60), ("坚果礼盒", "食品", 158, 55), ("月饼礼盒", "节日礼品", 238, 50),
    ("粽子礼盒", "节日礼品", 168, 50), ("会员年卡", "服务", 999, 20), ("上门清洁服务", "服务", 300, 35),
    ("办公茶水套餐", "企业采购", 2400, 60), ("员工福利礼包", "企业采购", 4800, 62),
    ("定制茶礼", "企业采购", 9600, 58),
)  # fmt: skip
INTERACTION_SUBJECTS = (
    "新品介绍",
    "回访满意度",
    "生日问候",
    "节日关怀",
    "售后跟进",
    "报价沟通",
    "催付款",
    "活动邀约",
    "投诉处理",
    "续费提醒",
)
INTERACTION_OUTCOMES = (
    "客户满意，暂无新需求",
    "有意向，需要报价",
    "已下单",
    "未接通，稍后再联系",
    "对价格有顾虑",
    "推荐了朋友",
    "要求寄送样品",
    "下月再联系",
    "问题已解决",
    "暂不考虑",
)
NEXT_STEPS = ("发送报价单", "寄送样品", "两周后回访", "邀请参加新品品鉴会", "安排上门拜访", "")
FOLLOW_UP_PURPOSES = {
    # follow-up type: what it is for
    "return": ("定期回访", "回访满意度", "了解复购需求", "续费提醒", "新品推荐"),
    "care": ("生日问候", "节日关怀", "入会周年问候"),
    "wake": ("沉睡客户唤醒", "发送回归优惠券"),
    "winback": ("流失客户挽回", "了解流失原因"),
    "other": ("核对收货地址", "催付款"),
}

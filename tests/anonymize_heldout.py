"""A held-out corpus for the anonymizer, written apart from tests/anonymize_corpus.py.

Own name lists, own phrasing, own number builders: the check digits (GB 11643 resident ID,
GB 32100 credit code with its GB 11714 organization code, Luhn, ISO 7064 MOD 11,10 for the old
15-digit registration number) are computed here in plain code, not with python-stdnum, and only
at run time. The forms are those of 市场监管 work: 行政处罚决定书, 现场检查笔录, 询问笔录,
投诉举报登记表, 举报奖励审批表 and the special-equipment and drug/medical-device inspections.

Every gold item carries a type and a variant (the hard case it stands for), so recall can be
reported per variant; decoys are what must stay (authorities, 文书号, standards, amounts, dates,
articles, the words after a label that are not a name).
"""
from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

# -------------------------------------------------------------------- names
FAMILY = list("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡"
              "贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段"
              "雷钱汤尹黎易常武乔贺赖龚文")
COMPOUND = ["司徒", "欧阳", "上官", "诸葛", "公孙", "慕容", "夏侯", "端木", "宇文", "长孙", "申屠", "万俟",
            "闻人", "赫连", "澹台", "公冶", "宗政", "濮阳", "淳于", "太叔", "仲孙", "轩辕", "令狐", "钟离",
            "鲜于", "闾丘", "司空", "亓官", "司寇", "子车", "颛孙", "巫马", "公西", "漆雕", "乐正", "壤驷",
            "公良", "拓跋", "夹谷", "宰父", "谷梁", "段干", "百里", "东郭", "南门", "呼延", "归海", "羊舌",
            "微生", "梁丘", "左丘", "东门", "西门", "南宫", "第五", "公羊", "皇甫", "尉迟", "东方", "司马"]
GIVEN_ONE = list("刚毅斌彬琳玲婷倩蕾璐鑫淼森磊焱垚晶昊旻玥瑶瑾璇珂颖茜蓓娅妍")
GIVEN_TWO = ["雨桐", "子墨", "一鸣", "思远", "嘉怡", "浩宇", "梦琪", "俊杰", "晓琳", "天佑", "诗涵", "铭轩",
             "雅婷", "锦程", "若曦", "家豪", "佳琪", "书瑶", "文博", "晨阳"]
WORD_GIVEN = ["宏伟", "红军", "志强", "忠良", "建华", "国庆", "海洋", "春风", "平安", "胜利", "光荣", "和平",
              "振兴", "富强", "卫国", "爱民", "建设", "永红", "秀英", "桂花", "解放", "跃进", "文明", "金山"]
MINORITY = ["扎西多吉", "次仁卓玛", "格桑拉姆", "达瓦次仁", "阿依古丽", "巴特尔", "乌兰其其格", "那日苏",
            "其木格", "热依拉·吐尔逊", "买买提·艾力", "阿卜杜拉·热合曼", "央金", "尼玛顿珠", "吾买尔江",
            "斯琴高娃", "阿不都热西提", "古丽娜尔", "旦增", "索朗平措"]
TITLES = ["老{s}", "小{s}", "{s}姐", "{s}哥", "{s}师傅", "{s}老板", "{s}总"]

# -------------------------------------------------------------------- places and units
PLACES = [("浙江省", "温州市", "鹿城区", "浙", "0577", "330302"), ("福建省", "泉州市", "丰泽区", "闽", "0595", "350503"),
          ("河北省", "保定市", "莲池区", "冀", "0312", "130606"), ("陕西省", "咸阳市", "秦都区", "陕", "029", "610402"),
          ("辽宁省", "大连市", "沙河口区", "辽", "0411", "210204"), ("广西壮族自治区", "柳州市", "城中区", "桂", "0772", "450202"),
          ("贵州省", "遵义市", "汇川区", "贵", "0851", "520303"), ("山西省", "大同市", "平城区", "晋", "0352", "140213"),
          ("黑龙江省", "齐齐哈尔市", "龙沙区", "黑", "0452", "230202"), ("云南省", "曲靖市", "麒麟区", "云", "0874", "530302")]
SHOP_WORD = ["金福来", "益康", "兴旺", "乐购", "鲜多多", "喜盈门", "福满堂", "好邻居", "优品汇", "老街坊", "禾丰", "顺心"]
UNIT_TAIL = ["食品有限公司", "商贸有限公司", "医药连锁有限公司", "电梯安装维修有限公司", "餐饮管理有限公司",
             "便民超市", "大药房", "副食品商店", "农家乐饭店", "口腔门诊部", "生鲜经营部", "酒业商行"]
STREET = ["人民", "朝阳", "解放", "新华", "学府", "滨河", "迎宾", "长青", "和谐", "金桥", "凤凰", "锦绣"]
STANDARDS = ["GB 2760-2014", "GB 7718-2011", "GB/T 191-2008", "GB 4806.7-2016", "GB 14881-2013", "TSG 08-2017",
             "GB 31604.1-2023"]
ARTICLES = [("《中华人民共和国食品安全法》", "第一百二十四条第一款第三项"), ("《中华人民共和国药品管理法》", "第一百一十七条"),
            ("《中华人民共和国特种设备安全法》", "第八十三条第一项"), ("《中华人民共和国产品质量法》", "第四十九条"),
            ("《医疗器械监督管理条例》", "第八十六条第一项"), ("《中华人民共和国价格法》", "第四十条")]
NOT_A_NAME = ["（未到场）", "拒绝签名", "不详", "匿名", "未留姓名", "本人", "无", "同上", "见附件"]

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


@dataclass
class Doc:
    """One document: text, gold items (start, end, type, variant) and decoys (start, end, label)."""

    kind: str
    text: str = ""
    gold: list = field(default_factory=list)
    keep: list = field(default_factory=list)

    def add(self, s: str) -> "Doc":
        self.text += s
        return self

    def ent(self, value: str, typ: str, variant: str) -> "Doc":
        self.gold.append((len(self.text), len(self.text) + len(value), typ, variant))
        self.text += value
        return self

    def stay(self, value: str, label: str) -> "Doc":
        self.keep.append((len(self.text), len(self.text) + len(value), label))
        self.text += value
        return self


# -------------------------------------------------------------------- check digits, in plain code

def ric_check(body17: str) -> str:
    """GB 11643 check character of an 18-digit resident ID."""
    weights = [pow(2, 17 - i, 11) for i in range(17)]
    return "10X98765432"[sum(int(d) * w for d, w in zip(body17, weights)) % 11]


def org_code_check(body8: str) -> str:
    """GB 11714 check character of the 9-character organization code."""
    weights = [3, 7, 9, 10, 5, 8, 4, 2]
    values = [USCC_CHARS.index(c) if c.isdigit() else ord(c) - 55 for c in body8]
    c = 11 - sum(v * w for v, w in zip(values, weights)) % 11
    return {10: "X", 11: "0"}.get(c, str(c))


def uscc_check(body17: str) -> str:
    """GB 32100 check character of a unified social credit code."""
    weights = [pow(3, i, 31) for i in range(17)]
    c = 31 - sum(USCC_CHARS.index(ch) * w for ch, w in zip(body17, weights)) % 31
    return USCC_CHARS[0 if c == 31 else c]


def luhn_check(body: str) -> str:
    total = 0
    for i, d in enumerate(reversed(body)):
        v = int(d) * (2 if i % 2 == 0 else 1)
        total += v - 9 if v > 9 else v
    return str((10 - total % 10) % 10)


def mod11_10_check(body14: str) -> str:
    """ISO 7064 MOD 11,10 check digit of the old 15-digit business registration number."""
    p = 10
    for d in body14:
        s = (p + int(d)) % 10 or 10
        p = s * 2 % 11
    return str((11 - p) % 10)


class Maker:
    """Random values for one corpus; within one document no value is drawn twice."""

    def __init__(self, seed: int):
        self.r = random.Random(seed)
        self.used: set[str] = set()

    def pick(self, seq):
        return self.r.choice(seq)

    def digits(self, n: int) -> str:
        return "".join(str(self.r.randint(0, 9)) for _ in range(n))

    def _fresh(self, make) -> str:
        while True:
            value = make()
            if value not in self.used:
                self.used.add(value)
                return value

    def name(self, variant: str) -> str:
        r = self.r
        if variant == "compound":
            return self._fresh(lambda: self.pick(COMPOUND) + (self.pick(GIVEN_ONE) if r.random() < 0.4 else self.pick(GIVEN_TWO)))
        if variant == "word_given":
            return self._fresh(lambda: self.pick(FAMILY) + self.pick(WORD_GIVEN))
        if variant == "minority":
            return self._fresh(lambda: self.pick(MINORITY))
        if variant == "single_given":
            return self._fresh(lambda: self.pick(FAMILY) + self.pick(GIVEN_ONE))
        return self._fresh(lambda: self.pick(FAMILY) + self.pick(GIVEN_TWO))

    def any_name(self) -> tuple[str, str]:
        variant = self.r.choices(["plain", "single_given", "word_given", "compound", "minority"], [30, 15, 25, 18, 12])[0]
        return self.name(variant), variant

    def born(self) -> datetime.date:
        return datetime.date(self.r.randint(1950, 2003), self.r.randint(1, 12), self.r.randint(1, 28))

    def id18(self, area: str) -> str:
        body = f"{area}{self.born():%Y%m%d}{self.r.randint(0, 999):03d}"
        return body + ric_check(body)

    def id15(self, area: str) -> str:
        return f"{area}{self.born():%y%m%d}{self.r.randint(0, 999):03d}"

    def mobile(self) -> str:
        return self.pick(["135", "136", "150", "158", "177", "188", "199", "166"]) + self.digits(8)

    def uscc(self, area: str) -> str:
        body8 = "".join(self.pick(USCC_CHARS[:10] + "ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
        body = self.pick(["91", "92"]) + area + body8 + org_code_check(body8)
        return body + uscc_check(body)

    def bank(self) -> str:
        body = self.pick(["621700", "622848", "622202", "623052"]) + self.digits(self.pick([12, 9]))
        return body + luhn_check(body)

    def reg15(self, area: str) -> str:
        body = area + self.digits(8)
        return body + mod11_10_check(body)

    def device_code(self) -> str:
        return self.pick(["3110", "4310", "2110", "3120"]) + self.digits(6) + self.pick(["2016", "2019", "2021"]) + self.digits(6)

    def use_reg(self, prov: str) -> str:
        return self.pick(["梯", "起", "容", "锅"]) + self.pick(["11", "17", "2L"]) + prov + self.pick("ABCD") + self.digits(5) + f"({self.r.randint(16, 24)})"

    def licence(self, prov: str) -> tuple[str, str, str]:
        """(label, number, variant) of a licence of the food, drug or medical kind."""
        kind = self.pick(["jy", "sc", "drug", "device", "device_filing", "clinic", "pharmacist", "drug_mfg"])
        city = self.pick("ABCDE")
        return {
            "jy": ("食品经营许可证编号", "JY" + self.pick("123") + self.digits(13), "food_jy"),
            "sc": ("食品生产许可证编号", "SC" + self.pick("1234") + self.digits(13), "food_sc"),
            "drug": ("药品经营许可证编号", prov + city + self.pick("AB") + self.digits(7), "drug_trade"),
            "drug_mfg": ("药品生产许可证编号", prov + self.digits(8), "drug_mfg"),
            "device": ("医疗器械经营许可证编号", prov + self.pick(["温", "泉", "保", "咸"]) + "食药监械经营许" + self.digits(8) + "号", "device"),
            "device_filing": ("第二类医疗器械经营备案凭证编号", prov + self.pick(["温", "泉", "保", "咸"]) + "市监械经营备" + self.digits(8) + "号", "device_filing"),
            "clinic": ("医疗机构执业许可证登记号", "PDY" + self.digits(5) + "-" + self.digits(12) + "A" + self.digits(4), "clinic"),
            "pharmacist": ("执业药师注册证编号", self.digits(14), "pharmacist"),
        }[kind]

    def address(self, place) -> str:
        prov, city, county = place[:3]
        street = self.pick(STREET) + self.pick(["路", "大街", "东路"])
        return f"{prov if self.r.random() < 0.5 else ''}{city}{county}{street}{self.r.randint(1, 400)}号{self.pick(['', '101室', '2幢3单元502室', '一楼商铺'])}"

    def unit(self, place) -> str:
        return self._fresh(lambda: self.pick([place[1][:-1], place[2][:-1], ""]) + self.pick(SHOP_WORD) + self.pick(UNIT_TAIL))

    def date(self) -> str:
        return f"{self.pick([2023, 2024, 2025])}年{self.r.randint(1, 12)}月{self.r.randint(1, 28)}日"

    def doc_no(self, place) -> str:
        return f"{place[1][0]}{place[2][0]}市监{self.pick(['罚决', '立', '处罚', '检'])}〔{self.pick([2023, 2024, 2025])}〕{self.r.randint(1, 999)}号"


def _authority(place) -> str:
    return f"{place[1]}{place[2]}市场监督管理局"


def _nickname(m: Maker, name: str) -> tuple[str, str]:
    """老王, 王姐, 张师傅 for a name with a surname; a minority name has none, so it is repeated whole."""
    if name in MINORITY:
        return name, "repeat"
    return m.pick(TITLES).format(s=name[:2] if name[:2] in COMPOUND else name[0]), "nickname"


# -------------------------------------------------------------------- forms

def _decision(m: Maker) -> Doc:
    place = m.pick(PLACES)
    d = Doc("行政处罚决定书")
    unit = m.unit(place)
    boss, variant = m.any_name()
    law, article = m.pick(ARTICLES)
    d.stay(_authority(place), "authority").add("\n行政处罚决定书\n").stay(m.doc_no(place), "doc_no").add("\n当事人：")
    d.ent(unit, "ORG", "unit").add("\n统一社会信用代码：").ent(m.uscc(place[5]), "USCC", "uscc")
    if m.r.random() < 0.5:
        d.add("（原注册号：").ent(m.reg15(place[5]), "LICENSE_NO", "reg15").add("）")
    d.add("\n住所：").ent(m.address(place), "ADDRESS", "address")
    d.add("\n" + m.pick(["法定代表人", "经营者", "负责人"]) + "：").ent(boss, "PERSON", "label_" + variant)
    d.add("\n身份证号码：").ent(m.id18(place[5]), "ID_CARD", "id18").add("\n联系电话：").ent(m.mobile(), "PHONE", "mobile")
    label, number, lv = m.licence(place[3])
    d.add(f"\n{label}：").ent(number, "LICENSE_NO", lv)
    d.add("\n\n本局于").stay(m.date(), "date").add("对当事人进行检查，发现当事人经营的商品不符合").stay(m.pick(STANDARDS), "standard")
    d.add("的规定，货值金额").stay(f"{m.r.randint(200, 9000)}元", "amount").add("。经询问，")
    d.ent(boss, "PERSON", "repeat").add("承认上述事实。以上事实有现场检查笔录、")
    d.ent(boss, "PERSON", "repeat").add("的询问笔录等证据证实。\n当事人的行为违反了").stay(law, "law").add("的规定，依据").stay(article, "article")
    d.add("，决定罚款人民币").stay(f"{m.r.randint(1, 20) * 5000}元", "amount").add("。\n如不服本决定，可在收到本决定书之日起六十日内向")
    d.stay(f"{place[1]}人民政府", "authority").add("申请行政复议。\n承办人：")
    officer1, v1 = m.any_name()
    officer2, v2 = m.any_name()
    d.ent(officer1, "PERSON", "official_" + v1).add("、").ent(officer2, "PERSON", "official_" + v2)
    d.add("\n执法证号：").ent(place[5][:2] + m.digits(9), "LICENSE_NO", "officer_no")
    d.add("\n").stay(m.date(), "date").add("\n")
    return d


def _inspection(m: Maker) -> Doc:
    place = m.pick(PLACES)
    d = Doc("现场检查笔录")
    unit = m.unit(place)
    who, variant = m.any_name()
    nick, nick_variant = _nickname(m, who)
    d.add("现场检查笔录\n检查时间：").stay(m.date(), "date").add("\n检查地点：").ent(m.address(place), "ADDRESS", "address")
    d.add("\n被检查单位：").ent(unit, "ORG", "unit")
    d.add("\n现场负责人：").ent(who, "PERSON", "label_" + variant).add("    职务：店长\n联系电话：").ent(m.mobile(), "PHONE", "mobile")
    d.add("\n检查人员：")
    o1, v1 = m.any_name()
    d.ent(o1, "PERSON", "official_" + v1).add("（执法证号：").ent(place[5][:2] + m.digits(9), "LICENSE_NO", "officer_no").add("）")
    d.add("\n检查情况：执法人员出示执法证件后，对该店进行检查。店内员工称")
    d.ent(nick, "PERSON", nick_variant).add("去进货了，由").ent(who, "PERSON", "repeat").add("陪同检查。冷柜内发现")
    d.stay(f"{m.r.randint(2, 40)}袋", "quantity").add("标签不符合").stay(m.pick(STANDARDS), "standard").add("的速冻食品。")
    if m.r.random() < 0.6:
        d.add("现场设备：乘客电梯一台，设备代码：").ent(m.device_code(), "LICENSE_NO", "device_code")
        d.add("，使用登记证编号：").ent(m.use_reg(place[3]), "LICENSE_NO", "use_reg").add("，定期检验合格。")
    d.add("\n被检查人签名：").ent(who, "PERSON", "signature").add("\n检查人员签名：").ent(o1, "PERSON", "repeat_official")
    d.add("\n记录人：").ent(*_name_var(m, "label")).add("\n")
    return d


def _nickname_item(m: Maker, name: str) -> tuple[str, str, str]:
    nick, variant = _nickname(m, name)
    return nick, "PERSON", variant


def _name_var(m: Maker, prefix: str) -> tuple[str, str, str]:
    name, variant = m.any_name()
    return name, "PERSON", f"{prefix}_{variant}"


def _interview(m: Maker) -> Doc:
    place = m.pick(PLACES)
    d = Doc("询问笔录")
    who, variant = m.any_name()
    supplier, sv = m.any_name()
    d.add("询问笔录\n询问时间：").stay(m.date(), "date").add("\n询问地点：").stay(_authority(place), "authority").add("执法办案区")
    d.add("\n被询问人：").ent(who, "PERSON", "label_" + variant).add("    性别：男\n身份证号码：")
    if m.r.random() < 0.4:
        d.ent(m.id15(place[5]), "ID_CARD", "id15")
    else:
        d.ent(m.id18(place[5]), "ID_CARD", "id18")
    d.add("\n工作单位：").ent(m.unit(place), "ORG", "unit").add("\n联系方式：").ent(m.mobile(), "PHONE", "mobile")
    if m.r.random() < 0.5:
        d.add("\n微信号：").ent("wx" + m.digits(4) + m.pick(["abc", "_hz", "jia"]), "LICENSE_NO", "wechat")
    else:
        d.add("\nQQ：").ent(str(m.r.randint(1, 9)) + m.digits(m.r.randint(7, 9)), "LICENSE_NO", "qq")
    o1, v1 = m.any_name()
    o2, v2 = m.any_name()
    d.add("\n询问人：").ent(o1, "PERSON", "official_" + v1).add("  记录人：").ent(o2, "PERSON", "official_" + v2)
    d.add("\n问：你的货是从哪里进的？\n答：是从").ent(supplier, "PERSON", "in_sentence_" + sv).add("那里进的，他在批发市场有个摊位，我们都叫他")
    d.ent(*_nickname_item(m, supplier)).add("。\n问：有没有进货票据？\n答：没有，")
    d.ent(supplier, "PERSON", "repeat").add("说下次补给我。货款是转到").ent(supplier, "PERSON", "repeat")
    d.add("的银行卡上的，开户人：").ent(supplier, "PERSON", "repeat").add("，卡号：").ent(m.bank(), "BANK_CARD", "bank")
    d.add("。\n问：以上笔录是否属实？\n答：属实。\n被询问人签名：").ent(who, "PERSON", "signature").add("\n")
    return d


def _complaint(m: Maker) -> Doc:
    place = m.pick(PLACES)
    d = Doc("投诉举报登记表")
    who, variant = m.any_name()
    d.add("投诉举报登记表\n登记编号：").stay(f"TS{m.pick([2024, 2025])}{m.r.randint(1000, 9999)}", "register_no")
    d.add("\n投诉人：").ent(who, "PERSON", "label_" + variant).add("\n联系电话：").ent(m.mobile(), "PHONE", "mobile")
    d.add("\n身份证号：").ent(m.id18(place[5]), "ID_CARD", "id18").add("\n被投诉人：").ent(m.unit(place), "ORG", "unit")
    d.add("\n投诉内容：").stay(m.date(), "date").add("，本人在该店购买的牛奶已过保质期，店员")
    clerk, cv = m.any_name()
    d.ent(clerk, "PERSON", "after_role_" + cv).add("拒绝退货。要求按照").stay("《中华人民共和国食品安全法》", "law")
    d.stay("第一百四十八条", "article").add("赔偿").stay("1000元", "amount").add("。\n举报人：")
    d.stay(m.pick(NOT_A_NAME), "not_a_name").add("\n承办人：").ent(*_name_var(m, "official")).add("\n处理结果：已转")
    d.stay(_authority(place), "authority").add("处理。\n")
    return d


def _reward(m: Maker) -> Doc:
    place = m.pick(PLACES)
    d = Doc("举报奖励审批表")
    who, variant = m.any_name()
    d.add("举报奖励审批表\n案件名称：").stay(m.doc_no(place), "doc_no").add("\n举报人：").ent(who, "PERSON", "label_" + variant)
    d.add("\n举报人身份证号：").ent(m.id18(place[5]), "ID_CARD", "id18")
    d.add("\n开户银行：中国农业银行").stay(place[1], "bank_branch_city").add("分行\n开户人：").ent(who, "PERSON", "repeat")
    d.add("\n银行账号：").ent(m.bank(), "BANK_CARD", "bank").add("\n奖励金额：").stay(f"{m.r.randint(2, 50) * 100}元", "amount")
    d.add("\n经办人：").ent(*_name_var(m, "official")).add("\n负责人：").ent(*_name_var(m, "official"))
    d.add("\n审批人签名：").stay(m.pick(NOT_A_NAME[:2]), "not_a_name").add("\n审批日期：").stay(m.date(), "date").add("\n")
    return d


def _equipment(m: Maker) -> Doc:
    place = m.pick(PLACES)
    d = Doc("特种设备安全监督检查记录")
    unit = m.unit(place)
    d.add("特种设备安全监督检查记录\n使用单位：").ent(unit, "ORG", "unit").add("\n统一社会信用代码：").ent(m.uscc(place[5]), "USCC", "uscc")
    d.add("\n安全管理员：").ent(*_name_var(m, "label")).add("（作业人员证编号：").ent(m.id18(place[5]), "ID_CARD", "id18_as_cert").add("）")
    d.add("\n设备名称：曳引驱动乘客电梯\n设备代码：").ent(m.device_code(), "LICENSE_NO", "device_code")
    d.add("\n使用登记证编号：").ent(m.use_reg(place[3]), "LICENSE_NO", "use_reg")
    d.add("\n维保单位：").ent(m.unit(place), "ORG", "unit").add("，维保人员：").ent(*_name_var(m, "label"))
    d.add("\n检查依据：").stay("TSG 08-2017", "standard").add("，").stay("《中华人民共和国特种设备安全法》", "law")
    d.stay("第四十条", "article").add("\n检查发现：电梯超期未检验，责令于").stay(m.date(), "date").add("前改正。\n")
    d.add("使用单位负责人（签名）：").ent(*_name_var(m, "signature")).add("\n")
    return d


def _pharmacy(m: Maker) -> Doc:
    place = m.pick(PLACES)
    d = Doc("药品医疗器械检查记录")
    unit = m.unit(place)
    d.add("药品经营使用单位检查记录\n被检查单位：").ent(unit, "ORG", "unit")
    for _ in range(2):
        label, number, lv = m.licence(place[3])
        d.add(f"\n{label}：").ent(number, "LICENSE_NO", lv)
    d.add("\n企业负责人：").ent(*_name_var(m, "label")).add("\n质量负责人：").ent(*_name_var(m, "label"))
    d.add("\n驻店药师：").ent(*_name_var(m, "label")).add("，电话：").ent(m.mobile(), "PHONE", "mobile")
    d.add("\n检查情况：抽查").stay(f"{m.r.randint(5, 30)}个", "quantity").add("品种，未发现过期药品。检查依据")
    d.stay("《药品经营质量管理规范》", "law").add("。\n执法人员：").ent(*_name_var(m, "official")).add("、").ent(*_name_var(m, "official")).add("\n")
    return d


FORMS = [_decision, _inspection, _interview, _complaint, _reward, _equipment, _pharmacy]


def build(n_docs: int = 140, seed: int = 5150) -> list[Doc]:
    """The held-out documents: each form in turn, values drawn from one seeded generator."""
    m = Maker(seed)
    docs = []
    for i in range(n_docs):
        m.used.clear()
        docs.append(FORMS[i % len(FORMS)](m))
    return docs

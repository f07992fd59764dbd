"""A synthetic corpus of case documents for the anonymizer, built at run time.

Every identifier is generated here; checksums (ID card, credit code, bank card) are
computed with python-stdnum when the corpus is built, never stored as literals.
Names, companies and addresses are random combinations, not real ones.
Each document carries exact annotations (what must be found) and decoys (what must stay).
"""
from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

from stdnum import luhn
from stdnum.cn import ric, uscc

SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万严覃武戴莫孔汤")
COMPOUND = ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "慕容", "司徒", "令狐", "尉迟"]
GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文辉鹏飞俊峰宇晨浩然思雨欣怡子涵梓轩博文雅琴海燕丹凤春梅秋菊冬雪立新卫东德胜永福小龙晓燕佳慧嘉豪宏伟振华淑珍")
UYGHUR = ["买买提", "艾力", "阿不都", "热合曼", "古丽", "努尔", "吐尔逊", "依明", "阿依", "帕提古丽", "米吉提", "沙吾提"]
CITIES = [("浙江省", "杭州市", "西湖区"), ("浙江省", "宁波市", "鄞州区"), ("广东省", "广州市", "白云区"),
          ("广东省", "佛山市", "南海区"), ("江苏省", "苏州市", "吴中区"), ("四川省", "成都市", "武侯区"),
          ("湖北省", "宜昌市", "西陵区"), ("山东省", "烟台市", "芝罘区"), ("河南省", "洛阳市", "涧西区"),
          ("湖南省", "株洲市", "攸县"), ("安徽省", "六安市", "霍山县"), ("江西省", "赣州市", "信丰县")]
PLATE_PROV = {"浙江省": "浙", "广东省": "粤", "江苏省": "苏", "四川省": "川", "湖北省": "鄂",
              "山东省": "鲁", "河南省": "豫", "湖南省": "湘", "安徽省": "皖", "江西省": "赣"}
ROAD_A = list("文学新安和平兴华光明东西南北长建胜利解放中山人民青年环城滨江")
ROAD_B = ["路", "街", "大道", "中路", "北路", "东街"]
BRAND = ["鑫源", "恒达", "佳禾", "瑞丰", "荣盛", "宏泰", "聚福", "金穗", "汇通", "百顺", "康源", "丰禾",
         "惠民", "嘉和", "润泽", "同心", "永盛", "华晟", "信达", "德润", "万家乐", "好运来", "天天鲜"]
INDUSTRY = ["食品", "商贸", "餐饮管理", "贸易", "医药", "电梯工程", "物业服务", "粮油", "生鲜", "实业"]
SHOPS = ["便利店", "超市", "食品店", "经营部", "商行", "副食店", "烧烤店", "水果店", "小吃店"]
AREA_CANDIDATES = ["440106", "440104", "440111", "330106", "330102", "320506", "510107", "420502",
                   "370602", "410305", "430223", "341525", "360726", "110101", "310104"]
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
FOOD = ["预包装食品", "散装熟食", "桶装饮用水", "调味品", "方便面", "乳制品", "糕点", "白酒"]
STANDARDS = ["GB 2760-2014", "GB 7718-2011", "GB 2763-2021", "GB 2762-2022", "GB 29921-2021"]
LAWS = [("《中华人民共和国食品安全法》", "第三十四条第十项", "第一百二十四条第一款第五项"),
        ("《中华人民共和国药品管理法》", "第九十八条第三款第五项", "第一百一十七条第一款"),
        ("《中华人民共和国特种设备安全法》", "第四十条第三款", "第八十四条第一项"),
        ("《中华人民共和国价格法》", "第十三条第一款", "第四十二条")]


@dataclass
class Doc:
    """One synthetic document: text, items to find (start, end, type) and decoys (start, end, label)."""

    kind: str
    text: str = ""
    gold: list = field(default_factory=list)
    keep: list = field(default_factory=list)

    def add(self, s: str) -> "Doc":
        self.text += s
        return self

    def ent(self, value: str, typ: str) -> "Doc":
        self.gold.append((len(self.text), len(self.text) + len(value), typ))
        self.text += value
        return self

    def stay(self, value: str, label: str) -> "Doc":
        self.keep.append((len(self.text), len(self.text) + len(value), label))
        self.text += value
        return self


def _fullwidth(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else ("\u3000" if c == " " else c) for c in s)


class Gen:
    """Random identifiers; each value is made once per document so tests can check consistency."""

    def __init__(self, seed: int):
        self.r = random.Random(seed)
        self.areas = [a for a in AREA_CANDIDATES if self._id_for(a, datetime.date(1980, 1, 1), 1)]
        self.used_names: set[str] = set()

    def _id_for(self, area: str, born: datetime.date, seq: int) -> str | None:
        """Check digit computed by stdnum; stdnum's place table (county existed in the birth year) is not required."""
        body = f"{area}{born:%Y%m%d}{seq:03d}"
        number = body + ric.calc_check_digit(body + "0")  # stdnum expects a placeholder check digit
        return number if ric.get_birth_date(number) == born else None

    def person(self, surname: str | None = None, style: str | None = None) -> str:
        r = self.r
        style = style or r.choices(["2", "3", "compound", "dot"], [40, 48, 7, 5])[0]
        while True:
            if style == "dot":
                name = r.choice(UYGHUR) + "·" + r.choice(UYGHUR)
            else:
                sur = surname or (r.choice(COMPOUND) if style == "compound" else r.choice(SURNAMES))
                n = 1 if style == "2" else 2
                if style == "compound":
                    n = r.choice([1, 2])
                name = sur + "".join(r.choice(GIVEN) for _ in range(n))
            if name not in self.used_names and len(set(name)) == len(name):
                self.used_names.add(name)
                return name

    def birth(self) -> datetime.date:
        return datetime.date(self.r.randint(1955, 2002), self.r.randint(1, 12), self.r.randint(1, 28))

    def id_card(self, born: datetime.date | None = None) -> str:
        born = born or self.birth()
        while True:
            number = self._id_for(self.r.choice(self.areas), born, self.r.randint(1, 999))
            if number:
                break
        style = self.r.choices(["plain", "space", "dash", "full", "lower"], [60, 12, 8, 12, 8])[0]
        if style == "space":
            return f"{number[:6]} {number[6:14]} {number[14:]}"
        if style == "dash":
            return f"{number[:6]}-{number[6:14]}-{number[14:]}"
        if style == "full":
            return _fullwidth(number)
        if style == "lower" and number.endswith("X"):
            return number[:-1] + "x"
        return number

    def mobile(self) -> str:
        r = self.r
        n = r.choice(["13", "15", "18", "17", "19"]) + str(r.randint(0, 9)) + f"{r.randint(0, 99999999):08d}"
        style = r.choices(["plain", "space", "dash", "+86", "+86dash", "full"], [55, 12, 10, 10, 5, 8])[0]
        return {"plain": n, "space": f"{n[:3]} {n[3:7]} {n[7:]}", "dash": f"{n[:3]}-{n[3:7]}-{n[7:]}",
                "+86": f"+86 {n}", "+86dash": f"+86-{n[:3]}-{n[3:7]}-{n[7:]}", "full": _fullwidth(n)}[style]

    def landline(self) -> str:
        r = self.r
        area = r.choice(["0571", "0574", "020", "0757", "0512", "028", "0717", "0535", "0379", "0731", "010"])
        local = str(r.randint(2, 8)) + "".join(str(r.randint(0, 9)) for _ in range(7 if len(area) == 3 else 6 + r.randint(0, 1)))
        return r.choice([f"{area}-{local}", f"（{area}）{local}", f"{area}{local}", f"{area} {local}"])

    def uscc(self) -> str:
        r = self.r
        body = r.choice(["91", "92", "93"]) + r.choice(self.areas) + "".join(r.choice(USCC_ALPHABET) for _ in range(9))
        number = body + uscc.calc_check_digit(body)
        style = r.choices(["plain", "full", "space"], [80, 12, 8])[0]
        if style == "full":
            return _fullwidth(number)
        if style == "space":
            return f"{number[:6]} {number[6:12]} {number[12:]}"
        return number

    def bank(self) -> str:
        r = self.r
        length = r.choice([16, 19, 19])
        body = r.choice(["6222", "6228", "6217", "6230", "6212"]) + "".join(str(r.randint(0, 9)) for _ in range(length - 5))
        number = body + luhn.calc_check_digit(body)
        style = r.choices(["plain", "space", "dash"], [50, 40, 10])[0]
        if style == "space":
            return " ".join(number[i:i + 4] for i in range(0, len(number), 4))
        if style == "dash":
            return "-".join(number[i:i + 4] for i in range(0, len(number), 4))
        return number

    def plate(self, prov: str) -> str:
        r = self.r
        tail = "".join(r.choice("0123456789") for _ in range(4)) + r.choice("0123456789ABCDEFGHJK")
        if r.random() < 0.2:
            tail = r.choice("DF") + "".join(r.choice("0123456789") for _ in range(5))
        return prov + r.choice("ABCDEFGH") + ("·" if r.random() < 0.3 else "") + tail

    def email(self) -> str:
        r = self.r
        user = "".join(r.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(r.randint(4, 8))) + str(r.randint(1, 999))
        return user + "@" + r.choice(["163.com", "qq.com", "126.com", "sina.com", "example.cn"])

    def digits(self, n: int) -> str:
        return "".join(str(self.r.randint(0, 9)) for _ in range(n))

    def jy(self) -> str:
        return "JY" + str(self.r.randint(1, 3)) + self.digits(13)

    def sc(self) -> str:
        return "SC" + str(self.r.randint(1, 4)) + self.digits(13)

    def drug_licence(self, prov: str) -> str:
        return prov + self.r.choice(["AA", "AB", "CA", "CB", "DA"]) + self.digits(7)

    def equipment_reg(self, prov: str) -> str:
        return self.r.choice(["梯11", "起17", "车11", "锅11"]) + prov + "A" + self.digits(5) + f"（{self.r.randint(15, 23)}）"

    def officer_no(self, area: str) -> str:
        return area[:4] + self.digits(7)

    def address(self, place: tuple[str, str, str], full: bool = True) -> str:
        r = self.r
        prov, city, county = place
        road = r.choice(ROAD_A) + r.choice(ROAD_A) + r.choice(ROAD_B)
        tail = f"{road}{r.randint(1, 999)}号"
        kind = r.random()
        if kind < 0.25:
            tail += f"{r.choice(BRAND)}大厦{r.randint(1, 28)}楼{r.randint(1, 28)}{r.randint(1, 20):02d}室"
        elif kind < 0.4:
            tail += f"{r.randint(1, 30)}幢{r.randint(1, 4)}单元{r.randint(101, 1806)}室"
        elif kind < 0.55:
            town = r.choice(ROAD_A) + r.choice(ROAD_A)
            tail = f"{town}镇{r.choice(ROAD_A)}{r.choice(ROAD_A)}村{r.randint(1, 12)}组{r.randint(1, 99)}号"
        elif kind < 0.65:
            tail += f"{r.randint(1, 20)}号商铺"
        head = (prov if r.random() < 0.4 else "") + city + county if full else county
        return head + tail

    def org(self, place: tuple[str, str, str], person: str | None = None) -> str:
        r = self.r
        _, city, county = place
        kind = r.random()
        if person and kind < 0.5:
            return r.choice(["", county]) + person + r.choice(SHOPS)
        if kind < 0.45:
            return city[:-1] + r.choice(BRAND) + r.choice(INDUSTRY) + r.choice(["有限公司", "有限责任公司", "股份有限公司"])
        if kind < 0.6:
            return r.choice(BRAND) + r.choice(INDUSTRY) + "有限公司"
        if kind < 0.75:
            return county + r.choice(BRAND) + r.choice(SHOPS)
        if kind < 0.88:
            return r.choice(BRAND) + r.choice(["大药房", "药房", "诊所", "口腔诊所", "中医诊所", "卫生室"])
        return r.choice(BRAND) + r.choice(["超市", "生鲜超市", "购物广场有限公司", "酒店有限公司"])

    def cn_date(self, year: int | None = None) -> str:
        d = datetime.date(year or self.r.choice([2023, 2024, 2025]), self.r.randint(1, 12), self.r.randint(1, 28))
        return f"{d.year}年{d.month}月{d.day}日"

    def dob(self, born: datetime.date) -> str:
        return self.r.choice([f"{born.year}年{born.month}月{born.day}日", f"{born:%Y-%m-%d}", f"{born.year}年{born.month}月"])

    def doc_no(self, city: str) -> str:
        return f"{city[0]}{self.r.choice(['', '西', '南', '北'])}市监{self.r.choice(['处罚', '立案', '案'])}〔{self.r.choice([2023, 2024, 2025])}〕{self.r.randint(1, 300)}号"


def _decision(g: Gen) -> Doc:
    r = g.r
    place = r.choice(CITIES)
    prov, city, county = place
    d = Doc("行政处罚决定书")
    auth = city + county + "市场监督管理局" if r.random() < 0.6 else city + "市场监督管理局"
    d.stay(auth, "机关").add("\n行政处罚决定书\n").stay(g.doc_no(city), "文书号").add("\n\n")
    individual = r.random() < 0.4
    rep = g.person()
    if individual:
        shop = g.org(place, rep if r.random() < 0.5 else None)
        d.add("当事人：").ent(shop, "ORG").add("（个体工商户）\n主体资格证照名称：营业执照\n统一社会信用代码：").ent(g.uscc(), "USCC")
        d.add("\n经营场所：").ent(g.address(place), "ADDRESS").add("\n经营者：").ent(rep, "PERSON")
        born = g.birth()
        d.add("，").add(r.choice(["男", "女"])).add("，")
        if r.random() < 0.5:
            d.ent(g.dob(born), "DATE_OF_BIRTH").add("出生，")
        d.add("身份证号码：").ent(g.id_card(born), "ID_CARD").add("，联系电话：").ent(g.mobile(), "PHONE").add("\n")
    else:
        company = g.org(place)
        d.add("当事人：").ent(company, "ORG").add("\n主体资格证照名称：营业执照\n统一社会信用代码：").ent(g.uscc(), "USCC")
        d.add("\n住所：").ent(g.address(place), "ADDRESS").add("\n法定代表人：").ent(rep, "PERSON")
        d.add("\n联系电话：").ent(g.landline() if r.random() < 0.5 else g.mobile(), "PHONE").add("\n")
    law, art, pen = LAWS[0]  # the goods are food
    food = r.choice(FOOD)
    d.add("\n").add(r.choice(["", "本局于"])).stay(g.cn_date(), "日期").add(r.choice(["对当事人立案调查。", "，执法人员对当事人的经营场所进行现场检查，发现涉嫌违法行为，经批准立案调查。"]))
    d.add("现已调查终结。\n\n经查，当事人于").stay(g.cn_date(), "日期").add("从")
    supplier = g.org(r.choice(CITIES))
    d.ent(supplier, "ORG").add("购进").stay(food, "品类").add(r.choice(["20箱", "15件", "8公斤"]))
    d.add("，进货单价").stay(f"{r.randint(5, 90)}元", "金额").add("，至案发时已销售").add(str(r.randint(1, 10))).add("件，货值金额").stay(f"{r.randint(100, 9000)}.00元", "金额")
    d.add("，违法所得").stay(f"{r.randint(10, 900)}元", "金额").add("。")
    if r.random() < 0.5:
        d.add("经").stay(city + "食品药品检验研究院", "机构").add("检验，样品不符合").stay(r.choice(STANDARDS), "标准").add("的要求。")
    d.add("\n\n上述事实，有现场检查笔录、对").ent(rep, "PERSON").add("的询问笔录、进货票据、营业执照复印件等证据为证。\n\n")
    d.add("本局认为，当事人的行为违反了").stay(law + art, "法条").add("的规定。依据").stay(law + pen, "法条")
    d.add("的规定，鉴于当事人积极配合调查，主动退回货款，根据").stay("《中华人民共和国行政处罚法》第三十二条", "法条").add("，决定从轻处罚：\n")
    fine = r.choice([3000, 5000, 10000, 20000, 30000, 50000])
    d.add("1. 没收违法所得；\n2. 罚款人民币").stay(f"{fine}元", "金额").add("。\n\n")
    d.add("当事人应当自收到本决定书之日起十五日内，将罚款缴至").stay(r.choice(["中国农业银行", "中国工商银行", "中国建设银行"]), "银行").add("指定账户。")
    if r.random() < 0.5:
        d.add("如需退还多缴款项，请提供本人银行卡号：").ent(g.bank(), "BANK_CARD").add("（开户人：").ent(rep, "PERSON").add("）。")
    d.add("逾期不缴纳罚款的，每日按罚款数额的百分之三加处罚款。\n")
    d.add("如不服本处罚决定，可以在收到本决定书之日起六十日内向").stay(city + "人民政府", "机关").add("申请行政复议，或者在六个月内依法向")
    d.stay(county + "人民法院", "机关").add("提起行政诉讼。\n\n").stay(auth, "机关").add("\n").stay(g.cn_date(), "日期").add("\n")
    d.add("（咨询投诉请拨打").stay("12315", "服务电话").add("）\n")
    return d


def _inspection(g: Gen) -> Doc:
    r = g.r
    place = r.choice(CITIES)
    prov, city, county = place
    d = Doc("现场检查笔录")
    d.add("现场检查笔录\n\n检查时间：").stay(g.cn_date(), "日期").add(f"{r.randint(8, 16)}时{r.randint(0, 59):02d}分\n检查地点：")
    addr = g.address(place)
    d.ent(addr, "ADDRESS").add("\n当事人：")
    boss = g.person()
    kind = r.choice(["food", "drug", "equipment"])
    party = g.org(place, boss if r.random() < 0.4 else None)
    d.ent(party, "ORG").add("\n统一社会信用代码：").ent(g.uscc(), "USCC").add("\n")
    d.add(r.choice(["负责人", "法定代表人", "经营者"])).add("：").ent(boss, "PERSON").add("    电话：").ent(g.mobile(), "PHONE").add("\n")
    if kind == "food":
        d.add("食品经营许可证编号：").ent(g.jy(), "LICENSE_NO").add("\n")
    elif kind == "drug":
        d.add("药品经营许可证编号：").ent(g.drug_licence(PLATE_PROV[prov]), "LICENSE_NO").add("\n")
    o1, o2 = g.person(), g.person()
    area = r.choice(g.areas)
    d.add("检查人员：").ent(o1, "PERSON").add("、").ent(o2, "PERSON").add("    执法证号：").ent(g.officer_no(area), "LICENSE_NO").add("、").ent(g.officer_no(area), "LICENSE_NO").add("\n")
    d.add("记录人：").ent(o2, "PERSON").add("\n\n执法人员出示执法证件，表明身份，告知当事人有申请回避的权利。当事人").add(r.choice(["不申请回避。", "表示不申请回避。"])).add("\n")
    d.add("检查情况：")
    if kind == "food":
        d.add("当事人营业执照、食品经营许可证均悬挂于店内显著位置。在店内货架上发现").stay(r.choice(FOOD), "品类")
        d.add(f"{r.randint(2, 30)}袋，标签显示生产日期为").stay(g.cn_date(2023), "日期").add("，保质期6个月，已超过保质期。生产者为")
        d.ent(g.org(r.choice(CITIES)), "ORG").add("，食品生产许可证编号").ent(g.sc(), "LICENSE_NO").add("。")
        d.add("店内从业人员").ent(g.person(), "PERSON").add("未能出示有效健康证明。")
    elif kind == "drug":
        d.add("该药店执业药师").ent(g.person(), "PERSON").add("不在岗，营业员").ent(g.person(), "PERSON")
        d.add("向消费者销售处方药时未查验处方。在货架上发现超过有效期的").stay(r.choice(["乙类非处方药", "处方药", "中药饮片"]), "品类")
        d.add(f"{r.randint(2, 12)}盒，批号").add(g.digits(8)).add("。")
    else:
        d.add("现场有").stay(r.choice(["叉车", "曳引驱动乘客电梯", "桥式起重机"]), "品类").add("1台，使用登记证编号为")
        d.ent(g.equipment_reg(PLATE_PROV[prov]), "LICENSE_NO").add("，下次检验日期为").stay(g.cn_date(2023), "日期").add("，已超期未检。")
        if r.random() < 0.6:
            d.add("叉车车牌号").ent(g.plate(PLATE_PROV[prov]), "PLATE").add("，驾驶员").ent(g.person(), "PERSON")
            d.add("持特种设备作业人员证，证号").ent(g.id_card(), "ID_CARD").add("。")
        d.add("违反").stay("《中华人民共和国特种设备安全法》第四十条", "法条").add("的规定。")
    d.add("\n\n当事人签名：").ent(boss, "PERSON").add("    检查人员签名：").ent(o1, "PERSON").add("、").ent(o2, "PERSON")
    d.add("\n").stay(city + county + "市场监督管理局", "机关").add("\n")
    return d


def _interview(g: Gen) -> Doc:
    r = g.r
    place = r.choice(CITIES)
    prov, city, county = place
    d = Doc("询问笔录")
    who = g.person()
    born = g.birth()
    sex = r.choice(["男", "女"])
    d.add("询问笔录\n\n时间：").stay(g.cn_date(), "日期").add("\n地点：").stay(city + county + "市场监督管理局", "机关").add("询问室\n")
    q1, q2 = g.person(), g.person()
    d.add("询问人：").ent(q1, "PERSON").add("、").ent(q2, "PERSON").add("    记录人：").ent(q2, "PERSON").add("\n")
    d.add("被询问人：").ent(who, "PERSON").add(f"    性别：{sex}    出生日期：").ent(g.dob(born), "DATE_OF_BIRTH").add("\n")
    d.add("身份证号码：").ent(g.id_card(born), "ID_CARD").add("\n住址：").ent(g.address(place), "ADDRESS").add("\n")
    d.add("联系电话：").ent(g.mobile(), "PHONE").add("\n工作单位：")
    org = g.org(place)
    d.ent(org, "ORG").add("    职务：").add(r.choice(["店长", "总经理", "仓库管理员", "质量负责人"])).add("\n\n")
    d.add("问：我们是").stay(city + county + "市场监督管理局", "机关").add("的执法人员，这是我们的执法证件（证号：")
    area = r.choice(g.areas)
    d.ent(g.officer_no(area), "LICENSE_NO").add("、").ent(g.officer_no(area), "LICENSE_NO").add("），请过目。你是否申请回避？\n答：看清楚了，不申请回避。\n")
    d.add("问：请介绍一下你单位的基本情况。\n答：").ent(org, "ORG").add("成立于").stay(str(r.randint(2008, 2020)) + "年", "日期")
    boss = g.person(surname=who[0] if r.random() < 0.3 and "·" not in who and who[:2] not in COMPOUND else None)
    d.add("，法定代表人是").ent(boss, "PERSON").add("，主要经营").stay(r.choice(FOOD), "品类").add("，店里平时由我负责。\n")
    d.add("问：涉案产品是从哪里进的货？\n答：是从").ent(g.org(r.choice(CITIES)), "ORG").add("进的，联系人叫").ent(g.person(), "PERSON")
    d.add("，电话").ent(g.mobile(), "PHONE").add("，货款是转到他的银行卡上的，卡号").ent(g.bank(), "BANK_CARD").add("。\n")
    d.add("问：货是怎么运过来的？\n答：对方用一辆车牌号为").ent(g.plate(PLATE_PROV[prov]), "PLATE").add("的面包车送来的，有送货单。\n")
    d.add("问：你知道这些产品已经超过保质期了吗？\n答：不知道，是店员").ent(g.person(), "PERSON").add("上架的时候没有检查。\n")
    d.add("问：你还有什么要补充的吗？\n答：没有了，以上记录我看过，和我说的一样。\n\n被询问人签名：").ent(who, "PERSON").add("  ").stay(g.cn_date(), "日期").add("\n")
    return d


def _complaint(g: Gen) -> Doc:
    r = g.r
    place = r.choice(CITIES)
    prov, city, county = place
    d = Doc("投诉举报记录")
    d.add("投诉举报登记表\n\n登记编号：").stay(f"{r.choice([2024, 2025])}{g.digits(6)}", "登记号").add("\n受理渠道：").stay("12315", "服务电话").add("平台\n")
    d.add("受理时间：").stay(g.cn_date(), "日期").add("\n投诉人：")
    c = g.person()
    d.ent(c, "PERSON").add("    联系电话：").ent(g.mobile(), "PHONE")
    if r.random() < 0.5:
        d.add("    电子邮箱：").ent(g.email(), "EMAIL")
    d.add("\n联系地址：").ent(g.address(place), "ADDRESS").add("\n被投诉人：")
    shop = g.org(place, g.person() if r.random() < 0.4 else None)
    d.ent(shop, "ORG").add("\n被投诉人地址：").ent(g.address(place, full=r.random() < 0.5), "ADDRESS").add("\n\n")
    d.add("投诉内容：投诉人称，其于").stay(g.cn_date(), "日期").add("在").ent(shop, "ORG").add("购买").stay(r.choice(FOOD), "品类")
    d.add(r.choice(["一盒", "两瓶", "一袋"])).add("，花费").stay(f"{r.randint(10, 300)}元", "金额").add("，回家后发现已超过保质期，")
    d.add(r.choice(["要求退一赔十。", "要求商家退款并赔偿。", "要求依法查处。"]))
    if r.random() < 0.6:
        d.add("投诉人的").add(r.choice(["丈夫", "母亲", "朋友"])).ent(g.person(), "PERSON").add("当时在场，可以作证。")
    d.add("\n\n处理情况：经").stay(county + "市场监督管理局", "机关").add("执法人员").ent(g.person(), "PERSON")
    d.add("现场核查，情况属实，已依据").stay("《市场监督管理投诉举报处理暂行办法》", "法条").add("组织调解，双方达成和解，商家退还货款并赔偿").stay(f"{r.randint(500, 1000)}元", "金额").add("。\n")
    return d


def _final_report(g: Gen) -> Doc:
    r = g.r
    place = r.choice(CITIES)
    prov, city, county = place
    d = Doc("案件调查终结报告")
    d.add("案件调查终结报告\n\n案由：").add(r.choice(["使用未经定期检验的特种设备案", "经营超过保质期的食品案", "销售劣药案", "不明码标价案"]))
    d.add("\n立案文号：").stay(g.doc_no(city), "文书号").add("\n\n一、当事人基本情况\n")
    org = g.org(place)
    rep = g.person()
    d.add("名称：").ent(org, "ORG").add("；统一社会信用代码：").ent(g.uscc(), "USCC").add("；住所：").ent(g.address(place), "ADDRESS")
    d.add("；法定代表人：").ent(rep, "PERSON").add("，居民身份证号：").ent(g.id_card(), "ID_CARD").add("。\n\n二、案件来源\n")
    src = r.random()
    if src < 0.5:
        d.add("举报人").ent(g.person(), "PERSON").add("（电话").ent(g.mobile(), "PHONE").add("）于").stay(g.cn_date(), "日期").add("通过")
        d.stay("12345", "服务电话").add("政务服务热线举报，称当事人存在违法行为。\n\n")
    else:
        d.add("本局执法人员在").stay(r.choice(["“双随机、一公开”监督检查", "节日市场专项检查", "食品安全监督抽检"]), "来源").add("中发现。\n\n")
    d.add("三、调查经过\n").stay(g.cn_date(), "日期").add("，执法人员").ent(g.person(), "PERSON").add("、").ent(g.person(), "PERSON").add("对当事人位于")
    addr2 = g.address(place)
    d.ent(addr2, "ADDRESS").add("的经营场所进行检查。")
    if r.random() < 0.5:
        d.add("当事人的员工").ent(g.person(), "PERSON").add("驾驶车牌号为").ent(g.plate(PLATE_PROV[prov]), "PLATE").add("的货车将涉案物品转移至仓库，")
        d.add("仓库地址为").ent(g.address(place), "ADDRESS").add("。")
    d.add("当事人的委托代理人").ent(g.person(), "PERSON").add("（身份证号码").ent(g.id_card(), "ID_CARD").add("）配合调查，提供了")
    d.stay(r.choice(["进货台账", "维保记录", "销售记录"]), "证据").add("。\n\n四、违法事实及证据\n")
    law, art, pen = r.choice(LAWS)
    d.add("当事人的行为违反了").stay(law + art, "法条").add("，依据").stay(law + pen, "法条").add("，")
    d.add("货值金额").stay(f"{r.randint(300, 20000)}元", "金额").add("，建议罚款").stay(f"{r.choice([10000, 30000, 50000])}元", "金额").add("。")
    d.add("涉案产品执行标准").stay(r.choice(STANDARDS), "标准").add("。\n\n承办人：")
    a, b = g.person(), g.person()
    d.ent(a, "PERSON").add("、").ent(b, "PERSON").add("\n").stay(g.cn_date(), "日期").add("\n")
    return d


KINDS = [_decision, _inspection, _interview, _complaint, _final_report]


def build(n_docs: int = 150, seed: int = 20240315) -> list[Doc]:
    """n_docs documents, cycling through the five kinds."""
    docs = []
    for i in range(n_docs):
        g = Gen(seed + i)
        docs.append(KINDS[i % len(KINDS)](g))
    return docs


# ---------------------------------------------------------------- held-out documents
# Written after the detector was tuned on the documents above and never tuned on:
# other document kinds and other phrasings, to show how far the numbers carry.

def _notice(g: Gen) -> Doc:
    r = g.r
    place = r.choice(CITIES)
    prov, city, county = place
    d = Doc("责令改正通知书")
    d.stay(county + "市场监督管理局", "机关").add("\n责令改正通知书\n").stay(g.doc_no(city), "文书号").add("\n\n")
    org = g.org(place)
    d.ent(org, "ORG").add("：\n")
    boss = g.person()
    d.add("经查，你单位（负责人为").ent(boss, "PERSON").add("，手机号码为").ent(g.mobile(), "PHONE").add("）位于")
    d.ent(g.address(place), "ADDRESS").add("的")
    d.stay(r.choice(["乘客电梯", "自动扶梯", "叉车"]), "品类").add("（使用登记证号：").ent(g.equipment_reg(PLATE_PROV[prov]), "LICENSE_NO")
    d.add("）超过检验有效期仍继续使用。上述行为违反了").stay("《中华人民共和国特种设备安全法》第四十条第三款", "法条")
    d.add("的规定。现责令你单位于").stay(g.cn_date(), "日期").add("前改正。\n维保单位为")
    d.ent(g.org(r.choice(CITIES)), "ORG").add("，现场维保人员").ent(g.person(), "PERSON").add("表示将尽快联系检验机构。\n")
    d.add("联系人：").ent(g.person(), "PERSON").add("  联系电话：").ent(g.landline(), "PHONE").add("\n")
    d.stay(county + "市场监督管理局", "机关").add("（印章）\n").stay(g.cn_date(), "日期").add("\n")
    return d


def _hearing(g: Gen) -> Doc:
    r = g.r
    place = r.choice(CITIES)
    prov, city, county = place
    d = Doc("行政处罚告知书")
    d.add("行政处罚告知书\n").stay(g.doc_no(city), "文书号").add("\n\n")
    who = g.person()
    born = g.birth()
    d.ent(who, "PERSON").add("（").add(r.choice(["男", "女"])).add("，汉族，").ent(g.dob(born), "DATE_OF_BIRTH").add("出生，住")
    d.ent(g.address(place), "ADDRESS").add("，公民身份号码").ent(g.id_card(born), "ID_CARD").add("）：\n")
    d.add("你于").stay(g.cn_date(), "日期").add("在网络平台开设的").ent(g.org(place, g.person()), "ORG")
    d.add("销售标注虚假原价的").stay(r.choice(["羽绒服", "保健食品", "白酒"]), "品类").add("，被消费者通过")
    d.stay("12315", "服务电话").add("平台投诉。消费者留下的邮箱为").ent(g.email(), "EMAIL").add("。")
    d.add("你的收款账户为").ent(g.bank(), "BANK_CARD").add("，开户名").ent(who, "PERSON").add("。")
    d.add("你的行为违反了").stay("《明码标价和禁止价格欺诈规定》第十九条第三项", "法条").add("，依据")
    d.stay("《价格违法行为行政处罚规定》第七条", "法条").add("，本局拟对你处以罚款").stay(f"{r.randint(2, 9)}万元", "金额").add("。\n")
    d.add("你有权进行陈述、申辩，并可在收到本告知书之日起五个工作日内要求听证。\n联系人：").ent(g.person(), "PERSON")
    d.add("，地址：").stay(city + "市场监督管理局", "机关").add("\n")
    return d


def _sampling(g: Gen) -> Doc:
    r = g.r
    place = r.choice(CITIES)
    prov, city, county = place
    d = Doc("抽检不合格核查处置报告")
    d.add("食品安全监督抽检不合格核查处置报告\n\n一、基本情况\n")
    producer, seller = g.org(r.choice(CITIES)), g.org(place, g.person() if r.random() < 0.5 else None)
    d.add("被抽样单位").ent(seller, "ORG").add("，经营地址").ent(g.address(place), "ADDRESS")
    d.add("，食品经营许可证").ent(g.jy(), "LICENSE_NO").add("。标称生产企业").ent(producer, "ORG")
    d.add("（食品生产许可证").ent(g.sc(), "LICENSE_NO").add("）。\n二、检验结论\n")
    d.add("经").stay(city + "食品药品检验研究院", "机构").add("检验，").stay(r.choice(FOOD), "品类")
    d.add("的").stay(r.choice(["二氧化硫残留量", "菌落总数", "苯甲酸及其钠盐"]), "项目").add("不符合").stay(r.choice(STANDARDS), "标准").add("要求。\n")
    d.add("三、核查情况\n").stay(g.cn_date(), "日期").add("，核查人员").ent(g.person(), "PERSON").add("与").ent(g.person(), "PERSON")
    d.add("到现场核查，该店店主").ent(g.person(), "PERSON").add("提供了进货凭证，供货商为").ent(g.org(r.choice(CITIES)), "ORG")
    d.add("，送货车辆").ent(g.plate(PLATE_PROV[prov]), "PLATE").add("。涉案批次共").stay(f"{r.randint(10, 90)}件", "数量")
    d.add("，货值").stay(f"{r.randint(200, 3000)}元", "金额").add("，已全部下架封存。\n四、处置意见\n建议依据").stay("《中华人民共和国食品安全法》第一百二十四条", "法条")
    d.add("立案查处，案件移交").stay(county + "市场监督管理局", "机关").add("执法稽查科办理。\n")
    return d


HOLDOUT_KINDS = [_notice, _hearing, _sampling]


def build_holdout(n_docs: int = 60, seed: int = 99000) -> list[Doc]:
    """Held-out documents: kinds and phrasings the detector was not tuned on."""
    return [HOLDOUT_KINDS[i % len(HOLDOUT_KINDS)](Gen(seed + i)) for i in range(n_docs)]

"""Names of persons, organizations and addresses: context cues plus jieba's part-of-speech tags."""
from __future__ import annotations

import bisect
import logging
import re
from functools import lru_cache
from typing import Iterator, NamedTuple

import jieba
import jieba.posseg

from .rules import Span

jieba.setLogLevel(logging.WARNING)  # no "Building prefix dict..." on stderr

COMPOUND_SURNAMES = tuple(sorted(set((
    # 百家姓's two-character surnames, and those of 通志·氏族略 still in use
    "万俟 司马 上官 欧阳 夏侯 诸葛 闻人 东方 赫连 皇甫 尉迟 公羊 澹台 公冶 宗政 濮阳 淳于 单于 太叔 申屠 "
    "公孙 仲孙 轩辕 令狐 钟离 宇文 长孙 慕容 鲜于 闾丘 司徒 司空 亓官 司寇 子车 颛孙 端木 巫马 公西 漆雕 "
    "乐正 壤驷 公良 拓跋 夹谷 宰父 谷梁 段干 百里 东郭 南门 呼延 归海 羊舌 微生 梁丘 左丘 东门 西门 南宫 "
    "第五 独孤 呼延 公户 公玉 公仪 公乘 公山 公坚 公伯 公祖 公门 公晳 公肩 公上 太史 少正 司城 即墨 南郭 "
    "北宫 东宫 西乡 叱干 贺兰 贺若 拔拔 乞伏 秃发 吐谷浑 纥干 宇文 步六孤 侯莫陈 尔朱 斛律 "
    "达奚 可朱浑 呼衍 哥舒 慕容 沮渠 屈突 万俟 濮阳"
).split()), key=len, reverse=True))
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴"
    "霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑"
    "景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
    "官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖"
    "漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹"
    "诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
    "傅萧阎赖郦邴缑宓隗弓庾殳訾逄郗钭蒯璩乜厍郏蓟莘巢濮仰寿苍鄂扶"
)
_HAN = r"\u4e00-\u9fff"
_NAME_DOT_RE = re.compile(r"[" + _HAN + r"]{1,8}(?:[·•・][" + _HAN + r"]{1,8})+")

PERSON_CUES = (
    "法定代表人 负责人 主要负责人 从业人员 工作人员 营业员 现场负责人 质量负责人 经营者 投资人 当事人 举报人 投诉人 被投诉人 被举报人 "
    "证人 执法人员 检查人员 办案人员 承办人 被询问人 被检查人 询问人 记录人 委托代理人 代理人 联系人 见证人 "
    "陪同人员 在场人员 店主 业主 老板 股东 监护人 经办人 收货人 送货人 驾驶员 司机 作业人员 安全管理员 "
    "安全管理人员 执业药师 药师 签收人 审核人 审批人 复核人 姓名 签名 申请人 受托人 翻译人员 核查人 记录员 "
    "检查员 执法员 核查人员 维保人员 抽样人员 调查人员 消费者 员工 店员 营业员 厨师 母亲 父亲 丈夫 妻子 儿子 女儿 同事 朋友"
).split()
ADDRESS_CUES = (
    "住所地 住所 住址 地址 经营场所 经营地址 注册地址 营业场所 家庭住址 现住址 户籍地址 户籍地 联系地址 "
    "生产地址 生产场所 仓库地址 通讯地址 送达地址 检查地点 发生地点 事发地点 地点 居住地 现住"
).split()
ORG_SUFFIXES = sorted((
    "股份有限公司 有限责任公司 有限公司 分公司 公司 经营部 经销部 批发部 门市部 商行 大药房 药房 药店 诊所 "
    "卫生室 门诊部 超市 便利店 商店 小卖部 饭店 酒店 餐厅 餐馆 面馆 酒楼 宾馆 旅馆 食品厂 加工厂 作坊 加工坊 "
    "合作社 养殖场 商场 美容院 工作室 店 厂"
).split(), key=len, reverse=True)
ORG_INDUSTRY = (
    "食品 医药 药业 餐饮 电梯 物业 商贸 贸易 超市 建材 农业 机械 燃气 酒业 茶业 水产 肉类 粮油 乳业 饮品 "
    "科技 实业 服务 物流 电器 日用品 烟酒 生鲜 果蔬 母婴"
).split()
_GENERIC_PREFIX = (
    "该 本 此 其 某 这 那 一家 一个 两家 多家 各 每 涉案 上述 前述 上游 下游 连锁 大型 小型 附近 周边 "
    "同一 另一 这家 那家 供货 供应 快递 物业 保险 维保 检测 原 新 老 当地 外地 上市 国有 非国有 私营 私设 外资"
).split()
_ORG_VERBS_OK = set(
    "销售 经营 管理 服务 发展 开发 投资 贸易 商贸 咨询 加工 制造 生产 营销 批发 零售 配送 供应 科技 实业 "
    "餐饮 连锁 建设 运输 物流 养殖 种植 维修 保养 检测 设计 安装 工程 印刷 包装 研发".split()
)
_ADDR_ADMIN = re.compile(r"(?:省|自治区|市|州|盟|地区|区|县|旗|镇|乡|街道|苏木|开发区|新区|园区|工业园|经济技术开发区)$")
_ADDR_ANCHOR_RE = re.compile(
    r"(?:路|街|大道|大街|巷|弄|胡同|道|村|社区|小区|工业园|广场|大厦|花园|市场|商场)"
    r"[0-9A-Za-z一二三四五六七八九十百零〇\-]+(?:号|组|弄|巷)")
_ADDR_TAIL_RE = re.compile(
    r"(?:[" + _HAN + r"]{0,10}?[0-9A-Za-z一二三四五六七八九十\-]+"
    r"(?:号楼|号铺|号院|号|幢|栋|楼|层|室|单元|铺|档|座|摊位|组|弄))*(?:商铺|门面|门市|铺面|店面)?")
_ADDR_RUN_RE = re.compile(r"[" + _HAN + r"0-9A-Za-z\-#()（）·]+")
_ADDR_STOP_WORDS = (
    "电话 联系 法定代表人 负责人 经营者 邮编 统一社会信用代码 信用代码 身份证 手机 经营范围 从事 "
    "主体 成立 注册 登记 许可证 出生 民族 性别 职务 工作单位 居民身份证 的"
).split()
_ADDR_ELEMENT_RE = re.compile(r"(?:路|街|巷|弄|胡同|村|号|组|栋|幢|楼|室|镇|乡|小区|大厦|市场|广场|大道)")


class Token(NamedTuple):
    start: int
    end: int
    word: str
    flag: str


@lru_cache(maxsize=1)
def _tokenizer() -> jieba.posseg.POSTokenizer:
    """A private jieba tokenizer (the global one stays untouched), taught the cue words."""
    tk = jieba.Tokenizer()
    tk.initialize()
    for word in PERSON_CUES + ADDRESS_CUES + ["统一社会信用代码", "市场监督管理局", "个体工商户", "身份证号码"]:
        tk.add_word(word, 2000, "n")
    tk.add_word("中华人民共和国", 100000, "ns")
    return jieba.posseg.POSTokenizer(tk)


def tokens(text: str) -> list[Token]:
    """jieba tokens of text with their offsets and part-of-speech flags."""
    out, pos = [], 0
    for pair in _tokenizer().cut(text):
        out.append(Token(pos, pos + len(pair.word), pair.word, pair.flag))
        pos += len(pair.word)
    return out


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def surname_of(name: str) -> str:
    """The surname part of a full name (复姓 included)."""
    for s in COMPOUND_SURNAMES:
        if name.startswith(s) and len(name) > 2:
            return s
    return name[0]


class _Ctx:
    """A text with its tokens indexed by start and end offset."""

    def __init__(self, text: str):
        self.text = text
        self.toks = tokens(text)
        self.by_start = {t.start: i for i, t in enumerate(self.toks)}
        self.by_end = {t.end: i for i, t in enumerate(self.toks)}
        self.multi_starts = {t.start for t in self.toks if len(t.word) > 1}
        self.starts = [t.start for t in self.toks]
        self.dot_names = dict(_dot_names(self))

    def index_at(self, offset: int) -> int | None:
        """Index of the token that covers offset."""
        k = bisect.bisect_right(self.starts, offset) - 1
        return k if 0 <= k < len(self.toks) and self.toks[k].start <= offset < self.toks[k].end else None


_DOT_STOP_CHARS = set("从向在于对由被把将给为是到自往的了其该本此这那与及或等并已经据即称叫持说系和男女")


def _name_piece_ok(tok: Token, first: bool) -> bool:
    """Could this token be part of a transliterated name (买买提, 依明, 阿+不+都)?"""
    if not all(_is_han(c) for c in tok.word) or tok.word in PERSON_CUES or tok.word in ADDRESS_CUES:
        return False
    if len(tok.word) == 1:
        return tok.word not in _DOT_STOP_CHARS
    if _SUFFIX_RE.search(tok.word):
        return False
    return first or tok.flag.startswith("nr") or (_tokenizer().tokenizer.FREQ.get(tok.word) or 0) < 10


def _dot_names(ctx: "_Ctx") -> Iterator[tuple[int, int]]:
    """Names written with a middle dot (买买提·艾力): the parts end where ordinary words begin."""
    text = ctx.text
    for m in _NAME_DOT_RE.finditer(text):
        first_dot = m.start() + re.search(r"[·•・]", m.group()).start()
        last_dot = m.start() + max(m.group().rfind(d) for d in "·•・")
        start = first_dot
        k = ctx.by_end.get(first_dot)
        while k is not None and k >= 0 and first_dot - ctx.toks[k].start <= 6 and \
                _name_piece_ok(ctx.toks[k], start == first_dot):
            start = ctx.toks[k].start
            k -= 1
        end = last_dot + 1
        k = ctx.by_start.get(end)
        while k is not None and k < len(ctx.toks) and ctx.toks[k].end - last_dot <= 7 and \
                _name_piece_ok(ctx.toks[k], end == last_dot + 1):
            end = ctx.toks[k].end
            k += 1
        if start < first_dot and end > last_dot + 1:
            yield start, end


# Ordinary words that jieba's dictionary tags as person names (nr) and that follow cue words in case files
_NOT_NAMES = set("陈述 许可证 安全法 文明 严重 成立 明确 方便 司法 常规 雷同 向阳 高温 龙虾 海鲜 石油 金额 "
                 "于是 应当 申辩 申请 甘愿 时间 毛重 平均 万元".split())
_BAD_NAME_END = set("法证局条款项号费税类剂药品物厂店所室部处科院会业区县市省路街场库门")
_NAME_STOP_CHARS = set("称说讲系是为在于的了和与及等向对到将已未现因经签同持所从自也均并被把让叫请告表承确提介拒无有不就即时曾仍还都又男女先")


def _name_at(ctx: _Ctx, pos: int, strict: bool) -> int:
    """End offset of a person's name starting at pos, or 0 if none starts there.

    strict: only what jieba tagged as a name; otherwise (after a cue word) the name's end is
    also found by its boundary: punctuation, a particle or verb such as 称/对/在, or a new word.
    """
    text = ctx.text
    if pos in ctx.dot_names:
        return ctx.dot_names[pos]
    sur = next((s for s in COMPOUND_SURNAMES if text.startswith(s, pos)), None)
    if sur is None:
        if pos >= len(text) or text[pos] not in SURNAMES:
            return 0
        sur = text[pos]
    i = ctx.by_start.get(pos)
    tok = ctx.toks[i] if i is not None else None
    tagged = 0
    if tok and tok.flag.startswith("nr") and len(tok.word) > len(sur):
        end = tok.end
        # jieba sometimes splits a name: 欧阳明 + 辉, 马鹏 + 冬
        if i + 1 < len(ctx.toks) and end - pos < len(sur) + 2:
            nxt = ctx.toks[i + 1]
            after = text[nxt.end:nxt.end + 1]
            if len(nxt.word) == 1 and _is_han(nxt.word) and nxt.word not in _NAME_STOP_CHARS and (
                    nxt.flag.startswith("nr") or not after or not _is_han(after) or after in _NAME_STOP_CHARS):
                end = nxt.end
        if end - pos <= len(sur) + 2 and "某" not in text[pos:end] and text[pos:end] not in _NOT_NAMES:
            tagged = end
    if strict:
        return tagged
    freq = _tokenizer().tokenizer.FREQ
    proper = ("nr", "ns", "nz", "nt")
    if tok is None:
        k = ctx.index_at(pos)
        inside = ctx.toks[k] if k is not None and ctx.toks[k].start < pos else None
        if inside and (freq.get(inside.word) or 0) >= 20 and not inside.flag.startswith(proper) and \
                not (inside.start == pos - 1 and text[pos - 1] in "为是系叫"):
            return tagged  # 主管部门: the "surname" is the middle of an ordinary word
    elif tok.word != sur and not tok.flag.startswith(proper) and (freq.get(tok.word) or 0) >= 20:
        return tagged  # 应当, 申请, 权益, 利用: an ordinary word starts here
    elif tok.word == sur and not tok.flag.startswith("nr") and i + 1 < len(ctx.toks):
        nxt = ctx.toks[i + 1]
        if len(nxt.word) >= 2 and not nxt.flag.startswith(proper) and (freq.get(nxt.word) or 0) >= 50:
            return tagged  # 和 + 其他, 满 + 十年: a particle before an ordinary word
    multi_starts = ctx.multi_starts
    for given in (2, 1):
        end = pos + len(sur) + given
        part = text[pos + len(sur):end]
        if len(part) < given or not all(_is_han(c) and c not in _NAME_STOP_CHARS and c != "某" for c in part):
            continue
        nxt = text[end:end + 1]
        if text[pos:end] in _NOT_NAMES:
            continue
        if not nxt or not _is_han(nxt) or nxt in _NAME_STOP_CHARS or end in multi_starts:
            return max(end, tagged)
    return tagged


_CUE_RE = re.compile(
    r"((?:[" + _HAN + r"]{1,4}人员|" + "|".join(sorted(PERSON_CUES, key=len, reverse=True)) + r"|开户名|户名|收款人|付款人|开户人))"
    r"(?:[(（][^)）\n]{0,10}[)）])?(?:[:：\s]|为|是|系|叫|名叫)*")


def person_spans(ctx: _Ctx) -> Iterator[Span]:
    """Names after cue words (当事人, 法定代表人, 证人...), jieba person tags, and names with ·."""
    text = ctx.text
    for m in _CUE_RE.finditer(text):
        if m.end(1) not in ctx.by_end:
            continue  # 林业主管部门: 业主 inside other words is no cue
        pos = m.end()
        while True:
            end = _name_at(ctx, pos, strict=False)
            if not end:
                break
            yield Span(pos, end, "PERSON")
            sep = re.match(r"\s*[、,，和及与]\s*", text[end:])
            if not sep or not re.match(r"[、和及与]|[,，]\s*\S{2,4}[、,，]", text[end:]):
                break
            pos = end + sep.end()
    # a name followed by its sex: 张伟（男，汉族…）
    for m in re.finditer(r"(?<![" + _HAN + r"])(?=[" + _HAN + r"·]{2,12}[（(,，]\s*[男女][，,、）)])", text):
        end = _name_at(ctx, m.start(), strict=False)
        if end and re.match(r"[（(,，]\s*[男女][，,、）)]", text[end:]):
            yield Span(m.start(), end, "PERSON")
    freq = _tokenizer().tokenizer.FREQ
    for t in ctx.toks:
        # Only names jieba's HMM found (not dictionary words: its dictionary tags 许可证, 文明 as nr);
        # dictionary names are caught after a cue and then everywhere by propagation.
        if t.flag in ("nr", "nrfg") and 2 <= len(t.word) <= 4 and not freq.get(t.word) and \
                t.word[-1] not in _BAD_NAME_END and (
                t.word[0] in SURNAMES or t.word[:2] in COMPOUND_SURNAMES) and "某" not in t.word:
            after = text[t.end:t.end + 1]
            if after and re.match(r"[省市县区镇乡村路街局所厂店牌]", after):
                continue
            end = _name_at(ctx, t.start, strict=True)
            if end:
                yield Span(t.start, end, "PERSON")
    for start, end in ctx.dot_names.items():
        yield Span(start, end, "PERSON")


_SUFFIX_RE = re.compile("|".join(ORG_SUFFIXES))
_SUFFIX_END_RE = re.compile("(?:" + "|".join(ORG_SUFFIXES) + ")$")


_STRONG_STOP_CHARS = set("从向在于对由被把将给为是系到自往的了其该本此这那与及或等并已经据即称叫去来共买卖购进销售")


def _org_start(ctx: _Ctx, s: int) -> int:
    """Walk back over tokens from offset s while they look like part of a name.

    jieba splits an unknown shop name (字号) into single characters with arbitrary tags,
    so single characters are kept unless they are prepositions, particles and the like.
    """
    text = ctx.text
    start = s
    idx = ctx.index_at(s - 1) if s > 0 else None
    dot_ends = {end: begin for begin, end in ctx.dot_names.items()}
    while idx is not None and idx >= 0:
        if start in dot_ends:  # 努尔·依明水果店: the owner's name is part of the shop's name
            start = dot_ends[start]
            while idx >= 0 and ctx.toks[idx].start >= start:
                idx -= 1
            continue
        tok = ctx.toks[idx]
        piece = text[tok.start:min(tok.end, s)]
        if s - tok.start > 30 or not re.fullmatch(r"[" + _HAN + r"0-9A-Za-z()（）·•・]+", piece):
            break
        if tok.word in PERSON_CUES or tok.word in ADDRESS_CUES or tok.word in ("名称", "单位", "企业", "商户", "工作单位"):
            break
        if len(piece) == 1:
            if piece in _STRONG_STOP_CHARS:
                break
            if piece == "和" and (idx == 0 or _SUFFIX_END_RE.search(text[:tok.start]) or not _is_han(text[tok.start - 1])):
                break
        elif not tok.flag.startswith(("nr", "ns", "nt", "nz", "vn")) and tok.word not in _ORG_VERBS_OK:
            if tok.flag.startswith(("p", "c", "u", "d", "r", "f", "q", "y", "e", "o", "v")):
                break
            if tok.flag.startswith(("m", "t")) and re.search(r"[0-9年月日时今昨明]", tok.word):
                break
        start = tok.start
        idx -= 1
    return start


_ORG_CUE_BEFORE = re.compile(
    r"(?:当事人|被投诉人|被举报人|名称|单位|供货商|供应商|供货方|生产企业|生产者|维保单位|使用单位|企业|商户|店名)"
    r"(?:[(（][^)）\n]{0,10}[)）])?[:：\s为是系]*$")


def _looks_like_name(ctx: _Ctx, start: int, end: int) -> bool:
    """Does text[start:end] hold a proper name (a place, a person, an unknown brand) and not only common words?"""
    freq = _tokenizer().tokenizer.FREQ
    singles = 0
    k = ctx.index_at(start)
    for t in ctx.toks[k if k is not None else 0:]:
        if t.start >= end:
            break
        if t.end <= start:
            continue
        if t.flag.startswith(("nr", "ns", "nz", "nt", "j")) or (len(t.word) > 1 and not freq.get(t.word)):
            return True
        singles += len(t.word) == 1 and t.word != "·"
    return singles >= 2 or any(c in "·•・" for c in ctx.text[start:end])


def org_spans(ctx: _Ctx) -> Iterator[Span]:
    """Names ending in an organization suffix (有限公司, 经营部, 药房, 诊所, 超市...)."""
    text = ctx.text
    for m in _SUFFIX_RE.finditer(text):
        s, e = m.start(), m.end()
        # 某某有限公司 + 分公司: let the longer suffix run continue
        start = _org_start(ctx, s)
        prefix = text[start:s]
        if len(prefix) < 2 or any(prefix.startswith(g) for g in _GENERIC_PREFIX) or "某" in prefix:
            continue
        if m.group() == "厂" and prefix.endswith("出"):
            continue  # 出厂检验
        if prefix[-1] in "(（" or prefix.count("(") + prefix.count("（") != prefix.count(")") + prefix.count("）"):
            continue  # 场(厂)内专用机动车辆
        k = ctx.index_at(e - 1)
        last = ctx.toks[k] if k is not None else None
        if last is None or last.end != e or (last.word != m.group() and last.flag.startswith("v")):
            continue  # 出厂检验, 厂名: the suffix is part of another word
        if not m.group().endswith("有限公司") and not _ORG_CUE_BEFORE.search(text[max(0, start - 12):start]) \
                and not _looks_like_name(ctx, start, s):
            continue  # 证券公司, 小作坊: ordinary words before the suffix, no name
        if m.group() in ("店", "厂", "公司", "商场", "超市", "商店") and len(prefix) == 2:
            i = ctx.by_start.get(start)
            tok = ctx.toks[i] if i is not None else None
            if tok and tok.end == s and not tok.flag.startswith(("nr", "ns", "nt", "nz")) and \
                    _tokenizer().tokenizer.FREQ.get(tok.word):
                continue  # 物业公司, 快递公司: a common noun, not a name
        yield Span(start, e, "ORG")


_AUTHORITY_RE = re.compile(r"局|政府|法院|检察院|委员会|派出所|管理所|中队|大队|支队|分局|研究院|部门|机关|机构")


def _addr_backward(ctx: _Ctx, s: int) -> int:
    """Extend an address start back: first the street's own name, then place names (杭州市, 西湖区, 城关镇)."""
    text = ctx.text
    start = s
    phase_street = True
    k0 = ctx.index_at(s - 1) if s > 0 else None
    for k in range(-1 if k0 is None else k0, -1, -1):
        tok = ctx.toks[k]
        if tok.start >= start:
            continue
        word = text[tok.start:start]
        if not re.fullmatch(r"[" + _HAN + r"0-9]+", word) or tok.word in ADDRESS_CUES or tok.word in PERSON_CUES:
            break
        if _ADDR_ADMIN.search(word):
            start, phase_street = tok.start, False
            if len(word) == 1 and k > 0 and re.fullmatch(r"[" + _HAN + r"]+", ctx.toks[k - 1].word) and \
                    ctx.toks[k - 1].word not in ADDRESS_CUES + PERSON_CUES:
                start = ctx.toks[k - 1].start  # 和解 + 镇: the name of the place comes with its suffix
            continue
        if tok.flag.startswith("ns") and len(word) > 1:
            start = tok.start
            continue
        if phase_street and s - tok.start <= 8:
            if len(word) == 1 and word in _STRONG_STOP_CHARS:
                break
            # the word right before 路 names the street whatever its tag (建设路, 解放路)
            if start != s and len(word) > 1 and tok.flag.startswith(("p", "c", "u", "d", "r", "v", "f", "m", "q")):
                break
            start = tok.start
            continue
        break
    return start


def address_spans(ctx: _Ctx) -> Iterator[Span]:
    """Addresses after cues (住所, 地址...) and street-and-number addresses anywhere."""
    text = ctx.text
    cue_re = re.compile(r"(?:" + "|".join(sorted(ADDRESS_CUES, key=len, reverse=True)) +
                        r"|位于|家住|住在|坐落于|(?<=[，,。；;\s（(])住(?![所址宿院]))"
                        r"(?:[(（][^)）\n]{0,10}[)）])?(?:[:：\s]|为|是|在|位于)*")
    for m in cue_re.finditer(text):
        run = _ADDR_RUN_RE.match(text, m.end())
        if not run:
            continue
        value = run.group()
        for w in _ADDR_STOP_WORDS:
            k = value.find(w)
            if k > 0:
                value = value[:k]
        value = value.rstrip("(（")
        if _AUTHORITY_RE.search(value) and not re.search(r"\d", value):
            continue
        if len(value) >= 4 and _ADDR_ELEMENT_RE.search(value) and not value.startswith(("某", "本局", "当事人", "该", "其")):
            yield Span(m.end(), m.end() + len(value), "ADDRESS")
    for m in _ADDR_ANCHOR_RE.finditer(text):
        start = _addr_backward(ctx, m.start())
        tail = _ADDR_TAIL_RE.match(text, m.end())
        end = tail.end() if tail else m.end()
        if m.start() - start < 2 or text[start] == "某":
            continue
        yield Span(start, end, "ADDRESS")

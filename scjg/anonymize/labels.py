"""Field labels of 市场监管 documents, as data: the value after 「label：」 is a person's name or a unit's.

A name after a personal-field label is masked whatever its words are (宏伟, 红军, 扎西多吉):
the label, not the dictionary, says that a name follows. Add a label here, not in the detector.
"""
from __future__ import annotations

# Personal fields, by the form they come from (a label may appear in several forms).
PERSON_LABELS = {
    "笔录": "被询问人 询问人 记录人 被检查人 检查人 检查人员 执法人员 在场人员 见证人 陪同人员 现场负责人 "
            "翻译人员 被询问人签名 检查人员签名 记录人签名 见证人签名 当事人签名 签名 签字 签名确认",
    "决定书": "经营者 法定代表人 负责人 主要负责人 企业负责人 投资人 委托代理人 代理人 承办人 审核人 审批人 "
              "批准人 负责人签名 法人 法人代表 业主 股东 监护人 送达人 受送达人 签收人 收件人",
    "投诉举报": "投诉人 举报人 被投诉人 被举报人 联系人 受理人 登记人 来访人 来电人 申诉人 消费者 处理人 经办人 核查人",
    "奖励审批": "开户人 开户名 户名 收款人 领款人 账户名 账户名称 持卡人 奖励对象 申请人 复核人 审批人签名",
    "检查与许可": "质量负责人 质量管理人员 安全管理员 安全管理人员 安全负责人 作业人员 维保人员 驻店药师 执业药师 药师 "
                  "店长 店主 厨师长 从业人员 抽样人员 被抽样人 陪同人 检验人员 持证人 申请人姓名 姓名",
}
PERSON_FIELDS = tuple(sorted({w for words in PERSON_LABELS.values() for w in words.split()}, key=len, reverse=True))

# Fields whose value is a unit (or a person trading under their own name).
ORG_FIELDS = tuple(sorted((
    "当事人 被投诉人 被举报人 被检查单位 被检查人 使用单位 维保单位 维护保养单位 工作单位 单位名称 名称 企业名称 "
    "生产单位 经营单位 供货单位 供货商 供货方 被抽样单位 受检单位 生产企业 经营企业 商户名称 店名 字号"
).split(), key=len, reverse=True))

# Values that follow a personal label but are no name.
NOT_NAMES = frozenset(
    "匿名 不详 无 本人 同上 见附件 略 未到场 不在场 拒签 拒绝签名 拒绝签字 未签名 未签字 暂无 未知 未留姓名 "
    "未留 空缺 待定 当事人 经营者 负责人 本局 执法人员".split())

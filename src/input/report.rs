//! The YAML file, mirrored exactly (`deny_unknown_fields`).
//!
//! The doc comments of these types are the descriptions in `nianbao schema`, so they are
//! written in Chinese for the people who fill in the file.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

use super::Sp;
use super::cell::{Count, ItemRow, Money, Row};
use super::narrative::Narrative;

/// 第三部分表格的一行：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他（6 个数），可再加总计（第 7 个数）。
pub type AppRow = Row<6, 7>;
/// 第四部分的一组：结果维持、结果纠正、其他结果、尚未审结（4 个数），可再加总计（第 5 个数）。
pub type ReviewRow = Row<4, 5>;
/// 第二部分第二十条第（一）项的一行（3 个数）。
pub type DocRow = Row<3, 3>;

/// 政府信息公开工作年度报告（一个机关一年一份）。
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(bound = "P: JsonSchema, O: JsonSchema, M: JsonSchema")]
pub struct ReportInput<P, O, M> {
    /// 报告格式：2021（2021 年及以后的报告）或 2019（2019、2020 年的报告）。不写时按 year 自动确定。
    #[serde(default)]
    pub format: Option<Sp<u32>>,
    /// 报告年度，例如 2024（统计期为该年 1 月 1 日至 12 月 31 日）。
    pub year: Sp<i64>,
    /// 报告机关。
    pub agency: AgencyInput,
    /// 发布日期，写作 2025-01-20 或 2025年1月20日。
    pub publication_date: Sp<String>,
    /// 报告前言（可选）。不写时自动生成：法律依据、六个部分、统计期限。
    #[serde(default)]
    pub preface: Option<Narrative>,
    /// 一、总体情况：主动公开、依申请公开、政府信息管理、平台建设、监督保障等。
    pub overview: Narrative,
    /// 二、主动公开政府信息情况。
    pub proactive: P,
    /// 三、收到和处理政府信息公开申请情况。
    pub applications: ApplicationsInput<O>,
    /// 四、政府信息公开行政复议、行政诉讼情况。
    pub review_litigation: ReviewInput,
    /// 五、存在的主要问题及改进情况。
    pub problems: Narrative,
    /// 六、其他需要报告的事项。
    pub other_matters: Sp<M>,
    /// 已核实并接受的警告：警告编号 → 理由，例如 W7: "处理决定数量确与项目数量相同"。错误不能确认。
    #[serde(default)]
    pub acknowledged: BTreeMap<Sp<String>, Sp<String>>,
}

/// 报告机关。
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgencyInput {
    /// 机关全称，例如 益阳市行政审批服务局。
    pub name: Sp<String>,
    /// 机关层级：department（县级以上人民政府部门）、government（县级以上地方人民政府）、township（乡镇人民政府、街道办事处）。
    pub level: Sp<String>,
    /// 编制单位（可选），例如 某市人民政府办公室。
    #[serde(default)]
    pub issuing_office: Option<Sp<String>>,
    /// 本地规定的发布截止日期（可选，早于法定期限时填写），例如 2025-01-28。
    #[serde(default)]
    pub deadline: Option<Sp<String>>,
}

/// 二、主动公开政府信息情况（2021 格式）。
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Proactive2021 {
    /// 第二十条第（一）项 规章：[本年制发件数, 本年废止件数, 现行有效件数]。
    pub regulations: DocRow,
    /// 第二十条第（一）项 行政规范性文件：[本年制发件数, 本年废止件数, 现行有效件数]。
    pub normative_documents: DocRow,
    /// 第二十条第（五）项 行政许可：本年处理决定数量。
    pub licensing: Count,
    /// 第二十条第（六）项 行政处罚：本年处理决定数量。
    pub penalty: Count,
    /// 第二十条第（六）项 行政强制：本年处理决定数量。
    pub coercion: Count,
    /// 第二十条第（八）项 行政事业性收费：本年收费金额（单位：万元）。
    pub fees: Money,
    /// 表格下方的说明（可选）。
    #[serde(default)]
    pub remarks: Option<Narrative>,
}

/// 二、主动公开政府信息情况（2019 格式）。
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Proactive2019 {
    /// 第二十条第（一）项 规章：[本年新制作数量, 本年新公开数量, 对外公开总数量]。
    pub regulations: DocRow,
    /// 第二十条第（一）项 规范性文件：[本年新制作数量, 本年新公开数量, 对外公开总数量]。
    pub normative_documents: DocRow,
    /// 第二十条第（五）项 行政许可：[上一年项目数量, 本年增/减, 处理决定数量]。
    pub licensing: ItemRow,
    /// 第二十条第（五）项 其他对外管理服务事项：[上一年项目数量, 本年增/减, 处理决定数量]。
    pub other_services: ItemRow,
    /// 第二十条第（六）项 行政处罚：[上一年项目数量, 本年增/减, 处理决定数量]。
    pub penalty: ItemRow,
    /// 第二十条第（六）项 行政强制：[上一年项目数量, 本年增/减, 处理决定数量]。
    pub coercion: ItemRow,
    /// 第二十条第（八）项 行政事业性收费：[上一年项目数量, 本年增/减]。
    pub fees: ItemRow,
    /// 第二十条第（九）项 政府集中采购。
    pub procurement: ProcurementInput,
    /// 表格下方的说明（可选）。
    #[serde(default)]
    pub remarks: Option<Narrative>,
}

/// 第二十条第（九）项 政府集中采购（2019 格式）。
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProcurementInput {
    /// 采购项目数量。
    pub count: Count,
    /// 采购总金额（数字，单位见 unit）。
    pub amount: Money,
    /// 采购总金额的单位：万元 或 元。
    pub unit: Sp<String>,
}

/// 三、收到和处理政府信息公开申请情况。每行依次为：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他，可再加总计。
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(bound = "O: JsonSchema")]
pub struct ApplicationsInput<O> {
    /// 一、本年新收政府信息公开申请数量。
    pub new_received: AppRow,
    /// 二、上年结转政府信息公开申请数量。
    pub carried_over: AppRow,
    /// 三、本年度办理结果。
    pub results: ResultsInput<O>,
    /// 四、结转下年度继续办理。
    pub carried_forward: AppRow,
    /// 表格下方的说明（可选）。
    #[serde(default)]
    pub remarks: Option<Narrative>,
}

/// 三、本年度办理结果。
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(bound = "O: JsonSchema")]
pub struct ResultsInput<O> {
    /// （一）予以公开。
    pub granted: AppRow,
    /// （二）部分公开（区分处理的，只计这一情形，不计其他情形）。
    pub partially_granted: AppRow,
    /// （三）不予公开。
    pub withheld: WithheldInput,
    /// （四）无法提供。
    pub unable: UnableInput,
    /// （五）不予处理。
    pub not_processed: NotProcessedInput,
    /// （六）其他处理。
    pub other: O,
    /// （七）总计（可选：不写时自动合计，写了则核对）。
    #[serde(default)]
    pub total: Option<AppRow>,
}

/// （三）不予公开。
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WithheldInput {
    /// 1.属于国家秘密。
    pub state_secret: AppRow,
    /// 2.其他法律行政法规禁止公开。
    pub other_law: AppRow,
    /// 3.危及“三安全一稳定”。
    pub three_security_one_stability: AppRow,
    /// 4.保护第三方合法权益。
    pub third_party: AppRow,
    /// 5.属于三类内部事务信息。
    pub internal_affairs: AppRow,
    /// 6.属于四类过程性信息。
    pub process_info: AppRow,
    /// 7.属于行政执法案卷。
    pub enforcement_file: AppRow,
    /// 8.属于行政查询事项。
    pub admin_query: AppRow,
}

/// （四）无法提供。
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnableInput {
    /// 1.本机关不掌握相关政府信息。
    pub not_held: AppRow,
    /// 2.没有现成信息需要另行制作。
    pub needs_creation: AppRow,
    /// 3.补正后申请内容仍不明确。
    pub still_unclear: AppRow,
}

/// （五）不予处理。
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NotProcessedInput {
    /// 1.信访举报投诉类申请。
    pub petition_complaint: AppRow,
    /// 2.重复申请。
    pub repeated: AppRow,
    /// 3.要求提供公开出版物。
    pub publication: AppRow,
    /// 4.无正当理由大量反复申请。
    pub mass_repeated: AppRow,
    /// 5.要求行政机关确认或重新出具已获取信息。
    pub confirm_reissue: AppRow,
}

/// （六）其他处理（2021 格式分三行）。
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Other2021 {
    /// 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请。
    pub no_correction: AppRow,
    /// 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请。
    pub fee_unpaid: AppRow,
    /// 3.其他。
    pub other: AppRow,
}

/// 四、政府信息公开行政复议、行政诉讼情况。每组依次为：结果维持、结果纠正、其他结果、尚未审结，可再加总计。
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewInput {
    /// 行政复议。
    pub review: ReviewRow,
    /// 行政诉讼 — 未经复议直接起诉。
    pub litigation_direct: ReviewRow,
    /// 行政诉讼 — 复议后起诉。
    pub litigation_after_review: ReviewRow,
    /// 表格下方的注（可选），例如 行政复议、行政诉讼数量含上年度结转数量。
    #[serde(default)]
    pub remarks: Option<Narrative>,
}

/// 六、其他需要报告的事项（2021 格式）。
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OtherMatters2021 {
    /// 信息处理费情况（2021 格式应当报告；据此自动生成说明句）。
    #[serde(default)]
    pub information_fees: Option<FeesInput>,
    /// 其他需要报告的事项（可选）。
    #[serde(default)]
    pub content: Option<Narrative>,
}

/// 六、其他需要报告的事项（2019 格式）。
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OtherMatters2019 {
    /// 其他需要报告的事项（可选）；不写时印“无”。
    #[serde(default)]
    pub content: Option<Narrative>,
}

/// 信息处理费（依《政府信息公开信息处理费管理办法》），金额单位：元。
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FeesInput {
    /// 发出收费通知的件数。
    pub fee_notices_count: Count,
    /// 收费通知的总金额（元）。
    pub fee_notices_amount_yuan: Money,
    /// 实际收取的金额（元）。
    pub fees_collected_yuan: Money,
}

/// 2021 格式的完整输入。
pub type Input2021 = ReportInput<Proactive2021, Other2021, OtherMatters2021>;
/// 2019 格式的完整输入。
pub type Input2019 = ReportInput<Proactive2019, AppRow, OtherMatters2019>;

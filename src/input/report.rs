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

/// 第三部分表格的一行：六类申请人各一个数，可再加总计（列名见格式目录）。
pub type AppRow = Row<6, 7>;
/// 第四部分的一组：四种结果各一个数，可再加总计（列名见格式目录）。
pub type ReviewRow = Row<4, 5>;
/// 第二部分文件类的一行（3 个数）。
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
    /// 说明取自格式目录（src/format）。
    pub overview: Narrative,
    /// 说明取自格式目录（src/format）。
    pub proactive: P,
    /// 说明取自格式目录（src/format）。
    pub applications: ApplicationsInput<O>,
    /// 说明取自格式目录（src/format）。
    pub review_litigation: ReviewInput,
    /// 说明取自格式目录（src/format）。
    pub problems: Narrative,
    /// 说明取自格式目录（src/format）。
    pub other_matters: Sp<M>,
    /// 已核实并接受的警告：警告编号 → 理由，例如 W9: "经本级政务公开办同意延期发布"。错误不能确认。
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
    /// 汇总（可选）：写 汇总（或 summary）表示本报告的表格是同一批报告中其他报告之和（例如本级政府汇总各部门），
    /// 批量检查（nianbao batch）时逐格核对（W10）。
    #[serde(default)]
    pub scope: Option<Sp<String>>,
}

/// 说明取自格式目录（src/format）。
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Proactive2021 {
    /// 说明取自格式目录（src/format）。
    pub regulations: DocRow,
    /// 说明取自格式目录（src/format）。
    pub normative_documents: DocRow,
    /// 说明取自格式目录（src/format）。
    pub licensing: Count,
    /// 说明取自格式目录（src/format）。
    pub penalty: Count,
    /// 说明取自格式目录（src/format）。
    pub coercion: Count,
    /// 说明取自格式目录（src/format）。
    pub fees: Money,
    /// 表格下方的说明（可选）。
    #[serde(default)]
    pub remarks: Option<Narrative>,
}

/// 说明取自格式目录（src/format）。
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Proactive2019 {
    /// 说明取自格式目录（src/format）。
    pub regulations: DocRow,
    /// 说明取自格式目录（src/format）。
    pub normative_documents: DocRow,
    /// 说明取自格式目录（src/format）。
    pub licensing: ItemRow,
    /// 说明取自格式目录（src/format）。
    pub other_services: ItemRow,
    /// 说明取自格式目录（src/format）。
    pub penalty: ItemRow,
    /// 说明取自格式目录（src/format）。
    pub coercion: ItemRow,
    /// 说明取自格式目录（src/format）。
    pub fees: ItemRow,
    /// 说明取自格式目录（src/format）。
    pub procurement: ProcurementInput,
    /// 表格下方的说明（可选）。
    #[serde(default)]
    pub remarks: Option<Narrative>,
}

/// 说明取自格式目录（src/format）。
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProcurementInput {
    /// 说明取自格式目录（src/format）。
    pub count: Count,
    /// 说明取自格式目录（src/format）。
    pub amount: Money,
    /// 说明取自格式目录（src/format）。
    pub unit: Sp<String>,
}

/// 说明取自格式目录（src/format）。
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(bound = "O: JsonSchema")]
pub struct ApplicationsInput<O> {
    /// 说明取自格式目录（src/format）。
    pub new_received: AppRow,
    /// 说明取自格式目录（src/format）。
    pub carried_over: AppRow,
    /// 说明取自格式目录（src/format）。
    pub results: ResultsInput<O>,
    /// 说明取自格式目录（src/format）。
    pub carried_forward: AppRow,
    /// 表格下方的说明（可选）。
    #[serde(default)]
    pub remarks: Option<Narrative>,
}

/// 说明取自格式目录（src/format）。
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(bound = "O: JsonSchema")]
pub struct ResultsInput<O> {
    /// 说明取自格式目录（src/format）。
    pub granted: AppRow,
    /// 说明取自格式目录（src/format）。
    pub partially_granted: AppRow,
    /// 说明取自格式目录（src/format）。
    pub withheld: WithheldInput,
    /// 说明取自格式目录（src/format）。
    pub unable: UnableInput,
    /// 说明取自格式目录（src/format）。
    pub not_processed: NotProcessedInput,
    /// 说明取自格式目录（src/format）。
    pub other: O,
    /// 说明取自格式目录（src/format）。
    #[serde(default)]
    pub total: Option<AppRow>,
}

/// 说明取自格式目录（src/format）。
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WithheldInput {
    /// 说明取自格式目录（src/format）。
    pub state_secret: AppRow,
    /// 说明取自格式目录（src/format）。
    pub other_law: AppRow,
    /// 说明取自格式目录（src/format）。
    pub three_security_one_stability: AppRow,
    /// 说明取自格式目录（src/format）。
    pub third_party: AppRow,
    /// 说明取自格式目录（src/format）。
    pub internal_affairs: AppRow,
    /// 说明取自格式目录（src/format）。
    pub process_info: AppRow,
    /// 说明取自格式目录（src/format）。
    pub enforcement_file: AppRow,
    /// 说明取自格式目录（src/format）。
    pub admin_query: AppRow,
}

/// 说明取自格式目录（src/format）。
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnableInput {
    /// 说明取自格式目录（src/format）。
    pub not_held: AppRow,
    /// 说明取自格式目录（src/format）。
    pub needs_creation: AppRow,
    /// 说明取自格式目录（src/format）。
    pub still_unclear: AppRow,
}

/// 说明取自格式目录（src/format）。
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NotProcessedInput {
    /// 说明取自格式目录（src/format）。
    pub petition_complaint: AppRow,
    /// 说明取自格式目录（src/format）。
    pub repeated: AppRow,
    /// 说明取自格式目录（src/format）。
    pub publication: AppRow,
    /// 说明取自格式目录（src/format）。
    pub mass_repeated: AppRow,
    /// 说明取自格式目录（src/format）。
    pub confirm_reissue: AppRow,
}

/// 说明取自格式目录（src/format）。
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Other2021 {
    /// 说明取自格式目录（src/format）。
    pub no_correction: AppRow,
    /// 说明取自格式目录（src/format）。
    pub fee_unpaid: AppRow,
    /// 说明取自格式目录（src/format）。
    pub other: AppRow,
}

/// 说明取自格式目录（src/format）。
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewInput {
    /// 说明取自格式目录（src/format）。
    pub review: ReviewRow,
    /// 说明取自格式目录（src/format）。
    pub litigation_direct: ReviewRow,
    /// 说明取自格式目录（src/format）。
    pub litigation_after_review: ReviewRow,
    /// 表格下方的注（可选），例如 行政复议、行政诉讼数量含上年度结转数量。
    #[serde(default)]
    pub remarks: Option<Narrative>,
}

/// 说明取自格式目录（src/format）。
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OtherMatters2021 {
    /// 信息处理费情况（2021 格式应当报告；据此自动生成说明句）。
    #[serde(default)]
    pub information_fees: Option<FeesInput>,
    /// 本部分的其他内容（可选）。
    #[serde(default)]
    pub content: Option<Narrative>,
}

/// 说明取自格式目录（src/format）。
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OtherMatters2019 {
    /// 本部分的内容（可选）；不写时印“无”。
    #[serde(default)]
    pub content: Option<Narrative>,
}

/// 信息处理费（依《政府信息公开信息处理费管理办法》），金额单位：元。报告里写了哪几项就填哪几项：没写的不要填 0，报告也不会替你写出。
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FeesInput {
    /// 发出收费通知的件数（可选）。
    #[serde(default)]
    pub fee_notices_count: Option<Count>,
    /// 收费通知的总金额（元，可选）。
    #[serde(default)]
    pub fee_notices_amount_yuan: Option<Money>,
    /// 实际收取的金额（元，可选）。
    #[serde(default)]
    pub fees_collected_yuan: Option<Money>,
}

/// 2021 格式的完整输入。
pub type Input2021 = ReportInput<Proactive2021, Other2021, OtherMatters2021>;
/// 2019 格式的完整输入。
pub type Input2019 = ReportInput<Proactive2019, AppRow, OtherMatters2019>;

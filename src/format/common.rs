//! What the 2019 and 2021 formats share: the six sections, table 三 (except the rows of
//! （六）其他处理), table 四 and the deadlines of 条例 第四十九条 (domain §2, §4).

use super::rows::{RowDef, RowKind};

/// A section of the report.
#[derive(Debug)]
pub struct Section {
    /// Its number, as printed (`三、`).
    pub number: &'static str,
    /// Its title without the number.
    pub title: &'static str,
    /// How the standard preface names it in its list of the six parts.
    pub part: &'static str,
}

impl Section {
    /// Number and title, as the heading prints them.
    pub fn heading(&self) -> String {
        format!("{}{}", self.number, self.title)
    }
}

/// The six sections (条例 第五十条; the headings of 国办公开办函〔2021〕30号).
pub const SECTIONS: [Section; 6] = [
    Section { number: "一、", title: "总体情况", part: "总体情况" },
    Section {
        number: "二、", title: "主动公开政府信息情况", part: "主动公开政府信息情况"
    },
    Section {
        number: "三、",
        title: "收到和处理政府信息公开申请情况",
        part: "收到和处理政府信息公开申请情况",
    },
    Section {
        number: "四、",
        title: "政府信息公开行政复议、行政诉讼情况",
        part: "政府信息公开行政复议和行政诉讼情况",
    },
    Section {
        number: "五、", title: "存在的主要问题及改进情况", part: "存在的主要问题及改进情况"
    },
    Section {
        number: "六、", title: "其他需要报告的事项", part: "其他需要报告的事项"
    },
];

/// Index of each section in [`SECTIONS`].
pub mod section {
    /// 一.
    pub const OVERVIEW: usize = 0;
    /// 二.
    pub const PROACTIVE: usize = 1;
    /// 三.
    pub const APPLICATIONS: usize = 2;
    /// 四.
    pub const REVIEW: usize = 3;
    /// 五.
    pub const PROBLEMS: usize = 4;
    /// 六.
    pub const OTHER_MATTERS: usize = 5;
}

/// Items of 条例 第二十条 that both formats' table 二 have.
pub mod item {
    /// 第（一）项: regulations and normative documents.
    pub const DOCUMENTS: &str = "第二十条第（一）项";
    /// 第（五）项: licensing.
    pub const LICENSING: &str = "第二十条第（五）项";
    /// 第（六）项: penalties and coercion.
    pub const ENFORCEMENT: &str = "第二十条第（六）项";
    /// 第（八）项: administrative fees.
    pub const FEES: &str = "第二十条第（八）项";
}

/// Row labels of table 二 that both formats print. The 2021 format prints
/// 行政规范性文件 where the 2019 format prints 规范性文件 (kept together here, since one
/// contains the other).
pub mod proactive_row {
    /// 规章.
    pub const REGULATIONS: &str = "规章";
    /// Normative documents, 2019 wording.
    pub const NORMATIVE_2019: &str = "规范性文件";
    /// Normative documents, 2021 wording.
    pub const NORMATIVE_2021: &str = "行政规范性文件";
    /// Normative documents published, a row of the 附表 of the 2008 format.
    pub const NORMATIVE_PUBLISHED_2008: &str = "其中：主动公开规范性文件数";
    /// Normative documents issued, a row of the 附表 of the 2008 format.
    pub const NORMATIVE_ISSUED_2008: &str = "制发规范性文件总数";
    /// Licensing.
    pub const LICENSING: &str = "行政许可";
    /// Penalties.
    pub const PENALTY: &str = "行政处罚";
    /// Coercion.
    pub const COERCION: &str = "行政强制";
    /// Administrative fees.
    pub const FEES: &str = "行政事业性收费";
    /// Decisions column, 2019 wording.
    pub const DECISIONS_2019: &str = "处理决定数量";
    /// Decisions column, 2021 wording.
    pub const DECISIONS_2021: &str = "本年处理决定数量";
}

/// The header of the value columns of table 二.
pub const CONTENT_HEADER: &str = "信息内容";
/// Relative column widths of table 二.
pub const PROACTIVE_WIDTHS: [u32; 4] = [34, 22, 22, 22];

/// The label over the result rows of table 三.
pub const RESULTS: &str = "三、本年度办理结果";
/// The note in the header of table 三: rule R1, in the official words.
pub const APPLICATIONS_NOTE: &str =
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
/// The header over all applicant columns.
pub const APPLICANTS: &str = "申请人情况";
/// The header over the five organisation columns.
pub const LEGAL_PERSONS: &str = "法人或其他组织";
/// Columns of table 三, in order: labels and keys of the JSON data.
pub const APP_COLUMNS: [(&str, &str); 7] = [
    ("自然人", "natural"),
    ("商业企业", "commercial"),
    ("科研机构", "research"),
    ("社会公益组织", "public_interest"),
    ("法律服务机构", "legal_service"),
    ("其他", "other_org"),
    ("总计", "total"),
];
/// Index of the 总计 column of table 三.
pub const APP_TOTAL: usize = 6;
/// Column widths of table 三 (3 label columns, 7 figures), in points of the 442 pt text
/// block (relative: other measures scale them). Set for 小四 (12 pt) labels broken only
/// between their words ([`super::words`]) with 3 pt padding on each side: the results
/// label 「三、/本年度/办理/结果」 and the group labels 「（三）/不予/公开」 three characters
/// wide; 「自然人」 and 「总计」 (the largest figures) three; the other applicant columns
/// two, for 「商业/企业」 and four-digit figures; and what is left, about eight
/// characters, for the row labels, so that the longest (（六）1. and 2. of 2021) take
/// four or five lines, not seven.
pub const APPLICATIONS_WIDTHS: [u32; 10] = [43, 43, 105, 43, 33, 33, 33, 33, 33, 43];

/// The label of a column of table 三.
pub fn app_column(col: usize) -> &'static str {
    APP_COLUMNS[col].0
}

/// A column of table 三 named as evaluators do: `法人或其他组织—商业企业`.
pub fn app_column_label(col: usize) -> String {
    match col {
        1..=5 => format!("{LEGAL_PERSONS}—{}", app_column(col)),
        _ => app_column(col).to_owned(),
    }
}

const fn row(key: &'static str, label: &'static str, short: &'static str, kind: RowKind) -> RowDef {
    RowDef { key, label, short, group: None, kind }
}

/// A result row of table 三.
pub(super) const fn res(
    key: &'static str,
    group: Option<&'static str>,
    label: &'static str,
) -> RowDef {
    RowDef { key, label, short: label, group, kind: RowKind::Result }
}

const WITHHELD: Option<&str> = Some("（三）不予公开");
const UNABLE: Option<&str> = Some("（四）无法提供");
const NOT_PROCESSED: Option<&str> = Some("（五）不予处理");
/// The group label of （六）其他处理.
pub(super) const OTHER: &str = "（六）其他处理";

/// The first rows of table 三, up to （五）不予处理 (the formats differ in （六）).
pub(super) const APP_HEAD_ROWS: [RowDef; 20] = [
    row("new_received", "一、本年新收政府信息公开申请数量", "一、本年新收", RowKind::Received),
    row("carried_over", "二、上年结转政府信息公开申请数量", "二、上年结转", RowKind::CarriedOver),
    res("results.granted", None, "（一）予以公开"),
    res(
        "results.partially_granted",
        None,
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    ),
    res("results.withheld.state_secret", WITHHELD, "1.属于国家秘密"),
    res("results.withheld.other_law", WITHHELD, "2.其他法律行政法规禁止公开"),
    res("results.withheld.three_security_one_stability", WITHHELD, "3.危及“三安全一稳定”"),
    res("results.withheld.third_party", WITHHELD, "4.保护第三方合法权益"),
    res("results.withheld.internal_affairs", WITHHELD, "5.属于三类内部事务信息"),
    res("results.withheld.process_info", WITHHELD, "6.属于四类过程性信息"),
    res("results.withheld.enforcement_file", WITHHELD, "7.属于行政执法案卷"),
    res("results.withheld.admin_query", WITHHELD, "8.属于行政查询事项"),
    res("results.unable.not_held", UNABLE, "1.本机关不掌握相关政府信息"),
    res("results.unable.needs_creation", UNABLE, "2.没有现成信息需要另行制作"),
    res("results.unable.still_unclear", UNABLE, "3.补正后申请内容仍不明确"),
    res("results.not_processed.petition_complaint", NOT_PROCESSED, "1.信访举报投诉类申请"),
    res("results.not_processed.repeated", NOT_PROCESSED, "2.重复申请"),
    res("results.not_processed.publication", NOT_PROCESSED, "3.要求提供公开出版物"),
    res("results.not_processed.mass_repeated", NOT_PROCESSED, "4.无正当理由大量反复申请"),
    res(
        "results.not_processed.confirm_reissue",
        NOT_PROCESSED,
        "5.要求行政机关确认或重新出具已获取信息",
    ),
];

/// The last rows of table 三, after （六）.
pub(super) const APP_TAIL_ROWS: [RowDef; 2] = [
    RowDef {
        key: "results.total",
        label: "（七）总计",
        short: "（七）总计",
        group: None,
        kind: RowKind::Total,
    },
    row(
        "carried_forward",
        "四、结转下年度继续办理",
        "四、结转下年度继续办理",
        RowKind::CarriedForward,
    ),
];

/// Builds table 三's rows from the shared head, a format's （六） rows and the tail.
pub(super) const fn app_rows<const N: usize, const M: usize>(other: [RowDef; M]) -> [RowDef; N] {
    let mut out = [APP_TAIL_ROWS[0]; N];
    let mut i = 0;
    while i < APP_HEAD_ROWS.len() {
        out[i] = APP_HEAD_ROWS[i];
        i += 1;
    }
    let mut j = 0;
    while j < M {
        out[i] = other[j];
        i += 1;
        j += 1;
    }
    out[i] = APP_TAIL_ROWS[0];
    out[i + 1] = APP_TAIL_ROWS[1];
    assert!(i + 2 == N, "table 三 has head + （六） + tail rows");
    out
}

/// A group of table 四: its JSON/YAML key and its label in messages.
#[derive(Debug)]
pub struct ReviewGroup {
    /// YAML key under `review_litigation` (and key in the JSON data).
    pub key: &'static str,
    /// The label, as messages name it.
    pub label: &'static str,
}

/// 行政复议 over the first group of table 四.
pub const REVIEW: &str = "行政复议";
/// 行政诉讼 over the last two groups.
pub const LITIGATION: &str = "行政诉讼";
/// The subheaders of the two 行政诉讼 groups.
pub const LITIGATION_KINDS: [&str; 2] = ["未经复议直接起诉", "复议后起诉"];

/// Groups of table 四, in order.
pub const REVIEW_GROUPS: [ReviewGroup; 3] = [
    ReviewGroup { key: "review", label: REVIEW },
    ReviewGroup { key: "litigation_direct", label: "行政诉讼—未经复议直接起诉" },
    ReviewGroup { key: "litigation_after_review", label: "行政诉讼—复议后起诉" },
];
/// Columns of each group of table 四; the last is the total.
pub const REVIEW_COLUMNS: [&str; 5] = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
/// Index of the 总计 column of table 四.
pub const REVIEW_TOTAL: usize = 4;

/// A deadline of 条例 第四十九条 (or common practice) for one level of agency.
#[derive(Debug)]
pub struct Deadline {
    /// The level, as `agency.level` names it.
    pub level: &'static str,
    /// Month and day of the year after the report year.
    pub by: (u32, u32),
    /// Where it comes from, for messages.
    pub basis: &'static str,
}

/// The deadlines since the 2019 revision of the 条例 (第四十九条).
pub const DEADLINES_2019: [Deadline; 3] = [
    Deadline {
        level: "government",
        by: (3, 31),
        basis: "《条例》第四十九条（县级以上地方人民政府）",
    },
    Deadline {
        level: "department",
        by: (1, 31),
        basis: "《条例》第四十九条（县级以上人民政府部门）",
    },
    Deadline {
        level: "township",
        by: (1, 31),
        basis: "乡镇、街道的通行期限（可用 agency.deadline 改为本地期限）",
    },
];

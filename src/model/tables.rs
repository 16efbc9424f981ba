//! The official tables: row and column labels exactly as the formats print them.
//!
//! These labels are data (domain §2.3–2.5, §4.1–4.2): messages quote them and the
//! renderers print them, so they are written here once.

use crate::input::Format;

/// What a row of table 三 is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    /// 一、本年新收.
    Received,
    /// 二、上年结转.
    CarriedOver,
    /// One of the result rows that （七）总计 sums.
    Result,
    /// （七）总计.
    Total,
    /// 四、结转下年度继续办理.
    CarriedForward,
}

/// One row of table 三.
#[derive(Clone, Copy, Debug)]
pub struct RowDef {
    /// Path of the row in the YAML, under `applications`.
    pub key: &'static str,
    /// The row's own label.
    pub label: &'static str,
    /// The group label above it (（三）不予公开 …), if any.
    pub group: Option<&'static str>,
    /// Its role in the balance rules.
    pub kind: RowKind,
}

impl RowDef {
    /// The label with its group, e.g. `（三）不予公开 1.属于国家秘密`; result rows are prefixed
    /// with 三、本年度办理结果.
    pub fn full_label(&self) -> String {
        let mut s = String::new();
        if matches!(self.kind, RowKind::Result | RowKind::Total) {
            s.push_str(RESULTS_LABEL);
            s.push(' ');
        }
        if let Some(g) = self.group {
            s.push_str(g);
            s.push(' ');
        }
        s.push_str(self.label);
        s
    }
}

/// Title of section 三.
pub const APPLICATIONS_TITLE: &str = "三、收到和处理政府信息公开申请情况";
/// Title of section 二.
pub const PROACTIVE_TITLE: &str = "二、主动公开政府信息情况";
/// Title of section 四.
pub const REVIEW_TITLE: &str = "四、政府信息公开行政复议、行政诉讼情况";
/// The vertical label over the result rows.
pub const RESULTS_LABEL: &str = "三、本年度办理结果";
/// The note in the header of table 三 (rule R1).
pub const APPLICATIONS_NOTE: &str =
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

/// Columns of table 三, in order.
pub const APP_COLUMNS: [&str; 7] =
    ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"];
/// The header over columns 2–6.
pub const APP_LEGAL_PERSONS: &str = "法人或其他组织";
/// The header over all columns.
pub const APP_APPLICANTS: &str = "申请人情况";

/// A column of table 三 named as evaluators do: `法人或其他组织—商业企业`.
pub fn app_column_label(col: usize) -> String {
    match col {
        1..=5 => format!("{APP_LEGAL_PERSONS}—{}", APP_COLUMNS[col]),
        _ => APP_COLUMNS[col].to_owned(),
    }
}

const fn row(key: &'static str, label: &'static str, kind: RowKind) -> RowDef {
    RowDef { key, label, group: None, kind }
}

const fn res(key: &'static str, group: Option<&'static str>, label: &'static str) -> RowDef {
    RowDef { key, label, group, kind: RowKind::Result }
}

const WITHHELD: Option<&str> = Some("（三）不予公开");
const UNABLE: Option<&str> = Some("（四）无法提供");
const NOT_PROCESSED: Option<&str> = Some("（五）不予处理");
const OTHER: Option<&str> = Some("（六）其他处理");

macro_rules! app_rows {
    ($($other:expr),* $(,)?) => {
        [
            row("new_received", "一、本年新收政府信息公开申请数量", RowKind::Received),
            row("carried_over", "二、上年结转政府信息公开申请数量", RowKind::CarriedOver),
            res("results.granted", None, "（一）予以公开"),
            res("results.partially_granted", None, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
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
            res("results.not_processed.confirm_reissue", NOT_PROCESSED, "5.要求行政机关确认或重新出具已获取信息"),
            $($other,)*
            RowDef { key: "results.total", label: "（七）总计", group: None, kind: RowKind::Total },
            row("carried_forward", "四、结转下年度继续办理", RowKind::CarriedForward),
        ]
    };
}

/// Rows of table 三 in the 2021 format (25 rows).
pub const APP_ROWS_2021: [RowDef; 25] = app_rows![
    res(
        "results.other.no_correction",
        OTHER,
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    ),
    res(
        "results.other.fee_unpaid",
        OTHER,
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    ),
    res("results.other.other", OTHER, "3.其他"),
];

/// Rows of table 三 in the 2019 format (23 rows).
pub const APP_ROWS_2019: [RowDef; 23] = app_rows![res("results.other", None, "（六）其他处理")];

/// The rows of table 三 for a format.
pub fn app_rows(format: Format) -> &'static [RowDef] {
    match format {
        Format::F2021 => &APP_ROWS_2021,
        Format::F2019 => &APP_ROWS_2019,
    }
}

/// Groups of table 四, in order, with their YAML keys.
pub const REVIEW_GROUPS: [(&str, &str); 3] = [
    ("review", "行政复议"),
    ("litigation_direct", "行政诉讼—未经复议直接起诉"),
    ("litigation_after_review", "行政诉讼—复议后起诉"),
];
/// Columns of each group of table 四.
pub const REVIEW_COLUMNS: [&str; 5] = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

/// Section 二 labels of the 2021 format.
pub mod proactive2021 {
    /// Columns of 第二十条第（一）项.
    pub const DOC_COLUMNS: [&str; 3] = ["本年制发件数", "本年废止件数", "现行有效件数"];
    /// Rows of 第二十条第（一）项.
    pub const DOC_ROWS: [&str; 2] = ["规章", "行政规范性文件"];
}

/// Section 二 labels of the 2019 format.
pub mod proactive2019 {
    /// Columns of 第二十条第（一）项.
    pub const DOC_COLUMNS: [&str; 3] = ["本年新制作数量", "本年新公开数量", "对外公开总数量"];
    /// Rows of 第二十条第（一）项.
    pub const DOC_ROWS: [&str; 2] = ["规章", "规范性文件"];
    /// Columns of the item rows of 第（五）、（六）、（八）项.
    pub const ITEM_COLUMNS: [&str; 3] = ["上一年项目数量", "本年增/减", "处理决定数量"];
    /// Item rows (key, label, item of 第二十条).
    pub const ITEM_ROWS: [(&str, &str, &str); 4] = [
        ("licensing", "行政许可", "第二十条第（五）项"),
        ("other_services", "其他对外管理服务事项", "第二十条第（五）项"),
        ("penalty", "行政处罚", "第二十条第（六）项"),
        ("coercion", "行政强制", "第二十条第（六）项"),
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_sizes_match_the_official_formats() {
        // 25 × 7 = 175 cells in 2021, 23 × 7 = 161 in 2019 (domain §2.4, §4.2).
        assert_eq!(APP_ROWS_2021.len() * APP_COLUMNS.len(), 175);
        assert_eq!(APP_ROWS_2019.len() * APP_COLUMNS.len(), 161);
        let results = |rows: &[RowDef]| rows.iter().filter(|r| r.kind == RowKind::Result).count();
        assert_eq!(results(&APP_ROWS_2021), 21);
        assert_eq!(results(&APP_ROWS_2019), 19);
    }

    #[test]
    fn full_labels_name_the_group() {
        assert_eq!(
            APP_ROWS_2021[4].full_label(),
            "三、本年度办理结果 （三）不予公开 1.属于国家秘密"
        );
        assert_eq!(app_column_label(1), "法人或其他组织—商业企业");
    }
}

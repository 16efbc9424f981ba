//! The 2021 format (国办公开办函〔2021〕30号), report years 2021 onward (domain §2).

use super::common::{DEADLINES_2019, OTHER, app_rows, item, proactive_row as row, res};
use super::proactive::{ColRole, ColSpec, ItemGroup, ItemRowSpec, Json, ValueKind, col};
use super::{Format, FormatSpec, RowDef};

const fn one(key: &'static str, label: &'static str, data_key: &'static str) -> ItemRowSpec {
    ItemRowSpec { key, label, data_key, json: Json::Scalar, unit: false }
}

const fn three(key: &'static str, label: &'static str) -> ItemRowSpec {
    ItemRowSpec { key, label, data_key: key, json: Json::Array, unit: false }
}

const DECISIONS: [ColSpec; 1] = [col(row::DECISIONS_2021, 3, ValueKind::Count, ColRole::Plain)];

/// Table 二 of the 2021 format: 10 figures.
const PROACTIVE: [ItemGroup; 4] = [
    ItemGroup {
        item: item::DOCUMENTS,
        columns: &[
            col("本年制发件数", 1, ValueKind::Count, ColRole::Issued),
            col("本年废止件数", 1, ValueKind::Count, ColRole::Repealed),
            col("现行有效件数", 1, ValueKind::Count, ColRole::InForce),
        ],
        rows: &[
            three("regulations", row::REGULATIONS),
            three("normative_documents", row::NORMATIVE_2021),
        ],
    },
    ItemGroup {
        item: item::LICENSING,
        columns: &DECISIONS,
        rows: &[one("licensing", row::LICENSING, "licensing")],
    },
    ItemGroup {
        item: item::ENFORCEMENT,
        columns: &DECISIONS,
        rows: &[
            one("penalty", row::PENALTY, "penalty"),
            one("coercion", row::COERCION, "coercion"),
        ],
    },
    ItemGroup {
        item: item::FEES,
        columns: &[col("本年收费金额（单位：万元）", 3, ValueKind::Money, ColRole::Plain)],
        rows: &[one("fees", row::FEES, "fees_wan_yuan")],
    },
];

/// Table 三 of the 2021 format: 25 rows, （六） in three.
const APPLICATIONS: [RowDef; 25] = app_rows([
    res(
        "results.other.no_correction",
        Some(OTHER),
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    ),
    res(
        "results.other.fee_unpaid",
        Some(OTHER),
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ),
    res("results.other.other", Some(OTHER), "3.其他"),
]);

/// The key of the row of table 三 that counts applications dropped for unpaid fees.
pub const FEE_UNPAID_ROW: &str = "results.other.fee_unpaid";

/// The 2021 format.
pub const SPEC: FormatSpec = FormatSpec {
    format: Format::F2021,
    name: "2021",
    notice: "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）",
    years: 2021..=9999,
    only_keys: &["no_correction", "fee_unpaid", "information_fees"],
    proactive: &PROACTIVE,
    proactive_note: None,
    applications: &APPLICATIONS,
    reports_fees: true,
    rules: &[
        "R1", "R2", "R3", "R4", "R5", "D1", "W1", "W2", "W4", "W8", "W9", "N1", "N2", "N3", "N4",
        "N5",
    ],
    deadlines: &DEADLINES_2019,
    template: "report.xml",
    parts: &[],
    annex: &[],
};

//! The 2019 format (国办公开办函〔2019〕60号, 试行), report years 2019 and 2020 (domain §4).

use super::common::{DEADLINES_2019, OTHER, app_rows, item, proactive_row as row, res};
use super::proactive::{ColRole, ColSpec, ItemGroup, ItemRowSpec, Json, ValueKind, col};
use super::{Format, FormatSpec, RowDef};

const fn list(key: &'static str, label: &'static str) -> ItemRowSpec {
    ItemRowSpec { key, label, data_key: key, json: Json::Array, unit: false }
}

const ITEMS: [ColSpec; 3] = [
    col("上一年项目数量", 1, ValueKind::Count, ColRole::LastYear),
    col("本年增/减", 1, ValueKind::Signed, ColRole::Delta),
    col(row::DECISIONS_2019, 1, ValueKind::Count, ColRole::Decisions),
];

/// Table 二 of the 2019 format: 22 figures in five groups.
const PROACTIVE: [ItemGroup; 5] = [
    ItemGroup {
        item: item::DOCUMENTS,
        columns: &[
            col("本年新制作数量", 1, ValueKind::Count, ColRole::Plain),
            col("本年新公开数量", 1, ValueKind::Count, ColRole::Plain),
            col("对外公开总数量", 1, ValueKind::Count, ColRole::Plain),
        ],
        rows: &[
            list("regulations", row::REGULATIONS),
            list("normative_documents", row::NORMATIVE_2019),
        ],
    },
    ItemGroup {
        item: item::LICENSING,
        columns: &ITEMS,
        rows: &[list("licensing", row::LICENSING), list("other_services", "其他对外管理服务事项")],
    },
    ItemGroup {
        item: item::ENFORCEMENT,
        columns: &ITEMS,
        rows: &[list("penalty", row::PENALTY), list("coercion", row::COERCION)],
    },
    ItemGroup {
        item: item::FEES,
        columns: &[
            col("上一年项目数量", 1, ValueKind::Count, ColRole::Plain),
            col("本年增/减", 2, ValueKind::Signed, ColRole::Plain),
        ],
        rows: &[list("fees", row::FEES)],
    },
    ItemGroup {
        item: "第二十条第（九）项",
        columns: &[
            col("采购项目数量", 1, ValueKind::Count, ColRole::Plain),
            col("采购总金额", 2, ValueKind::Money, ColRole::Plain),
        ],
        rows: &[ItemRowSpec {
            key: "procurement",
            label: "政府集中采购",
            data_key: "procurement",
            json: Json::Object(&["count", "amount"]),
            unit: true,
        }],
    },
];

/// Table 三 of the 2019 format: 23 rows, （六） in one.
const APPLICATIONS: [RowDef; 23] = app_rows([res("results.other", None, OTHER)]);

/// The 2019 format.
pub const SPEC: FormatSpec = FormatSpec {
    format: Format::F2019,
    name: "2019",
    notice: "《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）",
    years: 2019..=2020,
    only_keys: &["other_services", "procurement"],
    proactive: &PROACTIVE,
    proactive_note: Some("注：政府集中采购的采购总金额单位为{}。"),
    applications: &APPLICATIONS,
    reports_fees: false,
    rules: &[
        "R1", "R2", "R3", "R4", "R5", "D1", "W1", "W7", "W8", "W9", "N1", "N2", "N3", "N4", "N5",
    ],
    deadlines: &DEADLINES_2019,
    template: "report.xml",
    parts: &[],
    annex: &[],
};

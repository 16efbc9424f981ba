//! The machine-readable figures that every output carries (`nianbao-data`, version 1).
//!
//! Keys follow the YAML input; every total is included (derived where the YAML left it
//! out), so a reader needs no arithmetic. Money is a string holding the exact decimal as
//! written. The shape is documented in `docs/data-format.md`.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::format::common::{APP_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS};
use crate::format::{Format, Json, ValueKind};
use crate::model::{Annex, Level, ProactiveRow, Report, Six, Value};

/// Version of the data shape; raised when a key changes meaning or disappears.
pub const VERSION: u32 = 1;

/// The figures of one report.
#[derive(Serialize)]
pub struct Data {
    schema: &'static str,
    version: u32,
    agency: String,
    level: Level,
    year: i32,
    format: Format,
    publication_date: String,
    #[serde(flatten)]
    six: Option<SixData>,
    /// The 附表 of the 2008 format, keyed as in the YAML.
    #[serde(skip_serializing_if = "Option::is_none")]
    statistics: Option<serde_json::Value>,
}

/// The tables of the 2019 and 2021 formats.
#[derive(Serialize)]
struct SixData {
    proactive: BTreeMap<&'static str, serde_json::Value>,
    applications: Applications,
    review_litigation: BTreeMap<&'static str, [i64; 5]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    information_fees: Option<Fees>,
}

#[derive(Serialize)]
struct Applications {
    columns: Vec<&'static str>,
    rows: BTreeMap<&'static str, [i64; 7]>,
}

#[derive(Serialize)]
struct Fees {
    #[serde(skip_serializing_if = "Option::is_none")]
    fee_notices_count: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fee_notices_amount_yuan: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fees_collected_yuan: Option<String>,
}

/// A figure of table 二 in the JSON: counts as numbers, money as exact decimal strings.
fn json_value(v: &Value) -> serde_json::Value {
    match v {
        Value::Count(n) => n.value.into(),
        Value::Money(a) => a.value.to_string().into(),
    }
}

/// A row of table 二 in the shape its catalogue entry names.
fn proactive_row(row: &ProactiveRow) -> serde_json::Value {
    match row.spec.json {
        Json::Scalar => row.values.first().map_or(serde_json::Value::Null, json_value),
        Json::Array => row
            .values
            .iter()
            .zip(row.group.columns)
            .map(|(v, c)| match (v, c.kind) {
                // A list of counts keeps numbers; money in a list would be a string.
                (Value::Count(n), ValueKind::Count | ValueKind::Signed) => n.value.into(),
                (v, _) => json_value(v),
            })
            .collect::<Vec<_>>()
            .into(),
        Json::Object(keys) => {
            let mut map = serde_json::Map::new();
            for (k, v) in keys.iter().zip(&row.values) {
                map.insert((*k).to_owned(), json_value(v));
            }
            if let Some(unit) = row.unit {
                map.insert("unit".into(), unit.label().into());
            }
            map.into()
        }
    }
}

/// Collects the figures of a report.
pub fn data(report: &Report) -> Data {
    Data {
        schema: "nianbao-data",
        version: VERSION,
        agency: report.agency.name.clone(),
        level: report.agency.level,
        year: report.year,
        format: report.format,
        publication_date: report.publication_date.iso(),
        six: report.six().map(six_data),
        statistics: report.annexed().map(|a| statistics(&a.annex)),
    }
}

fn six_data(six: &Six) -> SixData {
    let a = &six.applications;
    let rows = a
        .rows
        .iter()
        .enumerate()
        .map(|(i, def)| {
            let mut v = [0; 7];
            for (c, slot) in v.iter_mut().enumerate() {
                *slot = a.value(i, c);
            }
            (def.key, v)
        })
        .collect();
    let r = &six.review;
    let review_litigation = REVIEW_GROUPS
        .iter()
        .enumerate()
        .map(|(g, group)| (group.key, [0, 1, 2, 3, 4].map(|c| r.value(g, c))))
        .collect();
    debug_assert_eq!(REVIEW_COLUMNS.len(), 5);
    let proactive =
        six.proactive.rows.iter().map(|row| (row.spec.data_key, proactive_row(row))).collect();
    SixData {
        proactive,
        applications: Applications { columns: APP_COLUMNS.iter().map(|c| c.1).collect(), rows },
        review_litigation,
        information_fees: six.fees.as_ref().map(|f| Fees {
            fee_notices_count: f.notices.map(|n| n.value),
            fee_notices_amount_yuan: f.notices_amount.map(|a| a.value.to_string()),
            fees_collected_yuan: f.collected.map(|a| a.value.to_string()),
        }),
    }
}

/// The 附表 as nested objects, keyed as in the YAML (`applications.received` →
/// `{"applications": {"received": 7}}`), keys sorted.
fn statistics(annex: &Annex) -> serde_json::Value {
    let mut root = serde_json::Map::new();
    for (row, figure) in annex.rows.iter().zip(&annex.figures) {
        let Some(v) = figure else { continue };
        let mut map = &mut root;
        let mut path = row.key.split('.').peekable();
        while let Some(k) = path.next() {
            if path.peek().is_none() {
                map.insert(k.to_owned(), json_value(v));
                break;
            }
            let entry = map
                .entry(k.to_owned())
                .or_insert_with(|| serde_json::Value::Object(serde_json::Map::new()));
            let serde_json::Value::Object(next) = entry else { break };
            map = next;
        }
    }
    root.into()
}

/// The data as JSON that is safe inside an HTML `<script>` element (`<` escaped).
pub fn to_json(data: &Data) -> String {
    serde_json::to_string_pretty(data).unwrap_or_default().replace('<', "\\u003c")
}

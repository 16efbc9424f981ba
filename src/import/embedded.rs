//! nianbao's own reports carry every figure as `nianbao-data` JSON (HTML `<script>`,
//! DOCX custom XML part): read exactly, instead of the tables.

use serde_json::Value as Json;

use super::imported::Imported;
use super::value::Value;
use crate::format::common::{APP_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS};
use crate::format::{Format, Json as Shape};
use crate::model::{Date, Level};

/// The format the data names, when the text is nianbao's data of a known version.
pub fn format_of(text: &str) -> Option<Format> {
    let v: Json = serde_json::from_str(text).ok()?;
    if v.get("schema")?.as_str()? != "nianbao-data" || v.get("version")?.as_u64()? != 1 {
        return None;
    }
    let name = v.get("format")?.as_str()?.parse::<i64>().ok()?;
    Format::from_name(name)
}

/// A figure of the JSON as printed: numbers and exact decimal strings.
fn figure(v: Option<&Json>) -> Option<Value> {
    match v? {
        Json::Number(n) => Some(Value::Number { text: n.to_string(), unit: None }),
        Json::String(s) => Some(Value::Number { text: s.clone(), unit: None }),
        _ => None,
    }
}

/// Replaces the figures read from the tables with the data's. Returns `false` (and
/// changes nothing) when the data does not have every figure of its format.
pub fn apply(text: &str, out: &mut Imported) -> bool {
    let Ok(v) = serde_json::from_str::<Json>(text) else { return false };
    let spec = out.format.spec();
    let mut figures = std::collections::BTreeMap::new();
    let mut unit = None;
    let mut fees = None;
    if spec.annex.is_empty() {
        for (g, r) in spec.proactive_rows() {
            let cell = v.pointer(&format!("/proactive/{}", r.data_key));
            let values: Option<Vec<Value>> = match r.json {
                Shape::Scalar => figure(cell).map(|x| vec![x]),
                Shape::Array => cell
                    .and_then(Json::as_array)
                    .filter(|a| a.len() == g.columns.len())
                    .and_then(|a| a.iter().map(|x| figure(Some(x))).collect()),
                Shape::Object(keys) => {
                    unit =
                        cell.and_then(|c| c.get("unit")).and_then(Json::as_str).map(str::to_owned);
                    keys.iter().map(|k| figure(cell.and_then(|c| c.get(*k)))).collect()
                }
            };
            let Some(values) = values else { return false };
            figures.insert(format!("proactive.{}", r.key), values);
        }
        for r in spec.applications {
            let row = v.pointer("/applications/rows").and_then(|rows| rows.get(r.key));
            let values: Option<Vec<Value>> = row
                .and_then(Json::as_array)
                .filter(|a| a.len() == APP_COLUMNS.len())
                .and_then(|a| a.iter().map(|x| figure(Some(x))).collect());
            let Some(values) = values else { return false };
            figures.insert(format!("applications.{}", r.key), values);
        }
        for g in &REVIEW_GROUPS {
            let values: Option<Vec<Value>> = v
                .pointer(&format!("/review_litigation/{}", g.key))
                .and_then(Json::as_array)
                .filter(|a| a.len() == REVIEW_COLUMNS.len())
                .and_then(|a| a.iter().map(|x| figure(Some(x))).collect());
            let Some(values) = values else { return false };
            figures.insert(format!("review_litigation.{}", g.key), values);
        }
        if let Some(f) = v.get("information_fees") {
            let get = |k: &str| figure(f.get(k)).and_then(|x| x.number().map(str::to_owned));
            if let (Some(a), Some(b), Some(c)) = (
                get("fee_notices_count"),
                get("fee_notices_amount_yuan"),
                get("fees_collected_yuan"),
            ) {
                fees = Some([a, b, c]);
            }
        }
    } else {
        for row in spec.annex.iter().filter(|r| !r.key.is_empty()) {
            let pointer = format!("/statistics/{}", row.key.replace('.', "/"));
            // A figure the report left blank is not in the data.
            let value = figure(v.pointer(&pointer)).unwrap_or(Value::Blank);
            figures.insert(format!("statistics.{}", row.key), vec![value]);
        }
    }
    out.figures = figures;
    out.procurement_unit = unit.or(out.procurement_unit.take());
    if fees.is_some() {
        out.information_fees = fees;
    }
    if let Some(name) = v.get("agency").and_then(Json::as_str) {
        out.agency = Some(name.to_owned());
    }
    if let Some(y) = v.get("year").and_then(Json::as_i64).and_then(|y| i32::try_from(y).ok()) {
        out.year = y;
    }
    out.level = match v.get("level").and_then(Json::as_str) {
        Some("government") => Level::Government,
        Some("township") => Level::Township,
        _ => Level::Department,
    };
    if let Some(d) = v.get("publication_date").and_then(Json::as_str).and_then(Date::parse) {
        out.publication_date = Some(d);
    }
    out.problems.clear();
    out.notes.retain(|n| n.starts_with("没有找到"));
    out.embedded = true;
    true
}

//! The machine-readable figures that every output carries (`nianbao-data`, version 1).
//!
//! Keys follow the YAML input; every total is included (derived where the YAML left it
//! out), so a reader needs no arithmetic. Money is a string holding the exact decimal as
//! written. The shape is documented in `docs/data-format.md`.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::input::Format;
use crate::model::tables::{self, RowKind};
use crate::model::{Level, Proactive, Report};

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
    proactive: BTreeMap<&'static str, serde_json::Value>,
    applications: Applications,
    review_litigation: BTreeMap<&'static str, [i64; 5]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    information_fees: Option<Fees>,
}

#[derive(Serialize)]
struct Applications {
    columns: [&'static str; 7],
    rows: BTreeMap<&'static str, [i64; 7]>,
}

#[derive(Serialize)]
struct Fees {
    fee_notices_count: i64,
    fee_notices_amount_yuan: String,
    fees_collected_yuan: String,
}

const COLUMN_KEYS: [&str; 7] =
    ["natural", "commercial", "research", "public_interest", "legal_service", "other_org", "total"];

/// Collects the figures of a report.
pub fn data(report: &Report) -> Data {
    let a = &report.applications;
    let rows = a
        .rows
        .iter()
        .enumerate()
        .map(|(i, def)| {
            let mut v = [0; 7];
            for (c, slot) in v.iter_mut().enumerate() {
                *slot = a.value(i, c);
            }
            debug_assert!(def.kind != RowKind::Total || def.key == "results.total");
            (def.key, v)
        })
        .collect();
    let r = &report.review;
    let review_litigation = tables::REVIEW_GROUPS
        .iter()
        .enumerate()
        .map(|(g, (key, _))| (*key, [0, 1, 2, 3, 4].map(|c| r.value(g, c))))
        .collect();
    let num = |n: i64| serde_json::Value::from(n);
    let mut proactive = BTreeMap::new();
    match &report.proactive {
        Proactive::F2021(p) => {
            proactive.insert("regulations", p.documents[0].map(|n| n.value).to_vec().into());
            proactive
                .insert("normative_documents", p.documents[1].map(|n| n.value).to_vec().into());
            proactive.insert("licensing", num(p.licensing.value));
            proactive.insert("penalty", num(p.penalty.value));
            proactive.insert("coercion", num(p.coercion.value));
            proactive.insert("fees_wan_yuan", p.fees_wan.value.to_string().into());
        }
        Proactive::F2019(p) => {
            proactive.insert("regulations", p.documents[0].map(|n| n.value).to_vec().into());
            proactive
                .insert("normative_documents", p.documents[1].map(|n| n.value).to_vec().into());
            for (i, (key, _, _)) in tables::proactive2019::ITEM_ROWS.iter().enumerate() {
                proactive.insert(key, p.items[i].map(|n| n.value).to_vec().into());
            }
            proactive.insert("fees", p.fee_items.map(|n| n.value).to_vec().into());
            proactive.insert(
                "procurement",
                serde_json::json!({
                    "count": p.procurement_count.value,
                    "amount": p.procurement_amount.value.to_string(),
                    "unit": p.procurement_unit.label(),
                }),
            );
        }
    }
    Data {
        schema: "nianbao-data",
        version: VERSION,
        agency: report.agency.name.clone(),
        level: report.agency.level,
        year: report.year,
        format: report.format,
        publication_date: report.publication_date.iso(),
        proactive,
        applications: Applications { columns: COLUMN_KEYS, rows },
        review_litigation,
        information_fees: report.fees.as_ref().map(|f| Fees {
            fee_notices_count: f.notices.value,
            fee_notices_amount_yuan: f.notices_amount.value.to_string(),
            fees_collected_yuan: f.collected.value.to_string(),
        }),
    }
}

/// The data as JSON that is safe inside an HTML `<script>` element (`<` escaped).
pub fn to_json(data: &Data) -> String {
    serde_json::to_string_pretty(data).unwrap_or_default().replace('<', "\\u003c")
}

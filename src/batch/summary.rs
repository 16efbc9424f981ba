//! The figures of every report for the office: `summary.csv` (UTF-8 with BOM, so Excel
//! and WPS read it as Chinese), `summary.xlsx` (the same rows, a totals row, frozen
//! headers) and `summary.json`. The figure columns are the catalogue's, in its order,
//! named by the official labels; they do not depend on the reports.

use serde_json::{Value, json};

use super::figures::{self, Fig};
use super::xlsx::{self, Cell};
use super::{Batch, ReportResult};

/// The columns before the figures.
const META: [&str; 13] = [
    "文件",
    "机关",
    "层级",
    "格式",
    "年度",
    "状态",
    "发布日期",
    "逾期天数",
    "错误",
    "警告",
    "已确认",
    "问题",
    "报告文件",
];

fn meta(r: &ReportResult) -> [String; 13] {
    let t = r.tally();
    let opt = |v: Option<String>| v.unwrap_or_default();
    let mut problems: Vec<String> = r
        .findings
        .iter()
        .map(|f| match f.code {
            Some(c) => format!("{}[{c}]：{}", f.severity.label(), f.message),
            None => format!("{}：{}", f.severity.label(), f.message),
        })
        .collect();
    if let Some(why) = &r.not_rendered {
        problems.push(why.clone());
    }
    [
        r.path.clone(),
        opt(r.agency.clone()),
        r.level.map(|l| l.label().to_owned()).unwrap_or_default(),
        r.format.map(|f| f.name().to_owned()).unwrap_or_default(),
        opt(r.year.map(|y| y.to_string())),
        r.status.label().to_owned(),
        opt(r.publication_date.clone()),
        opt(r.days_late.map(|d| d.max(0).to_string())),
        t.errors.to_string(),
        t.warnings.to_string(),
        t.acknowledged.to_string(),
        problems.join("\n"),
        r.outputs.join("\n"),
    ]
}

/// A CSV field: quoted when needed; text that a spreadsheet would take for a formula
/// gets a leading apostrophe.
fn field(s: &str, text: bool) -> String {
    let s =
        if text && s.starts_with(['=', '+', '-', '@']) { format!("'{s}") } else { s.to_owned() };
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s }
}

/// `summary.csv`.
pub fn csv(batch: &Batch) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    let header: Vec<String> = META
        .iter()
        .map(|m| field(m, true))
        .chain(figures::columns().iter().map(|c| field(&c.label, true)))
        .collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for r in &batch.reports {
        let mut cells: Vec<String> = meta(r).iter().map(|m| field(m, true)).collect();
        for c in 0..figures::columns().len() {
            cells.push(
                r.figures.as_ref().and_then(|row| row.get(c)).map(Fig::text).unwrap_or_default(),
            );
        }
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

fn fig_json(f: Fig) -> Value {
    match f {
        Fig::Count(n) => n.into(),
        Fig::Money(d) => d.normalize().to_string().into(),
    }
}

/// `summary.json`.
pub fn json(batch: &Batch) -> Vec<u8> {
    let columns: Vec<Value> = figures::columns()
        .iter()
        .map(|c| json!({"key": c.key, "label": c.label, "money": c.money}))
        .collect();
    // Figures as an array in the order of `columns` (null where the report's format
    // has no such cell): the keys are written once, in `columns`.
    let figures_of = |row: &mut dyn Iterator<Item = Option<Fig>>| {
        Value::Array(row.map(|v| v.map_or(Value::Null, fig_json)).collect())
    };
    // One report per line, serialized one at a time: a large batch never holds the
    // whole document as a tree.
    let report = |r: &ReportResult| {
        let t = r.tally();
        json!({
            "file": r.path,
            "name": r.name,
            "agency": r.agency,
            "level": r.level.map(|l| l.key()),
            "format": r.format.map(|f| f.name()),
            "year": r.year,
            "rollup": r.rollup,
            "status": r.status.key(),
            "fails": r.fails(),
            "publication_date": r.publication_date,
            "days_late": r.days_late,
            "errors": t.errors,
            "warnings": t.warnings,
            "acknowledged": t.acknowledged,
            "diagnostics": r.findings.iter().map(|f| json!({
                "severity": f.severity,
                "rule": f.code,
                "line": f.line,
                "message": f.message,
                "denied": f.denied,
            })).collect::<Vec<_>>(),
            "not_rendered": r.not_rendered,
            "draft": r.draft,
            "outputs": r.outputs,
            "previous": r.previous,
            "figures": r.figures.as_ref().map(|row| figures_of(&mut row.iter())),
        })
    };
    let compact = |v: &Value| serde_json::to_string(v).unwrap_or_default();
    let mut out = String::new();
    out.push_str("{\n\"schema\": \"nianbao-batch\",\n\"version\": 1,\n\"columns\": ");
    out.push_str(&compact(&Value::Array(columns)));
    out.push_str(",\n\"reports\": [");
    for (i, r) in batch.reports.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        out.push_str(&compact(&report(r)));
    }
    out.push_str("\n],\n\"totals\": ");
    out.push_str(&compact(
        &json!({"reports": batch.totals_count, "figures": figures_of(&mut batch.totals.iter().copied())}),
    ));
    out.push_str(",\n\"unmatched_previous\": ");
    out.push_str(&compact(&json!(batch.unmatched)));
    out.push_str("\n}\n");
    out.into_bytes()
}

/// `summary.xlsx`: one sheet with a header row (frozen, with the file and agency
/// columns), one row per report and a totals row.
pub fn xlsx(batch: &Batch) -> Result<Vec<u8>, String> {
    let columns = figures::columns();
    let header: Vec<&str> =
        META.iter().copied().chain(columns.iter().map(|c| c.label.as_str())).collect();
    let mut widths: Vec<(usize, f64)> = vec![(0, 28.0), (1, 24.0), (11, 40.0), (12, 30.0)];
    widths.extend((0..columns.len()).map(|c| (META.len() + c, 14.0)));
    let numeric = [4usize, 7, 8, 9, 10];
    let metas: Vec<[String; 13]> = batch.reports.iter().map(meta).collect();
    let rows = batch.reports.iter().zip(&metas).map(|(r, m)| {
        let mut cells: Vec<Cell> = m
            .iter()
            .enumerate()
            .map(|(c, v)| {
                if v.is_empty() {
                    Cell::Empty
                } else if numeric.contains(&c) {
                    Cell::Number(v.clone())
                } else {
                    Cell::Text(v)
                }
            })
            .collect();
        for c in 0..columns.len() {
            cells.push(match r.figures.as_ref().and_then(|f| f.get(c)) {
                Some(v) => Cell::Number(v.text()),
                None => Cell::Empty,
            });
        }
        cells
    });
    let label = format!("{} 份报告（不含汇总报告）", batch.totals_count);
    let mut footer = vec![Cell::Text("合计"), Cell::Text(&label)];
    footer.extend((2..META.len()).map(|_| Cell::Empty));
    footer.extend(batch.totals.iter().map(|v| match v {
        Some(v) => Cell::Number(v.text()),
        None => Cell::Empty,
    }));
    xlsx::workbook("汇总", &header, &widths, 2, rows, footer)
        .map_err(|e| format!("无法生成 summary.xlsx（{e}）"))
}

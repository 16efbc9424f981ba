//! The figures of every report for the office: `summary.csv` (UTF-8 with BOM, so Excel
//! and WPS read it as Chinese), `summary.xlsx` (the same rows, a totals row, frozen
//! headers) and `summary.json`. The figure columns are the catalogue's, in its order,
//! named by the official labels; they do not depend on the reports.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};
use serde_json::{Map, Value, json};

use super::figures::{self, Fig};
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
        let row = r.figures.as_deref();
        for c in 0..figures::columns().len() {
            cells.push(row.and_then(|row| row[c]).map(Fig::text).unwrap_or_default());
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
    let figures_of = |row: &[Option<Fig>]| {
        let mut m = Map::new();
        for (c, v) in figures::columns().iter().zip(row) {
            if let Some(v) = v {
                m.insert(c.key.clone(), fig_json(*v));
            }
        }
        Value::Object(m)
    };
    let reports: Vec<Value> = batch
        .reports
        .iter()
        .map(|r| {
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
                "figures": r.figures.as_deref().map(figures_of),
            })
        })
        .collect();
    let doc = json!({
        "schema": "nianbao-batch",
        "version": 1,
        "columns": columns,
        "reports": reports,
        "totals": {"reports": batch.totals_count, "figures": figures_of(&batch.totals)},
        "unmatched_previous": batch.unmatched,
    });
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text.into_bytes()
}

fn number(f: Fig) -> f64 {
    match f {
        Fig::Count(n) => n as f64,
        Fig::Money(d) => d.to_string().parse().unwrap_or(0.0),
    }
}

/// `summary.xlsx`: one sheet with a header row (frozen, with the agency column), one
/// row per report and a totals row.
pub fn xlsx(batch: &Batch) -> Result<Vec<u8>, String> {
    build_xlsx(batch).map_err(|e| format!("无法生成 summary.xlsx（{e}）"))
}

fn build_xlsx(batch: &Batch) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    // A fixed creation date (no clock): the latest publication date of the batch.
    let latest = batch.reports.iter().filter_map(|r| r.publication_date.as_deref()).max();
    let date = latest
        .and_then(|d| {
            let p: Vec<u16> = d.split('-').filter_map(|x| x.parse().ok()).collect();
            ExcelDateTime::from_ymd(p[0], p[1] as u8, p[2] as u8).ok()
        })
        .unwrap_or(ExcelDateTime::from_ymd(2000, 1, 1)?);
    wb.set_properties(
        &DocProperties::new()
            .set_title("政府信息公开工作年度报告 汇总")
            .set_creation_datetime(&date),
    );
    let bold = Format::new().set_bold().set_text_wrap();
    let wrap = Format::new().set_text_wrap();
    let ws = wb.add_worksheet();
    ws.set_name("汇总")?;
    let columns = figures::columns();
    for (c, m) in META.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *m, &bold)?;
    }
    for (c, col) in columns.iter().enumerate() {
        ws.write_string_with_format(0, (META.len() + c) as u16, &col.label, &bold)?;
        ws.set_column_width((META.len() + c) as u16, 14)?;
    }
    ws.set_column_width(0, 28)?;
    ws.set_column_width(1, 24)?;
    ws.set_column_width(11, 40)?;
    ws.set_row_height(0, 90)?;
    let numeric = [4usize, 7, 8, 9, 10];
    for (i, r) in batch.reports.iter().enumerate() {
        let row = (i + 1) as u32;
        for (c, m) in meta(r).iter().enumerate() {
            if m.is_empty() {
                continue;
            }
            match m.parse::<f64>() {
                Ok(v) if numeric.contains(&c) => ws.write_number(row, c as u16, v)?,
                _ => ws.write_string_with_format(row, c as u16, m, &wrap)?,
            };
        }
        if let Some(figs) = &r.figures {
            for (c, v) in figs.iter().enumerate() {
                if let Some(v) = v {
                    ws.write_number(row, (META.len() + c) as u16, number(*v))?;
                }
            }
        }
    }
    let total_row = (batch.reports.len() + 1) as u32;
    ws.write_string_with_format(total_row, 0, "合计", &bold)?;
    ws.write_string_with_format(
        total_row,
        1,
        format!("{} 份报告（不含汇总报告）", batch.totals_count),
        &bold,
    )?;
    for (c, v) in batch.totals.iter().enumerate() {
        if let Some(v) = v {
            ws.write_number_with_format(total_row, (META.len() + c) as u16, number(*v), &bold)?;
        }
    }
    ws.set_freeze_panes(1, 2)?;
    wb.save_to_buffer()
}

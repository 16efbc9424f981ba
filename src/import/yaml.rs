//! The imported report written as YAML through `init`'s scaffold (same layout and
//! comments), with a header that says where it came from and what could not be read;
//! the text is read back before it is returned, so what `import` writes always loads.

use super::imported::Imported;
use super::label::key;
use super::value::Value;
use super::{Kind, Unreadable};
use crate::build::{self, Templates};
use crate::doc;
use crate::input;
use crate::model;
use crate::scaffold::{Fill, Narr, Scaffold};
use crate::source::SourceFile;

/// An import's result.
#[derive(Debug)]
pub struct Import {
    /// The YAML text.
    pub yaml: String,
    /// What was read.
    pub imported: Imported,
    /// The kind of file.
    pub kind: Kind,
}

impl Import {
    /// Whether every cell was read without a doubt (exit code 0).
    pub fn complete(&self) -> bool {
        self.imported.problems.is_empty()
    }
}

/// Writes the YAML of an imported report, named after its source `source`.
pub fn to_yaml(mut imported: Imported, source: &str, kind: Kind) -> Result<Import, Unreadable> {
    // A preface that is nianbao's standard one is left out (nianbao writes it again).
    if !imported.preface.is_empty() {
        let without = text(&imported, source, kind, false);
        if let Some(standard) = standard_preface(&without)
            && standard == imported.preface.iter().map(narr_key).collect::<Vec<_>>()
        {
            imported.preface.clear();
        }
    }
    let yaml = text(&imported, source, kind, true);
    if let Err(msg) = lower(&yaml) {
        return Err(Unreadable(format!(
            "读出的内容无法写成有效的 nianbao 文件（{msg}）：这是 nianbao 的缺陷，请把原文件提供给维护者"
        )));
    }
    Ok(Import { yaml, imported, kind })
}

fn narr_key(n: &Narr) -> String {
    match n {
        Narr::Para(t) => key(t),
        Narr::Headed(h, _) => key(h),
    }
}

/// The YAML text.
fn text(imported: &Imported, source: &str, kind: Kind, with_preface: bool) -> String {
    let mut s = Scaffold::new(
        imported.format,
        imported.year,
        imported.agency.clone().unwrap_or_else(|| super::UNREAD_AGENCY.to_owned()),
    );
    s.level = imported.level;
    s.issuing_office = imported.issuing_office.clone();
    if let Some(d) = imported.publication_date {
        s.publication_date = d;
    }
    let mut fill = Fill {
        header: header(imported, source, kind),
        procurement_unit: imported.procurement_unit.clone(),
        information_fees: imported.information_fees.clone(),
        preface: if with_preface { imported.preface.clone() } else { Vec::new() },
        proactive_remarks: imported.proactive_remarks.clone(),
        remarks: imported.remarks.clone(),
        ..Fill::default()
    };
    for (k, v) in &imported.figures {
        fill.figures.insert(k.clone(), v.iter().map(Value::yaml).collect());
    }
    for (k, v) in &imported.parts {
        fill.parts.insert((*k).to_owned(), v.clone());
    }
    for (k, v) in &imported.headings {
        fill.headings.insert((*k).to_owned(), v.clone());
    }
    s.fill = Some(fill);
    s.render()
}

/// The comment at the top: the source, then every cell not read or in doubt.
fn header(imported: &Imported, source: &str, kind: Kind) -> Vec<String> {
    let mut h =
        vec![String::new(), format!("由 nianbao import 从 {source}（{}）导入。", kind.label())];
    if imported.embedded {
        h.push(
            "表格数字取自文件内嵌的 nianbao-data 数据，与原报告完全一致；正文按原报告分段。".into(),
        );
    } else {
        h.push(
            "表格数字按官方表格的行、列标签逐格读取；正文按原报告分段，小标题去掉了手写编号。"
                .into(),
        );
        h.push(
            "原报告空白的单元格写作 ~，印着「/」等的照原样保留：nianbao check 会逐格指出（R5）。"
                .into(),
        );
    }
    if imported.problems.is_empty() {
        h.push("全部单元格都已读出。".into());
    } else {
        h.push(format!(
            "未读出或有疑问（{} 处），请对照原报告填写或核对：",
            imported.problems.len()
        ));
        for p in &imported.problems {
            h.push(format!("  - {}：{}", p.place, p.what));
        }
    }
    for n in &imported.notes {
        h.push(format!("说明：{n}"));
    }
    h
}

/// Parses and lowers a YAML text, as `check` would.
fn lower(yaml: &str) -> Result<model::Report, String> {
    let file = SourceFile::new("import.yaml", yaml.to_owned());
    let template = |format| Scaffold::new(format, 2024, "某某市某某局".to_owned()).render();
    let first =
        |d: Vec<crate::diag::Diagnostic>| d.first().map(|d| d.message.clone()).unwrap_or_default();
    let (parsed, span) = input::parse(&file, &template).map_err(first)?;
    model::lower(&file, parsed, span).map(|(r, _)| r).map_err(first)
}

/// The preface nianbao prints for a report without one: the paragraphs before the first
/// heading of its document.
fn standard_preface(yaml: &str) -> Option<Vec<String>> {
    let report = lower(yaml).ok()?;
    let templates = Templates::builtin().ok()?;
    let document = build::document(&report, &templates).ok()?;
    Some(
        document
            .blocks
            .iter()
            .take_while(|b| !matches!(b, doc::Block::Heading { .. }))
            .filter_map(|b| match b {
                doc::Block::Para(t) => Some(key(t)),
                _ => None,
            })
            .collect(),
    )
}

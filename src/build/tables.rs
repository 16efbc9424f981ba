//! The official tables, built from the format's catalogue and the report's figures
//! straight into the document: labels, merges and header rows as the formats print them,
//! and every figure's place in the YAML.
//!
//! Templates place a table with `<official table="…"/>`; they do not write its cells.

use std::num::NonZeroU16;

use crate::doc::{Block, Cell, Grid, Table};
use crate::format::common::{
    APP_COLUMNS, APPLICANTS, APPLICATIONS_NOTE, APPLICATIONS_WIDTHS, CONTENT_HEADER, LEGAL_PERSONS,
    LITIGATION, LITIGATION_KINDS, PROACTIVE_WIDTHS, RESULTS, REVIEW, REVIEW_COLUMNS, REVIEW_GROUPS,
    SECTIONS, section,
};
use crate::format::f2008::{ANNEX_HEADER, ANNEX_TITLE, ANNEX_WIDTHS};
use crate::format::{RowKind, ValueKind};
use crate::model::{Annex, Body, Report, Six, Value};
use crate::source::Span;

/// The ids templates may name in `<official table="…"/>`.
pub const IDS: [&str; 4] = ["proactive", "applications", "review", "annex"];

/// The blocks of official table `id` (the table, and a note under it where the format
/// has one), or `None` for an id unknown or not in the report's format.
pub fn official(report: &Report, id: &str) -> Option<Vec<Block>> {
    match (id, &report.body) {
        ("proactive", Body::Six(six)) => Some(proactive(report, six)),
        ("applications", Body::Six(six)) => Some(vec![Block::Table(applications(six))]),
        ("review", Body::Six(six)) => Some(vec![Block::Table(review(six))]),
        ("annex", Body::Annexed(a)) => Some(vec![Block::Table(annex(&a.annex))]),
        _ => None,
    }
}

fn n(v: usize) -> NonZeroU16 {
    NonZeroU16::new(u16::try_from(v).unwrap_or(u16::MAX).max(1)).unwrap_or(NonZeroU16::MIN)
}

fn th(text: &str, rowspan: usize, colspan: usize) -> Cell {
    Cell {
        text: text.to_owned(),
        header: true,
        rowspan: n(rowspan),
        colspan: n(colspan),
        span: None,
        indent: None,
    }
}

fn td(text: String, colspan: usize, span: Span) -> Cell {
    Cell { text, header: false, rowspan: n(1), colspan: n(colspan), span: Some(span), indent: None }
}

/// A body cell that is no figure of the YAML (a unit, the empty figure of a group row).
fn plain(text: &str) -> Cell {
    Cell { span: None, ..td(text.to_owned(), 1, Span::default()) }
}

/// A figure as printed: counts as they are, changes with their sign, money exact; a cell
/// left blank stays blank (a draft shows what the report really says).
fn shown(v: &Value, kind: ValueKind) -> String {
    match (v, kind) {
        (Value::Count(n), _) if n.blank => String::new(),
        (Value::Count(n), ValueKind::Signed) if n.value > 0 => format!("+{}", n.value),
        (Value::Count(n), _) => n.value.to_string(),
        (Value::Money(a), _) => a.value.to_string(),
    }
}

fn span_of(v: &Value) -> Span {
    match v {
        Value::Count(n) => n.span,
        Value::Money(a) => a.span,
    }
}

fn table(
    id: &str,
    title: &str,
    label_cols: usize,
    head_rows: usize,
    widths: Vec<u32>,
    small: bool,
    rows: Vec<Vec<Cell>>,
) -> Table {
    let cols = widths.len();
    let grid = match Grid::resolve(cols, rows) {
        Ok(g) => g,
        // The catalogue's shapes are fixed and tested (see the tests below).
        Err(e) => unreachable!("official table {id} does not close: {e}"),
    };
    Table { id: id.to_owned(), title: title.to_owned(), label_cols, head_rows, widths, small, grid }
}

/// Table 二: each item of 第二十条 as a group of rows.
fn proactive(report: &Report, six: &Six) -> Vec<Block> {
    let width = PROACTIVE_WIDTHS.len();
    let mut rows = Vec::new();
    let mut group = None;
    let mut unit = None;
    for row in &six.proactive.rows {
        if group.is_none_or(|g| !std::ptr::eq(g, row.group)) {
            group = Some(row.group);
            rows.push(vec![th(row.group.item, 1, width)]);
            let mut head = vec![th(CONTENT_HEADER, 1, 1)];
            head.extend(row.group.columns.iter().map(|c| th(c.label, 1, c.span as usize)));
            rows.push(head);
        }
        let mut cells = vec![th(row.spec.label, 1, 1)];
        for (v, c) in row.values.iter().zip(row.group.columns) {
            cells.push(td(shown(v, c.kind), c.span as usize, span_of(v)));
        }
        rows.push(cells);
        unit = unit.or(row.unit);
    }
    let title = SECTIONS[section::PROACTIVE].title;
    let t = table("proactive", title, 1, 0, PROACTIVE_WIDTHS.to_vec(), false, rows);
    let mut out = vec![Block::Table(t)];
    if let (Some(note), Some(unit)) = (report.spec().proactive_note, unit) {
        out.push(Block::Note(note.replace("{}", unit.label())));
    }
    out
}

/// Table 三: three label columns (the results block, its groups, the rows), seven
/// figures, and the official three header rows.
fn applications(six: &Six) -> Table {
    let a = &six.applications;
    let mut rows = vec![
        vec![th(APPLICATIONS_NOTE, 3, 3), th(APPLICANTS, 1, 7)],
        vec![th(APP_COLUMNS[0].0, 2, 1), th(LEGAL_PERSONS, 1, 5), th(APP_COLUMNS[6].0, 2, 1)],
        APP_COLUMNS[1..6].iter().map(|c| th(c.0, 1, 1)).collect(),
    ];
    let results =
        a.rows.iter().filter(|r| matches!(r.kind, RowKind::Result | RowKind::Total)).count();
    let mut seen_results = false;
    let mut open_group: Option<&str> = None;
    for (i, def) in a.rows.iter().enumerate() {
        let mut cells = Vec::new();
        match def.kind {
            RowKind::Received | RowKind::CarriedOver | RowKind::CarriedForward => {
                cells.push(th(def.label, 1, 3));
            }
            RowKind::Result | RowKind::Total => {
                if !seen_results {
                    seen_results = true;
                    cells.push(th(RESULTS, results, 1));
                }
                match def.group {
                    Some(g) => {
                        if open_group != Some(g) {
                            let size = a.rows.iter().filter(|r| r.group == Some(g)).count();
                            cells.push(th(g, size, 1));
                            open_group = Some(g);
                        }
                        cells.push(th(def.label, 1, 1));
                    }
                    None => {
                        open_group = None;
                        cells.push(th(def.label, 1, 2));
                    }
                }
            }
        }
        for c in 0..APP_COLUMNS.len() {
            let text = match a.cells[i][c] {
                Some(n) if n.blank => String::new(),
                _ => a.value(i, c).to_string(),
            };
            cells.push(td(text, 1, a.span(i, c)));
        }
        rows.push(cells);
    }
    let title = SECTIONS[section::APPLICATIONS].title;
    table("applications", title, 3, 3, APPLICATIONS_WIDTHS.to_vec(), false, rows)
}

/// Table 四: 行政复议 and the two kinds of 行政诉讼, five columns each, in one row.
fn review(six: &Six) -> Table {
    let r = &six.review;
    let cols = REVIEW_COLUMNS.len();
    let mut second: Vec<Cell> = REVIEW_COLUMNS.iter().map(|c| th(c, 2, 1)).collect();
    second.extend(LITIGATION_KINDS.iter().map(|k| th(k, 1, cols)));
    let third = (0..LITIGATION_KINDS.len())
        .flat_map(|_| REVIEW_COLUMNS.iter().map(|c| th(c, 1, 1)))
        .collect();
    let figures = (0..REVIEW_GROUPS.len())
        .flat_map(|g| (0..cols).map(move |c| (g, c)))
        .map(|(g, c)| match r.groups[g][c] {
            Some(n) if n.blank => td(String::new(), 1, n.span),
            _ => td(r.value(g, c).to_string(), 1, r.span(g, c)),
        })
        .collect();
    let rows = vec![
        vec![th(REVIEW, 1, cols), th(LITIGATION, 1, cols * LITIGATION_KINDS.len())],
        second,
        third,
        figures,
    ];
    let width = cols * REVIEW_GROUPS.len();
    table("review", SECTIONS[section::REVIEW].title, 1, 3, vec![1; width], true, rows)
}

/// The 附表 of the 2008 format: item, unit, figure; the hierarchy shown by indenting the
/// items, group rows with "——" for a unit and no figure, the header repeated on each page.
fn annex(a: &Annex) -> Table {
    let mut rows = vec![ANNEX_HEADER.iter().map(|h| th(h, 1, 1)).collect::<Vec<_>>()];
    for (row, figure) in a.rows.iter().zip(&a.figures) {
        let mut cells = vec![Cell { indent: Some(row.indent), ..th(row.label, 1, 1) }];
        cells.push(plain(row.unit.label()));
        cells.push(match figure {
            Some(v) => td(shown(v, ValueKind::Count), 1, span_of(v)),
            None => plain(""),
        });
        rows.push(cells);
    }
    table("annex", ANNEX_TITLE, 1, 1, ANNEX_WIDTHS.to_vec(), false, rows)
}

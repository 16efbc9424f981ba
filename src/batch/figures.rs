//! Every figure of tables 二, 三 and 四 as one flat row: the columns (stable keys and the
//! official labels, read from the catalogue) and one report's values in them.
//!
//! The columns are the union over every format of the catalogue, in catalogue order, so
//! they do not depend on which reports a batch holds. A column that two formats label
//! alike is shared.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use rust_decimal::Decimal;

use crate::format::common::{APP_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS, SECTIONS, section};
use crate::format::{FORMATS, Format, ValueKind};
use crate::model::{MoneyUnit, Report, Value};
use crate::source::Span;

/// Keys of the columns of table 四, in `REVIEW_COLUMNS` order (the labels come from there).
const REVIEW_KEYS: [&str; 5] = ["upheld", "corrected", "other", "pending", "total"];

/// Running sums of every figure column, and how many reports they sum.
pub type Sums = (Vec<Option<Fig>>, usize);

/// One figure column.
#[derive(Debug)]
pub struct Column {
    /// Stable key, `applications.new_received.natural` and the like.
    pub key: String,
    /// The official labels: section number, row and column.
    pub label: String,
    /// Whether it holds money (in 万元) rather than a count.
    pub money: bool,
}

/// A figure: a count or an amount of money (in 万元).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fig {
    /// A count (or a signed change).
    Count(i64),
    /// Money, exact.
    Money(Decimal),
}

impl Fig {
    /// The sum of two figures of one column.
    pub fn plus(self, other: Fig) -> Fig {
        match (self, other) {
            (Fig::Count(a), Fig::Count(b)) => Fig::Count(a.saturating_add(b)),
            (a, b) => Fig::Money(a.decimal().saturating_add(b.decimal())),
        }
    }

    /// The value as a decimal.
    pub fn decimal(self) -> Decimal {
        match self {
            Fig::Count(n) => Decimal::from(n),
            Fig::Money(d) => d,
        }
    }

    /// The figure as written in the summaries (money without trailing zeros).
    pub fn text(self) -> String {
        match self {
            Fig::Count(n) => n.to_string(),
            Fig::Money(d) => d.normalize().to_string(),
        }
    }
}

/// The columns and where each format's cells go.
struct Catalogue {
    columns: Vec<Column>,
    /// (format, section, row key, column index) → column.
    index: BTreeMap<(Format, u8, &'static str, usize), usize>,
}

fn catalogue() -> &'static Catalogue {
    static CAT: OnceLock<Catalogue> = OnceLock::new();
    CAT.get_or_init(build)
}

fn build() -> Catalogue {
    let mut columns: Vec<Column> = Vec::new();
    let mut index = BTreeMap::new();
    let mut add = |format: Format,
                   sec: u8,
                   row: &'static str,
                   col: usize,
                   key: String,
                   label: String,
                   money: bool| {
        let at = match columns.iter().position(|c| c.label == label) {
            Some(i) => i,
            None => {
                let key = if columns.iter().any(|c| c.key == key) {
                    format!("{key}@{}", format.name())
                } else {
                    key
                };
                columns.push(Column { key, label, money });
                columns.len() - 1
            }
        };
        index.insert((format, sec, row, col), at);
    };
    // 表二、表三、表四: the section's number without its 、 (row labels carry their own).
    let number = |s: usize| format!("表{} ", SECTIONS[s].number.trim_end_matches('、'));
    for spec in FORMATS {
        for group in spec.proactive {
            for row in group.rows {
                for (ci, col) in group.columns.iter().enumerate() {
                    let money = col.kind == ValueKind::Money;
                    let unit = if money && row.unit { MoneyUnit::Wan.label() } else { "" };
                    let unit =
                        if unit.is_empty() { String::new() } else { format!("（{unit}）") };
                    add(
                        spec.format,
                        2,
                        row.key,
                        ci,
                        format!("proactive.{}.{ci}", row.key),
                        format!(
                            "{}{} {} {}{unit}",
                            number(section::PROACTIVE),
                            group.item,
                            row.label,
                            col.label
                        ),
                        money,
                    );
                }
            }
        }
        for row in spec.applications {
            for (ci, (label, key)) in APP_COLUMNS.iter().enumerate() {
                add(
                    spec.format,
                    3,
                    row.key,
                    ci,
                    format!("applications.{}.{key}", row.key),
                    format!("{}{} {label}", number(section::APPLICATIONS), row.full_label()),
                    false,
                );
            }
        }
        for group in &REVIEW_GROUPS {
            for (ci, label) in REVIEW_COLUMNS.iter().enumerate() {
                add(
                    spec.format,
                    4,
                    group.key,
                    ci,
                    format!("review_litigation.{}.{}", group.key, REVIEW_KEYS[ci]),
                    format!("{}{} {label}", number(section::REVIEW), group.label),
                    false,
                );
            }
        }
    }
    Catalogue { columns, index }
}

/// Every figure column, in catalogue order.
pub fn columns() -> &'static [Column] {
    &catalogue().columns
}

/// The column of a key, if any.
pub fn column_of(key: &str) -> Option<usize> {
    columns().iter().position(|c| c.key == key)
}

/// One cell of a report: its column, its value and where the YAML writes it.
#[derive(Clone, Copy, Debug)]
pub struct Cell {
    /// Index into [`columns`].
    pub column: usize,
    /// The value.
    pub value: Fig,
    /// Its place in the YAML (its row's, for a derived total).
    pub span: Span,
    /// Whether it is a total the YAML left out (derived).
    pub derived: bool,
}

fn fig(v: &Value, unit: Option<MoneyUnit>) -> Fig {
    match v {
        Value::Count(n) => Fig::Count(n.value),
        Value::Money(a) => match unit {
            Some(MoneyUnit::Yuan) => Fig::Money(a.value / Decimal::from(10_000)),
            _ => Fig::Money(a.value),
        },
    }
}

fn span_of(v: &Value) -> Span {
    match v {
        Value::Count(n) => n.span,
        Value::Money(a) => a.span,
    }
}

/// Every figure of a report's tables 二, 三 and 四, in column order.
pub fn cells(report: &Report) -> Vec<Cell> {
    let cat = catalogue();
    let f = report.format;
    let mut out = Vec::new();
    // The 附表 of the 2008 format has figures of its own, not these tables.
    let Some(six) = report.six() else { return out };
    for row in &six.proactive.rows {
        for (ci, v) in row.values.iter().enumerate() {
            if let Some(&column) = cat.index.get(&(f, 2, row.spec.key, ci)) {
                out.push(Cell {
                    column,
                    value: fig(v, row.unit),
                    span: span_of(v),
                    derived: false,
                });
            }
        }
    }
    let a = &six.applications;
    for (ri, row) in a.rows.iter().enumerate() {
        for ci in 0..APP_COLUMNS.len() {
            if let Some(&column) = cat.index.get(&(f, 3, row.key, ci)) {
                out.push(Cell {
                    column,
                    value: Fig::Count(a.value(ri, ci)),
                    span: a.span(ri, ci),
                    derived: a.written(ri, ci).is_none(),
                });
            }
        }
    }
    let r = &six.review;
    for (g, group) in REVIEW_GROUPS.iter().enumerate() {
        for ci in 0..REVIEW_COLUMNS.len() {
            if let Some(&column) = cat.index.get(&(f, 4, group.key, ci)) {
                out.push(Cell {
                    column,
                    value: Fig::Count(r.value(g, ci)),
                    span: r.span(g, ci),
                    derived: r.written(g, ci).is_none(),
                });
            }
        }
    }
    out.sort_by_key(|c| c.column);
    out
}

/// A report's figures, packed: a batch keeps one per report until the summaries are
/// written, so it stores counts as plain integers (8 bytes a cell) and the few amounts
/// of money beside them.
#[derive(Clone, Debug)]
pub struct Row {
    /// One per column; `NONE` where the report's format has no such cell.
    counts: Box<[i64]>,
    /// The money cells: column and amount.
    money: Box<[(u16, Decimal)]>,
}

/// Marks a column the report does not have.
const NONE: i64 = i64::MIN;

impl Row {
    /// The figure in column `c`, if the report has one.
    pub fn get(&self, c: usize) -> Option<Fig> {
        match self.counts.get(c) {
            Some(&NONE) | None => {
                self.money.iter().find(|(m, _)| *m as usize == c).map(|(_, d)| Fig::Money(*d))
            }
            Some(&n) => Some(Fig::Count(n)),
        }
    }

    /// Every column, in order.
    pub fn iter(&self) -> impl Iterator<Item = Option<Fig>> + '_ {
        (0..self.counts.len()).map(|c| self.get(c))
    }
}

/// A report's figures as one row.
pub fn row(report: &Report) -> Row {
    let mut counts = vec![NONE; columns().len()];
    let mut money = Vec::new();
    for c in cells(report) {
        match c.value {
            Fig::Count(n) if n != NONE => counts[c.column] = n,
            Fig::Count(_) => {}
            Fig::Money(d) => money.push((c.column as u16, d)),
        }
    }
    Row { counts: counts.into(), money: money.into() }
}

/// Adds a row into running totals.
pub fn accumulate(totals: &mut [Option<Fig>], row: &Row) {
    for (t, v) in totals.iter_mut().zip(row.iter()) {
        if let Some(v) = v {
            *t = Some(t.map_or(v, |t| t.plus(v)));
        }
    }
}

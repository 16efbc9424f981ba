//! The body of a report of the 2008 format: the narrative parts under their headings,
//! and the figures of the 附表 in the order of the catalogue.

use crate::format::f2008::{AnnexRow, AnnexUnit};
use crate::source::Span;

use super::{Item, Value};

/// The parts and the 附表.
#[derive(Clone, Debug)]
pub struct Annexed {
    /// The parts in order; the last is the 附表's own heading.
    pub parts: Vec<Part>,
    /// The 附表.
    pub annex: Annex,
    /// Text under the 附表.
    pub remarks: Vec<Item>,
}

/// One part of the narrative.
#[derive(Clone, Debug)]
pub struct Part {
    /// Its number (`三、`).
    pub number: &'static str,
    /// Its heading: the catalogue's, or the one the YAML gives.
    pub title: String,
    /// Its text (empty when the YAML has none).
    pub items: Vec<Item>,
}

/// The 附表: one entry per row of the catalogue.
#[derive(Clone, Debug)]
pub struct Annex {
    /// The rows of the catalogue, in order.
    pub rows: &'static [AnnexRow],
    /// The figure of each row; `None` for group rows.
    pub figures: Vec<Option<AnnexFigure>>,
}

/// A figure of the 附表.
pub type AnnexFigure = Value;

impl Annex {
    /// Index of the row with YAML key `key`.
    pub fn row_by_key(&self, key: &str) -> Option<usize> {
        self.rows.iter().position(|r| !r.key.is_empty() && r.key == key)
    }

    /// The count of row `i` (0 for group rows and amounts).
    pub fn count(&self, i: usize) -> i64 {
        match self.figures.get(i) {
            Some(Some(Value::Count(n))) => n.value,
            _ => 0,
        }
    }

    /// Where the figure of row `i` is in the YAML, if it has one.
    pub fn span(&self, i: usize) -> Option<Span> {
        match self.figures.get(i) {
            Some(Some(Value::Count(n))) => Some(n.span),
            Some(Some(Value::Money(a))) => Some(a.span),
            _ => None,
        }
    }

    /// The sums the catalogue states: (parent row, its child rows).
    pub fn sums(&self) -> Vec<(usize, Vec<usize>)> {
        self.rows
            .iter()
            .enumerate()
            .filter(|(_, r)| !r.sum_of.is_empty() && matches!(r.unit, AnnexUnit::Count(_)))
            .map(|(i, r)| (i, r.sum_of.iter().filter_map(|k| self.row_by_key(k)).collect()))
            .collect()
    }
}

//! Row definitions of table 三.

use super::common::RESULTS;

/// What a row of table 三 is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    /// Received this year (row 一).
    Received,
    /// Carried over from last year (row 二).
    CarriedOver,
    /// One of the result rows that the total row sums.
    Result,
    /// The total of the results.
    Total,
    /// Carried forward to next year (row 四).
    CarriedForward,
}

/// One row of table 三.
#[derive(Clone, Copy, Debug)]
pub struct RowDef {
    /// Path of the row in the YAML, under `applications`.
    pub key: &'static str,
    /// The row's own label, as printed.
    pub label: &'static str,
    /// A short form for the labels under a number in messages.
    pub short: &'static str,
    /// The group label above it, if any.
    pub group: Option<&'static str>,
    /// Its role in the balance rules.
    pub kind: RowKind,
}

impl RowDef {
    /// The label with its group; result rows are prefixed with the label of the
    /// results block.
    pub fn full_label(&self) -> String {
        let mut s = String::new();
        if matches!(self.kind, RowKind::Result | RowKind::Total) {
            s.push_str(RESULTS);
            s.push(' ');
        }
        s.push_str(&self.label_in_results());
        s
    }

    /// The label with its group but without the results block's label.
    pub fn label_in_results(&self) -> String {
        match self.group {
            Some(g) => format!("{g} {}", self.label),
            None => self.label.to_owned(),
        }
    }
}

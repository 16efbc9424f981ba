//! The official tables of a report: 二 (rows of the catalogue), 三 and 四, with totals
//! derived where the YAML left them out.

use crate::format::common::{APP_TOTAL, REVIEW_TOTAL};
use crate::format::{ColRole, ItemGroup, ItemRowSpec, RowDef, RowKind};
use crate::source::Span;

use super::{MoneyUnit, Num, Value};

/// Table 三: the applications grid.
#[derive(Clone, Debug)]
pub struct Applications {
    /// Row definitions of the format.
    pub rows: &'static [RowDef],
    /// Cells as given; `None` = derived (the total column, or the whole total row).
    pub cells: Vec<[Option<Num>; 7]>,
    /// Span of each row in the YAML (the key of a derived row's parent when absent).
    pub row_spans: Vec<Span>,
}

impl Applications {
    /// The value of a cell, derived when not given.
    pub fn value(&self, row: usize, col: usize) -> i64 {
        if let Some(n) = self.written(row, col) {
            return n.value;
        }
        if col == APP_TOTAL {
            return (0..APP_TOTAL).map(|c| self.value(row, c)).sum();
        }
        self.result_rows().map(|r| self.value(r, col)).sum()
    }

    /// Whether a cell is a total (the 总计 column or the total row).
    pub fn is_total(&self, row: usize, col: usize) -> bool {
        col == APP_TOTAL || self.rows[row].kind == RowKind::Total
    }

    /// The cell as the rules take it: its figure, or `None` for a total to derive (left
    /// out, or left blank: a blank total is derived, and rule R5 names it).
    pub fn written(&self, row: usize, col: usize) -> Option<Num> {
        self.cells[row][col].filter(|n| !(n.blank && self.is_total(row, col)))
    }

    /// Indices of the result rows that the total row sums.
    pub fn result_rows(&self) -> impl Iterator<Item = usize> + '_ {
        self.rows.iter().enumerate().filter(|(_, r)| r.kind == RowKind::Result).map(|(i, _)| i)
    }

    /// Index of the row with YAML key `key`.
    pub fn row_by_key(&self, key: &str) -> Option<usize> {
        self.rows.iter().position(|r| r.key == key)
    }

    /// Index of the first row of a kind.
    pub fn row_of(&self, kind: RowKind) -> usize {
        self.rows.iter().position(|r| r.kind == kind).unwrap_or(0)
    }

    /// Where a cell is in the YAML: its own span, or its row's when derived.
    pub fn span(&self, row: usize, col: usize) -> Span {
        self.cells[row][col].map_or(self.row_spans[row], |n| n.span)
    }
}

/// Table 四: the three groups of administrative review and litigation.
#[derive(Clone, Debug)]
pub struct Review {
    /// Cells of the three groups (review, litigation direct and after review); the
    /// total column `None` = derived.
    pub groups: [[Option<Num>; 5]; 3],
    /// Span of each group row in the YAML.
    pub spans: [Span; 3],
}

impl Review {
    /// The value of a cell, the 总计 derived when not given.
    pub fn value(&self, group: usize, col: usize) -> i64 {
        match self.written(group, col) {
            Some(n) => n.value,
            None => (0..REVIEW_TOTAL).map(|c| self.value(group, c)).sum(),
        }
    }

    /// The cell as the rules take it: its figure, or `None` for a total to derive (left
    /// out or left blank).
    pub fn written(&self, group: usize, col: usize) -> Option<Num> {
        self.groups[group][col].filter(|n| !(n.blank && col == REVIEW_TOTAL))
    }

    /// Where a cell is in the YAML.
    pub fn span(&self, group: usize, col: usize) -> Span {
        self.groups[group][col].map_or(self.spans[group], |n| n.span)
    }
}

/// Table 二: its rows in the order of the format's catalogue.
#[derive(Clone, Debug)]
pub struct Proactive {
    /// The rows.
    pub rows: Vec<ProactiveRow>,
}

/// One row of table 二.
#[derive(Clone, Debug)]
pub struct ProactiveRow {
    /// The item of 第二十条 it belongs to (its columns).
    pub group: &'static ItemGroup,
    /// The row.
    pub spec: &'static ItemRowSpec,
    /// One value per column of the group.
    pub values: Vec<Value>,
    /// The unit of its money, for rows that state one.
    pub unit: Option<MoneyUnit>,
}

impl ProactiveRow {
    /// The value in the column of `role`, if the row has one.
    pub fn by_role(&self, role: ColRole) -> Option<&Value> {
        self.group.columns.iter().position(|c| c.role == role).map(|i| &self.values[i])
    }
}

//! Tables: column widths from the template, cell text broken with the body's line
//! breaker, row heights that hold every cell (spanned rows share a tall cell's height),
//! and pagination that repeats the header rows and lets a rowspan group flow across
//! pages: each page then repeats the group's merged labels, keeps at least two of its
//! rows, and is tall enough for every label it repeats.
//!
//! [`measure`] sets the cells and sizes the rows, [`paginate`] places the rows on pages,
//! [`draw`] rules the cells and draws their text where the rows went.

mod draw;
mod measure;
mod paginate;

use std::ops::Range;

use super::EPS;
use super::text::{Run, TextStyle};

pub(super) use measure::measure;
#[cfg(test)]
pub(super) use paginate::Placement;
pub(super) use paginate::place;

/// A table set and measured, ready to be placed.
pub(super) struct TableLayout {
    /// Column boundaries from the text block's left edge (`cols + 1` values).
    col_x: Vec<f32>,
    /// Height of each row, header rows included.
    row_h: Vec<f32>,
    /// The cells, row by row, each once (not the slots they cover).
    cells: Vec<CellLayout>,
    /// The first rows, repeated on every page the table spans.
    head_rows: usize,
    /// Body rows in groups that rowspans tie together.
    groups: Vec<Range<usize>>,
    /// How cell text is set.
    style: TextStyle,
    /// Distance between the lines of a cell.
    line_h: f32,
    /// Space between a cell's rules and its text, left and right.
    pad_x: f32,
    /// Space between a cell's rules and its text, above and below.
    pad_y: f32,
}

/// The fewest rows of a split group on one page (no row of a group stands alone).
pub(in crate::layout) const MIN_ROWS: usize = 2;

/// A cell: where it sits in the grid and its text in lines.
struct CellLayout {
    /// A header cell (`th`).
    header: bool,
    /// Its first row.
    r: usize,
    /// Its first column.
    c: usize,
    /// Rows spanned.
    rows: usize,
    /// Columns spanned.
    cols: usize,
    /// The text, centred in the cell's width (or flush left after `indent`); `x` from
    /// the cell's left padding.
    lines: Vec<Vec<Run>>,
    /// How far the text is moved right of the left padding (an indented cell), in points.
    indent: f32,
}

impl TableLayout {
    /// The groups inside `g` when the cells spanning all of `g` are left out, the first
    /// and the last fused with their neighbours until they hold at least [`MIN_ROWS`]
    /// rows and room for the text of those spanning cells: a page that holds only the
    /// start or the end of `g` still shows its label (table 三's results label over the
    /// total row alone).
    fn subgroups(&self, g: Range<usize>) -> Vec<Range<usize>> {
        let spans_all = |c: &CellLayout| c.r <= g.start && c.r + c.rows >= g.end;
        let mut inner = group_rows(&self.cells, g.clone(), |c| !spans_all(c));
        let need = self
            .cells
            .iter()
            .filter(|c| spans_all(c))
            .map(|c| self.text_height(c))
            .fold(0.0, f32::max);
        let small = |r: &Range<usize>| r.len() < MIN_ROWS || self.height(r.clone()) + EPS < need;
        while inner.len() > 1 && small(&inner[0]) {
            let first = inner.remove(0);
            inner[0].start = first.start;
        }
        while inner.len() > 1 && small(&inner[inner.len() - 1]) {
            let last = inner.pop().expect("more than one");
            if let Some(prev) = inner.last_mut() {
                prev.end = last.end;
            }
        }
        inner
    }

    /// Height of some rows.
    fn height(&self, rows: Range<usize>) -> f32 {
        self.row_h[rows].iter().sum()
    }

    /// What must fit before the table starts on a page: the header rows and the first
    /// body rows up to the first place where the table may go on to the next page (at
    /// least [`MIN_ROWS`] rows; a group that may not be split, whole). When that is the
    /// whole table, `tail` (the note) must fit under it as well: pagination keeps them
    /// together, and would otherwise leave the header rows alone at the foot of the page.
    pub(super) fn first_unit_height(&self, page: f32, tail: f32) -> f32 {
        let head = self.height(0..self.head_rows);
        let body = self.head_rows..self.row_h.len();
        if body.is_empty() {
            return head;
        }
        let mut k = (body.start + MIN_ROWS).min(body.end);
        while k < body.end && !self.may_break(body.start, k) {
            k += 1;
        }
        let mut h = head + self.height(body.start..k);
        if k == body.end {
            h += tail;
        }
        if h <= page { h } else { head + self.row_h[body.start] }
    }

    /// Whether a page may end before row `k` when this page's rows of the table start at
    /// row `from`: between two groups; or inside a group that may be split, when every
    /// cell the break cuts keeps at least [`MIN_ROWS`] rows on each side and room for
    /// its text on each.
    fn may_break(&self, from: usize, k: usize) -> bool {
        let Some(g) = self.groups.iter().find(|g| g.start < k && k < g.end) else {
            return true;
        };
        if !self.splittable(g) {
            return false;
        }
        self.cells.iter().filter(|c| !c.header || c.r >= self.head_rows).all(|c| {
            let end = c.r + c.rows;
            if !(c.r < k && k < end) {
                return true;
            }
            let before = c.r.max(from)..k;
            let after = k..end;
            let need = self.text_height(c);
            before.len() >= MIN_ROWS
                && after.len() >= MIN_ROWS
                && self.height(before) + EPS >= need
                && self.height(after) + EPS >= need
        })
    }

    /// Whether a group may flow across pages: not when it holds rows of header cells
    /// only (the item rows of table 二 stay with the rows they head).
    fn splittable(&self, g: &Range<usize>) -> bool {
        g.clone().all(|r| self.cells.iter().any(|c| c.r == r && !c.header))
    }

    /// The height a cell's text needs, padding included.
    fn text_height(&self, c: &CellLayout) -> f32 {
        c.lines.len().max(1) as f32 * self.line_h + 2.0 * self.pad_y
    }
}

#[cfg(test)]
impl TableLayout {
    /// The groups of body rows and the height of every row, for tests to check
    /// pagination against the table's own measure.
    pub(in crate::layout) fn groups_and_heights(&self) -> (&[Range<usize>], &[f32]) {
        (&self.groups, &self.row_h)
    }

    /// Every header cell's text, line by line.
    pub(in crate::layout) fn header_lines(&self) -> Vec<Vec<String>> {
        self.cells
            .iter()
            .filter(|c| c.header)
            .map(|c| {
                c.lines.iter().map(|runs| runs.iter().map(|r| r.text.as_str()).collect()).collect()
            })
            .collect()
    }

    /// The rows of every body cell that spans more than one row.
    pub(in crate::layout) fn row_spans(&self) -> Vec<Range<usize>> {
        self.cells
            .iter()
            .filter(|c| c.rows > 1 && c.r >= self.head_rows)
            .map(|c| c.r..c.r + c.rows)
            .collect()
    }
}

/// Splits `rows` into groups: a row and every row that a cell starting in the group
/// reaches, counting only the cells `counts` accepts.
fn group_rows(
    cells: &[CellLayout],
    rows: Range<usize>,
    counts: impl Fn(&CellLayout) -> bool,
) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = rows.start;
    while start < rows.end {
        let mut end = start + 1;
        let mut r = start;
        while r < end {
            for c in cells.iter().filter(|c| c.r == r && counts(c)) {
                end = end.max(c.r + c.rows);
            }
            r += 1;
        }
        let end = end.min(rows.end);
        out.push(start..end);
        start = end;
    }
    out
}

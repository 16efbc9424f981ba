//! Tables: column widths from the template, cell text broken with the body's line
//! breaker, row heights that hold every cell (spanned rows share a tall cell's height),
//! and pagination that repeats the header rows and keeps each rowspan group on one page
//! unless the group is taller than a page.
//!
//! [`measure`] sets the cells and sizes the rows, [`paginate`] places the rows on pages,
//! [`draw`] rules the cells and draws their text where the rows went.

mod draw;
mod measure;
mod paginate;

use std::ops::Range;

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
    /// The groups inside `g` when the cells spanning all of `g` are left out.
    fn subgroups(&self, g: Range<usize>) -> Vec<Range<usize>> {
        let spans_all = |c: &CellLayout| c.r <= g.start && c.r + c.rows >= g.end;
        group_rows(&self.cells, g.clone(), |c| !spans_all(c))
    }

    /// Height of some rows.
    fn height(&self, rows: Range<usize>) -> f32 {
        self.row_h[rows].iter().sum()
    }

    /// The header rows and the first group of rows (or its first row, when the group is
    /// taller than a page): what must fit before the table starts on a page. When the
    /// first group is the last one too, `tail` (the note) must fit under it as well:
    /// pagination keeps them together, and would otherwise leave the header rows alone
    /// at the foot of the page.
    pub(super) fn first_unit_height(&self, page: f32, tail: f32) -> f32 {
        let head = self.height(0..self.head_rows);
        let tail = if self.groups.len() == 1 { tail } else { 0.0 };
        match self.groups.first() {
            Some(g) if head + self.height(g.clone()) + tail <= page => {
                head + self.height(g.clone()) + tail
            }
            Some(g) => head + self.row_h[g.start],
            None => head,
        }
    }
}

#[cfg(test)]
impl TableLayout {
    /// The groups of body rows and the height of every row, for tests to check
    /// pagination against the table's own measure.
    pub(in crate::layout) fn groups_and_heights(&self) -> (&[Range<usize>], &[f32]) {
        (&self.groups, &self.row_h)
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

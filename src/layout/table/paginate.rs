//! Pagination: rows placed down the pages, the header rows repeated at the top of each
//! page. A group of rows that rowspans tie fills the page and flows on to the next where
//! it may break (see `TableLayout::may_break`): a half-empty page before a long group
//! is what readers of the official tables notice first. Where it may not break, it
//! moves to the next page whole; one taller than a page splits at its inner spans, and
//! row by row only as a last resort.

use std::ops::Range;

use super::draw::draw;
use super::{MIN_ROWS, TableLayout};
use crate::layout::EPS;
use crate::layout::flow::Flow;

/// Rows placed on one page: `(row, top)` with tops from the text block's top edge.
pub(in crate::layout) type Segment = Vec<(usize, f32)>;

/// Where a table's rows went: for each page it is on, the page's index and its rows.
pub(in crate::layout) type Placement = Vec<(usize, Segment)>;

/// The table's rows as placed, page by page.
struct Placer<'t> {
    t: &'t TableLayout,
    /// Height of the text block.
    page_h: f32,
    /// Height of the header rows.
    head_h: f32,
    /// Finished pages: page index and rows.
    done: Placement,
    /// The rows on the current page.
    seg: Segment,
}

impl Placer<'_> {
    /// Places row `r` at the current position.
    fn row(&mut self, flow: &mut Flow, r: usize) {
        self.seg.push((r, flow.y));
        flow.y += self.t.row_h[r];
    }

    /// Places the header rows.
    fn header(&mut self, flow: &mut Flow) {
        for r in 0..self.t.head_rows {
            self.row(flow, r);
        }
    }

    /// Ends the current page and starts the next with the header rows.
    fn break_page(&mut self, flow: &mut Flow) {
        let seg = std::mem::take(&mut self.seg);
        self.done.push((flow.pages.len() - 1, seg));
        flow.new_page();
        self.header(flow);
    }

    /// The last place to end this page inside the rows `rows` (placed from the current
    /// position), so that the rows before it fit in `room`.
    fn split_point(&self, rows: Range<usize>, room: f32) -> Option<usize> {
        if rows.len() < 2 * MIN_ROWS {
            return None;
        }
        (rows.start + MIN_ROWS..=rows.end - MIN_ROWS).rev().find(|&k| {
            self.t.height(rows.start..k) <= room + EPS && self.t.may_break(rows.start, k)
        })
    }

    /// Places a group of rows: on this page if it fits; else as many of its rows as fit,
    /// where it may break, and the rest from the next page; else on the next page (after
    /// the repeated header rows); a group taller than a page that may not break is split
    /// into the groups its inner row spans form, and those row by row only when they are
    /// too tall too.
    fn group(&mut self, flow: &mut Flow, g: Range<usize>, tail: f32) {
        let h = self.t.height(g.clone()) + tail;
        if flow.y + h <= self.page_h + EPS {
            g.for_each(|r| self.row(flow, r));
        } else if let Some(k) = self.split_point(g.clone(), self.page_h - flow.y) {
            (g.start..k).for_each(|r| self.row(flow, r));
            self.break_page(flow);
            self.group(flow, k..g.end, tail);
        } else if self.head_h + h <= self.page_h + EPS {
            self.break_page(flow);
            g.for_each(|r| self.row(flow, r));
        } else {
            let inner = self.t.subgroups(g.clone());
            if inner.len() > 1 {
                let n = inner.len();
                for (k, sub) in inner.into_iter().enumerate() {
                    self.group(flow, sub, if k + 1 == n { tail } else { 0.0 });
                }
            } else {
                for r in g.clone() {
                    // The last row carries the tail, as the whole group would have.
                    let h = self.t.row_h[r] + if r + 1 == g.end { tail } else { 0.0 };
                    if flow.y + h > self.page_h + EPS && flow.y > self.head_h + EPS {
                        self.break_page(flow);
                    }
                    self.row(flow, r);
                }
            }
        }
    }
}

/// Places the table from the current position and draws it; `tail` is the height of
/// what must stay on the table's last page (its note).
pub(in crate::layout) fn place(flow: &mut Flow, t: &TableLayout, tail: f32) {
    let mut p = Placer {
        t,
        page_h: flow.spec.text_height().0,
        head_h: t.height(0..t.head_rows),
        done: Vec::new(),
        seg: Vec::new(),
    };
    p.header(flow);
    // A table of plain rows ends with at least two of them on its last page: a last row
    // goes with the row before it, so that it is never alone under the repeated header
    // rows. (After a larger group — table 三's carried-forward row after the results —
    // the last row may stand alone: taking one row of that group along would
    // leave its label a one-row fragment, and taking the group's last part along would
    // leave half a page blank.)
    let mut groups = t.groups.clone();
    let k = groups.len();
    if k >= 2 && groups[k - 1].len() < MIN_ROWS && groups[k - 2].len() < MIN_ROWS {
        let last = groups.pop().expect("two groups");
        if let Some(prev) = groups.last_mut() {
            prev.end = last.end;
        }
    }
    let n = groups.len();
    for (k, g) in groups.iter().enumerate() {
        // Only the last group carries the tail: the note follows the last row.
        p.group(flow, g.clone(), if k + 1 == n { tail } else { 0.0 });
    }
    let seg = std::mem::take(&mut p.seg);
    p.done.push((flow.pages.len() - 1, seg));
    draw(flow, t, &p.done);
    #[cfg(test)]
    flow.tables.push(p.done);
}

//! Pagination: rows placed down the pages, the header rows repeated at the top of each
//! page, a group of rows that rowspans tie kept on one page unless it is taller than a
//! page.

use std::ops::Range;

use super::TableLayout;
use super::draw::draw;
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

    /// Places a group of rows: on this page if it fits, else on the next (after the
    /// repeated header rows); a group taller than a page is split into the groups its
    /// inner row spans form, and those row by row only when they are too tall too.
    fn group(&mut self, flow: &mut Flow, g: Range<usize>, tail: f32) {
        let h = self.t.height(g.clone()) + tail;
        if flow.y + h <= self.page_h + EPS {
            g.for_each(|r| self.row(flow, r));
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
    let n = t.groups.len();
    for (k, g) in t.groups.iter().enumerate() {
        // Only the last group carries the tail: the note follows the last row.
        p.group(flow, g.clone(), if k + 1 == n { tail } else { 0.0 });
    }
    let seg = std::mem::take(&mut p.seg);
    p.done.push((flow.pages.len() - 1, seg));
    draw(flow, t, &p.done);
    #[cfg(test)]
    flow.tables.push(p.done);
}

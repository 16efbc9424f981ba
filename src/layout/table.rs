//! Tables: column widths from the template, cell text broken with the body's line
//! breaker, row heights that hold every cell (spanned rows share a tall cell's height),
//! and pagination that repeats the header rows and keeps each rowspan group on one page
//! unless the group is taller than a page.

use std::collections::BTreeSet;
use std::ops::Range;

use super::text::{Align, Run, TextStyle};
use super::{EPS, Flow, Item, LayoutError, Rule};
use crate::doc::page::size;
use crate::doc::{Entry, Table};
use crate::fonts::Role;
use crate::units::Pt;

/// Width of the ruled lines, in points.
const RULE: f32 = 0.5;

pub(super) struct TableLayout {
    /// Column boundaries from the text block's left edge (`cols + 1` values).
    col_x: Vec<f32>,
    row_h: Vec<f32>,
    cells: Vec<CellLayout>,
    head_rows: usize,
    /// Body rows in groups that rowspans tie together.
    groups: Vec<Range<usize>>,
    style: TextStyle,
    line_h: f32,
    pad_x: f32,
    pad_y: f32,
}

struct CellLayout {
    header: bool,
    r: usize,
    c: usize,
    rows: usize,
    cols: usize,
    lines: Vec<Vec<Run>>,
}

impl TableLayout {
    /// The groups inside `g` when the cells spanning all of `g` are left out.
    fn subgroups(&self, g: Range<usize>) -> Vec<Range<usize>> {
        let spans_all = |c: &CellLayout| c.r <= g.start && c.r + c.rows >= g.end;
        group_rows(&self.cells, g.clone(), |c| !spans_all(c))
    }

    fn height(&self, rows: Range<usize>) -> f32 {
        self.row_h[rows].iter().sum()
    }

    /// The header rows and the first group of rows (or its first row, when the group is
    /// taller than a page): what must fit before the table starts on a page.
    pub(super) fn first_unit_height(&self, page: f32) -> f32 {
        let head = self.height(0..self.head_rows);
        match self.groups.first() {
            Some(g) if head + self.height(g.clone()) <= page => head + self.height(g.clone()),
            Some(g) => head + self.row_h[g.start],
            None => head,
        }
    }
}

pub(super) fn prepare(flow: &Flow, t: &Table) -> Result<TableLayout, LayoutError> {
    let size = if t.small { size::TABLE_SMALL } else { size::TABLE };
    let style = flow.style(Role::Body, size);
    let (pad_x, pad_y) = if t.small { (2.0, 2.5) } else { (3.0, 3.0) };
    let line_h = (size.0 * 1.35 * 10.0).round() / 10.0;
    let g = &t.grid;
    let width = flow.spec.text_width().0;
    let total: u32 = t.widths.iter().sum::<u32>().max(1);
    let mut col_x = vec![0.0f32];
    let mut acc = 0u32;
    for w in &t.widths {
        acc += w;
        col_x.push(width * acc as f32 / total as f32);
    }
    let mut cells = Vec::new();
    for r in 0..g.rows {
        for c in 0..g.cols {
            if let Entry::Cell(cell) = g.at(r, c) {
                let (rows, cols) = (cell.rowspan.get() as usize, cell.colspan.get() as usize);
                let w = col_x[c + cols] - col_x[c] - 2.0 * pad_x;
                let lines = if cell.text.trim().is_empty() {
                    Vec::new()
                } else {
                    flow.lines_in(cell.text.trim(), style, Align::Center, 0.0, 0.0, w)?.lines
                };
                cells.push(CellLayout { header: cell.header, r, c, rows, cols, lines });
            }
        }
    }
    let need = |cell: &CellLayout| cell.lines.len().max(1) as f32 * line_h + 2.0 * pad_y;
    let mut row_h = vec![line_h + 2.0 * pad_y; g.rows];
    for cell in cells.iter().filter(|c| c.rows == 1) {
        row_h[cell.r] = row_h[cell.r].max(need(cell));
    }
    for cell in cells.iter().filter(|c| c.rows > 1) {
        let span = cell.r..cell.r + cell.rows;
        let have: f32 = row_h[span.clone()].iter().sum();
        if need(cell) > have {
            let extra = (need(cell) - have) / cell.rows as f32;
            for h in &mut row_h[span] {
                *h += extra;
            }
        }
    }
    let head_rows = t.head_rows.min(g.rows);
    let groups = group_rows(&cells, head_rows..g.rows, |_| true);
    // Rows of header cells inside the body (the 第二十条 item rows of table 二) stay with
    // the rows they head.
    let all_header =
        |rows: &Range<usize>| cells.iter().filter(|c| rows.contains(&c.r)).all(|c| c.header);
    let mut merged: Vec<Range<usize>> = Vec::new();
    for g in groups {
        match merged.last_mut() {
            Some(prev) if all_header(prev) => prev.end = g.end,
            _ => merged.push(g),
        }
    }
    let groups = merged;
    Ok(TableLayout { col_x, row_h, cells, head_rows, groups, style, line_h, pad_x, pad_y })
}

/// Rows placed on one page: `(row, top)` with tops from the text block's top edge.
type Segment = Vec<(usize, f32)>;

/// The table's rows as placed, page by page.
struct Placer<'t> {
    t: &'t TableLayout,
    page_h: f32,
    head_h: f32,
    /// Finished pages: page index and rows.
    done: Vec<(usize, Segment)>,
    seg: Segment,
}

impl Placer<'_> {
    fn row(&mut self, flow: &mut Flow, r: usize) {
        self.seg.push((r, flow.y));
        flow.y += self.t.row_h[r];
    }

    fn header(&mut self, flow: &mut Flow) {
        for r in 0..self.t.head_rows {
            self.row(flow, r);
        }
    }

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
                for r in g {
                    if flow.y + self.t.row_h[r] > self.page_h + EPS && flow.y > self.head_h + EPS {
                        self.break_page(flow);
                    }
                    self.row(flow, r);
                }
            }
        }
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

/// Places the table from the current position; `tail` is the height of what must stay on
/// the table's last page (its note).
pub(super) fn place(flow: &mut Flow, t: &TableLayout, tail: f32) {
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
        p.group(flow, g.clone(), if k + 1 == n { tail } else { 0.0 });
    }
    let seg = std::mem::take(&mut p.seg);
    p.done.push((flow.pages.len() - 1, seg));
    draw(flow, t, &p.done);
}

/// Draws the placed rows: each cell's part on each page is ruled, and its text is drawn
/// once, centred in its tallest part (a cell split across pages shows its text where
/// there is most room for it).
fn draw(flow: &mut Flow, t: &TableLayout, pages: &[(usize, Segment)]) {
    let (Pt(left), Pt(top)) = flow.spec.text_origin();
    let q = |v: f32| (v * 100.0).round() as i64;
    let mut edges: Vec<BTreeSet<(i64, i64, i64, i64)>> = vec![BTreeSet::new(); pages.len()];
    for cell in &t.cells {
        // The cell's part on each page: (page slot, top, bottom).
        let mut parts: Vec<(usize, f32, f32)> = Vec::new();
        for (k, (_, seg)) in pages.iter().enumerate() {
            let here: Vec<&(usize, f32)> =
                seg.iter().filter(|(r, _)| (cell.r..cell.r + cell.rows).contains(r)).collect();
            if let (Some(first), Some(last)) = (here.first(), here.last()) {
                parts.push((k, first.1, last.1 + t.row_h[last.0]));
            }
        }
        let x0 = t.col_x[cell.c];
        let x1 = t.col_x[cell.c + cell.cols];
        for &(k, y0, y1) in &parts {
            for (a, b, c, d) in
                [(x0, y0, x1, y0), (x0, y1, x1, y1), (x0, y0, x0, y1), (x1, y0, x1, y1)]
            {
                edges[k].insert((q(left + a), q(top + b), q(left + c), q(top + d)));
            }
        }
        // A header cell repeated on later pages shows its text on every page.
        let header = cell.r < t.head_rows;
        let tallest = parts
            .iter()
            .copied()
            .reduce(|best, p| if p.2 - p.1 > best.2 - best.1 + EPS { p } else { best });
        let chosen: Vec<(usize, f32, f32)> =
            if header { parts.clone() } else { tallest.into_iter().collect() };
        if cell.lines.is_empty() {
            continue;
        }
        for (k, y0, y1) in chosen {
            let text_h = cell.lines.len() as f32 * t.line_h;
            let ty = y0 + ((y1 - y0 - text_h) / 2.0).max(t.pad_y);
            for (i, runs) in cell.lines.iter().enumerate() {
                let baseline = ty + i as f32 * t.line_h + t.line_h / 2.0 + 0.38 * t.style.size;
                flow.push_runs_on(pages[k].0, runs, x0 + t.pad_x, baseline, &t.style);
            }
        }
    }
    for (k, set) in edges.into_iter().enumerate() {
        let page = &mut flow.pages[pages[k].0];
        for (x1, y1, x2, y2) in set {
            let f = |v: i64| v as f32 / 100.0;
            page.items.push(Item::Rule(Rule {
                x1: f(x1),
                y1: f(y1),
                x2: f(x2),
                y2: f(y2),
                width: RULE,
            }));
        }
    }
}

//! Drawing a placed table: rules around each cell's part on each page, and each cell's
//! text.

use std::collections::BTreeSet;

use super::TableLayout;
use super::paginate::Segment;
use crate::layout::EPS;
use crate::layout::flow::Flow;
use crate::layout::output::{Item, Rule};
use crate::units::Pt;

/// Width of the ruled lines, in points.
const RULE: f32 = 0.5;

/// Draws the placed rows: each cell's part on each page is ruled, and its text is drawn
/// in every part that has room for it (a merged label split across pages is repeated on
/// each), or, where none has, once in the tallest part.
pub(super) fn draw(flow: &mut Flow, t: &TableLayout, pages: &[(usize, Segment)]) {
    let (Pt(left), Pt(top)) = flow.spec.text_origin();
    // Edges in hundredths of a point, in a set: an edge that two neighbouring cells share
    // is drawn once, and the rules come out in one order whatever the cells' order.
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
        let text_h = cell.lines.len() as f32 * t.line_h + 2.0 * t.pad_y;
        let roomy: Vec<(usize, f32, f32)> =
            parts.iter().copied().filter(|p| p.2 - p.1 + EPS >= text_h).collect();
        let chosen: Vec<(usize, f32, f32)> = if header {
            parts.clone()
        } else if !roomy.is_empty() {
            roomy
        } else {
            tallest.into_iter().collect()
        };
        if cell.lines.is_empty() {
            continue;
        }
        for (k, y0, y1) in chosen {
            let text_h = cell.lines.len() as f32 * t.line_h;
            let ty = y0 + ((y1 - y0 - text_h) / 2.0).max(t.pad_y);
            for (i, runs) in cell.lines.iter().enumerate() {
                let baseline = ty + i as f32 * t.line_h + t.line_h / 2.0 + 0.38 * t.style.size;
                flow.push_runs_on(pages[k].0, runs, x0 + t.pad_x + cell.indent, baseline, &t.style);
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

//! Measuring a table: column boundaries from the relative widths, cell text set in
//! lines, row heights that hold every cell, and the groups of rows rowspans tie.

use std::ops::Range;

use super::{CellLayout, TableLayout, group_rows};
use crate::doc::page::size;
use crate::doc::{Entry, Table};
use crate::fonts::Role;
use crate::layout::LayoutError;
use crate::layout::metrics::Metrics;
use crate::layout::setter::Setter;
use crate::layout::text::Align;

/// Sets a table's cells and sizes its rows, for the text block of `setter`'s page.
pub(in crate::layout) fn measure<M: Metrics + ?Sized>(
    setter: &Setter<M>,
    t: &Table,
) -> Result<TableLayout, LayoutError> {
    let size = if t.small { size::TABLE_SMALL } else { size::TABLE };
    let style = setter.style(Role::Body, size);
    let (pad_x, pad_y) = if t.small { (2.0, 2.5) } else { (3.0, 3.0) };
    let line_h = (size.0 * 1.35 * 10.0).round() / 10.0;
    let g = &t.grid;
    let width = setter.spec.text_width().0;
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
                // An indented cell is set flush left in the width after its indentation.
                let (align, indent) = match cell.indent {
                    Some(n) => (Align::Justify, f32::from(n) * style.size),
                    None => (Align::Center, 0.0),
                };
                let text = cell.text.trim();
                let lines = if text.is_empty() {
                    Vec::new()
                } else if cell.header {
                    setter.label_lines(text, style, align, w - indent)?.lines
                } else {
                    setter.lines_in(text, style, align, 0.0, 0.0, w - indent)?.lines
                };
                cells.push(CellLayout { header: cell.header, r, c, rows, cols, lines, indent });
            }
        }
    }
    // A spanning cell that needs more height than its rows have shares the difference
    // out evenly, after the single-row cells have sized their rows.
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

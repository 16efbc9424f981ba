//! One page read: its content interpreted, its ruling lines rebuilt into tables, each
//! table's glyphs gathered into its cells, and the other glyphs into text lines.

use hayro_syntax::object::{Array, Stream};
use hayro_syntax::page::Page;

use super::geom::{BoxD, Matrix};
use super::grid::{self, Grid};
use super::interp::{self, Budget, FontCache};
use super::lines::{self, Line};
use super::marks::{Glyph, Marks};
use super::stream::decode;
use crate::import::{Cell, Table};

/// Something on a page, placed by its top edge.
#[derive(Debug)]
pub(super) enum Item {
    Line(Line),
    Table(Table),
}

/// A page read, its items top to bottom.
#[derive(Debug, Default)]
pub(super) struct PageText {
    pub items: Vec<(f64, Item)>,
    pub height: f64,
    /// Glyphs on the page, and how many of them had no Unicode text.
    pub glyphs: usize,
    pub unknown: usize,
    pub images: usize,
}

/// The page's content streams, one after another.
fn content(page: &Page<'_>) -> Vec<u8> {
    let raw = page.raw();
    if let Some(s) = raw.get::<Stream<'_>>(b"Contents") {
        return decode(&s).unwrap_or_default();
    }
    let mut out = Vec::new();
    if let Some(parts) = raw.get::<Array<'_>>(b"Contents") {
        for s in parts.iter::<Stream<'_>>().take(10_000) {
            if let Some(d) = decode(&s)
                && (out.len() + d.len()) as u64 <= super::stream::MAX_DECODED
            {
                out.extend_from_slice(&d);
                out.push(b'\n');
            }
        }
    }
    out
}

/// Reads one page; `number` counts from 1.
pub(super) fn read(
    page: &Page<'_>,
    number: usize,
    fonts: &mut FontCache,
    budget: &mut Budget,
) -> PageText {
    let (w, h) = page.render_dimensions();
    let (w, h) = (f64::from(w), f64::from(h));
    let base = Matrix(page.initial_transform(true).as_coeffs());
    let area = BoxD { x0: 0.0, y0: 0.0, x1: w, y1: h };
    let data = content(page);
    let marks = interp::page(&data, page.resources(), base, area, fonts, budget);
    layout(marks, number, h)
}

/// Tables and lines from what the page shows.
fn layout(marks: Marks, number: usize, height: f64) -> PageText {
    let Marks { glyphs, rules, images } = marks;
    // Invisible text counts only on a page that has nothing else (an OCR layer), and
    // artifacts only on a page whose writer marked everything so.
    let any_visible = glyphs.iter().any(|g| g.visible);
    let glyphs: Vec<Glyph> = glyphs.into_iter().filter(|g| g.visible || !any_visible).collect();
    let any_content = glyphs.iter().any(|g| !g.artifact);
    let glyphs: Vec<Glyph> = glyphs.into_iter().filter(|g| !g.artifact || !any_content).collect();
    let unknown = glyphs.iter().filter(|g| g.text.contains('\u{FFFD}')).count();
    let grids = grid::grids(&rules);
    let mut rest: Vec<&Glyph> = Vec::new();
    let mut inside: Vec<Vec<&Glyph>> = vec![Vec::new(); grids.len()];
    for g in &glyphs {
        let (x, y) = g.centre();
        match grids.iter().position(|t| t.area().contains(x, y, 0.0)) {
            Some(i) => inside[i].push(g),
            None => rest.push(g),
        }
    }
    let mut items: Vec<(f64, Item)> =
        lines::lines(&rest).into_iter().map(|l| (l.top(), Item::Line(l))).collect();
    for (grid, glyphs) in grids.iter().zip(inside) {
        items.push((grid.ys[0], Item::Table(table(grid, &glyphs, number))));
    }
    items.sort_by(|a, b| a.0.total_cmp(&b.0));
    PageText { items, height, glyphs: glyphs.len(), unknown, images }
}

/// A table's cells with their text.
fn table(grid: &Grid, glyphs: &[&Glyph], number: usize) -> Table {
    let mut by_cell: Vec<Vec<&Glyph>> = vec![Vec::new(); grid.cells.len()];
    for g in glyphs {
        let (x, y) = g.centre();
        let Some((r, c)) = grid.slot(x, y) else { continue };
        if let Some(i) = grid
            .cells
            .iter()
            .position(|&(r0, c0, rs, cs)| (r0..r0 + rs).contains(&r) && (c0..c0 + cs).contains(&c))
        {
            by_cell[i].push(g);
        }
    }
    let cells = grid
        .cells
        .iter()
        .zip(by_cell)
        .map(|(&(row, col, rowspan, colspan), glyphs)| {
            // Lines of a cell join without a separator (see `Cell::text`).
            let text: String = lines::lines(&glyphs).iter().map(|l| l.text.as_str()).collect();
            Cell { row, col, rowspan, colspan, text: lines::squeeze(&text) }
        })
        .collect();
    Table { cells, place: format!("第 {number} 页") }
}

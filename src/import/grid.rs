//! Table rows as markup writes them (each cell with its spans, cells covered by a
//! rowspan from above left out) placed on a grid, the way a browser lays them out.

use super::document::{Cell, Table};

/// A cell as markup gives it, before it is placed.
#[derive(Clone, Debug, Default)]
pub struct RawCell {
    /// Its text.
    pub text: String,
    /// Rows spanned (0 is read as 1).
    pub rowspan: usize,
    /// Columns spanned (0 is read as 1).
    pub colspan: usize,
}

/// The most columns one cell may span (a hostile `colspan="99999999"`; the official
/// tables span 15 at most).
const MAX_SPAN: usize = 100;
/// The most grid slots the rowspans of one table may cover; past it, cells span one row
/// (a hostile page cannot make the grid take minutes).
const MAX_COVERED: usize = 1 << 20;

/// Places rows of cells on a grid.
pub fn place(rows: &[Vec<RawCell>], place: String) -> Table {
    // Slots taken by rowspans from earlier rows: (row, col).
    let mut taken: std::collections::BTreeSet<(usize, usize)> = Default::default();
    let mut cells = Vec::new();
    let total_rows = rows.len();
    for (r, row) in rows.iter().enumerate() {
        let mut col = 0;
        for raw in row {
            while taken.contains(&(r, col)) {
                col += 1;
            }
            let mut rowspan = raw.rowspan.clamp(1, total_rows - r);
            let colspan = raw.colspan.clamp(1, MAX_SPAN);
            if taken.len() + (rowspan - 1) * colspan > MAX_COVERED {
                rowspan = 1;
            }
            // Only the rows below are taken: this row goes on from `col + colspan`.
            for dr in 1..rowspan {
                for dc in 0..colspan {
                    taken.insert((r + dr, col + dc));
                }
            }
            cells.push(Cell { row: r, col, rowspan, colspan, text: raw.text.clone() });
            col += colspan;
        }
    }
    cells.sort_by_key(|c| (c.row, c.col));
    Table { cells, place }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(text: &str, rowspan: usize, colspan: usize) -> RawCell {
        RawCell { text: text.into(), rowspan, colspan }
    }

    #[test]
    fn places_merged_cells() {
        let t = place(
            &[
                vec![c("a", 2, 1), c("b", 1, 2)],
                vec![c("x", 1, 1), c("y", 1, 1)],
                vec![c("p", 1, 1), c("q", 1, 1), c("r", 1, 1)],
            ],
            "t".into(),
        );
        let at = |r, c| t.at(r, c).map(|x| x.text.as_str());
        assert_eq!(at(1, 0), Some("a"));
        assert_eq!(at(1, 1), Some("x"));
        assert_eq!(at(1, 2), Some("y"));
        assert_eq!(at(0, 2), Some("b"));
        assert_eq!(at(2, 2), Some("r"));
    }
}

//! Tables as grids: each slot holds a cell or points at the cell it is merged into.
//!
//! Resolution places the cells of each row left to right into the first free slots,
//! the way HTML does, and refuses anything that does not close into a rectangle.

use std::num::NonZeroU16;

/// One cell as written in the markup.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    /// The text.
    pub text: String,
    /// A header cell (`th`) rather than data (`td`).
    pub header: bool,
    /// Rows spanned.
    pub rowspan: NonZeroU16,
    /// Columns spanned.
    pub colspan: NonZeroU16,
    /// Where its figure was written in the YAML, for cells that hold one.
    pub span: Option<crate::source::Span>,
    /// Set flush left and indented by this many characters (the items of the 附表,
    /// whose indentation shows their hierarchy); `None`: centred, as every other cell.
    pub indent: Option<u8>,
}

/// A slot of the grid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    /// The top-left slot of a cell.
    Cell(Cell),
    /// A slot covered by the cell at index `parent` of [`Grid::entries`].
    Merged {
        /// Index of the covering cell.
        parent: usize,
    },
}

/// A rectangular grid of `rows × cols` slots, row by row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grid {
    /// Number of columns.
    pub cols: usize,
    /// Number of rows.
    pub rows: usize,
    /// `rows × cols` slots.
    pub entries: Vec<Entry>,
}

impl Grid {
    /// Resolves rows of cells into a grid of `cols` columns.
    ///
    /// Errors say which row (1-based) is wrong and how.
    pub fn resolve(cols: usize, rows: Vec<Vec<Cell>>) -> Result<Grid, String> {
        if cols == 0 {
            return Err("表格没有列（cols 为 0）".into());
        }
        let nrows = rows.len();
        let mut slots: Vec<Option<Entry>> = vec![None; nrows * cols];
        for (r, row) in rows.into_iter().enumerate() {
            let mut c = 0;
            for cell in row {
                while c < cols && slots[r * cols + c].is_some() {
                    c += 1;
                }
                let (rs, cs) = (cell.rowspan.get() as usize, cell.colspan.get() as usize);
                if c + cs > cols {
                    return Err(format!("第 {} 行超出了 {cols} 列", r + 1));
                }
                if r + rs > nrows {
                    return Err(format!(
                        "第 {} 行的单元格向下合并 {rs} 行，超出了表格的 {nrows} 行",
                        r + 1
                    ));
                }
                let parent = r * cols + c;
                for dr in 0..rs {
                    for dc in 0..cs {
                        let i = (r + dr) * cols + c + dc;
                        if slots[i].is_some() {
                            return Err(format!(
                                "第 {} 行第 {} 列被两个单元格同时占用",
                                r + dr + 1,
                                c + dc + 1
                            ));
                        }
                        slots[i] = Some(Entry::Merged { parent });
                    }
                }
                slots[parent] = Some(Entry::Cell(cell));
                c += cs;
            }
            if let Some(missing) = (0..cols).find(|&c| slots[r * cols + c].is_none()) {
                return Err(format!(
                    "第 {} 行只有 {missing} 列，不足 {cols} 列（表格没有闭合）",
                    r + 1
                ));
            }
        }
        let entries = slots.into_iter().map(|s| s.expect("every slot checked above")).collect();
        Ok(Grid { cols, rows: nrows, entries })
    }

    /// The entry at a row and column.
    pub fn at(&self, row: usize, col: usize) -> &Entry {
        &self.entries[row * self.cols + col]
    }

    /// The cells of a row that start there, with their column.
    pub fn row_cells(&self, row: usize) -> impl Iterator<Item = (usize, &Cell)> {
        (0..self.cols).filter_map(move |c| match self.at(row, c) {
            Entry::Cell(cell) => Some((c, cell)),
            Entry::Merged { .. } => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(text: &str, rs: u16, cs: u16) -> Cell {
        Cell {
            text: text.into(),
            header: false,
            rowspan: NonZeroU16::new(rs).unwrap(),
            colspan: NonZeroU16::new(cs).unwrap(),
            span: None,
            indent: None,
        }
    }

    #[test]
    fn places_cells_around_rowspans() {
        let g = Grid::resolve(
            3,
            vec![vec![cell("a", 2, 1), cell("b", 1, 2)], vec![cell("c", 1, 1), cell("d", 1, 1)]],
        )
        .unwrap();
        assert_eq!(g.at(1, 0), &Entry::Merged { parent: 0 });
        assert!(matches!(g.at(1, 1), Entry::Cell(c) if c.text == "c"));
        assert_eq!(g.at(0, 2), &Entry::Merged { parent: 1 });
    }

    #[test]
    fn rejects_grids_that_do_not_close() {
        let short = Grid::resolve(3, vec![vec![cell("a", 1, 2)]]);
        assert_eq!(short.unwrap_err(), "第 1 行只有 2 列，不足 3 列（表格没有闭合）");
        let wide = Grid::resolve(2, vec![vec![cell("a", 1, 3)]]);
        assert!(wide.unwrap_err().contains("超出了 2 列"));
        let tall = Grid::resolve(1, vec![vec![cell("a", 3, 1)]]);
        assert!(tall.unwrap_err().contains("超出了表格的 1 行"));
    }
}

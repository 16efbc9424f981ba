//! Reading plain text copied from a portal page: paragraphs one a line, tables
//! flattened — a row a line with cells separated by 「 | 」 or tabs, or one cell a line
//! (「cell |」 or a tab before it) with rows ended by a line of bars or an empty line.

use super::document::{Block, Cell, Published, Table};
use super::label::squeeze;

/// Reads copied text.
pub fn read(text: &str) -> Published {
    let mut blocks = Vec::new();
    let mut rows: Option<Rows> = None;
    let mut tables = 0;
    for raw in text.lines() {
        let line = raw.trim_end_matches(['\r', '\n']);
        let is_table_line = line.contains('|') || line.contains('\t');
        match (&mut rows, is_table_line) {
            (Some(r), true) => r.line(line),
            (None, true) => {
                let mut r = Rows::default();
                r.line(line);
                rows = Some(r);
            }
            (Some(r), false) if line.trim().is_empty() => r.end_row(),
            (_, false) => {
                if let Some(r) = rows.take() {
                    tables += 1;
                    push_table(&mut blocks, r, tables);
                }
                let p = squeeze(line);
                if !p.is_empty() {
                    blocks.push(Block::Paragraph(p));
                }
            }
        }
    }
    if let Some(r) = rows.take() {
        tables += 1;
        push_table(&mut blocks, r, tables);
    }
    Published { blocks, embedded: None }
}

fn push_table(blocks: &mut Vec<Block>, mut rows: Rows, n: usize) {
    rows.end_row();
    let mut cells = Vec::new();
    for (r, row) in rows.done.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            cells.push(Cell { row: r, col: c, rowspan: 1, colspan: 1, text: text.clone() });
        }
    }
    if !cells.is_empty() {
        blocks.push(Block::Table(Table { cells, place: format!("第 {n} 个表格") }));
    }
}

/// Rows of a flattened table being read.
#[derive(Default)]
struct Rows {
    done: Vec<Vec<String>>,
    open: Vec<String>,
}

impl Rows {
    fn end_row(&mut self) {
        if !self.open.is_empty() {
            self.done.push(std::mem::take(&mut self.open));
        }
    }

    fn line(&mut self, line: &str) {
        let trimmed = line.trim();
        if trimmed.is_empty() && !line.contains('\t') {
            self.end_row();
            return;
        }
        // A line of bars only ends a row (the page's empty cells and row ends).
        if !trimmed.is_empty() && trimmed.chars().all(|c| c == '|') {
            self.end_row();
            return;
        }
        let mut cells: Vec<String> = if line.contains('|') {
            line.split('|').map(squeeze).collect()
        } else {
            line.strip_prefix('\t').unwrap_or(line).split('\t').map(squeeze).collect()
        };
        // Bars and tabs at the end of a row are the page's padding, not cells.
        while cells.len() > 1 && cells.last().is_some_and(String::is_empty) {
            cells.pop();
        }
        if cells.len() == 1 {
            // One cell a line: the row goes on until a row end.
            self.open.push(cells.pop().unwrap_or_default());
        } else {
            self.end_row();
            self.done.push(cells);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(p: &Published) -> Vec<Vec<String>> {
        let mut out = Vec::new();
        for b in &p.blocks {
            if let Block::Table(t) = b {
                for r in 0..t.rows() {
                    out.push(
                        t.cells.iter().filter(|c| c.row == r).map(|c| c.text.clone()).collect(),
                    );
                }
            }
        }
        out
    }

    #[test]
    fn reads_the_three_flattened_styles() {
        let bars = read("标题\n规章 | 0 | 1 | 2 | |\n行政许可 | 3 | ||\n正文");
        assert_eq!(rows(&bars), [vec!["规章", "0", "1", "2"], vec!["行政许可", "3"]]);
        assert_eq!(bars.blocks.len(), 3);
        let one_a_line = read("规章 |\n0 |\n1 |\n|||\n行政许可 |\n3 |\n||\n");
        assert_eq!(rows(&one_a_line), [vec!["规章", "0", "1"], vec!["行政许可", "3"]]);
        let tabs = read("\t规章\n\t \n\t 0\n\n\t行政许可\n\t3\n");
        assert_eq!(rows(&tabs), [vec!["规章", "", "0"], vec!["行政许可", "3"]]);
    }
}

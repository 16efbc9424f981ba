//! A published report as any reader sees it: text blocks in reading order, tables as
//! grids of cells. The readers (plain text, HTML, DOCX, PDF) produce this; the mapping
//! to the catalogue's tables and the narrative works on it alone, so it does not know
//! where the report came from.

/// A published report, read from one file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Published {
    /// The text and tables in reading order.
    pub blocks: Vec<Block>,
    /// The `nianbao-data` JSON, when the file was made by nianbao (HTML `<script
    /// id="nianbao-data">`, DOCX custom XML part, PDF attachment `nianbao-data.json`).
    pub embedded: Option<String>,
}

/// One block of a published report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A paragraph (headings are paragraphs too; they are recognised later, by their
    /// numbers and the catalogue's section titles). Line breaks inside a paragraph are
    /// already joined; leading and trailing white space is trimmed.
    Paragraph(String),
    /// A table.
    Table(Table),
}

/// A table as a grid. A cell spanning several rows or columns appears once, at its top
/// left slot, with its spans. A table that a page break split into two (two `<table>`s,
/// two DOCX tables, a PDF table over two pages) may arrive as two `Table`s; the mapping
/// joins them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    /// The cells in row-major order of their top left slot.
    pub cells: Vec<Cell>,
    /// Where the table is, for messages: 「第 2 个表格」, 「第 3 页」.
    pub place: String,
}

/// One cell of a table.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    /// Row of the top left slot, from 0.
    pub row: usize,
    /// Column of the top left slot, from 0.
    pub col: usize,
    /// Rows spanned (at least 1).
    pub rowspan: usize,
    /// Columns spanned (at least 1).
    pub colspan: usize,
    /// The cell's text: lines joined without a separator (a CJK label broken over lines
    /// must read whole again), runs of white space kept as one space, trimmed.
    pub text: String,
}

impl Table {
    /// Number of rows of the grid.
    pub fn rows(&self) -> usize {
        self.cells.iter().map(|c| c.row + c.rowspan).max().unwrap_or(0)
    }

    /// Number of columns of the grid.
    pub fn cols(&self) -> usize {
        self.cells.iter().map(|c| c.col + c.colspan).max().unwrap_or(0)
    }

    /// The cell covering slot (`row`, `col`), if any.
    pub fn at(&self, row: usize, col: usize) -> Option<&Cell> {
        self.cells.iter().find(|c| {
            (c.row..c.row + c.rowspan).contains(&row) && (c.col..c.col + c.colspan).contains(&col)
        })
    }
}

/// Why a file cannot be read as a published report at all (exit code 2). The message is
/// for the user, in Chinese, and says what to do (「这是扫描件，没有文字层：请向发布单位索取
/// Word 或网页版本」).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable(pub String);

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Unreadable {}

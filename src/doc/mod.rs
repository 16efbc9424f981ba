//! The one document model every writer reads.
//!
//! Templates write a small semantic markup ([`crate::build::markup`]); it is parsed into a
//! [`Document`]: a title, blocks in reading order, and tables resolved into grids where
//! every slot is a cell or merged into one ([`grid`]). HTML and DOCX reflow it as it is;
//! the PDF writer lays it out first.

pub mod grid;
pub mod page;

pub use grid::{Cell, Entry, Grid};

/// A rendered report, independent of the output format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// Language tag (`zh-CN`).
    pub lang: String,
    /// The title, one line; writers break it as their medium needs.
    pub title: String,
    /// The issuing office under the title, if any.
    pub byline: Option<String>,
    /// Body blocks in reading order.
    pub blocks: Vec<Block>,
}

/// A block of the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A numbered heading: level 1 is 一、, 2 is （一）, 3 is 1., 4 is （1）.
    Heading {
        /// 1–4.
        level: u8,
        /// The number as printed, e.g. `（二）`.
        number: String,
        /// The heading text.
        text: String,
    },
    /// A body paragraph (first line indented by two characters).
    Para(String),
    /// A table.
    Table(Table),
    /// A note under a table (注：…).
    Note(String),
    /// The signature block: agency, then date; right-aligned.
    Signature(Vec<String>),
}

/// A table with its grid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// Which official table (`proactive`, `applications`, `review`).
    pub id: String,
    /// A name for readers (screen readers, outlines), e.g. 收到和处理政府信息公开申请情况.
    pub title: String,
    /// How many columns at the left of the body hold row labels (3 in table 三).
    pub label_cols: usize,
    /// Number of header rows (repeated when the table breaks across pages).
    pub head_rows: usize,
    /// Relative column widths, one per column (equal when the template gives none).
    pub widths: Vec<u32>,
    /// Whether to set the table in smaller type (the 15-column table 四).
    pub small: bool,
    /// The cells.
    pub grid: Grid,
}

impl Document {
    /// The title split between the agency and 「YYYY年政府信息公开工作年度报告」, the place
    /// where a long title reads best broken; `None` when there is no such place.
    pub fn title_parts(&self) -> Option<(&str, &str)> {
        let t = &self.title;
        let chars: Vec<(usize, char)> = t.char_indices().collect();
        let at = chars.windows(5).rev().find_map(|w| {
            let digits = w[..4].iter().all(|(_, c)| c.is_ascii_digit());
            (digits && w[4].1 == '年' && w[0].0 > 0).then_some(w[0].0)
        })?;
        Some((&t[..at], &t[at..]))
    }
}

//! The one document model every writer reads.
//!
//! Templates write a small semantic markup (the `build` module's markup); it is parsed into a
//! [`Document`]: a title, blocks in reading order, and tables resolved into grids where
//! every slot is a cell or merged into one ([`grid`]). HTML and DOCX reflow it as it is;
//! the PDF writer lays it out first.

pub mod grid;
pub mod page;

pub use grid::{Cell, Entry, Grid};

use crate::source::Span;

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
    /// Where each block came from in the YAML (parallel to `blocks`; `None` for text
    /// the templates or the catalogue wrote).
    pub spans: Vec<Option<Span>>,
    /// Where the title's agency name was written.
    pub title_span: Option<Span>,
    /// What the outputs say about themselves.
    pub meta: Meta,
}

/// How far the date of the signature ends from the right edge of the text block, in
/// characters of body type (GB/T 9704-2012 §7.3.5.1: 成文日期右空四字).
pub const SIGNATURE_DATE_INDENT: f32 = 4.0;

/// Where each line of the signature ends, as its distance from the right edge of the text
/// block in characters of body type (GB/T 9704-2012 §7.3.5.1): the date, the last line,
/// four characters in; every line above it (the agency) centred over the date, but never
/// past the right edge. `width` gives a line's width in characters.
pub fn signature_right_indents(lines: &[String], width: impl Fn(&str) -> f32) -> Vec<f32> {
    let Some(date) = lines.last() else { return Vec::new() };
    let centre = SIGNATURE_DATE_INDENT + width(date) / 2.0;
    let mut out: Vec<f32> = lines.iter().map(|l| (centre - width(l) / 2.0).max(0.0)).collect();
    if let Some(last) = out.last_mut() {
        *last = SIGNATURE_DATE_INDENT;
    }
    out
}

/// A line's width in characters of body type, estimated without fonts: a CJK or other
/// wide character one, anything else half (for the writers that leave setting the text to
/// a word processor or a browser).
pub fn estimated_width(text: &str) -> f32 {
    use unicode_width::UnicodeWidthChar;
    text.chars().map(|c| c.width().unwrap_or(0) as f32 / 2.0).sum()
}

/// The text of the mark on a draft whose figures failed the checks.
pub const DRAFT_MARK: &str = "草稿：数据未通过校验";

/// What every output says about itself: document properties, the machine-readable
/// figures and the draft mark. Nothing here comes from the clock.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    /// Author: the agency.
    pub author: String,
    /// Subject line.
    pub subject: String,
    /// Creation date: the publication date, `(year, month, day)`.
    pub date: (u16, u8, u8),
    /// The `nianbao-data` JSON every output carries.
    pub data_json: String,
    /// A mark printed above the title of a draft ([`DRAFT_MARK`]), if the figures failed
    /// the checks.
    pub draft_mark: Option<String>,
}

impl Meta {
    /// The date as `YYYY-MM-DD`.
    pub fn iso_date(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.date.0, self.date.1, self.date.2)
    }
}

impl Document {
    /// The YAML place of the first text written by the user that contains `ch`: a
    /// block, a table cell, or the title.
    pub fn span_of_char(&self, ch: char) -> Option<Span> {
        for (block, span) in self.blocks.iter().zip(&self.spans) {
            let found = match block {
                Block::Heading { text, .. } | Block::Para(text) | Block::Note(text) => {
                    text.contains(ch).then_some(*span).flatten()
                }
                Block::Signature(lines) => {
                    lines.iter().any(|l| l.contains(ch)).then_some(*span).flatten()
                }
                Block::Table(t) => t.grid.entries.iter().find_map(|e| match e {
                    Entry::Cell(c) if c.text.contains(ch) => c.span,
                    _ => None,
                }),
            };
            if found.is_some() {
                return found;
            }
        }
        self.title.contains(ch).then_some(self.title_span).flatten()
    }
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
    /// A name for readers (screen readers, outlines): the section's title.
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

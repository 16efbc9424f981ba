//! What layout produces: pages of glyph runs and ruled lines at absolute positions, and
//! the outline. Plain data: the PDF writer draws it, [`super::dump`] prints it.

use super::narrowed::Narrowed;
use super::text::Run;

/// Laid-out pages and the outline.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    /// The pages, first to last.
    pub pages: Vec<Page>,
    /// Headings of levels 1 and 2, for the PDF outline.
    pub outline: Vec<Mark>,
    /// The punctuation marks set half width, block by block, for the writers whose text
    /// a browser or word processor sets.
    pub narrowed: Narrowed,
}

/// One page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// What is drawn, in reading order.
    pub items: Vec<Item>,
}

/// Something drawn on a page.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// Glyphs on a baseline.
    Text(TextItem),
    /// A straight line.
    Rule(Rule),
}

/// A run of glyphs of one face.
#[derive(Clone, Debug, PartialEq)]
pub struct TextItem {
    /// Left end of the baseline, in points from the page's left edge.
    pub x: f32,
    /// The baseline, in points from the page's top edge.
    pub y: f32,
    /// Type size.
    pub size: f32,
    /// Drawn with a thin outline, as bold.
    pub bold: bool,
    /// Drawn red.
    pub red: bool,
    /// The glyphs, in one face.
    pub run: Run,
}

/// A ruled line.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rule {
    /// Start, from the page's left edge.
    pub x1: f32,
    /// Start, from the page's top edge.
    pub y1: f32,
    /// End, from the page's left edge.
    pub x2: f32,
    /// End, from the page's top edge.
    pub y2: f32,
    /// Line width in points.
    pub width: f32,
}

/// An outline entry: a heading and where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// 1 or 2.
    pub level: u8,
    /// The heading as printed.
    pub title: String,
    /// Page index (0-based).
    pub page: usize,
    /// Top of the heading, in points from the page's top edge.
    pub y: f32,
}

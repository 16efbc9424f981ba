//! The layout engine: a [`Document`] in, positioned pages out.
//!
//! Pages are plain data ([`Layout`]): runs of glyphs at a baseline and ruled lines, in
//! points from the top-left corner of an A4 page. The PDF writer only draws them, and
//! [`Layout`]'s `Display` prints them as text for snapshot tests.
//!
//! The page follows GB/T 9704 ([`crate::doc::page`]): A4, margins 37/35/28/26 mm, a
//! text block of 22 lines of 28 characters in 3号 type. Body lines sit on that grid;
//! tables break it and the next paragraph returns to it.
//!
//! # How a document is laid out
//!
//! 1. [`metrics`]: where glyphs and their widths come from ([`FontBook`] for real,
//!    fixed metrics in tests).
//! 2. [`text`]: characters to glyphs, break opportunities (UAX #14 and 避头尾 from
//!    [`kinsoku`]), punctuation compression ([`squeeze`]) and justification;
//!    [`linebreak`] chooses a paragraph's breaks to keep its lines on the grid.
//! 3. [`setter`]: text in a style to a block of lines as wide as the text block.
//! 4. [`title`]: the draft mark, the title (broken where it reads best) and the byline.
//! 5. [`prepare`]: every block of the body set into lines or measured as a table, before
//!    anything is placed, so that placing can look ahead.
//! 6. [`flow`]: the prepared blocks placed down the pages: grid snapping, page breaks,
//!    headings kept with what follows, a table's note and the signature kept with what
//!    precedes them.
//! 7. [`table`]: column widths, row heights, pagination with repeated header rows, rules.
//! 8. [`page_number`]: 「— N —」 under every page.
//!
//! [`narrowed`] tells the HTML and DOCX writers which punctuation marks the layout sets
//! half width, so that a browser or a word processor breaks the same lines.
//!
//! [`output`] holds the page data that comes out, and [`dump`] prints it as text.
//!
//! [`FontBook`]: crate::fonts::FontBook

mod dump;
mod flow;
pub mod kinsoku;
mod linebreak;
mod metrics;
mod narrowed;
mod output;
mod page_number;
mod prepare;
mod setter;
mod squeeze;
mod table;
pub mod text;
mod title;

#[cfg(test)]
mod tests;

pub use metrics::Metrics;
pub use narrowed::{Narrowed, narrowed};
pub use output::{Item, Layout, Mark, Page, Rule, TextItem};

use crate::doc::Document;
use crate::doc::page::PAGE;
use crate::fonts::MissingGlyph;
use flow::Flow;
use setter::Setter;

/// How close two positions, in points, count as the same: float sums of line and row
/// heights drift by thousandths of a point, which must not push a line to the next page.
const EPS: f32 = 0.01;

/// Why a document could not be laid out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LayoutError {
    /// The character no font has.
    pub missing: MissingGlyph,
    /// The text it is in (a paragraph, heading or table cell).
    pub context: String,
}

/// Lays out a document on [`PAGE`], measuring with `book`; a draft's mark
/// (`doc.meta.draft_mark`) is printed in red above the title.
pub fn layout<M: Metrics + ?Sized>(doc: &Document, book: &M) -> Result<Layout, LayoutError> {
    let (flow, narrowed) = run(doc, book)?;
    Ok(Layout { pages: flow.pages, outline: flow.outline, narrowed })
}

/// Lays out a document and returns the finished flow and the marks set half width:
/// [`layout`] keeps the flow's pages and outline, tests look at the rest too.
fn run<M: Metrics + ?Sized>(doc: &Document, book: &M) -> Result<(Flow, Narrowed), LayoutError> {
    let setter = Setter::new(book, PAGE);
    let mut flow = Flow::new(PAGE);
    title::place(&mut flow, &setter, doc, doc.meta.draft_mark.as_deref())?;
    // Everything is set before anything is placed: placing a block looks at the ones
    // after it (keep-with-next, tails).
    let prepared =
        doc.blocks.iter().map(|b| setter.prepare(b)).collect::<Result<Vec<_>, LayoutError>>()?;
    flow.place_all(&prepared);
    page_number::number(&mut flow, &setter)?;
    Ok((flow, Narrowed::of_prepared(&prepared)))
}

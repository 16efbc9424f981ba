//! Blocks of the body set before they are placed: lines for text, measured rows for
//! tables. Placing a block looks at the ones after it, so all are prepared first.

use std::borrow::Cow;

use super::LayoutError;
use super::metrics::Metrics;
use super::setter::{LineBlock, Setter};
use super::table::{self, TableLayout};
use super::text::{Align, TextStyle};
use crate::doc::Block;
use crate::doc::page::size;
use crate::fonts::Role;

/// A block of the body, set and ready to be placed.
pub(super) enum Prepared {
    /// Grid-aligned lines: body text and headings.
    Lines {
        /// The lines.
        block: LineBlock,
        /// The outline entry (level and text) of a level-1 or level-2 heading.
        outline: Option<(u8, String)>,
        /// A heading: kept on one page with what follows it.
        heading: bool,
    },
    /// A table.
    Table(TableLayout),
    /// A note under a table: small type, off the grid.
    Note(LineBlock),
    /// The signature: one blank grid line, then right-aligned lines.
    Signature(LineBlock),
}

impl<M: Metrics + ?Sized> Setter<'_, M> {
    /// The text of a block that is set as justified lines, with its style and the
    /// indent of its first line: headings and paragraphs in 3号 with the first line two
    /// characters in (a level-1 heading in 黑体, level 2 in 楷体, level 3 in bold 仿宋),
    /// notes in table type. The signature and tables are set otherwise (`None`).
    pub(super) fn running<'b>(&self, block: &'b Block) -> Option<(Cow<'b, str>, TextStyle, f32)> {
        let indent = 2.0 * self.spec.char_pitch().0;
        Some(match block {
            Block::Heading { level, number, text } => {
                let (role, bold) = match level {
                    1 => (Role::Heading1, false),
                    2 => (Role::Heading2, false),
                    3 => (Role::Body, true),
                    _ => (Role::Body, false),
                };
                let style = TextStyle { bold, ..self.style(role, size::BODY) };
                (Cow::Owned(format!("{number}{text}")), style, indent)
            }
            Block::Para(text) => {
                (Cow::Borrowed(text.as_str()), self.style(Role::Body, size::BODY), indent)
            }
            Block::Note(text) => {
                (Cow::Borrowed(text.as_str()), self.style(Role::Body, size::TABLE), 0.0)
            }
            Block::Signature(_) | Block::Table(_) => return None,
        })
    }

    /// Sets one block: headings and paragraphs justified with the first line indented
    /// by two characters, notes in table type, the signature flush right two characters
    /// in from the right edge.
    pub(super) fn prepare(&self, block: &Block) -> Result<Prepared, LayoutError> {
        if let Some((text, style, indent)) = self.running(block) {
            let lines = self.lines(&text, style, Align::Justify, indent)?;
            return Ok(match block {
                Block::Heading { level, .. } => Prepared::Lines {
                    block: lines,
                    outline: (*level <= 2).then(|| (*level, text.into_owned())),
                    heading: true,
                },
                Block::Note(_) => Prepared::Note(lines),
                _ => Prepared::Lines { block: lines, outline: None, heading: false },
            });
        }
        Ok(match block {
            Block::Signature(lines) => {
                // GB/T 9704 §7.3.5.1: the date four characters in from the right, the
                // agency centred over it (measured with the fonts, not estimated).
                let style = self.style(Role::Body, size::BODY);
                let char_w = self.spec.char_pitch().0;
                let mut widths = Vec::with_capacity(lines.len());
                for l in lines {
                    widths.push(super::text::width(&self.shape(l, &style)?) / char_w);
                }
                let at = |l: &str| lines.iter().position(|x| x == l).map_or(0.0, |i| widths[i]);
                let indents = crate::doc::signature_right_indents(lines, at);
                let mut all = Vec::new();
                let width = self.spec.text_width().0;
                for (l, right) in lines.iter().zip(indents) {
                    let right = (right * char_w).min(width);
                    let b = self.lines_in(l, style, Align::Right, 0.0, right, width)?;
                    all.extend(b.lines);
                }
                Prepared::Signature(LineBlock { lines: all, style, narrow: Vec::new() })
            }
            Block::Table(t) => Prepared::Table(table::measure(self, t)?),
            Block::Heading { .. } | Block::Para(_) | Block::Note(_) => {
                unreachable!("running text is set above")
            }
        })
    }
}

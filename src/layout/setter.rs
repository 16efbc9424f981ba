//! Setting text into lines: a style for each role and size, shaping through the
//! [`Metrics`], and line breaking to the width of the text block (or of a table cell).

use super::LayoutError;
use super::linebreak;
use super::metrics::Metrics;
use super::squeeze;
use super::text::{self, Align, Ch, Run, TextStyle};
use crate::doc::page::{PageSpec, size};
use crate::fonts::Role;
use crate::units::Pt;

/// Lines of one block, broken and placed horizontally; `x` of runs is from the text
/// block's left edge (or the cell's, in tables).
pub(super) struct LineBlock {
    /// The lines, each a run per face.
    pub(super) lines: Vec<Vec<Run>>,
    /// How they are set.
    pub(super) style: TextStyle,
    /// The punctuation marks set half width ([`super::squeeze`]): byte offsets into the
    /// text, ascending.
    pub(super) narrow: Vec<usize>,
}

/// Sets text for one page geometry with one source of glyphs. It only reads: what is
/// set is placed by the [`super::flow::Flow`].
pub(super) struct Setter<'a, M: ?Sized> {
    book: &'a M,
    /// The page the text is set for.
    pub(super) spec: PageSpec,
}

impl<'a, M: Metrics + ?Sized> Setter<'a, M> {
    /// A setter measuring with `book` for the page `spec`.
    pub(super) fn new(book: &'a M, spec: PageSpec) -> Self {
        Setter { book, spec }
    }

    /// The plain style of `role` at `size`.
    pub(super) fn style(&self, role: Role, size: Pt) -> TextStyle {
        // 3号 type is set on the character grid: 28 characters fill the line.
        let tracking = if size == size::BODY { self.spec.body_tracking().0 } else { 0.0 };
        TextStyle { role, size: size.0, tracking, bold: false, red: false }
    }

    /// Shapes `text`; a missing character is reported with the text it is in.
    pub(super) fn shape(&self, text: &str, style: &TextStyle) -> Result<Vec<Ch>, LayoutError> {
        text::shape(self.book, text, style)
            .map_err(|missing| LayoutError { missing, context: text.to_string() })
    }

    /// Breaks `text` into lines as wide as the text block, the first indented.
    pub(super) fn lines(
        &self,
        text: &str,
        style: TextStyle,
        align: Align,
        indent: f32,
    ) -> Result<LineBlock, LayoutError> {
        self.lines_in(text, style, align, indent, 0.0, self.spec.text_width().0)
    }

    /// Breaks `text` into lines `width` wide less `right_indent`, the first indented by
    /// `indent` as well.
    pub(super) fn lines_in(
        &self,
        text: &str,
        style: TextStyle,
        align: Align,
        indent: f32,
        right_indent: f32,
        width: f32,
    ) -> Result<LineBlock, LayoutError> {
        let chars = self.shape(text, &style)?;
        Ok(self.set(&chars, style, align, indent, width - right_indent))
    }

    /// Breaks a table label into lines `width` wide: an official label breaks only
    /// between its words ([`crate::format::words`]), other text as any other.
    pub(super) fn label_lines(
        &self,
        text: &str,
        style: TextStyle,
        align: Align,
        width: f32,
    ) -> Result<LineBlock, LayoutError> {
        let mut chars = self.shape(text, &style)?;
        if let Some(words) = crate::format::words::breaks(text) {
            let mut at = 0;
            for c in &mut chars {
                c.break_before &= words.contains(&at);
                at += c.ch.len_utf8();
            }
        }
        Ok(self.set(&chars, style, align, 0.0, width))
    }

    /// Breaks shaped text into lines `avail` wide, the first indented by `indent`, and
    /// places them.
    fn set(
        &self,
        chars: &[Ch],
        style: TextStyle,
        align: Align,
        indent: f32,
        avail: f32,
    ) -> LineBlock {
        let mut narrow = Vec::new();
        let lines = breaks(chars, align, indent, avail)
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let ind = if i == 0 { indent } else { 0.0 };
                let cs = &chars[l.range.clone()];
                let flags = squeeze::narrow(cs, avail - ind);
                narrow.extend(cs.iter().zip(flags).filter(|(_, n)| *n).map(|(c, _)| c.at));
                text::place(chars, l, ind, avail - ind, align)
            })
            .collect();
        LineBlock { lines, style, narrow }
    }
}

/// Where shaped text breaks into lines `avail` wide, the first indented by `indent`:
/// centred text (table labels, the title) is balanced; the rest is justified or flush
/// right, broken to keep lines full.
fn breaks(chars: &[Ch], align: Align, indent: f32, avail: f32) -> Vec<linebreak::Line> {
    match align {
        Align::Center if indent == 0.0 => linebreak::balanced(chars, avail),
        _ => linebreak::break_lines(chars, avail - indent, avail),
    }
}

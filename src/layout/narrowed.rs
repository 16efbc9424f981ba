//! The punctuation marks the layout sets half width ([`super::squeeze`]), for the
//! writers whose text a browser or a word processor sets (HTML, DOCX).
//!
//! Neither Chromium nor LibreOffice compresses Chinese punctuation the way clreq asks: a
//! line that must not end before 「，」 either hangs the mark into the margin or moves a
//! character down and leaves the line a character short. Told which marks to set half
//! width (the same ones the PDF sets so), they fit the same 28 characters on the same
//! lines: the HTML's print style and the DOCX's character spacing take the blank half of
//! exactly these marks, nothing else.

use super::LayoutError;
use super::metrics::Metrics;
use super::prepare::Prepared;
use super::setter::Setter;
use super::text::Align;
use crate::doc::Document;
use crate::doc::page::PAGE;

/// For every block of a document, the marks its lines set half width.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Narrowed {
    blocks: Vec<Vec<usize>>,
}

impl Narrowed {
    /// No mark set half width: what a writer uses without the layout.
    pub fn none() -> Narrowed {
        Narrowed::default()
    }

    /// The marks of block `i` set half width: byte offsets into its running text (a
    /// heading's number and text together), ascending.
    pub fn marks(&self, i: usize) -> &[usize] {
        self.blocks.get(i).map_or(&[], Vec::as_slice)
    }

    /// The marks of the prepared blocks of a layout (one for each block of the body).
    pub(super) fn of_prepared(prepared: &[Prepared]) -> Narrowed {
        let blocks = prepared
            .iter()
            .map(|p| match p {
                Prepared::Lines { block, .. } | Prepared::Note(block) => block.narrow.clone(),
                Prepared::Table(_) | Prepared::Signature(_) => Vec::new(),
            })
            .collect();
        Narrowed { blocks }
    }
}

/// Which marks of `doc`'s headings, paragraphs and notes the PDF's layout sets half
/// width, measured with `book` on [`PAGE`], without laying out the rest (a full
/// [`super::layout`] has them too, in [`super::Layout::narrowed`]).
pub fn narrowed<M: Metrics + ?Sized>(doc: &Document, book: &M) -> Result<Narrowed, LayoutError> {
    let setter = Setter::new(book, PAGE);
    let mut blocks = Vec::with_capacity(doc.blocks.len());
    for block in &doc.blocks {
        blocks.push(match setter.running(block) {
            Some((text, style, indent)) => {
                setter.lines(&text, style, Align::Justify, indent)?.narrow
            }
            None => Vec::new(),
        });
    }
    Ok(Narrowed { blocks })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Block;
    use crate::layout::tests::{FixedBook, doc};

    /// The marks of a paragraph set half width.
    fn marked(text: &str) -> Vec<String> {
        let n = narrowed(&doc(vec![Block::Para(text.into())]), &FixedBook).unwrap();
        n.marks(0).iter().map(|&at| text[at..].chars().take(1).collect()).collect()
    }

    #[test]
    fn a_line_on_the_grid_keeps_every_mark_whole() {
        // 26 characters after the indent fill the first line exactly.
        let text = "本机关全年主动公开政府信息共计一千二百条，较上年有增";
        assert_eq!(text.chars().count(), 26);
        assert!(marked(text).is_empty());
    }

    #[test]
    fn adjacent_marks_and_a_tight_line_end_are_halved() {
        // 「》（」: the closing mark of the pair is always halved.
        let m = marked("依照《条例》（2019年修订）");
        assert_eq!(m, ["》"]);
        // A first line that must hold 27 characters in the 26 after its indent (its end
        // may not come before the second 「，」) halves its marks from the end: the comma
        // at its end, then the one inside.
        let text = "本机关全年主动公开政府信息，共计一千二百条较上年有增，并及时更新。";
        let m = narrowed(&doc(vec![Block::Para(text.into())]), &FixedBook).unwrap();
        let second = text.rfind('，').unwrap();
        assert_eq!(m.marks(0), [text.find('，').unwrap(), second]);
    }

    #[test]
    fn the_layout_and_the_shortcut_agree() {
        let d = doc(vec![
            Block::Heading { level: 1, number: "一、".into(), text: "总体情况".into() },
            Block::Para("本机关全年主动公开政府信息，共计一千二百条较上年有增，并及时更新。依照《条例》（2019年修订）办理。".into()),
            Block::Note("注：单位为万元。".into()),
        ]);
        let full = crate::layout::layout(&d, &FixedBook).unwrap();
        let short = narrowed(&d, &FixedBook).unwrap();
        assert_eq!(full.narrowed, short);
        assert_eq!(short.marks(1).len(), 3, "{short:?}");
    }

    #[test]
    fn offsets_of_a_heading_count_its_number() {
        let block =
            Block::Heading { level: 2, number: "（一）".into(), text: "主动公开".into() };
        let n = narrowed(&doc(vec![Block::Para("甲".into()), block]), &FixedBook).unwrap();
        assert!(n.marks(0).is_empty());
        // 「）」 before 「主」 is no pair; nothing is tight.
        assert!(n.marks(1).is_empty());
        assert!(Narrowed::none().marks(3).is_empty());
    }
}

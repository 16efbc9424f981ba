//! The printed page of an official document (GB/T 9704-2012): paper, margins, the grid
//! of lines and characters, and the type sizes.
//!
//! This is the one place these numbers are written. The PDF layout works in points
//! ([`PageSpec::text_width`], [`PageSpec::line_pitch`], …); DOCX wants twips
//! ([`PageSpec::margins_twips`], [`PageSpec::line_pitch_twips`], …), HTML millimetres
//! (the fields themselves).

use crate::units::{Mm, Pt, Twip};

/// The page and its grid (GB/T 9704-2012 clause 5).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PageSpec {
    /// Paper width.
    pub width: Mm,
    /// Paper height.
    pub height: Mm,
    /// 天头: paper edge to the top of the text block.
    pub top: Mm,
    /// Bottom margin.
    pub bottom: Mm,
    /// 订口: the left margin.
    pub left: Mm,
    /// Right margin.
    pub right: Mm,
    /// Lines a page.
    pub lines: u32,
    /// Characters a line, in body type.
    pub chars: u32,
}

/// A4 on the 22 × 28 grid: margins top 37, bottom 35, left 28, right 26 mm, which
/// leave a text block of 156 × 225 mm.
pub const PAGE: PageSpec = PageSpec {
    width: Mm(210.0),
    height: Mm(297.0),
    top: Mm(37.0),
    bottom: Mm(35.0),
    left: Mm(28.0),
    right: Mm(26.0),
    lines: 22,
    chars: 28,
};

/// Type sizes: 2号, 3号, 4号, 小四, 五号.
pub mod size {
    use crate::units::Pt;

    /// Title, 2号.
    pub const TITLE: Pt = Pt(22.0);
    /// Body and headings, 3号.
    pub const BODY: Pt = Pt(16.0);
    /// Page numbers, 4号.
    pub const PAGE_NUMBER: Pt = Pt(14.0);
    /// Tables and notes, 小四.
    pub const TABLE: Pt = Pt(12.0);
    /// Wide tables (四, 15 columns), 五号.
    pub const TABLE_SMALL: Pt = Pt(10.5);
}

/// The four margins of a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Margins<T> {
    /// Top edge of the paper to the text block.
    pub top: T,
    /// Right edge of the text block to the paper's.
    pub right: T,
    /// Bottom of the text block to the paper's edge.
    pub bottom: T,
    /// Left edge of the paper to the text block.
    pub left: T,
}

impl PageSpec {
    /// Paper width and height in points (A4: 595.3 × 841.9).
    pub fn size(&self) -> (Pt, Pt) {
        (self.width.to_pt(), self.height.to_pt())
    }

    /// Top-left corner of the text block, from the paper's top-left corner, in points.
    pub fn text_origin(&self) -> (Pt, Pt) {
        (self.left.to_pt(), self.top.to_pt())
    }

    /// Width of the text block in points (156 mm).
    pub fn text_width(&self) -> Pt {
        (self.width - self.left - self.right).to_pt()
    }

    /// Height of the text block in points (225 mm).
    pub fn text_height(&self) -> Pt {
        (self.height - self.top - self.bottom).to_pt()
    }

    /// Distance between body lines in points (≈ 28.99 pt).
    pub fn line_pitch(&self) -> Pt {
        self.text_height() / self.lines as f32
    }

    /// Width of one character of body type in points (≈ 15.8 pt).
    pub fn char_pitch(&self) -> Pt {
        self.text_width() / self.chars as f32
    }

    /// What is added to each character of body type so that `chars` of them fill a
    /// line: the character pitch less the type size (≈ −0.21 pt; DOCX sets it as
    /// character spacing, `w:spacing`, in twips).
    pub fn body_tracking(&self) -> Pt {
        self.char_pitch() - size::BODY
    }

    /// [`PageSpec::body_tracking`] in twips for DOCX `w:spacing`, rounded down: the
    /// nearest (−4 twip, −0.2 pt) sets 28 characters 442.4 pt wide, 0.2 pt more than the
    /// 442.2 pt line, and LibreOffice then sets 27; −5 twip sets them 441 pt wide.
    pub fn body_tracking_twips(&self) -> Twip {
        self.body_tracking().to_twip_floor()
    }

    /// Paper width and height in twips, for DOCX `w:pgSz` (A4: 11906 × 16838).
    pub fn size_twips(&self) -> (Twip, Twip) {
        (self.width.to_twip(), self.height.to_twip())
    }

    /// Width of the text block in twips (156 mm: 8844), for DOCX table widths; rounded
    /// to the nearest twip.
    pub fn text_width_twips(&self) -> Twip {
        (self.width - self.left - self.right).to_twip()
    }

    /// Height of the text block in twips (225 mm: 12756), rounded to the nearest twip.
    pub fn text_height_twips(&self) -> Twip {
        (self.height - self.top - self.bottom).to_twip()
    }

    /// The margins in twips, for DOCX `w:pgMar` (A4: top 2098, right 1474, bottom 1984,
    /// left 1588).
    ///
    /// Top and right are rounded to the nearest twip; left and bottom take what rounding
    /// leaves, so that margins and text block add up to the paper exactly: Word derives
    /// the text block from paper and margins, and tables sized to
    /// [`PageSpec::text_width_twips`] must fill it to the twip. (28 mm alone would be
    /// 1587 twips, one short.)
    pub fn margins_twips(&self) -> Margins<Twip> {
        let (width, height) = self.size_twips();
        let (top, right) = (self.top.to_twip(), self.right.to_twip());
        Margins {
            top,
            right,
            bottom: height - top - self.text_height_twips(),
            left: width - right - self.text_width_twips(),
        }
    }

    /// Distance between body lines in twips, for DOCX `w:docGrid w:linePitch` (579).
    ///
    /// Rounded down: 225 mm / 22 is 579.8 twips, and 22 lines of 580 would overflow the
    /// text block, so Word would set only 21 lines a page.
    pub fn line_pitch_twips(&self) -> Twip {
        ((self.height - self.top - self.bottom) / self.lines as f32).to_twip_floor()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a4_in_points() {
        let (w, h) = PAGE.size();
        assert!((w.0 - 595.28).abs() < 0.01 && (h.0 - 841.89).abs() < 0.01, "{w:?} {h:?}");
        assert!((PAGE.text_width().0 - 442.2).abs() < 0.05);
        assert!((PAGE.text_height().0 - 637.8).abs() < 0.05);
        assert!((PAGE.line_pitch().0 - 28.99).abs() < 0.01);
        assert!((PAGE.char_pitch().0 - 15.79).abs() < 0.01);
        assert_eq!(PAGE.body_tracking().to_twip(), Twip(-4));
        let tracked = (size::BODY + PAGE.body_tracking_twips().to_pt()) * PAGE.chars as f32;
        assert!(tracked.0 <= PAGE.text_width().0, "28 characters overflow: {tracked:?}");
    }

    // The numbers the DOCX writer has written by hand until now.
    #[test]
    fn a4_in_twips_matches_the_docx_section() {
        assert_eq!(PAGE.size_twips(), (Twip(11906), Twip(16838)));
        assert_eq!(
            PAGE.margins_twips(),
            Margins { top: Twip(2098), right: Twip(1474), bottom: Twip(1984), left: Twip(1588) }
        );
        assert_eq!(PAGE.text_width_twips(), Twip(8844));
        assert_eq!(PAGE.line_pitch_twips(), Twip(579));
        let m = PAGE.margins_twips();
        let (w, h) = PAGE.size_twips();
        assert_eq!(m.left + PAGE.text_width_twips() + m.right, w);
        assert_eq!(m.top + PAGE.text_height_twips() + m.bottom, h);
        assert!(PAGE.line_pitch_twips().0 * PAGE.lines as i32 <= PAGE.text_height_twips().0);
    }
}

//! What a page shows, as the reader collects it: glyphs with their text and place, and
//! the straight ruling lines that tables are drawn with.

/// One glyph (one character code) in device space.
#[derive(Clone, Debug)]
pub(super) struct Glyph {
    /// Its Unicode text (usually one character; a ligature gives several).
    pub text: String,
    /// Which font drew it ([`super::font::Font::id`]).
    pub font: u32,
    /// Left and right edge of its advance.
    pub x0: f64,
    pub x1: f64,
    /// The baseline.
    pub baseline: f64,
    /// The font size in device space (the em square's height).
    pub size: f64,
    /// False for invisible text (rendering mode 3, as on an OCR layer).
    pub visible: bool,
    /// Marked as an artifact (a running header, a footer, a page number).
    pub artifact: bool,
}

impl Glyph {
    /// The middle of the glyph's em box, which decides the table cell it belongs to.
    pub(super) fn centre(&self) -> (f64, f64) {
        ((self.x0 + self.x1) / 2.0, self.baseline - 0.35 * self.size)
    }

    /// Whether the glyph is white space.
    pub(super) fn is_space(&self) -> bool {
        self.text.chars().all(char::is_whitespace)
    }
}

/// A straight horizontal or vertical line, drawn as a stroke or as a thin filled box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Rule {
    pub horizontal: bool,
    /// y of a horizontal rule, x of a vertical one.
    pub at: f64,
    /// Where it starts and ends along its length (`from <= to`).
    pub from: f64,
    pub to: f64,
}

/// Everything read from one page.
#[derive(Debug, Default)]
pub(super) struct Marks {
    pub glyphs: Vec<Glyph>,
    pub rules: Vec<Rule>,
    /// Images drawn (a page of images and no text is a scan).
    pub images: usize,
}

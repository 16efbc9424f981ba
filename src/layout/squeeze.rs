//! Punctuation compression (标点挤压): how much of a line's punctuation may be set
//! narrower than its full-width box, and how much each mark gives up on a given line.
//!
//! A full-width Chinese punctuation mark draws in one half of its em box and leaves the
//! other half blank: closing brackets and the pause and stop marks on the left (the
//! blank is on the right), opening brackets on the right (the blank is on the left).
//! Taking some of that blank away is how Chinese text is compressed, never the letters.
//!
//! Sources:
//! - W3C, *Requirements for Chinese Text Layout* (clreq), §3.1.6 "Punctuation
//!   Compression Rules" (标点符号的挤压): the blank halves of the marks above; adjacent
//!   marks are set with the blank between them halved (「》（」「。」」 in 1.5 em); a mark
//!   at the end of a line may be set half width; and a line that would otherwise break
//!   at a forbidden place is compressed at its punctuation before anything is
//!   letter-spaced.
//! - GB/T 15834-2011 《标点符号用法》 Appendix B: the marks of 简体 text sit at the left
//!   (the pause and stop marks, closing brackets) or the right (opening brackets) of
//!   their box — the blank halves this file takes from.
//!
//! In this layout the rules run in three steps, from least to most visible:
//! 1. *Pairs* ([`Shape::pairs`]): two adjacent marks always lose the half em between
//!    them, on every line.
//! 2. *Line end*: when a line must shrink to hold its last unit, the mark at its end is
//!    trimmed to half width first.
//! 3. *Inside the line*: then the other marks, from the line's end back. A line with no
//!    blank left to give is broken elsewhere or letter-spaced.
//!
//! Only right halves are taken (closing brackets, pause and stop marks), and each whole:
//! such a mark is drawn from its origin as before and declared half as wide in the PDF,
//! so text extraction still reads the line as one.
//!
//! A line that needs no compression keeps every mark full width, so its characters
//! stay on the 28-character grid.

use super::text::Ch;

/// Which half of a full-width mark's box is blank.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Blank {
    /// Not a compressible mark (or not full width in its face).
    None,
    /// Opening brackets and quotes: drawn in the right half.
    Left,
    /// Closing brackets and quotes, pause and stop marks: drawn in the left half.
    Right,
}

/// Marks whose right half is blank in 简体 text: closing brackets and quotes, 、，。；：
/// and ？！ (GB/T 15834 Appendix B; clreq §3.1.6).
const RIGHT_BLANK: &str = "，。、；：？！）》」』”’〕】〉〗］｝";

/// Marks whose left half is blank: opening brackets and quotes.
const LEFT_BLANK: &str = "（《「『“‘〔【〈〖［｛";

/// The blank half of `c` when its face sets it `em` wide: only a full-width box has
/// one (a face whose curly quotes are proportional gives them none).
pub fn blank_of(c: char, em: f32) -> Blank {
    if em < 0.9 {
        Blank::None
    } else if RIGHT_BLANK.contains(c) {
        Blank::Right
    } else if LEFT_BLANK.contains(c) {
        Blank::Left
    } else {
        Blank::None
    }
}

/// What a line's punctuation allows, in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shape {
    /// Natural width: every character at its full advance.
    pub natural: f32,
    /// Taken by the pairs of adjacent marks (always).
    pub pairs: f32,
    /// Blank that the mark at the line's end may give up.
    pub end: f32,
    /// Blank that the other marks of the line may give up together.
    pub inner: f32,
}

impl Shape {
    /// The width the line is set at when it needs no compression.
    pub fn set(&self) -> f32 {
        self.natural - self.pairs
    }

    /// The narrowest the line can be set.
    pub fn min(&self) -> f32 {
        self.set() - self.end - self.inner
    }
}

/// The blank half a character can give up, in points: a mark with its right half blank
/// gives it; an opening bracket's left half stays (taking it would draw the bracket over
/// the character before it, and PDF readers then read the two as separate words).
fn half(c: &Ch) -> f32 {
    if c.blank == Blank::Right { c.half } else { 0.0 }
}

/// Whether `a` and the mark `b` after it are a pair whose blank between them is halved:
/// `a` has its right half blank and `b` is a mark too (「》（」「。」」「：“」).
fn pair(a: &Ch, b: &Ch) -> bool {
    a.blank == Blank::Right && b.blank != Blank::None
}

/// How the characters of one line (`cs`, trailing spaces left out) may be compressed.
pub fn shape(cs: &[Ch]) -> Shape {
    let mut s =
        Shape { natural: cs.iter().map(|c| c.advance).sum(), pairs: 0.0, end: 0.0, inner: 0.0 };
    let n = cs.len();
    for (i, c) in cs.iter().enumerate() {
        if i + 1 == n {
            s.end = half(c);
        } else if pair(c, &cs[i + 1]) {
            s.pairs += half(c);
        } else {
            s.inner += half(c);
        }
    }
    s
}

/// [`shape`] of a line built a character at a time: the line breaker tries every end of
/// a line in turn, and this gives each one's shape without going over the line again.
/// The sums are taken in the same order as [`shape`]'s, so the results are identical.
#[derive(Clone, Copy, Debug)]
pub struct Growing<'a> {
    natural: f32,
    pairs: f32,
    inner: f32,
    last: Option<&'a Ch>,
}

impl<'a> Growing<'a> {
    /// An empty line.
    pub fn new() -> Growing<'a> {
        Growing { natural: 0.0, pairs: 0.0, inner: 0.0, last: None }
    }

    /// Adds the next character.
    pub fn push(&mut self, c: &'a Ch) {
        self.natural += c.advance;
        if let Some(prev) = self.last {
            if pair(prev, c) {
                self.pairs += half(prev);
            } else {
                self.inner += half(prev);
            }
        }
        self.last = Some(c);
    }

    /// The shape of the characters pushed so far.
    pub fn shape(&self) -> Shape {
        let end = self.last.map_or(0.0, half);
        Shape { natural: self.natural, pairs: self.pairs, end, inner: self.inner }
    }
}

/// Which characters of a line `avail` wide are set half width: the first of each pair,
/// always; when the line is wider than `avail`, the mark at its end, then the other
/// marks from the end of the line back, one by one, until the line fits (or none is
/// left). A mark is compressed whole or not at all, so that a PDF can declare it half
/// as wide and its text still reads in one line; what compression leaves over is
/// letter-spaced, a hundredth of an em a gap or so.
pub fn narrow(cs: &[Ch], avail: f32) -> Vec<bool> {
    let n = cs.len();
    let mut out = vec![false; n];
    if n == 0 {
        return out;
    }
    for i in 0..n - 1 {
        out[i] = pair(&cs[i], &cs[i + 1]) && half(&cs[i]) > 0.0;
    }
    let mut over = shape(cs).set() - avail;
    let order = std::iter::once(n - 1).chain((0..n - 1).rev());
    for i in order {
        if over <= EPS {
            break;
        }
        if !out[i] && half(&cs[i]) > 0.0 {
            out[i] = true;
            over -= half(&cs[i]);
        }
    }
    out
}

/// Floats of a line's widths drift by thousandths of a point.
const EPS: f32 = 0.01;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_are_the_half_blank_marks() {
        for c in "，。、；：？！）》」”".chars() {
            assert_eq!(blank_of(c, 1.0), Blank::Right, "{c}");
        }
        for c in "（《「“〔".chars() {
            assert_eq!(blank_of(c, 1.0), Blank::Left, "{c}");
        }
        // Neither dashes nor ellipses nor letters; nor a quote set proportionally.
        for c in "—…～·政a1".chars() {
            assert_eq!(blank_of(c, 1.0), Blank::None, "{c}");
        }
        assert_eq!(blank_of('“', 0.35), Blank::None);
    }
}

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
//! 3. *Inside the line*: then every other blank half on the line gives up the same
//!    share. A line with no blank left to give is broken elsewhere or letter-spaced.
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

/// The blank half of a character in points (0 when it has none).
fn half(c: &Ch) -> f32 {
    if c.blank == Blank::None { 0.0 } else { c.half }
}

/// The blank between `a` and the character `b` after it: `a`'s right half and `b`'s
/// left half.
fn between(a: &Ch, b: &Ch) -> f32 {
    let right = if a.blank == Blank::Right { half(a) } else { 0.0 };
    let left = if b.blank == Blank::Left { half(b) } else { 0.0 };
    right + left
}

/// Whether both characters are compressible marks: the blank between them is a pair's.
fn pair(a: &Ch, b: &Ch) -> bool {
    a.blank != Blank::None && b.blank != Blank::None
}

/// How the characters of one line (`cs`, trailing spaces left out) may be compressed.
pub fn shape(cs: &[Ch]) -> Shape {
    let mut s =
        Shape { natural: cs.iter().map(|c| c.advance).sum(), pairs: 0.0, end: 0.0, inner: 0.0 };
    for w in cs.windows(2) {
        let b = between(&w[0], &w[1]);
        if pair(&w[0], &w[1]) {
            let fixed = b.min(half(&w[0]).max(half(&w[1])));
            s.pairs += fixed;
            s.inner += b - fixed;
        } else {
            s.inner += b;
        }
    }
    if let Some(last) = cs.last()
        && last.blank == Blank::Right
    {
        s.end = half(last);
    }
    s
}

/// How much each character's advance is reduced on a line `avail` wide: the pairs
/// always; when the line is wider than `avail`, the mark at its end and then every other
/// blank, each by the same share of what it has, until the line fits (or no blank is
/// left). A character's reduction takes blank from its right (its own) or from the left
/// half of the character after it, which is then drawn that much further left.
pub fn reductions(cs: &[Ch], avail: f32) -> Vec<f32> {
    let n = cs.len();
    let mut out = vec![0.0f32; n];
    if n == 0 {
        return out;
    }
    let sh = shape(cs);
    let mut over = (sh.set() - avail).max(0.0);
    let end = over.min(sh.end);
    over -= end;
    out[n - 1] = end;
    let share = if sh.inner > 0.0 { (over / sh.inner).min(1.0) } else { 0.0 };
    for i in 0..n - 1 {
        let (a, b) = (&cs[i], &cs[i + 1]);
        let blank = between(a, b);
        let fixed = if pair(a, b) { blank.min(half(a).max(half(b))) } else { 0.0 };
        out[i] = fixed + (blank - fixed) * share;
    }
    out
}

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

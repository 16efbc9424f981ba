//! Setting text: characters to glyphs through the font chain, break opportunities (UAX #14
//! plus the 避头尾 rules of Chinese typesetting), and placing a broken line: punctuation
//! compression ([`squeeze`]) and CJK justification. Where the lines break is
//! [`super::linebreak`]'s.

use std::ops::Range;

use super::EPS;
use super::metrics::Metrics;
use super::squeeze::{self, Blank};
use crate::fonts::{FaceId, MissingGlyph, Role};

pub use super::linebreak::{Line, break_lines};

/// How a piece of text is set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextStyle {
    /// The font role.
    pub role: Role,
    /// Type size in points.
    pub size: f32,
    /// Added to every character's advance, in points (negative to set characters closer:
    /// 3号 body type is set 0.2 pt tight so that 28 characters fill the line).
    pub tracking: f32,
    /// Drawn with a thin outline (level-3 headings: 仿宋 bold).
    pub bold: bool,
    /// Drawn in red (the draft mark).
    pub red: bool,
}

/// Horizontal alignment of a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// Flush left; every line but the last is justified.
    Justify,
    /// Centred.
    Center,
    /// Flush right.
    Right,
}

pub(super) use super::kinsoku::{no_end, no_start};

/// A character ready to be set: its glyph, its face and its advance.
#[derive(Clone, Debug)]
pub struct Ch {
    /// The character.
    pub ch: char,
    /// Where it is in the shaped text, in bytes.
    pub at: usize,
    /// The face that has it.
    pub face: FaceId,
    /// Its glyph in that face.
    pub glyph: u16,
    /// Advance in points, tracking included.
    pub advance: f32,
    /// Whether a line may break before this character.
    pub break_before: bool,
    /// Which half of its box is blank, if it is a full-width punctuation mark that may
    /// be compressed ([`squeeze`]).
    pub blank: Blank,
    /// Half its advance without tracking, in points: what compression may take.
    pub half: f32,
}

impl Ch {
    pub(super) fn is_space(&self) -> bool {
        self.ch == ' ' || self.ch == '\u{3000}'
    }

    /// Latin letters and digits: no justification space goes between two of them.
    fn is_word(&self) -> bool {
        self.ch.is_ascii_alphanumeric() || matches!(self.ch, '.' | ',' | '%' | '-' | '\'')
    }
}

/// Turns text into characters with glyphs and break opportunities.
pub fn shape<M: Metrics + ?Sized>(
    book: &M,
    text: &str,
    style: &TextStyle,
) -> Result<Vec<Ch>, MissingGlyph> {
    let mut breaks = vec![false; text.len() + 1];
    for (at, _) in unicode_linebreak::linebreaks(text) {
        breaks[at] = true;
    }
    curly_quotes_as_brackets(text, &mut breaks);
    let mut out: Vec<Ch> = Vec::with_capacity(text.len() / 3 + 1);
    for (at, c) in text.char_indices() {
        let c = if c.is_control() { ' ' } else { c };
        let (face, glyph, em) = match book.lookup(style.role, c) {
            Ok(g) => g,
            Err(_) if crate::fonts::is_ignorable(c) => continue,
            Err(e) => return Err(e),
        };
        let mut break_before = breaks[at] && !out.is_empty();
        if no_start(c) || out.last().is_some_and(|p| no_end(p.ch)) {
            break_before = false;
        }
        out.push(Ch {
            ch: c,
            at,
            face,
            glyph,
            advance: em * style.size + style.tracking,
            break_before,
            blank: squeeze::blank_of(c, em),
            half: em * style.size / 2.0,
        });
    }
    // Spaces at a break are dropped (trimmed at the end of the line, skipped at the start
    // of the next), so 避头尾 must hold across them: no break next to spaces where the
    // first character after them may not start a line or the last before them may not
    // end one. (UAX #14 sees to it for U+0020 after an opening bracket, not for U+3000,
    // and allows a break after spaces before closing punctuation.)
    for i in 1..out.len() {
        if !out[i].break_before || !(out[i].is_space() || out[i - 1].is_space()) {
            continue;
        }
        let next = out[i..].iter().find(|c| !c.is_space());
        let prev = out[..i].iter().rev().find(|c| !c.is_space());
        if next.is_some_and(|c| no_start(c.ch)) || prev.is_some_and(|c| no_end(c.ch)) {
            out[i].break_before = false;
        }
    }
    Ok(out)
}

/// UAX #14 treats curly quotes as ambiguous (class QU) and allows no break on either
/// side of one, so 「和“12345”政务」 is a single unit seven characters wide. In Chinese
/// text they are brackets (clreq §3.1.7; typst's Chinese segmenter re-classes them
/// the same way): a line may break before an opening quote and after a closing one
/// between wide characters. The 避头尾 rules still keep the quote itself off the wrong
/// end of a line.
fn curly_quotes_as_brackets(text: &str, breaks: &mut [bool]) {
    let wide = |c: char| !c.is_ascii();
    let mut prev: Option<char> = None;
    for (at, c) in text.char_indices() {
        if let Some(p) = prev
            && wide(p)
            && wide(c)
            && ("“‘".contains(c) || "”’".contains(p))
        {
            breaks[at] = true;
        }
        prev = Some(c);
    }
}

/// One glyph placed on a line.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedGlyph {
    /// Glyph id in the run's face.
    pub id: u16,
    /// Advance in points (justification included).
    pub advance: f32,
    /// The bytes of the run's text this glyph stands for.
    pub range: Range<usize>,
    /// A compressed punctuation mark ([`squeeze`]): its blank right half is not set, and
    /// the PDF declares the glyph half as wide.
    pub narrow: bool,
}

/// A run of glyphs in one face, positioned relative to its line.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    /// Offset of the run's start from the left of the line box, in points.
    pub x: f32,
    /// The face.
    pub face: FaceId,
    /// The text the glyphs stand for (what a PDF reader extracts).
    pub text: String,
    /// The glyphs.
    pub glyphs: Vec<PlacedGlyph>,
}

/// Places the characters of `line` in a box `avail` wide starting `indent` in from the
/// left, and returns the runs (one per face). Punctuation is compressed as
/// [`squeeze::reductions`] says (adjacent marks always; the line's marks when it is
/// wider than `avail`); a justified line still short of `avail` is letter-spaced.
pub fn place(chars: &[Ch], line: &Line, indent: f32, avail: f32, align: Align) -> Vec<Run> {
    let cs = &chars[line.range.clone()];
    let narrow = squeeze::narrow(cs, avail);
    let cut: Vec<f32> =
        cs.iter().zip(&narrow).map(|(c, n)| if *n { c.half } else { 0.0 }).collect();
    let set: f32 = cs.iter().zip(&cut).map(|(c, r)| c.advance - r).sum();
    let slack = (avail - set).max(0.0);
    let mut extra: Vec<f32> = cut.iter().map(|r| -r).collect();
    let mut x = indent;
    match align {
        Align::Justify if !line.last && slack > EPS => {
            let gaps: Vec<usize> = (0..cs.len().saturating_sub(1))
                .filter(|&i| !(cs[i].is_word() && cs[i + 1].is_word()))
                .collect();
            if !gaps.is_empty() {
                let each = slack / gaps.len() as f32;
                for i in gaps {
                    extra[i] += each;
                }
            }
        }
        Align::Justify => {}
        Align::Center => x += slack / 2.0,
        Align::Right => x += slack,
    }
    let mut runs: Vec<Run> = Vec::new();
    for ((c, e), narrow) in cs.iter().zip(extra).zip(narrow) {
        let advance = c.advance + e;
        match runs.last_mut() {
            Some(run) if run.face == c.face => {
                let at = run.text.len();
                run.text.push(c.ch);
                let range = at..run.text.len();
                run.glyphs.push(PlacedGlyph { id: c.glyph, advance, range, narrow });
            }
            _ => {
                let text = c.ch.to_string();
                let range = 0..text.len();
                runs.push(Run {
                    x,
                    face: c.face,
                    text,
                    glyphs: vec![PlacedGlyph { id: c.glyph, advance, range, narrow }],
                });
            }
        }
        x += advance;
    }
    runs
}

/// Width of shaped text on one line.
pub fn width(chars: &[Ch]) -> f32 {
    chars.iter().map(|c| c.advance).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::tests::FixedBook;

    fn body() -> TextStyle {
        TextStyle { role: Role::Body, size: 16.0, tracking: 0.0, bold: false, red: false }
    }

    fn lines_of(text: &str, chars_per_line: f32) -> Vec<String> {
        let cs = shape(&FixedBook, text, &body()).unwrap();
        break_lines(&cs, 16.0 * chars_per_line, 16.0 * chars_per_line)
            .iter()
            .map(|l| cs[l.range.clone()].iter().map(|c| c.ch).collect())
            .collect()
    }

    // clreq's basic level, beyond CSS `line-break: strict`: connectors, dashes and the
    // full-width slash never start a line, slashes never end one, and 「——」 is never
    // split, at whatever width the text is set.
    #[test]
    fn connectors_dashes_and_slashes_stay_with_their_neighbours() {
        let texts = [
            "本局编制了国土空间总体规划（2021—2035年）并公开征求意见",
            "依申请公开一般在3～5个工作日内答复申请人",
            "收费标准按件/次计算并在网站公布",
            "本年度未发生此类情况——全部依法答复",
            "按照2021⸺2025年规划推进公开工作",
        ];
        for text in texts {
            // From 8 characters a line on, the longest unbreakable run fits on a line
            // (narrower, a run is broken wherever it must be).
            for width in 8..24 {
                let lines = lines_of(text, width as f32);
                assert_eq!(lines.concat(), text, "{text} at {width}");
                for (i, l) in lines.iter().enumerate() {
                    let first = l.chars().next().unwrap();
                    let last = l.chars().last().unwrap();
                    if i > 0 {
                        assert!(!"～—⸺／".contains(first), "{lines:?}");
                    }
                    if i + 1 < lines.len() {
                        assert!(!"/／".contains(last), "{lines:?}");
                    }
                }
                assert!(!lines.windows(2).any(|w| w[0].ends_with('—') && w[1].starts_with('—')));
            }
        }
    }

    #[test]
    fn closing_punctuation_never_starts_a_line() {
        // Ten characters a line: the comma would fall at the start of line 2.
        let lines = lines_of("一二三四五六七八九十，一二三四五六七八九十。", 10.0);
        assert_eq!(lines, ["一二三四五六七八九", "十，一二三四五六七八", "九十。"]);
        for l in &lines[1..] {
            assert!(!no_start(l.chars().next().unwrap()), "{lines:?}");
        }
    }

    #[test]
    fn opening_brackets_never_end_a_line() {
        let lines = lines_of("一二三四五六七八九《条例》规定", 10.0);
        assert_eq!(lines[0], "一二三四五六七八九");
        assert!(lines[1].starts_with('《'));
    }

    #[test]
    fn punctuation_rules_hold_across_spaces() {
        // An ideographic space after an opening bracket: the break after the space would
        // leave the bracket at the end of the line.
        let lines = lines_of("一二三四五六七八（\u{3000}九十一二", 10.0);
        assert_eq!(lines, ["一二三四五六七八", "（\u{3000}九十一二"]);
        // Spaces before a closing bracket: the break before the second space would start
        // the next line with the bracket once the spaces are skipped.
        let lines = lines_of("一二三四五六七八九 \u{3000}）十", 10.0);
        assert_eq!(lines, ["一二三四五六七八", "九 \u{3000}）十"]);
    }

    #[test]
    fn a_line_may_break_before_an_opening_and_after_a_closing_quote() {
        // UAX #14 alone keeps 「和“12345”政」 together and would end the first line at 箱.
        let lines = lines_of("一二三四五六七八九和“12345”政务服务热线", 10.0);
        assert_eq!(lines[0], "一二三四五六七八九和");
        let lines = lines_of("一二三四“一二三”四五六七八", 9.0);
        assert_eq!(lines[0], "一二三四“一二三”");
        // Never the quote alone at the wrong end.
        let lines = lines_of("一二三四五六七八九“十一”", 10.0);
        assert!(!lines[0].ends_with('“'), "{lines:?}");
    }

    #[test]
    fn numbers_stay_whole() {
        let lines = lines_of("一二三四五六七八共计12345件申请", 10.0);
        assert!(lines.iter().any(|l| l.contains("12345")), "{lines:?}");
    }

    #[test]
    fn no_lone_character_on_the_last_line() {
        let lines = lines_of("一二三四五六七八九十一二三四五六七八九十年", 10.0);
        assert!(lines.last().unwrap().chars().count() >= 2, "{lines:?}");
        let lines = lines_of("一二三四五六七八九十一二三四五六七八九十。", 10.0);
        assert!(lines.last().unwrap().chars().count() >= 2, "{lines:?}");
    }

    #[test]
    fn justified_lines_fill_the_measure() {
        let cs =
            shape(&FixedBook, "本机关2024年共收到申请，一二三四五六七八九十一二三四五六", &body())
                .unwrap();
        let lines = break_lines(&cs, 160.0, 160.0);
        let runs = place(&cs, &lines[0], 0.0, 160.0, Align::Justify);
        let w: f32 = runs.iter().flat_map(|r| &r.glyphs).map(|g| g.advance).sum();
        assert!((w - 160.0).abs() < 0.05, "{w}");
        let last = place(&cs, lines.last().unwrap(), 0.0, 160.0, Align::Justify);
        let w: f32 = last.iter().flat_map(|r| &r.glyphs).map(|g| g.advance).sum();
        assert!(w < 160.0 - 1.0);
    }
}

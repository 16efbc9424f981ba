//! Where a line may not start or end (避头尾): the classes of Chinese line breaking, as
//! data, with where each comes from. UAX #14 (`unicode-linebreak`) gives the break
//! opportunities; these classes take some away.
//!
//! Sources:
//! - W3C, *Requirements for Chinese Text Layout* (clreq), §3.1.7 "Prohibition Rules for
//!   Line Start and Line End": closing brackets, the pause and stop marks and the
//!   middle dot may not start a line; opening brackets may not end one; the dash, the
//!   ellipsis and the connectors may not be split or start a line.
//! - GB/T 15834-2011 《标点符号用法》 §5.1.7–5.1.9 and Appendix B: 连接号（—、～）and
//!   间隔号 do not start a line; the two-em dash 「——」 and the ellipsis 「……」 are not
//!   split across lines.
//! - CSS Text Level 3, `line-break: strict`: the small kana and the iteration marks
//!   (kept here for Japanese names and quotations).

/// Closing punctuation and marks that belong to what precedes them: never at a line's
/// start (clreq §3.1.7; GB/T 15834 §5.1.7).
pub const CLOSING: &str = "，。、；：？！）》」』”’〕】〉〗｝］…‥·・%‰℃°,.;:?!)]}";

/// Connectors and dashes that join what is on both sides: 「～」「〜」 (range, as in
/// 「3～5个」), the dash 「—」 (also each half of 「——」, which must not be split), the
/// two- and three-em dashes and the full-width slash: never at a line's start
/// (GB/T 15834 §5.1.8–5.1.9; clreq §3.1.7).
pub const CONNECTORS: &str = "～〜—―⸺⸻／";

/// Marks of Japanese text that CSS `line-break: strict` keeps off a line's start.
pub const SMALL_KANA: &str = "々〻ゝゞヽヾーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ";

/// Opening punctuation: never at a line's end (clreq §3.1.7).
pub const OPENING: &str = "（《「『“‘〔【〈〖｛［·([{";

/// Slashes that join what is on both sides (「按件/次」): never at a line's end
/// (clreq §3.1.7; the half-width slash is as common in reports as the full-width one).
pub const SLASHES: &str = "/／";

/// Whether `c` may not start a line. Han characters and ASCII letters and digits take
/// the fast path.
pub fn no_start(c: char) -> bool {
    if c.is_ascii_alphanumeric() || ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        return false;
    }
    CLOSING.contains(c) || CONNECTORS.contains(c) || SMALL_KANA.contains(c)
}

/// Whether `c` may not end a line.
pub fn no_end(c: char) -> bool {
    if c.is_ascii_alphanumeric() || ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        return false;
    }
    OPENING.contains(c) || SLASHES.contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_class_is_kept_off_its_end_of_the_line() {
        for c in "，。、；：？！）》」”…%".chars() {
            assert!(no_start(c) && !no_end(c), "{c}");
        }
        // 「（2021—2035年）」, 「3～5个工作日」, 「——」 and 「⸺」: the connector stays with
        // what precedes it.
        for c in "～〜—⸺／".chars() {
            assert!(no_start(c), "{c}");
        }
        for c in "（《「“/／".chars() {
            assert!(no_end(c) && !no_start(c) || c == '／', "{c}");
        }
        assert!(no_end('／') && no_start('／'));
        for c in "政府2024aA".chars() {
            assert!(!no_start(c) && !no_end(c), "{c}");
        }
    }
}

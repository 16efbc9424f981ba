//! Table labels that break between their words in Word and LibreOffice.
//!
//! Word processors break Chinese between any two characters, so a narrow label column
//! prints 「三、本/年度办/理结果」. The labels whose words the catalogue knows
//! ([`crate::format::words`]) are set here in lines of whole words, as the PDF sets them
//! — as few lines as the column needs, as even as they can be — and the lines are
//! written with explicit line breaks. Widths are estimated ([`crate::doc::estimated_width`]),
//! as the writer has no font metrics; a line that still does not fit is wrapped by the
//! word processor.

use crate::format::words;
use crate::units::Pt;

/// Cell margin on each side, in twips (the table's `w:tblCellMar`).
pub(super) const CELL_MARGIN: u32 = 57;

/// The lines of `text` in a cell `width` twips wide at `size`, when the label breaks at
/// its words and needs more than one line; `None` otherwise.
pub(super) fn lines(text: &str, width: u32, size: Pt) -> Option<Vec<String>> {
    let words = words::words(text)?;
    let em = crate::doc::estimated_width;
    // Measure in ems, with a little room for the word processor's rounding.
    let avail = (width.saturating_sub(2 * CELL_MARGIN) as f32 / 20.0) / size.0 - 0.1;
    let fill = |cap: f32| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut line = String::new();
        for w in &words {
            if !line.is_empty() && em(&line) + em(w) > cap {
                out.push(std::mem::take(&mut line));
            }
            line.push_str(w);
        }
        out.push(line);
        out
    };
    let greedy = fill(avail);
    if greedy.len() < 2 {
        return None;
    }
    // The narrowest width that needs no more lines: the lines come out even.
    let widest_word = words.iter().map(|w| em(w)).fold(0.0, f32::max);
    let mut cap = widest_word;
    while cap < avail && fill(cap).len() > greedy.len() {
        cap += 0.5;
    }
    Some(fill(cap.min(avail)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_break_between_words_and_evenly() {
        // The labels as the catalogue writes them.
        let label = |start: &str| {
            words::SEGMENTED.iter().find(|s| s.starts_with(start)).unwrap().replace('|', "")
        };
        let (results, refused, new) = (label("三、"), label("（三）"), label("一、"));
        let three = 20 * 3 * 12 + 2 * CELL_MARGIN + 40;
        assert_eq!(lines(&results, three, Pt(12.0)).unwrap(), ["三、", "本年度", "办理", "结果"]);
        assert_eq!(lines(&refused, three, Pt(12.0)).unwrap(), ["（三）", "不予", "公开"]);
        let eight = 20 * 8 * 12 + 2 * CELL_MARGIN + 40;
        assert_eq!(lines(&new, eight, Pt(12.0)).unwrap(), ["一、本年新收政府", "信息公开申请数量"]);
        // One line is enough, or the label has no known words: the word processor sets it.
        assert_eq!(lines(&refused, eight, Pt(12.0)), None);
        assert_eq!(lines("某个不在目录里的标签", three, Pt(12.0)), None);
    }
}

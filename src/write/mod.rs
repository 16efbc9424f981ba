//! Writing: a [`crate::doc::Document`] (and, for PDF, its [`crate::layout`]; for HTML and
//! DOCX, the marks the layout sets half width, [`crate::layout::Narrowed`]) → bytes.
//!
//! Writers only walk what they are given; they decide nothing about the content.

pub mod docx;
mod hash;
pub mod html;
pub mod pdf;

/// Escapes text for HTML or XML element content and attribute values; characters XML
/// does not allow are dropped.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Characters XML 1.0 does not allow are dropped rather than written.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            '\u{fffe}' | '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// `text` in pieces around the marks at the byte offsets `marks` (ascending): runs of
/// plain text, and each mark alone, flagged — the marks the HTML and DOCX set half width.
pub(crate) fn pieces<'a>(text: &'a str, marks: &[usize]) -> Vec<(&'a str, bool)> {
    let mut out = Vec::with_capacity(2 * marks.len() + 1);
    let mut from = 0;
    for &at in marks {
        let Some(c) = text.get(at..).and_then(|t| t.chars().next()) else { continue };
        if at < from {
            continue;
        }
        if at > from {
            out.push((&text[from..at], false));
        }
        let end = at + c.len_utf8();
        out.push((&text[at..end], true));
        from = end;
    }
    if from < text.len() || out.is_empty() {
        out.push((&text[from..], false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::pieces;

    #[test]
    fn pieces_cut_out_each_mark() {
        let t = "《条例》（以下简称，";
        let marks = [t.find('》').unwrap(), t.find('，').unwrap()];
        assert_eq!(
            pieces(t, &marks),
            [("《条例", false), ("》", true), ("（以下简称", false), ("，", true)]
        );
        assert_eq!(pieces("", &[]), [("", false)]);
        // Offsets off a character boundary or out of order are skipped, never split.
        assert_eq!(pieces("甲乙", &[1, 3, 0]), [("甲", false), ("乙", true)]);
    }
}

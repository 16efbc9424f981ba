//! Labels as published: the same official label typed with full- or half-width
//! punctuation, spaces inside (「自 然 人」), curly or straight quotes, 、 or ， — compared
//! by their letters, digits and Han characters alone.

/// The key a label is compared by: every letter, digit and Han character, in order,
/// full-width forms folded to ASCII; punctuation, quotes and white space dropped.
pub fn key(text: &str) -> String {
    text.chars().filter_map(fold).filter(|c| c.is_alphanumeric()).collect()
}

/// A full-width ASCII form (Ａ, １) as its ASCII letter or digit.
fn fold(c: char) -> Option<char> {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
        _ => Some(c),
    }
}

/// The label without a trailing parenthetical note: 「（二）部分公开（区分处理的…）」 →
/// 「（二）部分公开」, compared by [`key`].
pub fn key_without_note(text: &str) -> String {
    let t = text.trim_end();
    let stripped = match t.chars().next_back() {
        Some('）' | ')') => match t.rfind(['（', '(']) {
            Some(i) if i > 0 => &t[..i],
            _ => t,
        },
        _ => t,
    };
    key(stripped)
}

/// The text with runs of white space (ideographic spaces included) made one space, and
/// trimmed.
pub fn squeeze(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() || c == '\u{3000}' || c == '\u{A0}' {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compares_labels_by_their_characters() {
        let rows = crate::format::f2021::SPEC.applications;
        for r in rows {
            let half = r.label.replace('（', "(").replace('）', ")").replace(['“', '”'], "\"");
            assert_eq!(key(r.label), key(&half), "{}", r.label);
            let wide: String = r
                .label
                .chars()
                .map(|c| match c {
                    '0'..='9' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
                    '.' => '．',
                    _ => c,
                })
                .collect();
            assert_eq!(key(r.label), key(&wide), "{}", r.label);
        }
        let natural = crate::format::common::APP_COLUMNS[0].0;
        let spaced: Vec<String> = natural.chars().map(String::from).collect();
        assert_eq!(key(&spaced.join(" ")), key(natural));
        let total = rows.iter().find(|r| r.kind == crate::format::RowKind::Total).map(|r| r.label);
        assert_ne!(total.map(key), Some(key("总计")));
        assert_eq!(
            key_without_note("（二）部分公开（区分处理的，只计这一情形）"),
            key("（二）部分公开")
        );
        assert_eq!(squeeze(" 2022年\u{3000}1月  x  y "), "2022年 1月 x y");
    }
}

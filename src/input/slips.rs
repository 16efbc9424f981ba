//! Slips of a Chinese input method, found before the YAML parser sees them: a full-width
//! colon after a key, full-width spaces as indentation, full-width commas and digits in
//! a table row, two commas with nothing between them. The parser would report the first
//! one in English, sometimes at the wrong line; these are all reported at once, in
//! Chinese, each at its place.

use crate::diag::Diagnostic;
use crate::source::{SourceFile, Span};

/// A YAML key at the start of a line (after indentation and an optional `- `): ASCII
/// letters, digits and underscores. Narrative text never matches, so a colon or a comma
/// in Chinese prose is never taken for a slip.
fn key_at(line: &str) -> Option<(usize, &str)> {
    let body = line.trim_start_matches([' ', '\u{3000}']);
    let body = body.strip_prefix("- ").unwrap_or(body);
    let start = line.len() - body.len();
    let n = body.bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'_').count();
    (n > 0 && body.as_bytes()[0].is_ascii_alphabetic()).then(|| (start, &body[..n]))
}

/// The ASCII digit for a full-width one.
fn half(c: char) -> Option<char> {
    ('０'..='９').contains(&c).then(|| char::from(b'0' + (c as u32 - '０' as u32) as u8))
}

/// Every slip in the file.
pub(crate) fn find(file: &SourceFile) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut offset = 0;
    // The previous key line: its indentation, and whether its value is on the line (then
    // the next key is its sibling or an ancestor's, never one space deeper or shallower).
    let mut prev: Option<(usize, bool)> = None;
    for line in file.text.split_inclusive('\n') {
        let text = line.trim_end_matches(['\n', '\r']);
        let at = |i: usize, len: usize| Span::new(offset + i, offset + i + len);
        // Comments are the user's own words.
        let code = match text.find(" #") {
            Some(i) => &text[..i],
            None if text.trim_start().starts_with('#') => "",
            None => text,
        };
        if let Some((start, key)) = key_at(code) {
            let indent = &code[..start];
            let dash = code.trim_start_matches([' ', '\u{3000}']).starts_with("- ");
            let width = indent.len();
            if !dash
                && !indent.contains('\u{3000}')
                && let Some((p, valued)) = prev
                && valued
                && width.abs_diff(p) == 1
            {
                out.push(
                    Diagnostic::error(format!(
                        "键 `{key}` 的缩进比上一行{}了一个空格：同一层的键要对齐",
                        if width > p { "多" } else { "少" }
                    ))
                    .at(at(0, width.max(1)), "")
                    .help(format!("这一行开头应有 {p} 个空格")),
                );
            }
            let rest = code[start + key.len()..].trim_start_matches(':').trim();
            prev = Some((if dash { usize::MAX / 2 } else { width }, !rest.is_empty() && !dash));
            if let Some(i) = indent.find('\u{3000}') {
                out.push(
                    Diagnostic::error("缩进里有全角空格「　」：YAML 的缩进只能用半角空格")
                        .at(at(i, '\u{3000}'.len_utf8()), "")
                        .help("把这一行开头的全角空格换成半角空格（输入法切换到半角）"),
                );
            }
            let after = &code[start + key.len()..];
            let after_at = start + key.len();
            if after.starts_with('：') {
                out.push(
                    Diagnostic::error(format!(
                        "键 `{key}` 后面是全角冒号「：」：请改为半角冒号加一个空格「: 」"
                    ))
                    .at(at(after_at, '：'.len_utf8()), "")
                    .help(format!("写作 {key}: 值")),
                );
            } else if let Some(value) = after.strip_prefix(':') {
                let value_at = after_at + 1;
                value_slips(value, value_at, &at, &mut out);
            }
        }
        offset += line.len();
    }
    out
}

/// Slips in a value: full-width commas and digits, empty list entries.
fn value_slips(
    value: &str,
    value_at: usize,
    at: &dyn Fn(usize, usize) -> Span,
    out: &mut Vec<Diagnostic>,
) {
    let v = value.trim_start();
    let v_at = value_at + (value.len() - v.len());
    let is_list = v.starts_with('[');
    let is_number_like = v.chars().next().is_some_and(|c| half(c).is_some());
    if !is_list && !is_number_like {
        return;
    }
    if is_list {
        if let Some(i) = v.find('，') {
            out.push(
                Diagnostic::error("列表里用了全角逗号「，」：请改为半角逗号「,」")
                    .at(at(v_at + i, '，'.len_utf8()), "")
                    .help("输入法切换到半角（英文标点）后再输入逗号"),
            );
        }
        thousands(v, v_at, at, out);
        let inner = v.trim_start_matches('[');
        let inner_at = v_at + (v.len() - inner.len());
        let mut prev_comma: Option<usize> =
            if inner.trim_start().starts_with(',') { Some(0) } else { None };
        for (i, c) in inner.char_indices() {
            match c {
                ',' => {
                    if let Some(p) = prev_comma
                        && inner[p..i].trim_matches([',', ' ']).is_empty()
                        && (p > 0 || i == inner.len() - inner.trim_start().len())
                    {
                        out.push(
                            Diagnostic::error(
                                "列表里两个逗号之间是空的：每一格都要写数字，没有的请填 0",
                            )
                            .at(at(inner_at + i, 1), ""),
                        );
                    }
                    prev_comma = Some(i);
                }
                ' ' => {}
                ']' => break,
                _ => prev_comma = None,
            }
        }
    }
    let digits: Vec<(usize, char)> = v.char_indices().filter(|(_, c)| half(*c).is_some()).collect();
    if let (Some(&(first, _)), Some(&(last, c))) = (digits.first(), digits.last()) {
        let written: String = v[first..last + c.len_utf8()].to_string();
        let plain: String = written.chars().map(|c| half(c).unwrap_or(c)).collect();
        out.push(
            Diagnostic::error(format!("数字「{written}」是全角的：请改为半角数字 {plain}"))
                .at(at(v_at + first, last + c.len_utf8() - first), "")
                .help("输入法切换到半角（英文）后再输入数字"),
        );
    }
}

/// A thousands separator inside a list whose items are separated by 「, 」: 「[1,234, 9]」
/// reads as three numbers, 1, 234 and 9, and shifts every column after it.
fn thousands(v: &str, v_at: usize, at: &dyn Fn(usize, usize) -> Span, out: &mut Vec<Diagnostic>) {
    let list = v.split(']').next().unwrap_or(v);
    if !list.contains(", ") {
        return;
    }
    let b = list.as_bytes();
    for i in 1..b.len().saturating_sub(3) {
        let three = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        let after = b.get(i + 1 + three).copied();
        if b[i] == b','
            && b[i - 1].is_ascii_digit()
            && three == 3
            && matches!(after, Some(b',' | b' ' | b']') | None)
        {
            let start = list[..i].rfind(|c: char| !c.is_ascii_digit()).map_or(0, |s| s + 1);
            let written = &list[start..i + 4];
            out.push(
                Diagnostic::error(format!(
                    "「{written}」里的逗号像是千位分隔符：在列表里它会把一个数拆成两格，后面各列都错位"
                ))
                .at(at(v_at + start, written.len()), "")
                .help(format!("写作 {}，数字里不要用分隔符", written.replace(',', ""))),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(text: &str) -> Vec<String> {
        let f = SourceFile::new("x.yaml", text.to_owned());
        find(&f)
            .into_iter()
            .map(|d| {
                let lc = f.line_col(d.primary.unwrap().span.start);
                format!("{}:{} {}", lc.line, lc.column, d.message)
            })
            .collect()
    }

    #[test]
    fn slips_are_named_at_their_place() {
        let m = messages(
            "year: 2024\nproactive:\n  penalty：312\n\u{3000}\u{3000}licensing: 5\n  regulations: [34，9, 0]\n  coercion: ５７\n  fees: [34, 9, , 1]\n  granted: [1,234, 9, 0]\n  other: [0,0,0]\n",
        );
        assert_eq!(m.len(), 6, "{m:#?}");
        assert!(m[5].contains("「1,234」里的逗号像是千位分隔符"), "{}", m[5]);
        assert!(m[0].starts_with("3:10 键 `penalty` 后面是全角冒号"), "{}", m[0]);
        assert!(m[1].starts_with("4:1 缩进里有全角空格"), "{}", m[1]);
        assert!(m[2].starts_with("5:19 列表里用了全角逗号"), "{}", m[2]);
        assert!(m[3].contains("「５７」是全角的：请改为半角数字 57"), "{}", m[3]);
        assert!(m[4].starts_with("7:17 列表里两个逗号之间是空的"), "{}", m[4]);
    }

    #[test]
    fn prose_is_left_alone() {
        let m = messages(
            "overview:\n  - 本局：依法公开，做到应公开尽公开。\n  - heading: 主动公开\n    content: |\n      　　全年公开信息５７条，其中：规章３件。\n# 注释：全角，随便写\n",
        );
        assert!(m.is_empty(), "{m:#?}");
    }
}

//! The text of a simple font's one-byte codes when it has no `ToUnicode` CMap: the
//! base encoding (WinAnsi, which for printable codes is close to Latin-1, serves for
//! the standard and Mac encodings too) and the `/Differences`, read by glyph name.
//! Chinese text always needs a `ToUnicode` CMap; this covers Latin letters and digits.

use hayro_syntax::object::{Dict, Name, Object};

/// Glyph names of the printable ASCII characters, from U+0020 on (Adobe Glyph List).
const ASCII_NAMES: [&str; 95] = [
    "space",
    "exclam",
    "quotedbl",
    "numbersign",
    "dollar",
    "percent",
    "ampersand",
    "quotesingle",
    "parenleft",
    "parenright",
    "asterisk",
    "plus",
    "comma",
    "hyphen",
    "period",
    "slash",
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "colon",
    "semicolon",
    "less",
    "equal",
    "greater",
    "question",
    "at",
    "A",
    "B",
    "C",
    "D",
    "E",
    "F",
    "G",
    "H",
    "I",
    "J",
    "K",
    "L",
    "M",
    "N",
    "O",
    "P",
    "Q",
    "R",
    "S",
    "T",
    "U",
    "V",
    "W",
    "X",
    "Y",
    "Z",
    "bracketleft",
    "backslash",
    "bracketright",
    "asciicircum",
    "underscore",
    "grave",
    "a",
    "b",
    "c",
    "d",
    "e",
    "f",
    "g",
    "h",
    "i",
    "j",
    "k",
    "l",
    "m",
    "n",
    "o",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "v",
    "w",
    "x",
    "y",
    "z",
    "braceleft",
    "bar",
    "braceright",
    "asciitilde",
];

/// WinAnsi's codes 0x80–0x9F (PDF 32000-1 Annex D.2), where it differs from Latin-1.
const WIN_ANSI_80: [char; 32] = [
    '€', '\u{FFFD}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{FFFD}', 'Ž',
    '\u{FFFD}', '\u{FFFD}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{FFFD}',
    'ž', 'Ÿ',
];

/// The 256 codes of a simple font with this `/Encoding` entry.
pub(super) fn simple(encoding: Option<Object<'_>>) -> Box<[Option<char>; 256]> {
    let mut table = Box::new([None; 256]);
    for (code, slot) in table.iter_mut().enumerate() {
        *slot = match code {
            0x20..=0x7E => Some(code as u8 as char),
            0x80..=0x9F => Some(WIN_ANSI_80[code - 0x80]).filter(|&c| c != '\u{FFFD}'),
            0xA0..=0xFF => char::from_u32(code as u32),
            _ => None,
        };
    }
    if let Some(Object::Dict(dict)) = encoding {
        differences(&dict, &mut table);
    }
    table
}

/// Applies `/Differences [code name name … code name …]`.
fn differences(dict: &Dict<'_>, table: &mut [Option<char>; 256]) {
    let Some(diffs) = dict.get::<hayro_syntax::object::Array<'_>>(b"Differences") else { return };
    let mut code: usize = 0;
    for item in diffs.iter::<Object<'_>>().take(4096) {
        match item {
            Object::Number(n) => code = n.as_i64().clamp(0, 256) as usize,
            Object::Name(name) => {
                if let Some(slot) = table.get_mut(code) {
                    *slot = glyph(&name);
                }
                code += 1;
            }
            _ => {}
        }
    }
}

/// The character of a glyph name: `uniXXXX`, `uXXXX`, the ASCII names, or none.
fn glyph(name: &Name<'_>) -> Option<char> {
    let n = name.as_str();
    let n = n.split('.').next().unwrap_or(n);
    if let Some(hex) = n.strip_prefix("uni").filter(|h| h.len() == 4) {
        return u32::from_str_radix(hex, 16).ok().and_then(char::from_u32);
    }
    if let Some(hex) = n.strip_prefix('u').filter(|h| (4..=6).contains(&h.len()))
        && let Some(c) = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
    {
        return Some(c);
    }
    ASCII_NAMES.iter().position(|&a| a == n).map(|i| (0x20 + i as u8) as char)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_names() {
        let n = |s: &'static str| glyph(&Name::new_unescaped(s.as_bytes()));
        assert_eq!(n("uni4E2D"), Some('中'));
        assert_eq!(n("zero"), Some('0'));
        assert_eq!(n("A.sc"), Some('A'));
        assert_eq!(n("g123"), None);
    }

    #[test]
    fn win_ansi_without_differences() {
        let t = simple(None);
        assert_eq!(t[b'A' as usize], Some('A'));
        assert_eq!(t[0x93], Some('“'));
        assert_eq!(t[0x10], None);
    }
}

//! A PDF font as far as reading text needs it: how a string splits into character
//! codes, each code's Unicode text (the `ToUnicode` CMap first, then the encoding, or
//! the embedded TrueType program's own `cmap`) and its advance width. Glyph outlines
//! are never read.

use hayro_cmap::{BfString, CMap};
use hayro_syntax::object::{Array, Dict, Name, Object, Stream};

use super::glyphs::GlyphText;
use super::stream::decode;
use super::{encoding, variants};

/// How a font's strings split into character codes.
enum Coding {
    /// One byte a code (simple fonts: Type 1, TrueType, Type 3).
    OneByte,
    /// Two bytes a code, the code being the CID (`Identity-H`, `Identity-V`).
    Identity,
    /// Two bytes a code, the code being Unicode (the predefined `Uni…-UCS2-…` and
    /// `Uni…-UTF16-…` CMaps).
    Ucs2,
    /// One byte below 0x80, two bytes from it (the predefined EUC-style CMaps such as
    /// `GBK-EUC-H`, whose tables nianbao does not carry).
    Euc,
    /// An embedded CMap: the code is as long as the first range it matches.
    Embedded(Box<CMap>),
}

/// Advance widths, in thousandths of text space unless [`Font::scale`] says otherwise.
enum Widths {
    /// `/FirstChar` and `/Widths` of a simple font.
    Simple { first: u32, widths: Vec<f64>, missing: f64 },
    /// `/W` of a CID font: sorted, non-overlapping `(first, last, width)` ranges.
    Cid { ranges: Vec<(u32, u32, f64)>, default: f64 },
}

/// One font of a page's resources.
pub(super) struct Font {
    coding: Coding,
    to_unicode: Option<CMap>,
    /// The text of each one-byte code from the font's `/Encoding` (simple fonts).
    simple: Option<Box<[Option<char>; 256]>>,
    /// The text of each CID from the embedded TrueType program, for a CID font without
    /// `ToUnicode`.
    glyphs: Option<GlyphText>,
    widths: Widths,
    /// Glyph space to text space (1/1000, or a Type 3 font's `/FontMatrix`).
    scale: f64,
    /// Tells typefaces apart within one document (a heading's from the body's); 0 for
    /// a font without a name.
    pub id: u32,
}

/// One character code of a shown string.
pub(super) struct Code {
    pub code: u32,
    /// Whether it is the single-byte code 32, to which word spacing (`Tw`) applies.
    pub word_space: bool,
}

impl Font {
    /// Reads a font dictionary. Never fails: what cannot be read falls back to the
    /// defaults, and the text of such a font comes out as U+FFFD.
    pub(super) fn new(dict: &Dict<'_>, id: u32) -> Font {
        let subtype = dict.get::<Name<'_>>(b"Subtype");
        let to_unicode = dict
            .get::<Stream<'_>>(b"ToUnicode")
            .and_then(|s| decode(&s))
            .and_then(|d| CMap::parse(&d, |_| None));
        if subtype.as_deref() == Some(b"Type0".as_slice()) {
            let coding = match dict.get::<Object<'_>>(b"Encoding") {
                Some(Object::Name(n)) => predefined(&n),
                Some(Object::Stream(s)) => decode(&s)
                    .and_then(|d| CMap::parse(&d, |_| None))
                    .map_or(Coding::Identity, |c| Coding::Embedded(Box::new(c))),
                _ => Coding::Identity,
            };
            let descendant =
                dict.get::<Array<'_>>(b"DescendantFonts").and_then(|a| a.iter::<Dict<'_>>().next());
            let widths = descendant
                .as_ref()
                .map_or(Widths::Cid { ranges: Vec::new(), default: 1000.0 }, cid_widths);
            let glyphs = match (&to_unicode, &coding, &descendant) {
                (None, Coding::Identity, Some(d)) => GlyphText::new(d),
                _ => None,
            };
            return Font { coding, to_unicode, simple: None, glyphs, widths, scale: 0.001, id };
        }
        let scale = if subtype.as_deref() == Some(b"Type3".as_slice()) {
            dict.get::<[f64; 6]>(b"FontMatrix").map_or(0.001, |m| m[0].abs()).clamp(1e-6, 1.0)
        } else {
            0.001
        };
        let missing = dict
            .get::<Dict<'_>>(b"FontDescriptor")
            .and_then(|d| d.get::<f64>(b"MissingWidth"))
            .unwrap_or(0.0);
        let widths = match dict.get::<Array<'_>>(b"Widths") {
            Some(w) => Widths::Simple {
                first: dict.get::<u32>(b"FirstChar").unwrap_or(0).min(255),
                widths: w.iter::<f64>().take(256).collect(),
                missing,
            },
            // The standard 14 fonts come without widths: half an em is near enough
            // for Latin letters and digits.
            None => Widths::Simple { first: 0, widths: Vec::new(), missing: 500.0 },
        };
        let simple = Some(encoding::simple(dict.get::<Object<'_>>(b"Encoding")));
        Font { coding: Coding::OneByte, to_unicode, simple, glyphs: None, widths, scale, id }
    }

    /// Splits a shown string into its character codes.
    pub(super) fn codes(&self, bytes: &[u8]) -> Vec<Code> {
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            let len = match &self.coding {
                Coding::OneByte => 1,
                Coding::Identity | Coding::Ucs2 => 2,
                Coding::Euc => {
                    if bytes[i] < 0x80 {
                        1
                    } else {
                        2
                    }
                }
                Coding::Embedded(cmap) => (1..=4)
                    .find(|&n| {
                        i + n <= bytes.len()
                            && cmap.lookup_cid_code(be(&bytes[i..i + n]), n as u8).is_some()
                    })
                    .unwrap_or(1),
            };
            let end = (i + len).min(bytes.len());
            out.push(Code { code: be(&bytes[i..end]), word_space: len == 1 && bytes[i] == b' ' });
            i = end;
        }
        out
    }

    /// The text a code stands for (look-alikes read as what they stand for, see
    /// [`variants`]);
    /// U+FFFD when the font does not say.
    pub(super) fn text(&self, code: u32) -> String {
        self.raw_text(code).chars().map(variants::canonical).collect()
    }

    fn raw_text(&self, code: u32) -> String {
        if let Some(cmap) = &self.to_unicode {
            match cmap.lookup_bf_string(code) {
                Some(BfString::Char(c)) => return c.to_string(),
                Some(BfString::String(s)) => return s,
                None => {}
            }
        }
        match &self.coding {
            Coding::Ucs2 => return char::from_u32(code).unwrap_or('\u{FFFD}').to_string(),
            Coding::OneByte => {
                if let Some(c) = self.simple.as_ref().and_then(|t| t[(code & 0xFF) as usize]) {
                    return c.to_string();
                }
            }
            Coding::Identity => {
                if let Some(c) = self.glyphs.as_ref().and_then(|g| g.char(code)) {
                    return c.to_string();
                }
            }
            _ => {}
        }
        '\u{FFFD}'.to_string()
    }

    /// The advance of a code in text space (before the font size).
    pub(super) fn width(&self, code: u32) -> f64 {
        let w = match &self.widths {
            Widths::Simple { first, widths, missing } => code
                .checked_sub(*first)
                .and_then(|i| widths.get(i as usize))
                .copied()
                .unwrap_or(*missing),
            Widths::Cid { ranges, default } => {
                let cid = match &self.coding {
                    Coding::Embedded(cmap) => {
                        cmap.lookup_cid_code(code, if code > 0xFF { 2 } else { 1 }).unwrap_or(code)
                    }
                    _ => code,
                };
                match ranges.binary_search_by(|&(a, b, _)| {
                    if cid < a {
                        std::cmp::Ordering::Greater
                    } else if cid > b {
                        std::cmp::Ordering::Less
                    } else {
                        std::cmp::Ordering::Equal
                    }
                }) {
                    Ok(i) => ranges[i].2,
                    Err(_) => *default,
                }
            }
        };
        let w = w * self.scale;
        if w.is_finite() { w.clamp(-10.0, 10.0) } else { 0.0 }
    }
}

/// The coding of a predefined CMap name.
fn predefined(name: &Name<'_>) -> Coding {
    let n = name.as_str();
    if n.starts_with("Identity") {
        Coding::Identity
    } else if n.starts_with("Uni") && (n.contains("UCS2") || n.contains("UTF16")) {
        Coding::Ucs2
    } else if n.contains("EUC") || n.contains("GBK") || n.contains("GBpc") || n.contains("GBT") {
        Coding::Euc
    } else {
        Coding::Identity
    }
}

/// A code's bytes as a big-endian number.
fn be(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0u32, |acc, &b| acc.wrapping_shl(8) | u32::from(b))
}

/// Reads `/W` and `/DW` of a CID font (PDF 32000-1 §9.7.4.3): `c [w1 w2 …]` gives
/// consecutive CIDs their widths, `c1 c2 w` gives a range one width.
fn cid_widths(cid_font: &Dict<'_>) -> Widths {
    let default = cid_font.get::<f64>(b"DW").unwrap_or(1000.0);
    let mut ranges = Vec::new();
    if let Some(w) = cid_font.get::<Array<'_>>(b"W") {
        let items: Vec<Object<'_>> = w.iter::<Object<'_>>().take(200_000).collect();
        let mut i = 0;
        while i + 1 < items.len() {
            let Some(first) = number(&items[i]) else { break };
            let first = first.max(0.0) as u32;
            match &items[i + 1] {
                Object::Array(list) => {
                    for (k, w) in list.iter::<f64>().take(65_536).enumerate() {
                        let cid = first.saturating_add(k as u32);
                        ranges.push((cid, cid, w));
                    }
                    i += 2;
                }
                last => {
                    let (Some(last), Some(w)) = (number(last), items.get(i + 2).and_then(number))
                    else {
                        break;
                    };
                    ranges.push((first, (last.max(0.0) as u32).max(first), w));
                    i += 3;
                }
            }
        }
    }
    // Later entries win where a broken file overlaps them; sort, then drop overlaps.
    ranges.sort_by_key(|&(a, b, _)| (a, b));
    let mut clean: Vec<(u32, u32, f64)> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match clean.last() {
            Some(&(_, b, _)) if r.0 <= b => {}
            _ => clean.push(r),
        }
    }
    Widths::Cid { ranges: clean, default }
}

fn number(o: &Object<'_>) -> Option<f64> {
    match o {
        Object::Number(n) => Some(n.as_f64()),
        _ => None,
    }
}

//! The text of a CID font that has no `ToUnicode` CMap, read from its embedded TrueType
//! program: the font's own `cmap` table, turned round (glyph → character), and the
//! `CIDToGIDMap` that leads from a CID to its glyph. Some converters still write CID
//! fonts without `ToUnicode`; every viewer's copy-and-paste then fails, but the glyphs
//! still say what they are.

use std::collections::BTreeMap;

use hayro_syntax::object::{Dict, Name, Object, Stream};

use super::stream::decode;

/// CID → character for one font.
pub(super) struct GlyphText {
    /// CID → glyph id (`None`: the identity).
    cid_to_gid: Option<Vec<u16>>,
    /// Glyph id → the lowest code point the font maps to it.
    chars: BTreeMap<u16, char>,
}

impl GlyphText {
    /// Reads the descendant CID font's embedded TrueType program, if it has one with a
    /// Unicode `cmap`.
    pub(super) fn new(cid_font: &Dict<'_>) -> Option<GlyphText> {
        let descriptor = cid_font.get::<Dict<'_>>(b"FontDescriptor")?;
        let program = decode(&descriptor.get::<Stream<'_>>(b"FontFile2")?)?;
        let face = ttf_parser::Face::parse(&program, 0).ok()?;
        let mut chars = BTreeMap::new();
        for table in face.tables().cmap?.subtables {
            if !table.is_unicode() {
                continue;
            }
            table.codepoints(|cp| {
                if let (Some(gid), Some(c)) = (table.glyph_index(cp), char::from_u32(cp)) {
                    let slot = chars.entry(gid.0).or_insert(c);
                    *slot = (*slot).min(c);
                }
            });
        }
        if chars.is_empty() {
            return None;
        }
        let cid_to_gid = match cid_font.get::<Object<'_>>(b"CIDToGIDMap") {
            Some(Object::Stream(s)) => Some(
                decode(&s)?.chunks_exact(2).map(|p| u16::from_be_bytes([p[0], p[1]])).collect(),
            ),
            Some(Object::Name(n)) if n != Name::new_unescaped(b"Identity") => return None,
            _ => None,
        };
        Some(GlyphText { cid_to_gid, chars })
    }

    /// The character a CID's glyph stands for.
    pub(super) fn char(&self, cid: u32) -> Option<char> {
        let gid = match &self.cid_to_gid {
            Some(map) => *map.get(usize::try_from(cid).ok()?)?,
            None => u16::try_from(cid).ok()?,
        };
        self.chars.get(&gid).copied()
    }
}

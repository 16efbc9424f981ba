//! A standalone TrueType subset of a face: the glyphs of some characters, whatever the
//! outlines of the source. Word embeds only TrueType outlines, and LibreOffice's PDF
//! export mishandles embedded CFF subsets, so CFF outlines are converted ([`super::outline`]).
//!
//! The subset has the glyphs' outlines and metrics (`glyf`, `loca`, `hmtx`), header
//! tables made to match them (`head`, `hhea`, `maxp`, `post` without glyph names), a `cmap`
//! for the subset, and the source's `OS/2` and `name` tables, so that the family name
//! matches the one in the document.

use std::collections::{BTreeMap, BTreeSet};

use super::outline::Pen;
use super::{cmap, glyf, sfnt};
use crate::fonts::Face;

/// The subset of `face` with the glyphs of `chars`; `None` if the face lacks a table the
/// subset copies (`head`, `hhea`, `post`).
pub(super) fn subset(face: &Face, chars: &BTreeSet<char>) -> Option<Vec<u8>> {
    let ttf = face.ttf();
    // New glyph ids: .notdef, then the characters' glyphs in order of their old ids.
    let mut old: Vec<u16> =
        chars.iter().filter_map(|&c| face.glyph(c).map(|(g, _)| g)).filter(|g| *g != 0).collect();
    old.push(0);
    old.sort_unstable();
    old.dedup();
    let mut map: BTreeMap<u32, u16> = BTreeMap::new();
    for &c in chars {
        if let Some(n) = face.glyph(c).and_then(|(g, _)| old.binary_search(&g).ok()) {
            map.insert(c as u32, n as u16);
        }
    }
    let mut glyf = Vec::new();
    let mut loca = vec![0u32];
    let mut hmtx = Vec::new();
    let (mut max_points, mut max_contours) = (0u16, 0u16);
    let mut bbox: Option<(i16, i16, i16, i16)> = None;
    let mut max_advance = 0u16;
    for &g in &old {
        let gid = ttf_parser::GlyphId(g);
        let advance = ttf.glyph_hor_advance(gid).unwrap_or(0);
        max_advance = max_advance.max(advance);
        let mut pen = Pen::default();
        ttf.outline_glyph(gid, &mut pen);
        pen.finish();
        let mut lsb = 0i16;
        if let Some(encoded) = glyf::encode(&pen.contours, face.is_cff()) {
            let (x0, y0, x1, y1) = encoded.bbox;
            lsb = x0;
            bbox = Some(match bbox {
                None => encoded.bbox,
                Some((a, b, c, d)) => (a.min(x0), b.min(y0), c.max(x1), d.max(y1)),
            });
            max_points = max_points.max(encoded.points);
            max_contours = max_contours.max(encoded.contours);
            glyf.extend_from_slice(&encoded.data);
            glyf.resize(glyf.len().next_multiple_of(4), 0);
        }
        loca.push(glyf.len() as u32);
        hmtx.extend_from_slice(&advance.to_be_bytes());
        hmtx.extend_from_slice(&lsb.to_be_bytes());
    }
    let n = old.len() as u16;
    let raw = ttf.raw_face();
    let table = |tag: &[u8; 4]| raw.table(ttf_parser::Tag::from_bytes(tag)).map(<[u8]>::to_vec);
    let mut head = table(b"head").filter(|t| t.len() >= 54)?;
    let (x0, y0, x1, y1) = bbox.unwrap_or((0, 0, 0, 0));
    for (at, v) in [(36, x0), (38, y0), (40, x1), (42, y1)] {
        head[at..at + 2].copy_from_slice(&v.to_be_bytes());
    }
    head[50..52].copy_from_slice(&1i16.to_be_bytes()); // long loca offsets
    head[52..54].copy_from_slice(&0i16.to_be_bytes()); // glyphDataFormat
    let mut hhea = table(b"hhea").filter(|t| t.len() >= 36)?;
    hhea[10..12].copy_from_slice(&max_advance.to_be_bytes());
    hhea[34..36].copy_from_slice(&n.to_be_bytes()); // numberOfHMetrics: every glyph
    // maxp 1.0: the counts of the glyphs above; no instructions, two zones.
    let mut maxp = Vec::with_capacity(32);
    maxp.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    for v in [n, max_points, max_contours, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0] {
        maxp.extend_from_slice(&v.to_be_bytes());
    }
    // post 3.0: the header alone, no glyph names.
    let mut post = table(b"post").filter(|t| t.len() >= 32)?;
    post.truncate(32);
    post[..4].copy_from_slice(&0x0003_0000u32.to_be_bytes());
    let mut tables: BTreeMap<[u8; 4], Vec<u8>> = BTreeMap::new();
    tables.insert(*b"head", head);
    tables.insert(*b"hhea", hhea);
    tables.insert(*b"maxp", maxp);
    tables.insert(*b"post", post);
    tables.insert(*b"hmtx", hmtx);
    tables.insert(*b"glyf", glyf);
    tables.insert(*b"loca", loca.iter().flat_map(|o| o.to_be_bytes()).collect());
    tables.insert(*b"cmap", cmap::cmap(&map));
    for tag in [b"OS/2", b"name"] {
        if let Some(t) = table(tag) {
            tables.insert(*tag, t);
        }
    }
    Some(sfnt::write(0x0001_0000, tables))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::FontBook;

    #[test]
    fn subset_fonts_read_back_with_their_characters() {
        let book = FontBook::bundled();
        let chars: BTreeSet<char> = "政府信息公开（一）2024年".chars().collect();
        for id in 0..4 {
            let font = subset(book.face(id), &chars).unwrap();
            let face = ttf_parser::Face::parse(&font, 0).unwrap();
            for c in &chars {
                assert!(face.glyph_index(*c).is_some(), "{id}: {c}");
            }
            assert!(face.glyph_index('税').is_none());
            assert!(face.tables().os2.is_some() && face.tables().glyf.is_some());
            // The outline survives the conversion.
            let gid = face.glyph_index('政').unwrap();
            let bbox = face.glyph_bounding_box(gid).unwrap();
            assert!(bbox.width() > 500 && bbox.height() > 500, "{id}: {bbox:?}");
        }
    }
}

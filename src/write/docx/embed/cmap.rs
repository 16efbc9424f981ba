//! The `cmap` table of a subset: characters to the subset's glyph ids.
//!
//! Two subtables: format 4 (platform 3, encoding 1) for the Basic Multilingual Plane,
//! which every reader understands, and format 12 (platform 3, encoding 10) for all of
//! Unicode, so that characters beyond the BMP (rare CJK extensions) are found too.

use std::collections::BTreeMap;

/// The `cmap` table for `map` (character → glyph id).
pub(super) fn cmap(map: &BTreeMap<u32, u16>) -> Vec<u8> {
    let f4 = format4(map);
    let f12 = format12(map);
    let mut out = Vec::with_capacity(20 + f4.len() + f12.len());
    for v in [0u16, 2, 3, 1] {
        out.extend_from_slice(&v.to_be_bytes()); // version, count, platform, encoding
    }
    out.extend_from_slice(&20u32.to_be_bytes());
    for v in [3u16, 10] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    out.extend_from_slice(&(20 + f4.len() as u32).to_be_bytes());
    out.extend(f4);
    out.extend(f12);
    out
}

fn be16(v: &mut Vec<u8>, x: u16) {
    v.extend_from_slice(&x.to_be_bytes());
}

fn be32(v: &mut Vec<u8>, x: u32) {
    v.extend_from_slice(&x.to_be_bytes());
}

/// Format 4: one segment per character, which keeps it simple (a report uses far fewer
/// than the 8,189 characters that fit the subtable's 16-bit length), then the closing
/// 0xFFFF segment.
fn format4(map: &BTreeMap<u32, u16>) -> Vec<u8> {
    let bmp: Vec<(u16, u16)> =
        map.iter().filter(|(c, _)| **c < 0xFFFF).map(|(c, g)| (*c as u16, *g)).collect();
    let seg = bmp.len() + 1;
    let mut f4 = Vec::with_capacity(16 + seg * 8);
    be16(&mut f4, 4);
    be16(&mut f4, (16 + seg * 8) as u16);
    be16(&mut f4, 0);
    be16(&mut f4, (seg * 2) as u16);
    // searchRange, entrySelector, rangeShift: the binary search hints.
    let pow = 1usize << (usize::BITS - 1 - seg.leading_zeros());
    be16(&mut f4, (pow * 2) as u16);
    be16(&mut f4, pow.trailing_zeros() as u16);
    be16(&mut f4, ((seg - pow) * 2) as u16);
    bmp.iter().for_each(|(c, _)| be16(&mut f4, *c)); // end codes
    be16(&mut f4, 0xFFFF);
    be16(&mut f4, 0); // reserved pad
    bmp.iter().for_each(|(c, _)| be16(&mut f4, *c)); // start codes
    be16(&mut f4, 0xFFFF);
    bmp.iter().for_each(|(c, g)| be16(&mut f4, g.wrapping_sub(*c))); // id deltas
    be16(&mut f4, 1);
    (0..seg).for_each(|_| be16(&mut f4, 0)); // no id range offsets
    f4
}

/// Format 12: runs of consecutive characters with consecutive glyphs.
fn format12(map: &BTreeMap<u32, u16>) -> Vec<u8> {
    let mut groups: Vec<(u32, u32, u32)> = Vec::new();
    for (&c, &g) in map {
        match groups.last_mut() {
            Some((start, end, first)) if *end + 1 == c && *first + (c - *start) == u32::from(g) => {
                *end = c;
            }
            _ => groups.push((c, c, u32::from(g))),
        }
    }
    let mut f12 = Vec::with_capacity(16 + 12 * groups.len());
    be16(&mut f12, 12);
    be16(&mut f12, 0);
    be32(&mut f12, (16 + 12 * groups.len()) as u32);
    be32(&mut f12, 0);
    be32(&mut f12, groups.len() as u32);
    for (s, e, g) in &groups {
        be32(&mut f12, *s);
        be32(&mut f12, *e);
        be32(&mut f12, *g);
    }
    f12
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_subtables_map_every_character() {
        let map: BTreeMap<u32, u16> =
            [('一' as u32, 1), ('丁' as u32, 2), ('政' as u32, 3), (0x20000, 4), (0x20001, 5)]
                .into_iter()
                .collect();
        let table = cmap(&map);
        let cmap = ttf_parser::cmap::Table::parse(&table).unwrap();
        let subtables: Vec<_> = cmap.subtables.into_iter().collect();
        assert_eq!(subtables.len(), 2);
        for (c, g) in &map {
            let f12 = subtables[1].glyph_index(*c).map(|g| g.0);
            assert_eq!(f12, Some(*g), "format 12, U+{c:04X}");
            let f4 = subtables[0].glyph_index(*c).map(|g| g.0);
            assert_eq!(f4, (*c < 0xFFFF).then_some(*g), "format 4, U+{c:04X}");
        }
        assert_eq!(subtables[0].glyph_index('乙' as u32), None);
        // 一 U+4E00 and 丁 U+4E01 with glyphs 1, 2 share a group, and so do the two
        // characters of Extension B.
        let groups = u32::from_be_bytes(table[table.len() - 40..][..4].try_into().unwrap());
        assert_eq!(groups, 3);
    }
}

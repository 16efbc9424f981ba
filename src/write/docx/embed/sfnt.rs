//! The sfnt container (OpenType §5 "The table directory"): a table directory sorted by
//! tag, tables 4-byte aligned, each table's checksum, and `head.checkSumAdjustment`.

use std::collections::BTreeMap;

/// The sum of a table as big-endian 32-bit words, the last one padded with zeros.
fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, c| {
        let mut b = [0u8; 4];
        b[..c.len()].copy_from_slice(c);
        sum.wrapping_add(u32::from_be_bytes(b))
    })
}

/// Writes a font of `tables` (keyed, and so sorted, by tag) with the sfnt `version`
/// (`0x00010000` for TrueType outlines).
pub(super) fn write(version: u32, mut tables: BTreeMap<[u8; 4], Vec<u8>>) -> Vec<u8> {
    // checkSumAdjustment is zero while the checksums are computed.
    if let Some(head) = tables.get_mut(b"head")
        && head.len() >= 12
    {
        head[8..12].fill(0);
    }
    let count = tables.len();
    // searchRange, entrySelector, rangeShift: the binary search hints.
    let pow = 1usize << (usize::BITS - 1 - count.max(1).leading_zeros());
    let mut out = Vec::new();
    out.extend_from_slice(&version.to_be_bytes());
    out.extend_from_slice(&(count as u16).to_be_bytes());
    out.extend_from_slice(&((pow * 16) as u16).to_be_bytes());
    out.extend_from_slice(&(pow.trailing_zeros() as u16).to_be_bytes());
    out.extend_from_slice(&((count - pow) as u16 * 16).to_be_bytes());
    let mut offset = 12 + 16 * count;
    let mut head_at = None;
    for (tag, data) in &tables {
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        if tag == b"head" {
            head_at = Some(offset);
        }
        offset += data.len().next_multiple_of(4);
    }
    for data in tables.values() {
        out.extend_from_slice(data);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    // The whole font then sums to the magic number the format fixes.
    if let Some(at) = head_at {
        let adjust = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[at + 8..at + 12].copy_from_slice(&adjust.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directory_checksums_and_adjustment() {
        let mut tables = BTreeMap::new();
        tables.insert(*b"head", vec![7u8; 54]);
        tables.insert(*b"abcd", vec![1, 2, 3]);
        tables.insert(*b"OS/2", vec![0xFF; 8]);
        let font = write(0x0001_0000, tables);
        let face = ttf_parser::RawFace::parse(&font, 0).unwrap();
        assert_eq!(face.table(ttf_parser::Tag::from_bytes(b"abcd")), Some(&[1u8, 2, 3][..]));
        // Sorted by tag: uppercase before lowercase.
        assert_eq!(&font[12..16], b"OS/2");
        assert_eq!(checksum(&font), 0xB1B0_AFBA);
        // A table's checksum is taken with checkSumAdjustment zero.
        let head = face.table(ttf_parser::Tag::from_bytes(b"head")).unwrap();
        let mut zeroed = head.to_vec();
        zeroed[8..12].fill(0);
        // `head` is the third entry; an entry is tag, checksum, offset, length.
        let listed = u32::from_be_bytes(font[12 + 16 * 2 + 4..][..4].try_into().unwrap());
        assert_eq!(listed, checksum(&zeroed));
        assert_eq!(font.len() % 4, 0);
    }
}

//! CFF INDEX structures (Adobe TN 5176 §5): read lazily, item by item, and written.

/// An INDEX in a font, read without collecting its items: a CJK font's CharStrings INDEX
/// has 65 535 of them, and a subset needs a few hundred.
#[derive(Clone, Copy, Debug)]
pub(super) struct Index<'a> {
    data: &'a [u8],
    count: usize,
    off_size: usize,
    /// Where the offset array starts.
    offsets_at: usize,
    /// Offsets count from the byte before the item data.
    base: usize,
}

impl<'a> Index<'a> {
    /// Reads the INDEX at `at`: the INDEX and the position just after it.
    pub(super) fn read(data: &'a [u8], at: usize) -> Option<(Index<'a>, usize)> {
        let count = u16::from_be_bytes([*data.get(at)?, *data.get(at + 1)?]) as usize;
        if count == 0 {
            let empty = Index { data, count: 0, off_size: 1, offsets_at: at + 2, base: at + 1 };
            return Some((empty, at + 2));
        }
        let off_size = *data.get(at + 2)? as usize;
        if !(1..=4).contains(&off_size) {
            return None;
        }
        let offsets_at = at + 3;
        let base = offsets_at + (count + 1) * off_size - 1;
        let index = Index { data, count, off_size, offsets_at, base };
        let end = base.checked_add(index.offset(count)?)?;
        (end <= data.len()).then_some((index, end))
    }

    /// Number of items.
    pub(super) fn len(&self) -> usize {
        self.count
    }

    /// Item `i`.
    pub(super) fn get(&self, i: usize) -> Option<&'a [u8]> {
        if i >= self.count {
            return None;
        }
        let (a, b) = (self.offset(i)?, self.offset(i + 1)?);
        if a == 0 || b < a {
            return None;
        }
        self.data.get(self.base + a..self.base + b)
    }

    fn offset(&self, i: usize) -> Option<usize> {
        let at = self.offsets_at + i * self.off_size;
        let bytes = self.data.get(at..at + self.off_size)?;
        Some(bytes.iter().fold(0usize, |acc, b| acc << 8 | *b as usize))
    }
}

/// Writes an INDEX of `items`.
pub(super) fn write<'a>(out: &mut Vec<u8>, items: impl Iterator<Item = &'a [u8]> + Clone) {
    let count = items.clone().count();
    out.extend_from_slice(&(count as u16).to_be_bytes());
    if count == 0 {
        return;
    }
    let total: usize = items.clone().map(<[u8]>::len).sum();
    let off_size = match total + 1 {
        0..=0xFF => 1,
        0x100..=0xFFFF => 2,
        0x1_0000..=0xFF_FFFF => 3,
        _ => 4,
    };
    out.push(off_size as u8);
    let mut offset = 1u32;
    out.extend_from_slice(&offset.to_be_bytes()[4 - off_size..]);
    for item in items.clone() {
        offset += item.len() as u32;
        out.extend_from_slice(&offset.to_be_bytes()[4 - off_size..]);
    }
    for item in items {
        out.extend_from_slice(item);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_round_trip() {
        let items: Vec<Vec<u8>> = vec![vec![1, 2, 3], vec![], vec![9; 300]];
        let mut buf = Vec::new();
        write(&mut buf, items.iter().map(Vec::as_slice));
        buf.push(0xAA);
        let data = &buf[..];
        let (index, end) = Index::read(data, 0).unwrap();
        assert_eq!(end, data.len() - 1);
        assert_eq!(index.len(), 3);
        for (i, item) in items.iter().enumerate() {
            assert_eq!(index.get(i).unwrap(), &item[..]);
        }
        assert_eq!(index.get(3), None);
        let mut empty = Vec::new();
        write(&mut empty, std::iter::empty());
        assert_eq!(empty, [0, 0]);
    }

    #[test]
    fn truncated_indexes_are_refused() {
        assert!(Index::read(&[0, 2, 1, 1, 2], 0).is_none());
        assert!(Index::read(&[0, 1, 5, 1, 2], 0).is_none());
    }
}

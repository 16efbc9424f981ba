//! CFF DICT data (Adobe TN 5176 §4): entries read with their bytes, so that a subset can
//! copy the ones it keeps exactly as the font has them.

/// An operator: one byte, or 1200 + the second byte of an escaped (`12 x`) operator.
pub(super) type Op = u16;

pub(super) const CHARSET: Op = 15;
pub(super) const CHARSTRINGS: Op = 17;
pub(super) const PRIVATE: Op = 18;
pub(super) const SUBRS: Op = 19;
pub(super) const FONT_BBOX: Op = 5;
pub(super) const FONT_MATRIX: Op = 1207;
pub(super) const ROS: Op = 1230;
pub(super) const FD_ARRAY: Op = 1236;
pub(super) const FD_SELECT: Op = 1237;

/// One entry: its operator, its integer operands (a real number reads as `None`) and
/// all its bytes.
pub(super) struct Entry<'a> {
    pub(super) op: Op,
    pub(super) operands: Vec<Option<i64>>,
    pub(super) bytes: &'a [u8],
}

impl Entry<'_> {
    /// The last operand as an offset or size.
    pub(super) fn offset(&self) -> Option<usize> {
        usize::try_from(self.operands.last().copied()??).ok()
    }
}

/// The entries of a DICT, or `None` if it does not read.
pub(super) fn entries(dict: &[u8]) -> Option<Vec<Entry<'_>>> {
    let mut out = Vec::new();
    let mut operands = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < dict.len() {
        let b0 = dict[i];
        let (value, len) = match b0 {
            28 => (Some(i16::from_be_bytes([*dict.get(i + 1)?, *dict.get(i + 2)?]) as i64), 3),
            29 => {
                let b = dict.get(i + 1..i + 5)?;
                (Some(i32::from_be_bytes([b[0], b[1], b[2], b[3]]) as i64), 5)
            }
            30 => {
                // A real number: nibbles up to and including an 0xF nibble.
                let mut j = i + 1;
                loop {
                    let b = *dict.get(j)?;
                    j += 1;
                    if b >> 4 == 0x0F || b & 0x0F == 0x0F {
                        break;
                    }
                }
                (None, j - i)
            }
            32..=246 => (Some(b0 as i64 - 139), 1),
            247..=250 => (Some((b0 as i64 - 247) * 256 + *dict.get(i + 1)? as i64 + 108), 2),
            251..=254 => (Some(-(b0 as i64 - 251) * 256 - *dict.get(i + 1)? as i64 - 108), 2),
            0..=21 => {
                let (op, len) =
                    if b0 == 12 { (1200 + *dict.get(i + 1)? as Op, 2) } else { (b0 as Op, 1) };
                i += len;
                out.push(Entry {
                    op,
                    operands: std::mem::take(&mut operands),
                    bytes: &dict[start..i],
                });
                start = i;
                continue;
            }
            _ => return None,
        };
        operands.push(value);
        i += len;
    }
    operands.is_empty().then_some(out)
}

/// Appends an entry whose operands are integers, each written in the five-byte form so
/// that offsets can be written before the positions they point at are known.
pub(super) fn put(out: &mut Vec<u8>, op: Op, operands: &[i64]) {
    for v in operands {
        out.push(29);
        out.extend_from_slice(&(*v as i32).to_be_bytes());
    }
    if op >= 1200 {
        out.extend_from_slice(&[12, (op - 1200) as u8]);
    } else {
        out.push(op as u8);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_keep_their_bytes_and_operands() {
        // 100 200 Private; 1.5 FontMatrix-like escape; -1131 Subrs
        let mut dict = Vec::new();
        put(&mut dict, PRIVATE, &[100, 200]);
        dict.extend_from_slice(&[30, 0x1a, 0x5f, 12, 7]);
        dict.extend_from_slice(&[254, 23, 19]);
        let e = entries(&dict).unwrap();
        assert_eq!(e.len(), 3);
        assert_eq!((e[0].op, e[0].operands.clone()), (PRIVATE, vec![Some(100), Some(200)]));
        assert_eq!(e[0].offset(), Some(200));
        assert_eq!(
            (e[1].op, e[1].operands.clone(), e[1].bytes),
            (FONT_MATRIX, vec![None], &dict[11..16])
        );
        assert_eq!((e[2].op, e[2].operands.clone()), (SUBRS, vec![Some(-(3 * 256) - 23 - 108)]));
        // Operands left without an operator, or a reserved byte: not a DICT.
        assert!(entries(&[139]).is_none());
        assert!(entries(&[255]).is_none());
    }
}

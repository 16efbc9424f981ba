//! Smaller CFF font subsets: stem hints removed.
//!
//! A subset of Noto Serif CJK is about 270 bytes a glyph, and a sixth of that is stem
//! hints, which help only screen rendering at small sizes. `subsetter` writes CFF subsets
//! desubroutinized, with the CharStrings INDEX as the last structure of the font, so the
//! hints can be dropped by rewriting that INDEX alone.
//!
//! Every step checks what it reads; anything unexpected gives `None`, and the caller
//! embeds the subset as it was.

use std::ops::Range;

/// A CFF font with hints removed from its charstrings. The CharStrings INDEX must be the
/// last structure in the font, as `subsetter` writes it.
pub(super) fn strip_hints(cff: &[u8]) -> Option<Vec<u8>> {
    let header_size = *cff.get(2)? as usize;
    let (_, names_end) = read_index(cff, header_size)?;
    let (top_dicts, _) = read_index(cff, names_end)?;
    let top = top_dicts.first()?;
    let charstrings_at = dict_operand(&cff[top.clone()], 17)?;
    let (charstrings, end) = read_index(cff, charstrings_at)?;
    if end != cff.len() {
        return None;
    }
    let mut data = Vec::with_capacity(cff.len() - charstrings_at);
    let mut ends = Vec::with_capacity(charstrings.len());
    let mut args = Vec::new();
    for r in &charstrings {
        strip_charstring(&cff[r.clone()], &mut data, &mut args)?;
        ends.push(data.len());
    }
    let mut out = Vec::with_capacity(charstrings_at + data.len() + 4 * ends.len() + 8);
    out.extend_from_slice(&cff[..charstrings_at]);
    write_index(&mut out, &ends, &data);
    Some(out)
}

/// Reads an INDEX at `at`: the byte ranges of its items and the end of the INDEX.
fn read_index(cff: &[u8], at: usize) -> Option<(Vec<Range<usize>>, usize)> {
    let count = u16::from_be_bytes([*cff.get(at)?, *cff.get(at + 1)?]) as usize;
    if count == 0 {
        return Some((Vec::new(), at + 2));
    }
    let off_size = *cff.get(at + 2)? as usize;
    if !(1..=4).contains(&off_size) {
        return None;
    }
    let offsets_at = at + 3;
    let data_base = offsets_at + (count + 1) * off_size - 1;
    let offset = |i: usize| -> Option<usize> {
        let bytes = cff.get(offsets_at + i * off_size..offsets_at + (i + 1) * off_size)?;
        Some(bytes.iter().fold(0usize, |acc, b| acc << 8 | *b as usize))
    };
    let mut items = Vec::with_capacity(count);
    for i in 0..count {
        let (a, b) = (offset(i)?, offset(i + 1)?);
        if a == 0 || b < a {
            return None;
        }
        items.push(data_base + a..data_base + b);
    }
    let end = data_base + offset(count)?;
    (end <= cff.len()).then_some((items, end))
}

/// Writes an INDEX of items stored one after another in `data`, item `i` ending at
/// `ends[i]`.
fn write_index(out: &mut Vec<u8>, ends: &[usize], data: &[u8]) {
    out.extend_from_slice(&(ends.len() as u16).to_be_bytes());
    if ends.is_empty() {
        return;
    }
    let off_size = match data.len() + 1 {
        0..=0xFF => 1,
        0x100..=0xFFFF => 2,
        0x1_0000..=0xFF_FFFF => 3,
        _ => 4,
    };
    out.push(off_size as u8);
    for end in std::iter::once(0).chain(ends.iter().copied()) {
        out.extend_from_slice(&(end as u32 + 1).to_be_bytes()[4 - off_size..]);
    }
    out.extend_from_slice(data);
}

/// The integer operand of `op` in a DICT.
fn dict_operand(dict: &[u8], op: u8) -> Option<usize> {
    let mut operands: Vec<i64> = Vec::new();
    let mut i = 0;
    while i < dict.len() {
        let b0 = dict[i];
        match b0 {
            28 => {
                operands.push(i16::from_be_bytes([*dict.get(i + 1)?, *dict.get(i + 2)?]) as i64);
                i += 3;
            }
            29 => {
                let b = dict.get(i + 1..i + 5)?;
                operands.push(i32::from_be_bytes([b[0], b[1], b[2], b[3]]) as i64);
                i += 5;
            }
            30 => {
                // A real number: nibbles up to an 0xF nibble.
                i += 1;
                while i < dict.len() && dict[i] & 0x0F != 0x0F && dict[i] >> 4 != 0x0F {
                    i += 1;
                }
                i += 1;
                operands.push(0);
            }
            32..=246 => {
                operands.push(b0 as i64 - 139);
                i += 1;
            }
            247..=250 => {
                operands.push((b0 as i64 - 247) * 256 + *dict.get(i + 1)? as i64 + 108);
                i += 2;
            }
            251..=254 => {
                operands.push(-(b0 as i64 - 251) * 256 - *dict.get(i + 1)? as i64 - 108);
                i += 2;
            }
            12 => {
                i += 2;
                operands.clear();
            }
            0..=21 => {
                if b0 == op {
                    return usize::try_from(*operands.last()?).ok();
                }
                operands.clear();
                i += 1;
            }
            _ => return None,
        }
    }
    None
}

/// Appends a Type 2 charstring without stem hints (hstem, vstem, hstemhm, vstemhm,
/// hintmask, cntrmask) to `out`, the glyph's width kept. `None` for a charstring that
/// calls subroutines. `args` is scratch space.
fn strip_charstring(cs: &[u8], out: &mut Vec<u8>, args: &mut Vec<Range<usize>>) -> Option<()> {
    const HSTEM: u8 = 1;
    const VSTEM: u8 = 3;
    const VMOVETO: u8 = 4;
    const CALLSUBR: u8 = 10;
    const ESCAPE: u8 = 12;
    const ENDCHAR: u8 = 14;
    const HSTEMHM: u8 = 18;
    const HINTMASK: u8 = 19;
    const CNTRMASK: u8 = 20;
    const RMOVETO: u8 = 21;
    const HMOVETO: u8 = 22;
    const VSTEMHM: u8 = 23;
    const CALLGSUBR: u8 = 29;

    args.clear();
    let mut stems = 0usize;
    let mut first_clearing_seen = false;
    let mut pending_width: Option<Range<usize>> = None;
    let mut i = 0;
    while i < cs.len() {
        let b0 = cs[i];
        let number_len = match b0 {
            28 => Some(3),
            32..=246 => Some(1),
            247..=254 => Some(2),
            255 => Some(5),
            _ => None,
        };
        if let Some(n) = number_len {
            if i + n > cs.len() {
                return None;
            }
            args.push(i..i + n);
            i += n;
            continue;
        }
        match b0 {
            HSTEM | VSTEM | HSTEMHM | VSTEMHM | HINTMASK | CNTRMASK => {
                let mut n = args.len();
                if !first_clearing_seen && n % 2 == 1 {
                    pending_width = Some(args[0].clone());
                    n -= 1;
                }
                first_clearing_seen = true;
                stems += n / 2;
                i += 1;
                if matches!(b0, HINTMASK | CNTRMASK) {
                    i += stems.div_ceil(8);
                }
                args.clear();
            }
            RMOVETO | HMOVETO | VMOVETO | ENDCHAR => {
                let expected = match b0 {
                    RMOVETO => 2,
                    HMOVETO | VMOVETO => 1,
                    _ => args.len() / 4 * 4,
                };
                let mut from = 0;
                if !first_clearing_seen {
                    first_clearing_seen = true;
                    if args.len() > expected {
                        pending_width = Some(args[0].clone());
                        from = 1;
                    }
                }
                if let Some(w) = pending_width.take() {
                    out.extend_from_slice(&cs[w]);
                }
                for a in &args[from..] {
                    out.extend_from_slice(&cs[a.clone()]);
                }
                out.push(b0);
                args.clear();
                i += 1;
                if b0 == ENDCHAR {
                    break;
                }
            }
            CALLSUBR | CALLGSUBR => return None,
            ESCAPE => {
                for a in args.iter() {
                    out.extend_from_slice(&cs[a.clone()]);
                }
                out.extend_from_slice(cs.get(i..i + 2)?);
                args.clear();
                i += 2;
            }
            _ => {
                for a in args.iter() {
                    out.extend_from_slice(&cs[a.clone()]);
                }
                out.push(b0);
                args.clear();
                i += 1;
            }
        }
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_go_and_the_width_stays() {
        // width 244 (247 136), hstem 10 20, hintmask (1 stem: 1 byte), rmoveto 5 5,
        // endchar.
        let strip = |cs: &[u8]| {
            let mut out = Vec::new();
            strip_charstring(cs, &mut out, &mut Vec::new()).map(|()| out)
        };
        let cs = [247, 136, 149, 159, HSTEM, 19, 0x80, 144, 144, 21, 14];
        assert_eq!(strip(&cs).unwrap(), [247, 136, 144, 144, 21, 14]);
        // No width, vstem then hmoveto.
        assert_eq!(strip(&[149, 159, 3, 144, 22, 14]).unwrap(), [144, 22, 14]);
        // Width on a bare endchar.
        assert_eq!(strip(&[200, 14]).unwrap(), [200, 14]);
        assert!(strip(&[139, 10, 14]).is_none());
    }
    const HSTEM: u8 = 1;

    #[test]
    fn index_round_trip() {
        let items = vec![vec![1u8, 2, 3], vec![], vec![9; 300]];
        let data = items.concat();
        let ends = [3, 3, 303];
        let mut buf = Vec::new();
        write_index(&mut buf, &ends, &data);
        let (ranges, end) = read_index(&buf, 0).unwrap();
        assert_eq!(end, buf.len());
        let back: Vec<Vec<u8>> = ranges.into_iter().map(|r| buf[r].to_vec()).collect();
        assert_eq!(back, items);
    }
}

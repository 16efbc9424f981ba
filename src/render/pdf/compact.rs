//! Smaller embedded CJK fonts: hinting is removed from the CFF font subsets of a PDF.
//!
//! A subset of Noto Serif CJK is about 270 bytes a glyph, and a sixth of that is stem
//! hints, which help only screen rendering at small sizes. krilla embeds CFF subsets
//! desubroutinized, with the CharStrings INDEX as the last structure of the font, so the
//! hints can be dropped by rewriting that INDEX alone. The PDF is then re-serialised
//! with new stream lengths and a new cross-reference table.
//!
//! Every step checks what it reads; anything unexpected leaves the PDF as it was.

use std::io::{Read, Write};
use std::ops::Range;

/// Drops hints from every `CIDFontType0C` font stream; `None` if the PDF is not laid out
/// as expected (then the caller keeps the original).
pub(super) fn strip_font_hints(pdf: &[u8]) -> Option<Vec<u8>> {
    let xref_at = find_last(pdf, b"startxref")?;
    let xref_pos: usize = token_after(pdf, xref_at + b"startxref".len())?.parse().ok()?;
    let trailer_at = xref_pos + find(&pdf[xref_pos..], b"trailer")?;
    let objects = parse_xref(&pdf[xref_pos..trailer_at])?;
    let mut order: Vec<(usize, usize)> = objects.iter().copied().enumerate().skip(1).collect();
    order.sort_by_key(|&(_, off)| off);
    let first = order.first()?.1;
    let mut out = Vec::with_capacity(pdf.len());
    out.extend_from_slice(&pdf[..first]);
    let mut new_offsets = vec![0usize; objects.len()];
    for (k, &(num, off)) in order.iter().enumerate() {
        let end = order.get(k + 1).map_or(xref_pos, |&(_, o)| o);
        if end < off {
            return None;
        }
        new_offsets[num] = out.len();
        let obj = &pdf[off..end];
        match rewrite_font_stream(obj) {
            Some(new) => out.extend_from_slice(&new),
            None => out.extend_from_slice(obj),
        }
    }
    let new_xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f\r\n", objects.len()).as_bytes());
    for off in &new_offsets[1..] {
        out.extend_from_slice(format!("{off:010} 00000 n\r\n").as_bytes());
    }
    out.extend_from_slice(&pdf[trailer_at..xref_at]);
    out.extend_from_slice(format!("startxref\n{new_xref}\n%%EOF").as_bytes());
    Some(out)
}

/// Offsets of objects 0..n from a classic cross-reference table with one subsection
/// starting at 0 and every object in use.
fn parse_xref(table: &[u8]) -> Option<Vec<usize>> {
    let text = std::str::from_utf8(table).ok()?;
    let mut tokens = text.split_ascii_whitespace();
    (tokens.next()? == "xref").then_some(())?;
    let start: usize = tokens.next()?.parse().ok()?;
    let count: usize = tokens.next()?.parse().ok()?;
    if start != 0 || count == 0 {
        return None;
    }
    let mut offsets = Vec::with_capacity(count);
    for i in 0..count {
        let off: usize = tokens.next()?.parse().ok()?;
        let _generation = tokens.next()?;
        let kind = tokens.next()?;
        if (i == 0) != (kind == "f") {
            return None;
        }
        offsets.push(off);
    }
    tokens.next().is_none().then_some(offsets)
}

/// The object with its font program's hints removed, if it is a CFF font stream.
fn rewrite_font_stream(obj: &[u8]) -> Option<Vec<u8>> {
    let dict_end = find(obj, b">>")?;
    let dict = &obj[..dict_end];
    if find(dict, b"/Subtype/CIDFontType0C").is_none()
        || find(dict, b"/Filter/FlateDecode").is_none()
    {
        return None;
    }
    let len_at = find(dict, b"/Length ")? + b"/Length ".len();
    let len_end = len_at + dict[len_at..].iter().position(|b| !b.is_ascii_digit())?;
    let length: usize = std::str::from_utf8(&dict[len_at..len_end]).ok()?.parse().ok()?;
    let data_at = dict_end + find(&obj[dict_end..], b"stream\n")? + b"stream\n".len();
    let data = obj.get(data_at..data_at + length)?;
    let mut cff = Vec::new();
    flate2::read::ZlibDecoder::new(data).read_to_end(&mut cff).ok()?;
    let stripped = strip_cff(&cff)?;
    let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(&stripped).ok()?;
    let packed = enc.finish().ok()?;
    let mut out = Vec::with_capacity(obj.len());
    out.extend_from_slice(&obj[..len_at]);
    out.extend_from_slice(packed.len().to_string().as_bytes());
    out.extend_from_slice(&obj[len_end..data_at]);
    out.extend_from_slice(&packed);
    out.extend_from_slice(&obj[data_at + length..]);
    Some(out)
}

/// A CFF font with hints removed from its charstrings. The CharStrings INDEX must be the
/// last structure in the font, as krilla's subsetter writes it.
fn strip_cff(cff: &[u8]) -> Option<Vec<u8>> {
    let header_size = *cff.get(2)? as usize;
    let (_, names_end) = read_index(cff, header_size)?;
    let (top_dicts, _) = read_index(cff, names_end)?;
    let top = top_dicts.first()?;
    let charstrings_at = dict_operand(&cff[top.clone()], 17)?;
    let (charstrings, end) = read_index(cff, charstrings_at)?;
    if end != cff.len() {
        return None;
    }
    let stripped: Vec<Vec<u8>> =
        charstrings.iter().map(|r| strip_charstring(&cff[r.clone()])).collect::<Option<_>>()?;
    let mut out = cff[..charstrings_at].to_vec();
    write_index(&mut out, &stripped);
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

fn write_index(out: &mut Vec<u8>, items: &[Vec<u8>]) {
    out.extend_from_slice(&(items.len() as u16).to_be_bytes());
    if items.is_empty() {
        return;
    }
    let total: usize = items.iter().map(Vec::len).sum::<usize>() + 1;
    let off_size = match total {
        0..=0xFF => 1,
        0x100..=0xFFFF => 2,
        0x1_0000..=0xFF_FFFF => 3,
        _ => 4,
    };
    out.push(off_size as u8);
    let mut off = 1usize;
    let put = |out: &mut Vec<u8>, v: usize| {
        out.extend_from_slice(&(v as u32).to_be_bytes()[4 - off_size..]);
    };
    put(out, off);
    for item in items {
        off += item.len();
        put(out, off);
    }
    for item in items {
        out.extend_from_slice(item);
    }
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

/// A Type 2 charstring without stem hints (hstem, vstem, hstemhm, vstemhm, hintmask,
/// cntrmask), the glyph's width kept. `None` for a charstring that calls subroutines.
fn strip_charstring(cs: &[u8]) -> Option<Vec<u8>> {
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

    let mut out = Vec::with_capacity(cs.len());
    let mut args: Vec<Range<usize>> = Vec::new();
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
                for a in &args {
                    out.extend_from_slice(&cs[a.clone()]);
                }
                out.extend_from_slice(cs.get(i..i + 2)?);
                args.clear();
                i += 2;
            }
            _ => {
                for a in &args {
                    out.extend_from_slice(&cs[a.clone()]);
                }
                out.push(b0);
                args.clear();
                i += 1;
            }
        }
    }
    Some(out)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

fn token_after(hay: &[u8], at: usize) -> Option<&str> {
    let rest = std::str::from_utf8(hay.get(at..)?).ok()?;
    rest.split_ascii_whitespace().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_go_and_the_width_stays() {
        // width 244 (247 136), hstem 10 20, hintmask (1 stem: 1 byte), rmoveto 5 5,
        // endchar.
        let cs = [247, 136, 149, 159, HSTEM, 19, 0x80, 144, 144, 21, 14];
        let out = strip_charstring(&cs).unwrap();
        assert_eq!(out, [247, 136, 144, 144, 21, 14]);
        // No width, vstem then hmoveto.
        let cs = [149, 159, 3, 144, 22, 14];
        assert_eq!(strip_charstring(&cs).unwrap(), [144, 22, 14]);
        // Width on a bare endchar.
        assert_eq!(strip_charstring(&[200, 14]).unwrap(), [200, 14]);
        assert!(strip_charstring(&[139, 10, 14]).is_none());
    }
    const HSTEM: u8 = 1;

    #[test]
    fn index_round_trip() {
        let items = vec![vec![1u8, 2, 3], vec![], vec![9; 300]];
        let mut buf = Vec::new();
        write_index(&mut buf, &items);
        let (ranges, end) = read_index(&buf, 0).unwrap();
        assert_eq!(end, buf.len());
        let back: Vec<Vec<u8>> = ranges.into_iter().map(|r| buf[r].to_vec()).collect();
        assert_eq!(back, items);
    }
}

//! Writing a CID-keyed CFF subset (Adobe TN 5176) from flattened glyphs.
//!
//! Layout: header, Name INDEX, Top DICT INDEX, String INDEX ("Adobe", "Identity"), an
//! empty Global Subr INDEX, charset, FDSelect, CharStrings INDEX, FDArray INDEX and the
//! Private DICTs. Offsets in DICTs are written in the five-byte form, so every DICT's
//! size is known before the offsets are.

use std::sync::Arc;

use super::dict::{self, put};
use super::{Cff, index};

/// The first string id after the 391 standard strings: "Adobe", then "Identity".
const ADOBE: i64 = 391;
const IDENTITY: i64 = 392;
/// Size of a DICT entry with `n` five-byte operands and a one- or two-byte operator.
const fn entry(n: usize, op_len: usize) -> usize {
    5 * n + op_len
}

/// The subset font of `glyphs` (flattened charstring and source Font DICT, in the new
/// glyph order).
pub(super) fn write(cff: &Cff, glyphs: &[(Arc<[u8]>, usize)]) -> Option<Vec<u8>> {
    let n = glyphs.len();
    if n == 0 || n > u16::MAX as usize {
        return None;
    }
    // The source Font DICTs used, in order of first use, and each glyph's new one.
    let mut fds: Vec<usize> = Vec::new();
    let mut new_fd = Vec::with_capacity(n);
    for (_, fd) in glyphs {
        let k = match fds.iter().position(|f| f == fd) {
            Some(k) => k,
            None => {
                fds.push(*fd);
                fds.len() - 1
            }
        };
        new_fd.push(k as u8);
    }
    if fds.len() > 255 {
        return None;
    }

    let mut strings = Vec::new();
    index::write(&mut strings, [&b"Adobe"[..], b"Identity"].into_iter());
    let mut names = Vec::new();
    index::write(&mut names, std::iter::once(cff.name));

    // charset: glyphs 1.. are CIDs 1.. (format 2, one range).
    let mut charset = Vec::new();
    if n > 1 {
        charset.push(2);
        charset.extend_from_slice(&1u16.to_be_bytes());
        charset.extend_from_slice(&((n - 2) as u16).to_be_bytes());
    } else {
        charset.push(0);
    }
    // FDSelect format 3: a range wherever the Font DICT changes.
    let mut ranges: Vec<(u16, u8)> = Vec::new();
    for (gid, fd) in new_fd.iter().enumerate() {
        if ranges.last().is_none_or(|r| r.1 != *fd) {
            ranges.push((gid as u16, *fd));
        }
    }
    let mut fd_select = vec![3];
    fd_select.extend_from_slice(&(ranges.len() as u16).to_be_bytes());
    for (first, fd) in &ranges {
        fd_select.extend_from_slice(&first.to_be_bytes());
        fd_select.push(*fd);
    }
    fd_select.extend_from_slice(&(n as u16).to_be_bytes());
    let mut charstrings = Vec::new();
    index::write(&mut charstrings, glyphs.iter().map(|(cs, _)| &cs[..]));

    // The Top DICT's size is fixed by its five-byte operands.
    let top_len = cff.top_kept.len()
        + entry(3, 2) // ROS
        + entry(1, 2) // CIDCount
        + entry(1, 1) // charset
        + entry(1, 2) // FDSelect
        + entry(1, 1) // CharStrings
        + entry(1, 2); // FDArray
    let top_index_len = 2 + 1 + 2 * 4 + top_len;
    let header = [1u8, 0, 4, 4];
    let charset_at = header.len() + names.len() + top_index_len + strings.len() + 2;
    let fd_select_at = charset_at + charset.len();
    let charstrings_at = fd_select_at + fd_select.len();
    let fd_array_at = charstrings_at + charstrings.len();

    // Font DICTs: their FontMatrix and the place of their Private DICT, which follow the
    // FDArray.
    let fd_dict_len = |fd: usize| cff.fds[fd].matrix.len() + entry(2, 1);
    let fd_items: usize = fds.iter().map(|&fd| fd_dict_len(fd)).sum();
    let fd_array_len = 2 + 1 + 4 * (fds.len() + 1) + fd_items;
    let mut private_at = fd_array_at + fd_array_len;
    let mut fd_dicts = Vec::with_capacity(fds.len());
    for &fd in &fds {
        let f = &cff.fds[fd];
        let mut d = f.matrix.clone();
        put(&mut d, dict::PRIVATE, &[f.private.len() as i64, private_at as i64]);
        private_at += f.private.len();
        fd_dicts.push(d);
    }

    let mut top = cff.top_kept.clone();
    put(&mut top, dict::ROS, &[ADOBE, IDENTITY, 0]);
    put(&mut top, CID_COUNT, &[n as i64]);
    put(&mut top, dict::CHARSET, &[charset_at as i64]);
    put(&mut top, dict::FD_SELECT, &[fd_select_at as i64]);
    put(&mut top, dict::CHARSTRINGS, &[charstrings_at as i64]);
    put(&mut top, dict::FD_ARRAY, &[fd_array_at as i64]);
    debug_assert_eq!(top.len(), top_len);

    let mut out = Vec::with_capacity(private_at);
    out.extend_from_slice(&header);
    out.extend_from_slice(&names);
    index_with_4_byte_offsets(&mut out, &[&top]);
    out.extend_from_slice(&strings);
    out.extend_from_slice(&[0, 0]);
    out.extend_from_slice(&charset);
    out.extend_from_slice(&fd_select);
    out.extend_from_slice(&charstrings);
    let fd_dicts: Vec<&[u8]> = fd_dicts.iter().map(Vec::as_slice).collect();
    index_with_4_byte_offsets(&mut out, &fd_dicts);
    debug_assert_eq!(out.len(), fd_array_at + fd_array_len);
    for &fd in &fds {
        out.extend_from_slice(&cff.fds[fd].private);
    }
    debug_assert_eq!(out.len(), private_at);
    Some(out)
}

const CID_COUNT: dict::Op = 1234;

/// An INDEX with four-byte offsets, whose size is known from its items alone.
fn index_with_4_byte_offsets(out: &mut Vec<u8>, items: &[&[u8]]) {
    out.extend_from_slice(&(items.len() as u16).to_be_bytes());
    out.push(4);
    let mut offset = 1u32;
    out.extend_from_slice(&offset.to_be_bytes());
    for item in items {
        offset += item.len() as u32;
        out.extend_from_slice(&offset.to_be_bytes());
    }
    for item in items {
        out.extend_from_slice(item);
    }
}

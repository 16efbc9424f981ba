//! The one compressor of the PDF writer: zlib (`FlateDecode`) streams.

use std::cell::RefCell;
use std::collections::BTreeMap;

use flate2::{Compress, Compression, FlushCompress, Status};

/// Level for font programs: they hardly compress and are large, so a fast level saves
/// time for a few bytes.
pub(super) const FAST: u32 = 2;
/// Level for text (content streams, ToUnicode maps, the attached JSON): it compresses
/// well, so the default level is worth it.
pub(super) const TEXT: u32 = 6;

/// Compresses a stream at `level`. Each thread keeps its compressors, so a batch does not
/// allocate and fault in their tables for every stream.
pub(super) fn deflate(data: &[u8], level: u32) -> Vec<u8> {
    thread_local! {
        static COMPRESSORS: RefCell<BTreeMap<u32, Compress>> =
            const { RefCell::new(BTreeMap::new()) };
    }
    COMPRESSORS.with_borrow_mut(|all| {
        let c = all.entry(level).or_insert_with(|| Compress::new(Compression::new(level), true));
        c.reset();
        let mut out = Vec::with_capacity(data.len() / 2 + 64);
        loop {
            let consumed = c.total_in() as usize;
            if out.len() == out.capacity() {
                out.reserve(out.capacity().max(1024));
            }
            match c.compress_vec(&data[consumed..], &mut out, FlushCompress::Finish) {
                Ok(Status::StreamEnd) => break,
                Ok(_) => {}
                Err(e) => unreachable!("compressing to memory cannot fail: {e}"),
            }
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_at_both_levels_and_reuses_the_compressor() {
        let text: Vec<u8> = "政府信息公开工作年度报告 BT /F0 16 Tf ET\n".repeat(200).into_bytes();
        for level in [FAST, TEXT, FAST] {
            let packed = deflate(&text, level);
            assert!(packed.len() < text.len() / 4, "level {level}: {}", packed.len());
            let mut back = Vec::new();
            std::io::Read::read_to_end(&mut flate2::read::ZlibDecoder::new(&packed[..]), &mut back)
                .unwrap();
            assert_eq!(back, text);
        }
        assert_eq!(deflate(&text, TEXT), deflate(&text, TEXT), "a reset compressor");
    }
}

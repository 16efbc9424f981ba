//! Stream data with a ceiling: a hostile PDF can pack gigabytes into a few kilobytes of
//! deflate ("zip bomb"), so every stream the reader decodes goes through here.

use std::io::Read;

use hayro_syntax::Filter;
use hayro_syntax::object::Stream;

/// Most bytes one decoded stream may have (a real report's page content is some
/// hundred kilobytes; a font's ToUnicode map some ten).
pub(super) const MAX_DECODED: u64 = 32 << 20;

/// Largest raw stream handed to the general decoder, which has no ceiling of its own:
/// filters other than plain deflate (LZW, ASCII85, deflate with a predictor, chains) are
/// rare in text, and at this size even LZW cannot blow up past some hundred megabytes.
const MAX_RAW_OTHER: usize = 64 << 10;

/// The decoded data of a stream, or `None` when it cannot be decoded within the limits.
pub(super) fn decode(stream: &Stream<'_>) -> Option<Vec<u8>> {
    let filters = stream.filters();
    let raw = stream.raw_data();
    match filters.as_slice() {
        [] => Some(raw.into_owned()),
        [Filter::FlateDecode] if !stream.dict().contains_key(b"DecodeParms") => inflate(&raw),
        _ if raw.len() <= MAX_RAW_OTHER => {
            let data = stream.decoded().ok()?;
            (data.len() as u64 <= MAX_DECODED).then(|| data.into_owned())
        }
        _ => None,
    }
}

/// Inflates zlib data (or raw deflate, which some writers produce), stopping at
/// [`MAX_DECODED`]. A stream cut short keeps what was decoded before the damage, as
/// viewers do.
fn inflate(raw: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let zlib = flate2::read::ZlibDecoder::new(raw).take(MAX_DECODED + 1).read_to_end(&mut out);
    if zlib.is_err() && out.is_empty() {
        out.clear();
        let _ = flate2::read::DeflateDecoder::new(raw).take(MAX_DECODED + 1).read_to_end(&mut out);
    }
    if out.len() as u64 > MAX_DECODED || out.is_empty() && !raw.is_empty() {
        return None;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn inflates_and_keeps_a_damaged_tail_out() {
        assert_eq!(inflate(&zlib(b"BT /F1 12 Tf ET")).unwrap(), b"BT /F1 12 Tf ET");
        let mut cut = zlib(&b"0 0 m 1 1 l S\n".repeat(1000));
        cut.truncate(cut.len() / 2);
        assert!(inflate(&cut).is_some_and(|d| !d.is_empty()));
    }

    #[test]
    fn refuses_a_bomb() {
        let bomb = zlib(&vec![b' '; (MAX_DECODED + 10) as usize]);
        assert!(bomb.len() < 100_000);
        assert_eq!(inflate(&bomb), None);
    }
}

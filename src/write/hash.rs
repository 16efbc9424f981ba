//! FNV-1a with a 128-bit state: the hash behind the writers' content-derived identifiers
//! (the PDF file ID, the PDF font subset tags, the DOCX embedded-font keys).
//!
//! These identifiers end up in the output bytes, and the same input must give the same
//! bytes on every build. `std::hash::DefaultHasher` does not promise that: its algorithm
//! may change with any Rust release. FNV-1a is fixed by its specification (Fowler, Noll
//! and Vo; IETF draft-eastlake-fnv, "The FNV Non-Cryptographic Hash Algorithm"): for each
//! byte, `h = (h XOR byte) * prime` modulo 2^128, starting from the offset basis. It is
//! not cryptographic, and needs not be: these values only have to change when the content
//! does and stay put otherwise. Written here rather than taken from a crate because it is
//! a dozen lines and adds nothing to the dependency tree.

/// The 128-bit FNV offset basis (draft-eastlake-fnv §5).
const OFFSET_BASIS: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
/// The 128-bit FNV prime, 2^88 + 2^8 + 0x3b (draft-eastlake-fnv §5).
const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;

/// An FNV-1a 128 hash being computed.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fnv1a128(u128);

impl Fnv1a128 {
    /// The hash of nothing: the offset basis.
    pub(crate) const fn new() -> Self {
        Fnv1a128(OFFSET_BASIS)
    }

    /// Hashes `bytes` as they are: hashing `a` then `b` equals hashing `a ++ b`.
    pub(crate) fn bytes(&mut self, bytes: &[u8]) -> &mut Self {
        let mut h = self.0;
        for &b in bytes {
            h = (h ^ u128::from(b)).wrapping_mul(PRIME);
        }
        self.0 = h;
        self
    }

    /// Hashes one field of several: its length (8 bytes, big-endian), then its bytes. The
    /// length keeps fields apart, so that `("ab", "c")` and `("a", "bc")` differ.
    pub(crate) fn field(&mut self, bytes: &[u8]) -> &mut Self {
        self.bytes(&(bytes.len() as u64).to_be_bytes()).bytes(bytes)
    }

    /// The hash as a number.
    pub(crate) fn value(&self) -> u128 {
        self.0
    }

    /// The hash as 16 bytes, most significant first (the order the specification prints).
    pub(crate) fn digest(&self) -> [u8; 16] {
        self.0.to_be_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(s: &str) -> u128 {
        Fnv1a128::new().bytes(s.as_bytes()).value()
    }

    #[test]
    fn published_test_vectors() {
        // The FNV-1a 128 vectors of the reference test suite (test_fnv.c) and of
        // draft-eastlake-fnv.
        assert_eq!(of(""), 0x6c62272e07bb014262b821756295c58d);
        assert_eq!(of("a"), 0xd228cb696f1a8caf78912b704e4a8964);
        assert_eq!(of("fo"), 0x08809542c0ab1be95aa0733055b5ae22);
        assert_eq!(of("foo"), 0xa68d5ed15f8b5822836dbc79768d78bf);
        assert_eq!(of("foobar"), 0x343e1662793c64bf6f0d3597ba446f18);
    }

    #[test]
    fn bytes_stream_and_fields_separate() {
        let mut split = Fnv1a128::new();
        split.bytes(b"foo").bytes(b"bar");
        assert_eq!(split.value(), of("foobar"));
        assert_eq!(split.digest(), 0x343e1662793c64bf6f0d3597ba446f18u128.to_be_bytes());

        let mut a = Fnv1a128::new();
        a.field(b"ab").field(b"c");
        let mut b = Fnv1a128::new();
        b.field(b"a").field(b"bc");
        assert_ne!(a.value(), b.value());
        // A field is its length, big-endian, then its bytes.
        let mut c = Fnv1a128::new();
        c.bytes(&[0, 0, 0, 0, 0, 0, 0, 2])
            .bytes(b"ab")
            .bytes(&[0, 0, 0, 0, 0, 0, 0, 1])
            .bytes(b"c");
        assert_eq!(a.value(), c.value());
    }
}

//! Embedded-font obfuscation (ECMA-376 Part 1 §17.8.1): each font part is XORed with a
//! key, a GUID that the font table names beside it. It is not protection, only what the
//! format requires of an embedded font.

use crate::write::hash::Fnv1a128;

/// A GUID in braces derived from the font's bytes (their FNV-1a 128 hash), so that the
/// same document gets the same key on every run and every build.
pub(super) fn guid(font: &[u8]) -> String {
    let hex = format!("{:032X}", Fnv1a128::new().bytes(font).value());
    format!("{{{}-{}-{}-{}-{}}}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..])
}

/// XORs the first 32 bytes of the font with the key: the GUID's 16 bytes, read from its
/// hex digits, in reverse order. Applied twice, it gives the font back.
pub(super) fn obfuscate(mut font: Vec<u8>, guid: &str) -> Vec<u8> {
    let hex: String = guid.chars().filter(|c| c.is_ascii_hexdigit()).collect();
    let key: Vec<u8> =
        (0..16).map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap_or(0)).collect();
    for i in 0..32.min(font.len()) {
        font[i] ^= key[15 - i % 16];
    }
    font
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_is_a_guid_of_the_fonts_hash() {
        // FNV-1a 128 of "a" is d228cb696f1a8caf78912b704e4a8964.
        assert_eq!(guid(b"a"), "{D228CB69-6F1A-8CAF-7891-2B704E4A8964}");
        assert_ne!(guid(b"b"), guid(b"a"));
    }

    #[test]
    fn obfuscation_is_its_own_inverse() {
        let font: Vec<u8> = (0..64).collect();
        let key = guid(&font);
        assert_eq!(key.len(), 38);
        let once = obfuscate(font.clone(), &key);
        assert_ne!(once, font);
        assert_eq!(once[32..], font[32..]);
        assert_eq!(obfuscate(once.clone(), &key), font);
    }

    #[test]
    fn the_guids_bytes_go_in_reverse() {
        let once = obfuscate(vec![0; 40], "{00112233-4455-6677-8899-AABBCCDDEEFF}");
        let reversed: Vec<u8> = (0..16u8).rev().map(|i| i * 0x11).collect();
        assert_eq!(once[..16], reversed[..]);
        assert_eq!(once[16..32], reversed[..]);
        assert_eq!(once[32..], [0; 8]);
    }
}

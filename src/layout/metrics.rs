//! Where the layout gets glyphs and their widths.
//!
//! The real source is the [`FontBook`]; tests use fixed metrics instead, so that what
//! they check does not hang on the exact advances of the bundled fonts. Layout is
//! generic over the source, not dynamic: the per-character lookup stays a direct call.

use crate::fonts::{FaceId, FontBook, MissingGlyph, Role};

/// A source of glyphs: for a role and a character, the face that sets it, the glyph id
/// in that face and its advance in em.
pub trait Metrics {
    /// The face, glyph and advance (in em) that set `ch` in `role`, or the character
    /// that no face of the role has.
    fn lookup(&self, role: Role, ch: char) -> Result<(FaceId, u16, f32), MissingGlyph>;
}

impl Metrics for FontBook {
    #[inline]
    fn lookup(&self, role: Role, ch: char) -> Result<(FaceId, u16, f32), MissingGlyph> {
        FontBook::lookup(self, role, ch)
    }
}

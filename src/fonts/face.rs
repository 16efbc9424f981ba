//! One font face: its bytes, the parsed face for metrics, and what the writers need.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

use super::cff::Cff;

/// Index of a face in a [`FontBook`].
pub type FaceId = usize;

/// One font face: its bytes, a parsed face for metrics, and its PDF font once needed.
pub struct Face {
    /// A name for messages and layout dumps.
    pub name: String,
    data: &'static [u8],
    index: u32,
    face: ttf_parser::Face<'static>,
    units_per_em: f32,
    /// The CFF outlines, read for subsetting the first time a PDF needs them.
    cff: OnceLock<Option<Cff>>,
    /// Recent answers of [`Face::glyph`] ([`GlyphCache`]).
    glyphs: GlyphCache,
}

/// Slots of a face's glyph cache: the characters of a few reports' text.
const GLYPH_SLOTS: usize = 4096;

/// A small cache of character → glyph and advance, shared by the threads of a batch
/// without locks: each slot holds one answer packed into a word, written whole. A slot
/// holds the answer for one character at a time; a character that finds another there
/// asks the font again. The answers are the font's, so a race changes nothing but time.
struct GlyphCache(Box<[AtomicU64]>);

impl GlyphCache {
    const KNOWN: u64 = 1 << 21;
    const PRESENT: u64 = 1 << 22;

    fn new() -> GlyphCache {
        GlyphCache((0..GLYPH_SLOTS).map(|_| AtomicU64::new(0)).collect())
    }

    fn slot(&self, ch: char) -> &AtomicU64 {
        let c = ch as usize;
        &self.0[(c ^ (c >> 12)) % GLYPH_SLOTS]
    }

    /// The cached answer for `ch`: `None` if not cached, `Some(None)` if the face lacks it.
    fn get(&self, ch: char) -> Option<Option<(u16, u16)>> {
        let v = self.slot(ch).load(Ordering::Relaxed);
        if v & Self::KNOWN == 0 || (v & 0x1F_FFFF) as u32 != ch as u32 {
            return None;
        }
        Some((v & Self::PRESENT != 0).then_some(((v >> 23) as u16, (v >> 39) as u16)))
    }

    fn put(&self, ch: char, answer: Option<(u16, u16)>) {
        let mut v = ch as u64 | Self::KNOWN;
        if let Some((gid, advance)) = answer {
            v |= Self::PRESENT | u64::from(gid) << 23 | u64::from(advance) << 39;
        }
        self.slot(ch).store(v, Ordering::Relaxed);
    }
}

impl Face {
    pub(super) fn parse(
        name: String,
        data: &'static [u8],
        index: u32,
    ) -> Result<Face, ttf_parser::FaceParsingError> {
        let face = ttf_parser::Face::parse(data, index)?;
        let units_per_em = f32::from(face.units_per_em());
        let glyphs = GlyphCache::new();
        Ok(Face { name, data, index, face, units_per_em, cff: OnceLock::new(), glyphs })
    }

    /// The glyph for `ch` and its advance in em, if the face has it.
    pub fn glyph(&self, ch: char) -> Option<(u16, f32)> {
        let answer = match self.glyphs.get(ch) {
            Some(answer) => answer,
            None => {
                let answer = self
                    .face
                    .glyph_index(ch)
                    .map(|gid| (gid.0, self.face.glyph_hor_advance(gid).unwrap_or(0)));
                self.glyphs.put(ch, answer);
                answer
            }
        };
        answer.map(|(gid, advance)| (gid, f32::from(advance) / self.units_per_em))
    }

    /// The family name from the font's name table.
    pub fn family(&self) -> Option<String> {
        self.face
            .names()
            .into_iter()
            .filter(|n| n.name_id == ttf_parser::name_id::FAMILY && n.is_unicode())
            .find_map(|n| n.to_string())
    }

    /// The font file's bytes and the face's index in it.
    pub fn data(&self) -> (&'static [u8], u32) {
        (self.data, self.index)
    }

    /// The parsed face, for metrics.
    pub fn ttf(&self) -> &ttf_parser::Face<'static> {
        &self.face
    }

    /// Units per em.
    pub fn units_per_em(&self) -> f32 {
        self.units_per_em
    }

    /// The PostScript name, for the PDF's font names.
    pub fn postscript_name(&self) -> String {
        let ps: String = self
            .face
            .names()
            .into_iter()
            .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
            .find_map(|n| n.to_string())
            .unwrap_or_else(|| self.name.clone())
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .take(60)
            .collect();
        if ps.is_empty() { "Font".into() } else { ps }
    }

    /// Whether the outlines are CFF (embedded as `FontFile3`) rather than TrueType.
    pub fn is_cff(&self) -> bool {
        self.face.tables().cff.is_some()
    }

    /// A CFF subset of the glyphs `gids` (renumbered in that order, `.notdef` first),
    /// flattened and without hints; `None` for TrueType outlines or a CFF this reader
    /// does not handle.
    pub fn cff_subset(&self, gids: &[u16]) -> Option<Vec<u8>> {
        let cff = self.cff.get_or_init(|| {
            let table = self.face.raw_face().table(ttf_parser::Tag::from_bytes(b"CFF "))?;
            Cff::read(table)
        });
        cff.as_ref()?.subset(gids)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cached_glyphs_are_the_fonts_answers() {
        let face = &crate::fonts::FontBook::bundled().faces()[0];
        let text = "政府信息公开年度报告（一）、。“”0123456789ABCxyz\u{10FFFD}\u{20000}";
        for _ in 0..3 {
            for ch in text.chars() {
                let direct = face.face.glyph_index(ch).map(|g| {
                    let a = face.face.glyph_hor_advance(g).unwrap_or(0);
                    (g.0, f32::from(a) / face.units_per_em)
                });
                assert_eq!(face.glyph(ch), direct, "{ch}");
            }
        }
        // Two characters in one slot take turns.
        let c = GlyphCache::new();
        let a = '政';
        let b = (a as u32 + 1..)
            .filter_map(char::from_u32)
            .find(|b| std::ptr::eq(c.slot(*b), c.slot(a)))
            .unwrap();
        c.put(a, Some((7, 1000)));
        assert_eq!(c.get(a), Some(Some((7, 1000))));
        assert_eq!(c.get(b), None);
        c.put(b, None);
        assert_eq!((c.get(b), c.get(a)), (Some(None), None));
    }
}

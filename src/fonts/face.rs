//! One font face: its bytes, the parsed face for metrics, and what the writers need.

use std::sync::OnceLock;

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
}

impl Face {
    pub(super) fn parse(
        name: String,
        data: &'static [u8],
        index: u32,
    ) -> Result<Face, ttf_parser::FaceParsingError> {
        let face = ttf_parser::Face::parse(data, index)?;
        let units_per_em = f32::from(face.units_per_em());
        Ok(Face { name, data, index, face, units_per_em, cff: OnceLock::new() })
    }

    /// The glyph for `ch` and its advance in em, if the face has it.
    pub fn glyph(&self, ch: char) -> Option<(u16, f32)> {
        let gid = self.face.glyph_index(ch)?;
        let advance = self.face.glyph_hor_advance(gid).unwrap_or(0);
        Some((gid.0, f32::from(advance) / self.units_per_em))
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

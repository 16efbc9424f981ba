//! Fonts for the PDF: the bundled open fonts, the role each plays, an agency's own font
//! files, and per-character lookup through a fallback chain.
//!
//! Every role (title, level-1 heading, level-2 heading, body, page number) has a chain of
//! faces. A character is set in the first face of its role's chain that has it; if none
//! has it, layout stops with an error that names the character. The layout engine
//! measures with [`ttf_parser`] and the PDF writer draws the same glyph ids, so measured
//! and drawn widths agree.

mod cff;
mod face;
mod role;
mod user;

use std::sync::OnceLock;

pub use cff::strip_hints;
pub use face::{Face, FaceId};
pub use role::Role;
pub use user::{FontError, FontErrorKind, FontOverride};

/// The bundled font files (see `fonts/README.md`).
static SERIF_REGULAR: &[u8] = include_bytes!("../../fonts/NotoSerifCJK-Regular.ttc");
static SERIF_BOLD: &[u8] = include_bytes!("../../fonts/NotoSerifCJK-Bold.ttc");
static SANS_REGULAR: &[u8] = include_bytes!("../../fonts/NotoSansCJK-Regular.ttc");
static WENKAI_REGULAR: &[u8] = include_bytes!("../../fonts/LXGWWenKai-Regular.ttf");

/// The face of the Noto CJK collections with the Simplified Chinese forms.
const NOTO_SC_INDEX: u32 = 2;

/// Characters that take no room and need no glyph: zero-width spaces and joiners,
/// variation selectors, the byte-order mark, soft hyphens.
pub fn is_ignorable(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}'
        | '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}')
}

/// The faces in use and the fallback chain of each role.
pub struct FontBook {
    faces: Vec<Face>,
    chains: [Vec<FaceId>; 5],
}

/// A character no face of its role's chain has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingGlyph {
    /// The character.
    pub ch: char,
    /// The role it was to be set in.
    pub role: Role,
}

/// Noto Serif CJK SC, the first bundled face (body, page numbers).
pub const SERIF: FaceId = 0;
/// Noto Serif CJK SC Bold (title).
pub const SERIF_B: FaceId = 1;
/// Noto Sans CJK SC (level-1 headings).
pub const SANS: FaceId = 2;
/// LXGW WenKai (level-2 headings).
pub const KAI: FaceId = 3;

impl FontBook {
    /// The bundled open fonts (see `fonts/README.md`).
    pub fn bundled() -> &'static FontBook {
        static BOOK: OnceLock<FontBook> = OnceLock::new();
        BOOK.get_or_init(|| {
            FontBook::with_overrides(&[]).expect("the bundled fonts are valid (tested)")
        })
    }

    /// The bundled fonts with some roles pointed at the user's font files; those files
    /// are read and checked here.
    pub fn with_overrides(overrides: &[FontOverride]) -> Result<FontBook, FontError> {
        let bundled = [
            ("Noto Serif CJK SC", SERIF_REGULAR, NOTO_SC_INDEX),
            ("Noto Serif CJK SC Bold", SERIF_BOLD, NOTO_SC_INDEX),
            ("Noto Sans CJK SC", SANS_REGULAR, NOTO_SC_INDEX),
            ("LXGW WenKai", WENKAI_REGULAR, 0),
        ];
        let mut faces = Vec::new();
        for (name, data, index) in bundled {
            let face = Face::parse(name.to_string(), data, index).map_err(|e| FontError {
                file: name.to_string(),
                index,
                kind: FontErrorKind::Parse(e),
            })?;
            faces.push(face);
        }
        let fallback = |first: FaceId| -> Vec<FaceId> {
            let mut chain = vec![first];
            chain.extend([SERIF, SANS, KAI, SERIF_B].into_iter().filter(|f| *f != first));
            chain
        };
        let mut chains =
            [fallback(SERIF_B), fallback(SANS), fallback(KAI), fallback(SERIF), fallback(SERIF)];
        for o in overrides {
            let face = user::load_user_face(o)?;
            faces.push(face);
            let id = faces.len() - 1;
            let chain = &mut chains[o.role.slot()];
            chain.retain(|f| *f < 4);
            chain.insert(0, id);
        }
        Ok(FontBook { faces, chains })
    }

    /// The face with this id.
    pub fn face(&self, id: FaceId) -> &Face {
        &self.faces[id]
    }

    /// All faces.
    pub fn faces(&self) -> &[Face] {
        &self.faces
    }

    /// The first face of the role's chain that has `ch`, with the glyph and its advance in em.
    pub fn lookup(&self, role: Role, ch: char) -> Result<(FaceId, u16, f32), MissingGlyph> {
        self.chains[role.slot()]
            .iter()
            .find_map(|&f| self.faces[f].glyph(ch).map(|(g, a)| (f, g, a)))
            .ok_or(MissingGlyph { ch, role })
    }

    /// Whether some face of the book can print `ch` (or it needs no glyph). Every role's
    /// chain ends in all the bundled faces, so this is the same for every role.
    pub fn prints(&self, ch: char) -> bool {
        let c = if ch.is_control() { ' ' } else { ch };
        is_ignorable(c) || self.faces.iter().any(|f| f.glyph(c).is_some())
    }

    /// The role's own face (first in its chain).
    pub fn primary(&self, role: Role) -> FaceId {
        self.chains[role.slot()][0]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_faces_are_the_simplified_chinese_ones() {
        let book = FontBook::bundled();
        let families: Vec<_> = book.faces().iter().map(|f| f.family().unwrap()).collect();
        assert_eq!(
            families,
            ["Noto Serif CJK SC", "Noto Serif CJK SC", "Noto Sans CJK SC", "LXGW WenKai"]
        );
        let ps: Vec<_> = book.faces().iter().map(|f| f.postscript_name()).collect();
        assert_eq!(
            ps,
            [
                "NotoSerifCJKsc-Regular",
                "NotoSerifCJKsc-Bold",
                "NotoSansCJKsc-Regular",
                "LXGWWenKai-Regular"
            ]
        );
    }

    #[test]
    fn roles_fall_back_through_the_chain() {
        let book = FontBook::bundled();
        assert_eq!(book.lookup(Role::Heading2, '政').unwrap().0, KAI);
        assert_eq!(book.lookup(Role::Title, '政').unwrap().0, SERIF_B);
        // U+10FFFD is in no font.
        assert_eq!(
            book.lookup(Role::Body, '\u{10FFFD}'),
            Err(MissingGlyph { ch: '\u{10FFFD}', role: Role::Body })
        );
    }

    #[test]
    fn overrides_parse() {
        let o: FontOverride = "正文=/x/fs.ttc#3".parse().unwrap();
        assert_eq!((o.role, o.path.to_str().unwrap(), o.index), (Role::Body, "/x/fs.ttc", 3));
        let o: FontOverride = "title=a#b.ttf".parse().unwrap();
        assert_eq!((o.role, o.path.to_str().unwrap(), o.index), (Role::Title, "a#b.ttf", 0));
        assert!("xx=/a".parse::<FontOverride>().unwrap_err().contains("不是字体的用途"));
        assert!("/a.ttf".parse::<FontOverride>().is_err());
    }
}

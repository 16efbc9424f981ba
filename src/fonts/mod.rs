//! Fonts for the PDF: the bundled open fonts, the role each plays, an agency's own font
//! files, and per-character lookup through a fallback chain.
//!
//! Every role (title, level-1 heading, level-2 heading, body, page number) has a chain of
//! faces: the user's `--font` file for the role, then the official fonts of the role
//! installed on the machine ([`installed`]), then the bundled faces. A character is set in
//! the first face of its role's chain that has it; if none has it, layout stops with an
//! error that names the character. [`FontBook::served`] says which font leads each
//! chain, for the line `render` prints. The layout engine
//! measures with [`ttf_parser`] and the PDF writer draws the same glyph ids, so measured
//! and drawn widths agree.

mod cff;
mod face;
pub mod installed;
mod role;
mod served;
mod user;

use std::sync::OnceLock;

pub use cff::strip_hints;
pub use face::{Face, FaceId};
pub use installed::Search;
pub use role::{OfficialFamily, Role};
pub use served::{Served, summary};
pub use user::{FontError, FontErrorKind, FontOverride};

/// The bundled font files (see `fonts/README.md`).
static SERIF_REGULAR: &[u8] = include_bytes!("../../fonts/NotoSerifCJKsc-Regular.otf");
static SERIF_BOLD: &[u8] = include_bytes!("../../fonts/NotoSerifCJKsc-Bold.otf");
static SANS_REGULAR: &[u8] = include_bytes!("../../fonts/NotoSansCJKsc-Regular.otf");
static WENKAI_REGULAR: &[u8] = include_bytes!("../../fonts/LXGWWenKai-Regular.ttf");

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
    served: [Served; 5],
}

/// How the fonts of a run are chosen.
#[derive(Clone, Debug, Default)]
pub struct Choice {
    /// The user's font files (`--font`), each for a role; the last one of a role wins.
    pub overrides: Vec<FontOverride>,
    /// Where to look for the official fonts; `None` uses the bundled faces only
    /// (`--fonts bundled`).
    pub installed: Option<Search>,
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
        FontBook::load(&Choice { overrides: overrides.to_vec(), installed: None })
    }

    /// The fonts of a run: for each role, the user's file (read and checked here; a bad
    /// one is an error), then the installed official fonts whose licence lets the PDF
    /// carry them and that have the common characters (others are passed over, and
    /// [`Served`] says why), then the bundled faces.
    pub fn load(choice: &Choice) -> Result<FontBook, FontError> {
        let bundled = [
            ("Noto Serif CJK SC", SERIF_REGULAR, 0),
            ("Noto Serif CJK SC Bold", SERIF_BOLD, 0),
            ("Noto Sans CJK SC", SANS_REGULAR, 0),
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
        let own_faces: [FaceId; 5] = [SERIF_B, SANS, KAI, SERIF, SERIF];
        let mut chains: [Vec<FaceId>; 5] = Default::default();
        let mut served: [Served; 5] = own_faces.map(|f| Served::Bundled {
            face: faces[f].name.clone(),
            searched: choice.installed.is_some(),
            passed_over: None,
        });
        // The user's files, the last one of a role winning.
        for role in Role::ALL {
            if let Some(o) = choice.overrides.iter().rev().find(|o| o.role == role) {
                let face = user::load_user_face(o)?;
                served[role.slot()] = Served::Own {
                    family: face.family().unwrap_or_else(|| face.name.clone()),
                    file: face.name.clone(),
                };
                faces.push(face);
                chains[role.slot()].push(faces.len() - 1);
            }
        }
        if let Some(search) = &choice.installed {
            let found = installed::find(search);
            for role in Role::ALL {
                let mut families_used: Vec<&str> = Vec::new();
                for candidate in &found[role.slot()] {
                    if families_used.contains(&candidate.family.shown) {
                        continue;
                    }
                    let face = match user::load_face(&candidate.path, candidate.index) {
                        Ok(face) if installed::covers(&face, role) => face,
                        Ok(_) => {
                            served[role.slot()].pass_over(candidate.family.shown, "缺少常用字");
                            continue;
                        }
                        Err(e) => {
                            served[role.slot()].pass_over(candidate.family.shown, e.kind.brief());
                            continue;
                        }
                    };
                    families_used.push(candidate.family.shown);
                    if chains[role.slot()].is_empty() {
                        served[role.slot()] = Served::Installed {
                            family: candidate.family.shown,
                            file: file_name(&candidate.path),
                        };
                    }
                    let mut face = face;
                    face.name = candidate.family.shown.to_string();
                    faces.push(face);
                    chains[role.slot()].push(faces.len() - 1);
                }
            }
        }
        for (chain, first) in chains.iter_mut().zip(own_faces) {
            chain.push(first);
            chain.extend([SERIF, SANS, KAI, SERIF_B].into_iter().filter(|f| *f != first));
        }
        Ok(FontBook { faces, chains, served })
    }

    /// Which font leads each role's chain, in [`Role::ALL`] order.
    pub fn served(&self) -> &[Served; 5] {
        &self.served
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

/// The file name of a path, for messages.
fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .map_or_else(|| crate::source::display_path(path), |n| n.to_string_lossy().into_owned())
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

//! The fonts of the DOCX, as data: for each font role ([`Role`]), the official font the
//! document names, the open family named instead with `--embed-fonts`, and the bundled
//! faces embedded for that family; and which role, in which weight, each kind of text is
//! set in.
//!
//! The styles ([`super::styles`]) read the names and weights, the embedding
//! ([`super::embed`]) reads the faces and weights; neither knows the other, so a font
//! changes here and nowhere else.

use crate::fonts::{FaceId, KAI, Role, SANS, SERIF, SERIF_B};

/// An open font family that nianbao bundles (see `fonts/README.md`) and can embed.
pub(super) struct OpenFamily {
    /// The family name, as written in the document; the same as in the faces' `name`
    /// tables, which the embedded subsets keep.
    pub(super) name: &'static str,
    /// The bundled regular face.
    pub(super) regular: FaceId,
    /// The bundled bold face, if the family has one; bold text of a family without one is
    /// embedded with the regular face.
    pub(super) bold: Option<FaceId>,
}

const NOTO_SERIF: OpenFamily =
    OpenFamily { name: "Noto Serif CJK SC", regular: SERIF, bold: Some(SERIF_B) };
const NOTO_SANS: OpenFamily = OpenFamily { name: "Noto Sans CJK SC", regular: SANS, bold: None };
const WENKAI: OpenFamily = OpenFamily { name: "LXGW WenKai", regular: KAI, bold: None };

/// The open families, in the order they are embedded and listed in the font table.
pub(super) const OPEN_FAMILIES: [&OpenFamily; 3] = [&NOTO_SERIF, &NOTO_SANS, &WENKAI];

/// The fonts of one role.
pub(super) struct RoleFont {
    /// The role; its official font is [`Role::official_font`].
    pub(super) role: Role,
    /// The open family that stands in for the official font.
    pub(super) open: &'static OpenFamily,
    /// Whether the role is set in bold where the open family stands in: 方正小标宋简体 is
    /// a heavy face, and of Noto Serif only the bold matches it (the PDF sets the title in
    /// it too).
    pub(super) open_bold: bool,
}

impl RoleFont {
    /// The name written into the document: the official font, or with embedded fonts
    /// the open one that is embedded.
    pub(super) fn written(&self, open: bool) -> &'static str {
        if open { self.open.name } else { self.role.official_font() }
    }
}

/// Every role, in the order the font table lists the official fonts.
pub(super) const ROLE_FONTS: [RoleFont; 5] = [
    RoleFont { role: Role::Body, open: &NOTO_SERIF, open_bold: false },
    RoleFont { role: Role::Title, open: &NOTO_SERIF, open_bold: true },
    RoleFont { role: Role::Heading1, open: &NOTO_SANS, open_bold: false },
    RoleFont { role: Role::Heading2, open: &WENKAI, open_bold: false },
    RoleFont { role: Role::PageNumber, open: &NOTO_SERIF, open_bold: false },
];

/// The fonts of a role.
pub(super) fn font(role: Role) -> &'static RoleFont {
    ROLE_FONTS.iter().find(|f| f.role == role).expect("every role has a row")
}

/// How one kind of text is set: its role, and whether in bold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Setting {
    /// The font role.
    pub(super) role: Role,
    /// Bold whatever the font (level-3 headings are bold 仿宋).
    pub(super) bold: bool,
}

impl Setting {
    /// Whether the text is bold: always if the setting says so, and with the open fonts
    /// also if its role is ([`RoleFont::open_bold`]).
    pub(super) fn is_bold(self, open: bool) -> bool {
        self.bold || (open && font(self.role).open_bold)
    }

    /// The family the text is in with the open fonts, and the face embedded for it.
    pub(super) fn open_face(self) -> (&'static OpenFamily, FaceId) {
        let family = font(self.role).open;
        let face = match family.bold {
            Some(bold) if self.is_bold(true) => bold,
            _ => family.regular,
        };
        (family, face)
    }
}

/// The title (方正小标宋简体).
pub(super) const TITLE: Setting = Setting { role: Role::Title, bold: false };
/// Body text, and everything else not named here: byline, tables, notes, signature.
pub(super) const BODY: Setting = Setting { role: Role::Body, bold: false };
/// The draft mark above the title: in the level-1 headings' 黑体, to stand out.
pub(super) const DRAFT_MARK: Setting = Setting { role: Role::Heading1, bold: false };
/// Page numbers (宋体).
pub(super) const PAGE_NUMBER: Setting = Setting { role: Role::PageNumber, bold: false };

/// A heading of a level (1–4, as [`crate::doc::Block::Heading`]): 一、 黑体, （一） 楷体,
/// then 仿宋 (GB/T 9704 §7.3.3), level 3 (1.) in bold as the reports set it. Levels out of
/// range are taken as the nearest one, as the document part does.
pub(super) fn heading(level: u8) -> Setting {
    match level {
        ..=1 => Setting { role: Role::Heading1, bold: false },
        2 => Setting { role: Role::Heading2, bold: false },
        3 => Setting { role: Role::Body, bold: true },
        _ => BODY,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::FontBook;

    #[test]
    fn every_role_has_one_row() {
        for role in Role::ALL {
            assert_eq!(ROLE_FONTS.iter().filter(|f| f.role == role).count(), 1, "{role:?}");
            assert!(OPEN_FAMILIES.iter().any(|f| f.name == font(role).open.name), "{role:?}");
        }
    }

    #[test]
    fn open_families_name_their_faces_families() {
        let book = FontBook::bundled();
        for family in OPEN_FAMILIES {
            for face in [Some(family.regular), family.bold].into_iter().flatten() {
                assert_eq!(book.face(face).family().as_deref(), Some(family.name));
            }
        }
    }

    #[test]
    fn embedded_faces_are_the_ones_the_pdf_uses() {
        // With the open fonts, a DOCX should look like the PDF: each role's text in the
        // face that the font book sets that role in.
        let book = FontBook::bundled();
        for role in Role::ALL {
            let (_, face) = Setting { role, bold: false }.open_face();
            assert_eq!(face, book.primary(role), "{role:?}");
        }
        assert_eq!(heading(3).open_face().1, SERIF_B);
        assert_eq!(heading(4).open_face().1, SERIF);
    }

    #[test]
    fn names_follow_the_choice_of_fonts() {
        assert_eq!(font(Role::Body).written(false), "仿宋_GB2312");
        assert_eq!(font(Role::Body).written(true), "Noto Serif CJK SC");
        assert_eq!(font(Role::Heading2).written(true), "LXGW WenKai");
        assert!(TITLE.is_bold(true) && !TITLE.is_bold(false));
        assert!(heading(3).is_bold(false) && !BODY.is_bold(true));
        assert_eq!(heading(0), heading(1));
        assert_eq!(heading(9), BODY);
    }
}

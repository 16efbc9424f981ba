//! Fonts for the PDF: the bundled open fonts, the role each plays, an agency's own font
//! files, and per-character lookup through a fallback chain.
//!
//! Every role (title, level-1 heading, level-2 heading, body, page number) has a chain of
//! faces. A character is set in the first face of its role's chain that has it; if none
//! has it, layout stops with an error that names the character. The layout engine
//! measures with [`ttf_parser`] and the PDF writer draws the same glyph ids, so measured
//! and drawn widths agree.

use std::sync::OnceLock;

/// The bundled font files (see `fonts/README.md`).
static SERIF_REGULAR: &[u8] = include_bytes!("../fonts/NotoSerifCJK-Regular.ttc");
static SERIF_BOLD: &[u8] = include_bytes!("../fonts/NotoSerifCJK-Bold.ttc");
static SANS_REGULAR: &[u8] = include_bytes!("../fonts/NotoSansCJK-Regular.ttc");
static WENKAI_REGULAR: &[u8] = include_bytes!("../fonts/LXGWWenKai-Regular.ttf");

/// The face of the Noto CJK collections with the Simplified Chinese forms.
const NOTO_SC_INDEX: u32 = 2;

/// What a font is used for in the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// The title (方正小标宋简体 in official documents).
    Title,
    /// Level-1 headings 一、 (黑体).
    Heading1,
    /// Level-2 headings （一） (楷体_GB2312).
    Heading2,
    /// Body text, level-3/4 headings, tables, signature (仿宋_GB2312).
    Body,
    /// Page numbers (宋体).
    PageNumber,
}

impl Role {
    /// All roles, in the order used by messages and `--help`.
    pub const ALL: [Role; 5] =
        [Role::Title, Role::Heading1, Role::Heading2, Role::Body, Role::PageNumber];

    /// The name used on the command line (`--font 正文=…`).
    pub fn key(self) -> &'static str {
        match self {
            Role::Title => "标题",
            Role::Heading1 => "一级标题",
            Role::Heading2 => "二级标题",
            Role::Body => "正文",
            Role::PageNumber => "页码",
        }
    }

    /// The official font this role is set in.
    pub fn official_font(self) -> &'static str {
        match self {
            Role::Title => "方正小标宋简体",
            Role::Heading1 => "黑体",
            Role::Heading2 => "楷体_GB2312",
            Role::Body => "仿宋_GB2312",
            Role::PageNumber => "宋体",
        }
    }

    /// Parses a role name: the Chinese name, the official font's name, or an English key.
    pub fn parse(s: &str) -> Option<Role> {
        let role = match s.trim() {
            "标题" | "小标宋" | "title" => Role::Title,
            "一级标题" | "黑体" | "heading1" => Role::Heading1,
            "二级标题" | "楷体" | "heading2" => Role::Heading2,
            "正文" | "仿宋" | "body" => Role::Body,
            "页码" | "宋体" | "page-number" => Role::PageNumber,
            _ => return None,
        };
        Some(role)
    }

    fn slot(self) -> usize {
        self as usize
    }
}

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
}

impl Face {
    fn parse(name: String, data: &'static [u8], index: u32) -> Result<Face, String> {
        let face =
            ttf_parser::Face::parse(data, index).map_err(|e| format!("无法读取字体（{e}）"))?;
        let units_per_em = f32::from(face.units_per_em());
        Ok(Face { name, data, index, face, units_per_em })
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

/// A font file given by the user for a role: `ROLE=PATH` or `ROLE=PATH#INDEX`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FontOverride {
    /// The role.
    pub role: Role,
    /// The font file.
    pub path: std::path::PathBuf,
    /// The face in a collection (`.ttc`), 0 otherwise.
    pub index: u32,
}

impl std::str::FromStr for FontOverride {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let roles = Role::ALL.map(Role::key).join("、");
        let Some((role, file)) = s.split_once('=') else {
            return Err(format!(
                "「{s}」应写成 用途=字体文件，例如 正文=/usr/share/fonts/仿宋_GB2312.ttf（用途：{roles}）"
            ));
        };
        let role = Role::parse(role)
            .ok_or_else(|| format!("「{role}」不是字体的用途（可用：{roles}）"))?;
        let (path, index) = match file.rsplit_once('#') {
            Some((p, i)) if !i.is_empty() && i.bytes().all(|b| b.is_ascii_digit()) => {
                (p, i.parse().map_err(|_| format!("字体序号「{i}」太大"))?)
            }
            _ => (file, 0),
        };
        if path.is_empty() {
            return Err(format!("「{s}」没有写字体文件"));
        }
        Ok(FontOverride { role, path: path.into(), index })
    }
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
    pub fn with_overrides(overrides: &[FontOverride]) -> Result<FontBook, String> {
        let bundled = [
            ("Noto Serif CJK SC", SERIF_REGULAR, NOTO_SC_INDEX),
            ("Noto Serif CJK SC Bold", SERIF_BOLD, NOTO_SC_INDEX),
            ("Noto Sans CJK SC", SANS_REGULAR, NOTO_SC_INDEX),
            ("LXGW WenKai", WENKAI_REGULAR, 0),
        ];
        let mut faces = Vec::new();
        for (name, data, index) in bundled {
            faces.push(Face::parse(name.to_string(), data, index)?);
        }
        let fallback = |first: FaceId| -> Vec<FaceId> {
            let mut chain = vec![first];
            chain.extend([SERIF, SANS, KAI, SERIF_B].into_iter().filter(|f| *f != first));
            chain
        };
        let mut chains =
            [fallback(SERIF_B), fallback(SANS), fallback(KAI), fallback(SERIF), fallback(SERIF)];
        for o in overrides {
            let face = load_user_face(o)?;
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

    /// The role's own face (first in its chain).
    pub fn primary(&self, role: Role) -> FaceId {
        self.chains[role.slot()][0]
    }
}

fn load_user_face(o: &FontOverride) -> Result<Face, String> {
    let shown = crate::source::display_path(&o.path);
    let bytes = std::fs::read(&o.path)
        .map_err(|e| format!("无法读取字体文件 {shown}（{}）", crate::source::io_reason(&e)))?;
    // Fonts are read once per run and live as long as the program; leaking keeps the
    // parsed face borrow-free.
    let data: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    let face = Face::parse(shown.clone(), data, o.index)
        .map_err(|e| format!("{shown}（第 {} 个字体）：{e}", o.index))?;
    match face.face.permissions() {
        Some(ttf_parser::Permissions::Restricted) => {
            return Err(format!(
                "{shown}：字体的授权不允许嵌入文档（OS/2 fsType 为“受限”），不能用于 PDF"
            ));
        }
        _ if !face.face.is_subsetting_allowed() => {
            return Err(format!(
                "{shown}：字体的授权不允许只嵌入用到的字（OS/2 fsType 禁止子集化），不能用于 PDF"
            ));
        }
        _ => {}
    }
    if face.face.tables().cff2.is_some() || face.face.is_variable() {
        return Err(format!("{shown}：可变字体（variable font）不能用于 PDF，请使用静态字体文件"));
    }
    if face.face.tables().cff.is_none() && face.face.tables().glyf.is_none() {
        return Err(format!("{shown}：字体里没有可嵌入的字形（既无 glyf 也无 CFF 表）"));
    }
    Ok(face)
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

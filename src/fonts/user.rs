//! Fonts the user names for a role (`--font 正文=文件[#序号]`): reading them, and
//! refusing those the PDF cannot carry (licence, variable fonts, no outlines).

use std::fmt;
use std::path::Path;

use super::{Face, Role};

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

/// Why a font cannot be used.
#[derive(Debug)]
pub struct FontError {
    /// The font file as shown to the user (or a bundled face's name).
    pub file: String,
    /// The face in the file.
    pub index: u32,
    /// What is wrong.
    pub kind: FontErrorKind,
}

/// What is wrong with a font.
#[derive(Debug)]
pub enum FontErrorKind {
    /// The file could not be read (or is not a regular file, or is too large).
    Read(crate::files::ReadError),
    /// The bytes are not a font (or the face index does not exist).
    Parse(ttf_parser::FaceParsingError),
    /// The licence forbids embedding (OS/2 fsType "restricted").
    Restricted,
    /// The licence forbids subsetting.
    NoSubsetting,
    /// The licence allows embedding bitmaps only (OS/2 fsType bit 9), not outlines.
    BitmapOnly,
    /// A variable font.
    Variable,
    /// Neither TrueType nor CFF outlines.
    NoOutlines,
}

impl fmt::Display for FontError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = &self.file;
        match &self.kind {
            FontErrorKind::Read(e) => write!(f, "{e}"),
            FontErrorKind::Parse(e) => {
                write!(
                    f,
                    "{file}（第 {} 个字体）：无法读取字体（{}）",
                    self.index,
                    parse_reason(*e)
                )
            }
            FontErrorKind::Restricted => {
                write!(f, "{file}：字体的授权不允许嵌入文档（OS/2 fsType 为“受限”），不能用于 PDF")
            }
            FontErrorKind::NoSubsetting => write!(
                f,
                "{file}：字体的授权不允许只嵌入用到的字（OS/2 fsType 禁止子集化），不能用于 PDF"
            ),
            FontErrorKind::BitmapOnly => write!(
                f,
                "{file}：字体的授权只允许嵌入点阵字形（OS/2 fsType 只许嵌入位图），不能用于 PDF"
            ),
            FontErrorKind::Variable => {
                write!(f, "{file}：可变字体（variable font）不能用于 PDF，请使用静态字体文件")
            }
            FontErrorKind::NoOutlines => {
                write!(f, "{file}：字体里没有可嵌入的字形（既无 glyf 也无 CFF 表）")
            }
        }
    }
}

impl std::error::Error for FontError {}

/// Reads and checks the font a user named.
pub(super) fn load_user_face(o: &FontOverride) -> Result<Face, FontError> {
    load_face(&o.path, o.index)
}

/// Reads a font file's face and checks that the PDF may carry it: its licence allows
/// embedding a subset of its outlines, and it is a static font with outlines. Both the
/// user's `--font` files and the installed official fonts go through here.
pub(super) fn load_face(path: &Path, index: u32) -> Result<Face, FontError> {
    let shown = crate::source::display_path(path);
    let error = |kind| FontError { file: shown.clone(), index, kind };
    let bytes = crate::files::read_limited(path, crate::files::Limit::FONT)
        .map_err(|e| error(FontErrorKind::Read(e)))?;
    // Fonts are read once per run and live as long as the program; leaking keeps the
    // parsed face borrow-free.
    let data: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    let face =
        Face::parse(shown.clone(), data, index).map_err(|e| error(FontErrorKind::Parse(e)))?;
    let ttf = face.ttf();
    match ttf.permissions() {
        Some(ttf_parser::Permissions::Restricted) => return Err(error(FontErrorKind::Restricted)),
        _ if !ttf.is_subsetting_allowed() => return Err(error(FontErrorKind::NoSubsetting)),
        // fsType bit 9, "bitmap embedding only": the outlines may not be embedded.
        _ if !ttf.is_outline_embedding_allowed() => return Err(error(FontErrorKind::BitmapOnly)),
        _ => {}
    }
    if ttf.tables().cff2.is_some() || ttf.is_variable() {
        return Err(error(FontErrorKind::Variable));
    }
    if ttf.tables().cff.is_none() && ttf.tables().glyf.is_none() {
        return Err(error(FontErrorKind::NoOutlines));
    }
    Ok(face)
}

impl FontErrorKind {
    /// Why the font cannot be used, in a few words (for the line that names the fonts).
    pub fn brief(&self) -> &'static str {
        match self {
            FontErrorKind::Read(_) => "无法读取",
            FontErrorKind::Parse(_) => "无法解析",
            FontErrorKind::Restricted => "授权不允许嵌入",
            FontErrorKind::NoSubsetting => "授权不允许子集化",
            FontErrorKind::BitmapOnly => "授权只允许嵌入点阵",
            FontErrorKind::Variable => "是可变字体",
            FontErrorKind::NoOutlines => "没有可嵌入的字形",
        }
    }
}

/// Why a font could not be parsed, in Chinese.
fn parse_reason(e: ttf_parser::FaceParsingError) -> &'static str {
    use ttf_parser::FaceParsingError as E;
    match e {
        E::MalformedFont => "字体文件已损坏",
        E::UnknownMagic => "这不是 TrueType/OpenType 字体文件",
        E::FaceIndexOutOfBounds => "文件里没有这个序号的字体",
        E::NoHeadTable => "缺少 head 表",
        E::NoHheaTable => "缺少 hhea 表",
        E::NoMaxpTable => "缺少 maxp 表",
    }
}

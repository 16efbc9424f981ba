//! `nianbao import`: a published report (HTML, DOCX, PDF or copied text) read back into
//! a nianbao YAML file, every cell mapped by its official row and column labels.
//!
//! 1. A reader ([`text`], [`html`], [`docx`], [`pdf`]) turns the file into a
//!    [`Published`] report: paragraphs and tables as grids, in reading order.
//! 2. [`map`] recognises the format by its labels, finds the parts by their headings and
//!    maps every cell of the tables by its row and column labels ([`six`], [`annex`]);
//!    a file nianbao made is read from its embedded figures instead ([`embedded`]).
//! 3. [`yaml`] writes the result through `init`'s scaffold, with a header that says where
//!    it came from and lists, cell by cell, what could not be read.

pub mod document;
pub mod pdf;

mod annex;
mod docx;
mod embedded;
mod grid;
mod html;
mod imported;
pub mod label;
mod map;
mod narrative;
mod six;
mod text;
mod tokens;
pub mod value;
mod yaml;

pub use document::{Block, Cell, Published, Table, Unreadable};
pub use imported::{Imported, Problem};
pub use yaml::{Import, to_yaml};

/// What kind of file a published report is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A PDF.
    Pdf,
    /// A DOCX (Word, WPS).
    Docx,
    /// An HTML page.
    Html,
    /// Plain text.
    Text,
}

impl Kind {
    /// The kind's name in messages.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Pdf => "PDF",
            Kind::Docx => "Word 文档（DOCX）",
            Kind::Html => "网页（HTML）",
            Kind::Text => "文本",
        }
    }
}

/// Extensions of the files `import`, `check` and `batch` read as published reports.
pub const EXTENSIONS: [&str; 6] = ["html", "htm", "docx", "pdf", "txt", "text"];

/// The agency name written when a published report does not name its agency.
pub const UNREAD_AGENCY: &str = "（未读出机关名称）";

/// Whether a path names a published report rather than a YAML file (by its extension).
pub fn is_published(path: &std::path::Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// The kind of a file: its content first (PDF and ZIP signatures, HTML tags), then its
/// extension.
pub fn sniff(bytes: &[u8], ext: Option<&str>) -> Result<Kind, Unreadable> {
    if bytes.starts_with(b"%PDF") {
        return Ok(Kind::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Ok(Kind::Docx);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(Unreadable(
            "这是旧版 Word（.doc）或 WPS 文件：请在 Word 或 WPS 中「另存为」.docx 或网页后再导入"
                .into(),
        ));
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let t = head.trim_start_matches('\u{feff}').trim_start();
    if t.starts_with("<!doctype html")
        || t.starts_with("<html")
        || t.starts_with("<?xml") && head.contains("<html")
        || head.contains("<html") && head.contains("<body")
        || t.starts_with('<') && (head.contains("<table") || head.contains("<p"))
    {
        return Ok(Kind::Html);
    }
    match ext.map(str::to_ascii_lowercase).as_deref() {
        Some("html" | "htm") => Ok(Kind::Html),
        Some("docx") => Ok(Kind::Docx),
        Some("pdf") => Ok(Kind::Pdf),
        _ => Ok(Kind::Text),
    }
}

/// Decodes a text file: UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030 — the
/// superset of GBK and GB2312, which Word's 「另存为网页」 and Notepad write by default on a
/// Chinese system, and which older portals serve. Bytes that are none of these are
/// refused, with what to do.
fn decode(bytes: &[u8], kind: Kind) -> Result<String, Unreadable> {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        let units: Vec<u16> =
            rest.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
        return Ok(String::from_utf16_lossy(&units));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> =
            rest.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
        return Ok(String::from_utf16_lossy(&units));
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err(Unreadable(format!(
            "文件里有二进制内容，不是{}：请提供网页、Word 文档、PDF 或复制出的文字",
            kind.label()
        )));
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.to_owned());
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let declared =
        ["big5", "shift_jis", "euc-jp", "euc-kr", "iso-8859", "windows-125"].into_iter().find(
            |e| head.contains(&format!("charset={e}")) || head.contains(&format!("charset=\"{e}")),
        );
    if declared.is_none()
        && let Some(text) =
            encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes)
    {
        return Ok(text.into_owned());
    }
    Err(Unreadable(format!(
        "{}既不是 UTF-8 也不是 GBK（GB18030）编码{}：请用记事本或浏览器另存为 UTF-8 后再导入",
        kind.label(),
        declared.map(|e| format!("（声明的是 {}）", e.to_ascii_uppercase())).unwrap_or_default()
    )))
}

/// Reads a file's bytes into a [`Published`] report.
pub fn read(bytes: &[u8], ext: Option<&str>) -> Result<(Kind, Published), Unreadable> {
    let kind = sniff(bytes, ext)?;
    let published = match kind {
        Kind::Pdf => pdf::read(bytes)?,
        Kind::Docx => docx::read(bytes)?,
        Kind::Html => html::read(&decode(bytes, kind)?),
        Kind::Text => text::read(&decode(bytes, kind)?),
    };
    Ok((kind, published))
}

/// Maps a published report. With `use_embedded`, a file nianbao made is read from its
/// embedded figures (exact); without, from its tables like any other report.
pub fn understand(p: &Published, use_embedded: bool) -> Result<Imported, Unreadable> {
    let draft =
        p.blocks.iter().any(|b| matches!(b, Block::Paragraph(t) if t == crate::doc::DRAFT_MARK));
    let data = p.embedded.as_deref().filter(|_| use_embedded && !draft);
    let hint = data.and_then(embedded::format_of);
    let mut imported = map::map(p, hint)?;
    if let (Some(json), Some(_)) = (data, hint) {
        embedded::apply(json, &mut imported);
    }
    Ok(imported)
}

//! The DOCX writer: a small WordprocessingML package written directly, elements in
//! ECMA-376 schema order, with named styles, the GB/T 9704 page and grid, repeated table
//! headers, odd/even page-number footers, core properties and the `nianbao-data` figures
//! as a custom XML part. Bytes are deterministic: fixed zip timestamps and fixed IDs.
//!
//! Its parts: `body` (the document and the footers), `styles`, `font_table`,
//! `package` (the small fixed parts), `embed` (the fonts for `--embed-fonts`), all
//! taking their fonts from one table, `roles`; `xml` has what every part shares.

mod body;
mod embed;
mod font_table;
mod labels;
mod package;
mod roles;
mod styles;
mod xml;

use std::fmt;
use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;

use crate::doc::Document;
use crate::layout::Narrowed;
use embed::Family;

/// How to write the DOCX (its content and metadata come from the document).
#[derive(Clone, Copy, Debug, Default)]
pub struct DocxOptions {
    /// Name the bundled open fonts and embed subsets of them (`--embed-fonts`).
    pub embed_fonts: bool,
}

/// Why a DOCX could not be made.
#[derive(Debug)]
pub enum DocxError {
    /// A bundled font lacks a table its embedded subset copies.
    FontTables {
        /// The face's name ([`crate::fonts::Face::name`]).
        font: String,
    },
    /// The zip writer failed.
    Zip(zip::result::ZipError),
    /// Writing a part into the package failed.
    Io(std::io::Error),
}

impl fmt::Display for DocxError {
    /// The message in Chinese, as the command prints it inside 「无法生成 DOCX（…）」.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocxError::FontTables { font } => write!(f, "字体 {font} 缺少必需的表"),
            DocxError::Zip(_) => f.write_str("打包 DOCX 的压缩文件失败"),
            DocxError::Io(e) => f.write_str(&crate::files::write_reason(e)),
        }
    }
}

impl std::error::Error for DocxError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            DocxError::FontTables { .. } => None,
            DocxError::Zip(e) => Some(e),
            DocxError::Io(e) => Some(e),
        }
    }
}

impl From<zip::result::ZipError> for DocxError {
    fn from(e: zip::result::ZipError) -> Self {
        DocxError::Zip(e)
    }
}

impl From<std::io::Error> for DocxError {
    fn from(e: std::io::Error) -> Self {
        DocxError::Io(e)
    }
}

/// The XML parts of the package, in the order they are written.
fn parts(doc: &Document, narrowed: &Narrowed, families: &[Family]) -> Vec<(&'static str, String)> {
    let open = !families.is_empty();
    let mut parts = vec![
        ("[Content_Types].xml", package::content_types(open)),
        ("_rels/.rels", package::package_rels()),
        ("docProps/core.xml", package::core(&doc.title, &doc.meta)),
        ("docProps/app.xml", package::app()),
        ("word/document.xml", body::document(doc, narrowed, doc.meta.draft_mark.as_deref())),
        ("word/_rels/document.xml.rels", package::document_rels()),
        ("word/styles.xml", styles::styles(open)),
        ("word/settings.xml", package::settings(open)),
        ("word/fontTable.xml", font_table::font_table(families)),
        ("word/footer1.xml", body::footer(true)),
        ("word/footer2.xml", body::footer(false)),
        ("customXml/item1.xml", package::data_item(&doc.meta.data_json)),
        ("customXml/itemProps1.xml", package::data_item_props()),
        ("customXml/_rels/item1.xml.rels", package::data_item_rels()),
    ];
    if open {
        parts.push(("word/_rels/fontTable.xml.rels", font_table::font_rels(families)));
    }
    parts
}

/// Writes the DOCX package; the punctuation marks in `narrowed` are set half width, as
/// the PDF sets them, so that a word processor breaks the PDF's lines.
pub fn docx(doc: &Document, narrowed: &Narrowed, opts: &DocxOptions) -> Result<Vec<u8>, DocxError> {
    let families = if opts.embed_fonts {
        embed::families(doc, doc.meta.draft_mark.as_deref())?
    } else {
        Vec::new()
    };
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    // A fixed timestamp (1980-01-01, the zip epoch) keeps the bytes reproducible.
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for (name, text) in parts(doc, narrowed, &families) {
        zip.start_file(name, options)?;
        zip.write_all(text.as_bytes())?;
    }
    for p in families.iter().flat_map(Family::programs) {
        zip.start_file(format!("word/fonts/{}", p.file), options)?;
        zip.write_all(&p.data)?;
    }
    Ok(zip.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_read_as_the_command_prints_them() {
        let e = DocxError::FontTables { font: "Noto Serif CJK SC".into() };
        assert_eq!(e.to_string(), "字体 Noto Serif CJK SC 缺少必需的表");
        let io = std::io::Error::from_raw_os_error(28);
        assert_eq!(DocxError::from(io).to_string(), "磁盘空间已满");
    }
}

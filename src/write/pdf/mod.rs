//! The PDF writer: draws laid-out pages with `pdf-writer`.
//!
//! Everything about position was decided by [`crate::layout`]; this module only draws.
//! Its parts, in the order the file is written:
//!
//! - `content`: each page's content stream, glyph runs and rules;
//! - `fonts`: the faces used, subset to the glyphs drawn, with widths and ToUnicode maps
//!   (CFF subsets come from [`crate::fonts`], flattened and without stem hints);
//! - `outline`: bookmarks for the sections;
//! - `meta`: the figures attached as `nianbao-data.json`, the information dictionary and
//!   XMP, and the file ID;
//! - `deflate`: the compressor every stream goes through.
//!
//! Nothing depends on the clock or on the Rust release: the dates are the report's
//! publication date, and the file ID and subset tags are FNV-1a hashes of the content
//! (`crate::write::hash`), so the same input gives the same bytes.

mod content;
mod deflate;
mod fonts;
mod meta;
mod outline;

use std::fmt;

use pdf_writer::types::PageMode;
use pdf_writer::{Filter, Finish, Name, Pdf, Rect, Ref, Settings, Str, TextStr};
use rayon::prelude::*;

use crate::doc::Document;
use crate::doc::page::PAGE;
use crate::fonts::FontBook;
use crate::layout::{Layout, LayoutError};
use fonts::UsedFaces;

/// What the PDF says about itself, taken from the document's [`crate::doc::Meta`].
pub(crate) struct PdfOptions<'a> {
    /// Document title (the report's title).
    pub title: &'a str,
    /// Author: the agency.
    pub author: &'a str,
    /// Subject line.
    pub subject: &'a str,
    /// Publication date `(year, month, day)`: the creation date.
    pub date: (u16, u8, u8),
    /// The `nianbao-data` JSON attached as `nianbao-data.json`.
    pub data_json: &'a str,
}

/// Why a report's PDF could not be made.
#[derive(Debug)]
pub enum PdfError {
    /// A character no font has (from laying out the document first).
    Layout(LayoutError),
    /// A face could not be subset for embedding.
    Subset {
        /// The face's name ([`crate::fonts::Face::name`]).
        font: String,
        /// What went wrong.
        reason: SubsetFailure,
    },
}

/// How subsetting a face failed.
#[derive(Debug)]
pub enum SubsetFailure {
    /// `subsetter` refused the face.
    Subsetter(subsetter::Error),
    /// The subset it wrote could not be parsed back.
    Unreadable,
    /// The subset of a CFF face has no `CFF ` table.
    NoCff,
}

impl fmt::Display for PdfError {
    /// The message in Chinese, as the command prints it inside 「无法生成 PDF（…）」.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PdfError::Layout(e) => write!(
                f,
                "字符「{}」（U+{:04X}）在所有字体里都没有，无法生成 PDF",
                e.missing.ch, e.missing.ch as u32
            ),
            PdfError::Subset { font, reason: SubsetFailure::Subsetter(e) } => {
                write!(f, "无法提取字体 {font} 的子集（{}）", subsetter_reason(e))
            }
            PdfError::Subset { font, reason: SubsetFailure::Unreadable } => {
                write!(f, "字体 {font} 的子集无法读取")
            }
            PdfError::Subset { font, reason: SubsetFailure::NoCff } => {
                write!(f, "字体 {font} 的子集没有 CFF 表")
            }
        }
    }
}

impl std::error::Error for PdfError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            PdfError::Subset { reason: SubsetFailure::Subsetter(e), .. } => Some(e),
            _ => None,
        }
    }
}

/// Why `subsetter` refused a face, in Chinese.
fn subsetter_reason(e: &subsetter::Error) -> &'static str {
    use subsetter::Error as E;
    match e {
        E::UnknownKind => "不认识的字体格式",
        E::MalformedFont => "字体文件已损坏",
        E::Unimplemented => "字体里有尚不支持的结构",
        E::SubsetError => "提取子集时出错",
        E::OverflowError => "字体数据超出范围",
        E::CFFError => "CFF 字形数据有误",
    }
}

/// Allocates object ids in order: the order the ids are taken is part of the output, so
/// every writer takes them through one counter.
struct Ids(i32);

impl Ids {
    fn next(&mut self) -> Ref {
        self.0 += 1;
        Ref::new(self.0)
    }
}

/// Draws a document's layout into PDF bytes, with the document's title and metadata.
/// Fails only on a face that cannot be subset ([`PdfError::Subset`]).
pub fn pdf(doc: &Document, layout: &Layout, book: &FontBook) -> Result<Vec<u8>, PdfError> {
    let m = &doc.meta;
    let opts = &PdfOptions {
        title: &doc.title,
        author: &m.author,
        subject: &m.subject,
        date: m.date,
        data_json: &m.data_json,
    };
    let (page_w, page_h) = (PAGE.width.to_pt().0, PAGE.height.to_pt().0);
    let used = UsedFaces::collect(layout);

    let mut ids = Ids(0);
    let catalog_id = ids.next();
    let pages_id = ids.next();
    let info_id = ids.next();
    let page_ids: Vec<Ref> = layout.pages.iter().map(|_| ids.next()).collect();
    let content_ids: Vec<Ref> = layout.pages.iter().map(|_| ids.next()).collect();
    let font_ids: Vec<Ref> = used.faces.iter().map(|_| ids.next()).collect();
    let narrow_ids: Vec<Option<Ref>> =
        used.faces.iter().map(|u| (!u.narrow.is_empty()).then(|| ids.next())).collect();

    let mut pdf = Pdf::with_settings(Settings { pretty: false });
    let mut file_id = meta::FileId::new(opts);

    // The costly parts — font subsets and compressed page contents — are made in
    // parallel (rayon: on idle cores for one report, in the batch's own pool for many),
    // then written in order.
    let (programs, contents) = rayon::join(
        || used.faces.par_iter().map(|u| fonts::packed_program(book, u)).collect::<Vec<_>>(),
        || {
            layout
                .pages
                .par_iter()
                .map(|page| {
                    let bytes = content::page_content(&page.items, &used, book, page_h);
                    let packed = deflate::deflate(&bytes, deflate::TEXT);
                    (bytes, packed)
                })
                .collect::<Vec<_>>()
        },
    );

    let mut pages = pdf.pages(pages_id);
    pages.kids(page_ids.iter().copied()).count(page_ids.len() as i32);
    pages.finish();
    for (i, (bytes, packed)) in contents.iter().enumerate() {
        file_id.page(bytes);
        pdf.stream(content_ids[i], packed).filter(Filter::FlateDecode);

        let mut p = pdf.page(page_ids[i]);
        p.parent(pages_id).media_box(Rect::new(0.0, 0.0, page_w, page_h)).contents(content_ids[i]);
        // Every page lists every font: the resources are tiny, and shared lists keep the
        // writer simple.
        let mut resources = p.resources();
        let mut fonts = resources.fonts();
        for (k, u) in used.faces.iter().enumerate() {
            fonts.pair(Name(u.name.as_bytes()), font_ids[k]);
            if let Some(id) = narrow_ids[k] {
                fonts.pair(Name(u.narrow_name().as_bytes()), id);
            }
        }
        fonts.finish();
        resources.finish();
        p.finish();
    }

    for (k, (u, program)) in used.faces.iter().zip(programs).enumerate() {
        fonts::write_font(&mut pdf, &mut ids, (font_ids[k], narrow_ids[k]), book, u, &program?);
    }

    let outline_id = (!layout.outline.is_empty())
        .then(|| outline::write_outline(&mut pdf, &mut ids, layout, &page_ids));

    let spec_id = meta::write_attachment(&mut pdf, &mut ids, opts);
    meta::write_info(&mut pdf, info_id, opts);
    let meta_id = meta::write_xmp(&mut pdf, &mut ids, opts);

    let mut catalog = pdf.catalog(catalog_id);
    catalog.pages(pages_id).lang(TextStr("zh-CN")).metadata(meta_id);
    if let Some(id) = outline_id {
        catalog.outlines(id).page_mode(PageMode::UseOutlines);
    }
    catalog.names().embedded_files().names().insert(Str(meta::DATA_FILE.as_bytes()), spec_id);
    catalog.finish();

    file_id.write(&mut pdf);
    Ok(pdf.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_read_as_the_command_prints_them() {
        let subset = |reason| PdfError::Subset { font: "LXGW WenKai".into(), reason };
        assert_eq!(
            subset(SubsetFailure::Subsetter(subsetter::Error::MalformedFont)).to_string(),
            "无法提取字体 LXGW WenKai 的子集（字体文件已损坏）"
        );
        assert_eq!(
            subset(SubsetFailure::Unreadable).to_string(),
            "字体 LXGW WenKai 的子集无法读取"
        );
        assert_eq!(subset(SubsetFailure::NoCff).to_string(), "字体 LXGW WenKai 的子集没有 CFF 表");
        let missing =
            crate::fonts::MissingGlyph { ch: '\u{10FFFD}', role: crate::fonts::Role::Body };
        let layout = PdfError::Layout(LayoutError { missing, context: String::new() });
        assert_eq!(
            layout.to_string(),
            "字符「\u{10FFFD}」（U+10FFFD）在所有字体里都没有，无法生成 PDF"
        );
    }
}

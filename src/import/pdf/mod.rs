//! Reading a PDF's text layer into a [`Published`] report: text positions and ruling
//! lines rebuilt into paragraphs and table grids.
//!
//! The PDF syntax (cross-reference tables and their repair, object streams, filters,
//! decryption with the empty password) is `hayro-syntax`'s; CMaps are `hayro-cmap`'s.
//! The rest is here, in the order the data flows:
//!
//! 1. [`interp`] runs each page's content stream (with [`font`], [`encoding`], [`glyphs`],
//!    [`variants`] and [`stream`]) and collects glyphs and ruling lines ([`marks`]);
//! 2. [`page`] rebuilds the page's tables from the lines ([`grid`]) and fills their cells;
//!    the other glyphs become text lines ([`lines`]);
//! 3. [`assemble`] drops running heads and page numbers and joins the lines into
//!    paragraphs ([`paragraphs`]), also across page breaks;
//! 4. [`attach`] finds the `nianbao-data.json` of a PDF nianbao made.

mod assemble;
mod attach;
mod encoding;
mod font;
mod geom;
mod glyphs;
mod grid;
mod interp;
mod lines;
mod marks;
mod page;
mod paragraphs;
mod stream;
mod variants;

use hayro_syntax::{LoadPdfError, Pdf};

use super::{Published, Unreadable};

/// Largest file read (a published report is well under 10 MB; scans are bigger, and
/// are refused anyway).
const MAX_FILE: usize = 200 << 20;

/// Most pages read.
const MAX_PAGES: usize = 500;

/// Most content-stream operators interpreted in the whole document.
const MAX_OPERATORS: u64 = 20_000_000;

/// Most Form XObjects drawn in the whole document (a report draws a few a page).
const MAX_FORMS: u32 = 20_000;

/// Reads a PDF with a text layer.
pub fn read(bytes: &[u8]) -> Result<Published, Unreadable> {
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(Unreadable(
            "这不是 PDF 文件（文件开头没有 %PDF- 标记）：请确认文件完整，或另存为 PDF 后再导入"
                .to_owned(),
        ));
    }
    // A download cut short has lost its end-of-file marker (some servers append a few
    // bytes after it; a whole page of them is no PDF of ours to repair).
    let eof = bytes.windows(5).rposition(|w| w == b"%%EOF");
    if eof.is_none_or(|at| bytes.len() - at > 64 << 10) {
        return Err(Unreadable(
            "PDF 文件不完整（没有文件结束标记，可能没有下载完）：请重新下载或向发布单位索取 Word 或网页版本".to_owned(),
        ));
    }
    if bytes.len() > MAX_FILE {
        return Err(Unreadable(format!(
            "PDF 文件太大（{} MB，最多 {} MB）：请向发布单位索取 Word 或网页版本",
            bytes.len() >> 20,
            MAX_FILE >> 20
        )));
    }
    let pdf = Pdf::new(std::sync::Arc::new(bytes.to_vec())).map_err(|e| match e {
        LoadPdfError::Decryption(_) => Unreadable(
            "PDF 文件已加密，无法读取其中的文字：请用密码打开后另存为不加密的 PDF，或向发布单位索取 Word 或网页版本".to_owned(),
        ),
        LoadPdfError::Invalid => Unreadable(
            "PDF 文件已损坏，无法读取：请重新下载或向发布单位索取 Word 或网页版本".to_owned(),
        ),
    })?;
    let pages = pdf.pages();
    if pages.is_empty() {
        return Err(Unreadable(
            "PDF 文件没有页面：请重新下载或向发布单位索取 Word 或网页版本".to_owned(),
        ));
    }
    if pages.len() > MAX_PAGES {
        return Err(Unreadable(format!(
            "PDF 文件有 {} 页，超过年度报告可能的页数（最多读 {MAX_PAGES} 页）：请确认选对了文件",
            pages.len()
        )));
    }
    let mut fonts = interp::FontCache::default();
    let mut budget = interp::Budget { operators: MAX_OPERATORS, forms: MAX_FORMS };
    let read: Vec<page::PageText> = pages
        .iter()
        .enumerate()
        .map(|(i, p)| page::read(p, i + 1, &mut fonts, &mut budget))
        .collect();
    // Never a report read in part without saying so.
    if budget.operators == 0 || budget.forms == 0 {
        return Err(Unreadable(
            "PDF 文件的绘图内容过于复杂（指令或嵌套的图形过多），无法完整读取：请向发布单位索取 Word 或网页版本".to_owned(),
        ));
    }
    let glyphs: usize = read.iter().map(|p| p.glyphs).sum();
    let unknown: usize = read.iter().map(|p| p.unknown).sum();
    let images: usize = read.iter().map(|p| p.images).sum();
    if glyphs == 0 {
        return Err(Unreadable(if images > 0 {
            "这是扫描件，没有文字层，无法读取表格和文字：请向发布单位索取 Word 或网页版本，或先用文字识别（OCR）软件转换".to_owned()
        } else {
            "PDF 文件中没有文字：请向发布单位索取 Word 或网页版本".to_owned()
        }));
    }
    if unknown * 2 > glyphs {
        return Err(Unreadable(
            "PDF 文件中的文字无法转换（字体没有提供文字编码）：请向发布单位索取 Word 或网页版本，或用原文件重新导出 PDF".to_owned(),
        ));
    }
    Ok(Published { blocks: assemble::blocks(read), embedded: attach::nianbao_data(&pdf) })
}

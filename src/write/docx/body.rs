//! `word/document.xml`: paragraphs with named styles, tables with `gridSpan`/`vMerge`,
//! header rows marked to repeat, and one A4 section on the GB/T 9704 grid.

use std::fmt::Write as _;

use super::labels;
use super::xml::{DECL, W_NS, esc};
use crate::doc::page::{PAGE, size};
use crate::doc::{Block, Document, Entry, Table, estimated_width};
use crate::layout::Narrowed;
use crate::units::Pt;

fn para(out: &mut String, style: &str, text: &str) {
    marked_para(out, style, "", text, &[], size::BODY);
}

/// A paragraph in `style` (with `ppr` after it in its properties) whose marks at the
/// byte offsets `marks` are set half width, as the PDF sets them: each in a run of its
/// own whose character spacing takes the blank half of its box (type `size`).
fn marked_para(out: &mut String, style: &str, ppr: &str, text: &str, marks: &[usize], size: Pt) {
    let _ = write!(out, "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/>{ppr}</w:pPr>");
    // Twentieths of a point: the document's tracking less half an em.
    let spacing = PAGE.body_tracking_twips().0 - (size.0 * 10.0).round() as i32;
    for (piece, narrow) in crate::write::pieces(text, marks) {
        if narrow {
            let _ = write!(
                out,
                "<w:r><w:rPr><w:spacing w:val=\"{spacing}\"/></w:rPr><w:t>{}</w:t></w:r>",
                esc(piece)
            );
        } else {
            let _ = write!(out, "<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>", esc(piece));
        }
    }
    out.push_str("</w:p>");
}

/// The main document part.
pub(super) fn document(doc: &Document, narrowed: &Narrowed, draft_mark: Option<&str>) -> String {
    let mut o = String::with_capacity(64 * 1024);
    o.push_str(DECL);
    let _ = write!(o, "<w:document {W_NS}><w:body>");
    if let Some(mark) = draft_mark {
        para(&mut o, "DraftMarkGw", mark);
    }
    // 2号 type fits 20 characters a line: a longer title breaks after the agency's name
    // rather than inside a word.
    match doc.title_parts() {
        Some((agency, rest)) if doc.title.chars().count() > 20 => {
            let _ = write!(
                o,
                "<w:p><w:pPr><w:pStyle w:val=\"ReportTitle\"/></w:pPr><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r><w:r><w:br/><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                esc(agency),
                esc(rest)
            );
        }
        _ => para(&mut o, "ReportTitle", &doc.title),
    }
    if let Some(b) = &doc.byline {
        para(&mut o, "ReportByline", b);
    }
    for (i, block) in doc.blocks.iter().enumerate() {
        let before_signature = matches!(doc.blocks.get(i + 1), Some(Block::Signature(_)));
        let marks = narrowed.marks(i);
        match block {
            Block::Heading { level, number, text } => {
                let style = format!("Heading{}Gw", level.clamp(&1, &4));
                marked_para(&mut o, &style, "", &format!("{number}{text}"), marks, size::BODY);
            }
            // The text before the signature keeps with it: a signature never stands alone
            // on a page (GB/T 9704 7.3.5).
            Block::Para(text) => {
                let keep = if before_signature { "<w:keepNext/>" } else { "" };
                marked_para(&mut o, "BodyGw", keep, text, marks, size::BODY);
            }
            Block::Note(text) => marked_para(&mut o, "NoteGw", "", text, marks, size::TABLE),
            Block::Signature(lines) => {
                // One empty grid line before the signature, as in official documents.
                o.push_str("<w:p><w:pPr><w:pStyle w:val=\"BodyGw\"/><w:keepNext/></w:pPr></w:p>");
                // GB/T 9704 §7.3.5.1: the date four characters in from the right, the
                // agency centred over it; one character of 3号 is 320 twips.
                let indents = crate::doc::signature_right_indents(lines, estimated_width);
                for (l, right) in lines.iter().zip(indents) {
                    let _ = write!(
                        o,
                        "<w:p><w:pPr><w:pStyle w:val=\"SignatureGw\"/><w:ind w:right=\"{}\"/></w:pPr><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                        (right * 320.0).round() as i32,
                        esc(l)
                    );
                }
            }
            Block::Table(t) => table(&mut o, t),
        }
    }
    // The page of `PAGE` (A4 on the GB/T 9704 grid): paper, margins and the line grid of
    // 22 lines. The 28 characters a line come from the character spacing in styles.rs.
    // The footer sits 23 mm above the paper's edge (1304 twips), which puts 「— N —」 about
    // 7 mm under the text block, as in the PDF.
    let (w, h) = PAGE.size_twips();
    let m = PAGE.margins_twips();
    let _ = write!(
        o,
        "<w:sectPr><w:footerReference w:type=\"even\" r:id=\"rIdFooterEven\"/><w:footerReference w:type=\"default\" r:id=\"rIdFooterOdd\"/>\
         <w:pgSz w:w=\"{}\" w:h=\"{}\"/><w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" w:left=\"{}\" w:header=\"851\" w:footer=\"1304\" w:gutter=\"0\"/>\
         <w:cols w:space=\"425\"/><w:docGrid w:type=\"lines\" w:linePitch=\"{}\"/></w:sectPr></w:body></w:document>",
        w.0,
        h.0,
        m.top.0,
        m.right.0,
        m.bottom.0,
        m.left.0,
        PAGE.line_pitch_twips().0
    );
    o
}

fn table(o: &mut String, t: &Table) {
    let g = &t.grid;
    let total: u32 = t.widths.iter().sum::<u32>().max(1);
    let text_width = u32::try_from(PAGE.text_width_twips().0).unwrap_or(0);
    let widths: Vec<u32> = t.widths.iter().map(|w| w * text_width / total).collect();
    let style = if t.small { "TableSmallGw" } else { "TableTextGw" };
    let size =
        if t.small { crate::doc::page::size::TABLE_SMALL } else { crate::doc::page::size::TABLE };
    o.push_str("<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:jc w:val=\"center\"/><w:tblBorders>");
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        let _ =
            write!(o, "<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>");
    }
    let m = labels::CELL_MARGIN;
    let _ = write!(
        o,
        "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"{m}\" w:type=\"dxa\"/><w:right w:w=\"{m}\" w:type=\"dxa\"/></w:tblCellMar><w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"0\"/></w:tblPr><w:tblGrid>"
    );
    for w in &widths {
        let _ = write!(o, "<w:gridCol w:w=\"{w}\"/>");
    }
    o.push_str("</w:tblGrid>");
    let keep = keep_with_next(t);
    for r in 0..g.rows {
        let keep = if keep[r] { "<w:keepNext/>" } else { "" };
        o.push_str("<w:tr><w:trPr><w:cantSplit/>");
        if r < t.head_rows {
            o.push_str("<w:tblHeader/>");
        }
        o.push_str("</w:trPr>");
        let mut c = 0;
        while c < g.cols {
            match g.at(r, c) {
                Entry::Cell(cell) => {
                    let span = cell.colspan.get() as usize;
                    let vmerge =
                        if cell.rowspan.get() > 1 { "<w:vMerge w:val=\"restart\"/>" } else { "" };
                    // An indented cell: flush left after its indentation (ECMA-376
                    // order in w:pPr: ind before jc).
                    let para = cell.indent.map(|n| {
                        let twips = u32::from(n) * (size.0 * 20.0) as u32;
                        format!("<w:ind w:left=\"{twips}\"/><w:jc w:val=\"left\"/>")
                    });
                    let para = format!("{keep}{}", para.as_deref().unwrap_or(""));
                    cell_xml(
                        o,
                        &widths[c..c + span],
                        span,
                        vmerge,
                        (style, &para),
                        Some((&cell.text, size)),
                    );
                    c += span;
                }
                Entry::Merged { parent } => {
                    let (pr, pc) = (parent / g.cols, parent % g.cols);
                    let Entry::Cell(cell) = &g.entries[*parent] else {
                        unreachable!("a parent is a cell")
                    };
                    let span = cell.colspan.get() as usize;
                    if pr < r && pc == c {
                        cell_xml(o, &widths[c..c + span], span, "<w:vMerge/>", (style, keep), None);
                    }
                    c += if pc == c { span } else { 1 };
                }
            }
        }
        o.push_str("</w:tr>");
    }
    o.push_str("</w:tbl>");
}

/// Which rows keep with the next one (every paragraph of the row gets `w:keepNext`, which
/// Word and WPS apply to table rows): a heading row (header cells only: the header, and
/// the article-and-item lines of table 二 and their column heads) with what follows it, the
/// first body row after a heading with a second body row, and the last two rows
/// together, so that no page starts or ends a table, or a part of one, with a single
/// row.
fn keep_with_next(t: &Table) -> Vec<bool> {
    let g = &t.grid;
    let heading: Vec<bool> = (0..g.rows)
        .map(|r| {
            let mut cells = (0..g.cols).filter_map(|c| match g.at(r, c) {
                Entry::Cell(cell) => Some(cell.header),
                Entry::Merged { .. } => None,
            });
            let first = cells.next();
            first == Some(true) && cells.all(|h| h)
        })
        .collect();
    (0..g.rows)
        .map(|r| {
            if r + 1 >= g.rows {
                return false;
            }
            // Two body rows together: the first after a heading, and the last two; a body
            // row before a heading row keeps nothing (its part ends there).
            let pair = !heading[r] && !heading[r + 1];
            heading[r] || (pair && ((r > 0 && heading[r - 1]) || r + 2 == g.rows))
        })
        .collect()
}

fn cell_xml(
    o: &mut String,
    widths: &[u32],
    span: usize,
    vmerge: &str,
    (style, para): (&str, &str),
    text: Option<(&str, Pt)>,
) {
    let w: u32 = widths.iter().sum();
    let grid_span =
        if span > 1 { format!("<w:gridSpan w:val=\"{span}\"/>") } else { String::new() };
    let _ = write!(
        o,
        "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/>{grid_span}{vmerge}<w:vAlign w:val=\"center\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"{style}\"/>{para}</w:pPr>"
    );
    if let Some((text, size)) = text {
        // A label of known words in lines of whole words; other text as it is.
        match labels::lines(text, w, size) {
            Some(lines) => {
                for (i, line) in lines.iter().enumerate() {
                    let br = if i == 0 { "" } else { "<w:br/>" };
                    let _ =
                        write!(o, "<w:r>{br}<w:t xml:space=\"preserve\">{}</w:t></w:r>", esc(line));
                }
            }
            None => {
                let _ = write!(o, "<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>", esc(text));
            }
        }
    }
    o.push_str("</w:p></w:tc>");
}

/// A footer with the page number 「— N —」 (4号宋体), right-aligned on odd pages and
/// left-aligned on even ones, one character in from the edge (GB/T 9704 §7.5).
pub(super) fn footer(odd: bool) -> String {
    let (jc, ind) = if odd { ("right", "w:right=\"280\"") } else { ("left", "w:left=\"280\"") };
    format!(
        "{DECL}<w:ftr {W_NS}><w:p><w:pPr><w:pStyle w:val=\"PageNumberGw\"/><w:ind {ind}/><w:jc w:val=\"{jc}\"/></w:pPr>\
         <w:r><w:t xml:space=\"preserve\">— </w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>\
         <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t xml:space=\"preserve\"> —</w:t></w:r></w:p></w:ftr>"
    )
}

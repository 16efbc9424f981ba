//! A minimal SpreadsheetML workbook (ECMA-376): one sheet, inline strings, a bold
//! header row frozen with the first two columns, numbers as numbers. Written straight
//! into the zip stream (the crate nianbao already uses for DOCX), so a large batch
//! holds no cell store; entries carry a fixed date, so the bytes depend only on the
//! content.

use std::fmt::Write as _;
use std::io::{Cursor, Write};

use crate::write::escape;
use zip::write::SimpleFileOptions;

/// A cell of the sheet.
pub enum Cell<'a> {
    /// Nothing.
    Empty,
    /// Text.
    Text(&'a str),
    /// A number, written as given (an exact decimal or an integer).
    Number(String),
}

/// The column letters of a 0-based index (0 → A, 26 → AA).
fn column(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;

const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

/// Styles: 0 plain, 1 bold and wrapped (header, totals), 2 wrapped text.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font><font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#;

/// A workbook with one sheet named `sheet`: `header` (bold, frozen together with the
/// first `frozen_columns` columns), then `rows`, then `footer` in bold. `widths` gives
/// column widths in characters.
pub fn workbook<'a>(
    sheet: &str,
    header: &[&str],
    widths: &[(usize, f64)],
    frozen_columns: usize,
    rows: impl Iterator<Item = Vec<Cell<'a>>>,
    footer: Vec<Cell<'a>>,
) -> Result<Vec<u8>, String> {
    write(sheet, header, widths, frozen_columns, rows, footer).map_err(|e| e.to_string())
}

fn write<'a>(
    sheet: &str,
    header: &[&str],
    widths: &[(usize, f64)],
    frozen_columns: usize,
    rows: impl Iterator<Item = Vec<Cell<'a>>>,
    footer: Vec<Cell<'a>>,
) -> Result<Vec<u8>, zip::result::ZipError> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for (name, text) in [
        ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
        ("_rels/.rels", RELS.to_owned()),
        (
            "xl/workbook.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{}" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
                escape(sheet)
            ),
        ),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.to_owned()),
        ("xl/styles.xml", STYLES.to_owned()),
    ] {
        zip.start_file(name, options)?;
        zip.write_all(text.as_bytes())?;
    }
    zip.start_file("xl/worksheets/sheet1.xml", options)?;
    let top_left = format!("{}2", column(frozen_columns));
    let mut head = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane xSplit="{frozen_columns}" ySplit="1" topLeftCell="{top_left}" activePane="bottomRight" state="frozen"/><selection pane="bottomRight" activeCell="{top_left}" sqref="{top_left}"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>"#
    );
    let mut sorted: Vec<(usize, f64)> = widths.to_vec();
    sorted.sort_by_key(|w| w.0);
    for (c, w) in sorted {
        let _ = write!(head, r#"<col min="{0}" max="{0}" width="{w}" customWidth="1"/>"#, c + 1);
    }
    head.push_str("</cols><sheetData>");
    zip.write_all(head.as_bytes())?;
    let header_cells: Vec<Cell> = header.iter().map(|h| Cell::Text(h)).collect();
    let mut line = String::new();
    row(&mut line, 1, &header_cells, 1, Some(60.0));
    zip.write_all(line.as_bytes())?;
    let mut n = 1;
    for cells in rows {
        n += 1;
        line.clear();
        row(&mut line, n, &cells, 2, None);
        zip.write_all(line.as_bytes())?;
    }
    line.clear();
    row(&mut line, n + 1, &footer, 1, None);
    zip.write_all(line.as_bytes())?;
    zip.write_all(
        br#"</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>"#,
    )?;
    Ok(zip.finish()?.into_inner())
}

/// One `<row>`; text cells get style `text_style`, numbers are plain (bold in the
/// header and footer rows, style 1).
fn row(out: &mut String, r: usize, cells: &[Cell], text_style: u8, height: Option<f64>) {
    match height {
        Some(h) => {
            let _ = write!(out, r#"<row r="{r}" ht="{h}" customHeight="1">"#);
        }
        None => {
            let _ = write!(out, r#"<row r="{r}">"#);
        }
    }
    for (c, cell) in cells.iter().enumerate() {
        let at = format!("{}{r}", column(c));
        match cell {
            Cell::Empty => {}
            Cell::Text(t) => {
                let _ = write!(
                    out,
                    r#"<c r="{at}" s="{text_style}" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#,
                    escape(t)
                );
            }
            Cell::Number(v) => {
                let s = if text_style == 1 { r#" s="1""# } else { "" };
                let _ = write!(out, r#"<c r="{at}"{s}><v>{v}</v></c>"#);
            }
        }
    }
    out.push_str("</row>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered() {
        assert_eq!(column(0), "A");
        assert_eq!(column(25), "Z");
        assert_eq!(column(26), "AA");
        assert_eq!(column(27), "AB");
        assert_eq!(column(701), "ZZ");
        assert_eq!(column(702), "AAA");
    }
}

//! The DOCX writer: a small WordprocessingML package written directly, elements in
//! ECMA-376 schema order, with named styles, the GB/T 9704 page and grid, repeated table
//! headers, odd/even page-number footers, core properties and the `nianbao-data` figures
//! as a custom XML part. Bytes are deterministic: fixed zip timestamps and fixed IDs.

mod body;
mod embed;
mod styles;
mod xml;

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;

use crate::doc::Document;
use xml::{DECL, esc};

/// What the DOCX needs besides the document.
pub struct DocxOptions<'a> {
    /// Author (the agency).
    pub author: &'a str,
    /// Creation date, `YYYY-MM-DD` (the publication date, never the clock).
    pub created: &'a str,
    /// The `nianbao-data` JSON.
    pub data_json: &'a str,
    /// A draft mark to print above the title, if the figures failed the checks.
    pub draft_mark: Option<&'a str>,
    /// Name the bundled open fonts and embed subsets of them (`--embed-fonts`).
    pub embed_fonts: bool,
}

/// The fixed ID of the custom XML part holding the figures.
const DATA_ITEM_ID: &str = "{6E1A2B3C-4D5E-4F60-8172-93A4B5C6D7E8}";

fn content_types(fonts: bool) -> String {
    let odttf = if fonts {
        "<Default Extension=\"odttf\" ContentType=\"application/vnd.openxmlformats-officedocument.obfuscatedFont\"/>"
    } else {
        ""
    };
    format!(
        "{DECL}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>{odttf}\
         <Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
         <Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
         <Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>\
         <Override PartName=\"/word/fontTable.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>\
         <Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>\
         <Override PartName=\"/word/footer2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>\
         <Override PartName=\"/customXml/itemProps1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.customXmlProperties+xml\"/>\
         <Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
         <Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>\
         </Types>"
    )
}

const REL_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

fn package_rels() -> String {
    format!(
        "{DECL}<Relationships xmlns=\"{REL_NS}\">\
         <Relationship Id=\"rId1\" Type=\"{OFFICE_REL}/officeDocument\" Target=\"word/document.xml\"/>\
         <Relationship Id=\"rId2\" Type=\"{REL_NS}/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
         <Relationship Id=\"rId3\" Type=\"{OFFICE_REL}/extended-properties\" Target=\"docProps/app.xml\"/>\
         </Relationships>"
    )
}

fn document_rels() -> String {
    format!(
        "{DECL}<Relationships xmlns=\"{REL_NS}\">\
         <Relationship Id=\"rIdStyles\" Type=\"{OFFICE_REL}/styles\" Target=\"styles.xml\"/>\
         <Relationship Id=\"rIdSettings\" Type=\"{OFFICE_REL}/settings\" Target=\"settings.xml\"/>\
         <Relationship Id=\"rIdFonts\" Type=\"{OFFICE_REL}/fontTable\" Target=\"fontTable.xml\"/>\
         <Relationship Id=\"rIdFooterOdd\" Type=\"{OFFICE_REL}/footer\" Target=\"footer1.xml\"/>\
         <Relationship Id=\"rIdFooterEven\" Type=\"{OFFICE_REL}/footer\" Target=\"footer2.xml\"/>\
         <Relationship Id=\"rIdData\" Type=\"{OFFICE_REL}/customXml\" Target=\"../customXml/item1.xml\"/>\
         </Relationships>"
    )
}

fn core(title: &str, opts: &DocxOptions) -> String {
    let when = format!("{}T00:00:00Z", opts.created);
    format!(
        "{DECL}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{}</dc:title><dc:subject>政府信息公开工作年度报告</dc:subject><dc:creator>{}</dc:creator><dc:language>zh-CN</dc:language>\
         <dcterms:created xsi:type=\"dcterms:W3CDTF\">{when}</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">{when}</dcterms:modified></cp:coreProperties>",
        esc(title),
        esc(opts.author)
    )
}

fn app() -> String {
    format!(
        "{DECL}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>nianbao</Application></Properties>"
    )
}

fn data_item(json: &str) -> String {
    format!("{DECL}<nianbao-data xmlns=\"urn:nianbao:data:1\">{}</nianbao-data>", esc(json))
}

fn data_item_props() -> String {
    format!(
        "{DECL}<ds:datastoreItem ds:itemID=\"{DATA_ITEM_ID}\" xmlns:ds=\"http://schemas.openxmlformats.org/officeDocument/2006/customXml\"><ds:schemaRefs><ds:schemaRef ds:uri=\"urn:nianbao:data:1\"/></ds:schemaRefs></ds:datastoreItem>"
    )
}

fn data_item_rels() -> String {
    format!(
        "{DECL}<Relationships xmlns=\"{REL_NS}\"><Relationship Id=\"rId1\" Type=\"{OFFICE_REL}/customXmlProps\" Target=\"itemProps1.xml\"/></Relationships>"
    )
}

/// `word/_rels/fontTable.xml.rels`: the embedded font programs.
fn font_rels(families: &[embed::Family]) -> String {
    let mut s = format!("{DECL}<Relationships xmlns=\"{REL_NS}\">");
    for p in families.iter().flat_map(|f| [&f.regular, &f.bold]).flatten() {
        s.push_str(&format!(
            "<Relationship Id=\"{}\" Type=\"{OFFICE_REL}/font\" Target=\"fonts/{}\"/>",
            p.rel_id, p.file
        ));
    }
    s.push_str("</Relationships>");
    s
}

/// The XML parts of the package, in the order they are written.
fn parts(
    doc: &Document,
    opts: &DocxOptions,
    families: &[embed::Family],
) -> Vec<(&'static str, String)> {
    let open = !families.is_empty();
    let mut parts = vec![
        ("[Content_Types].xml", content_types(open)),
        ("_rels/.rels", package_rels()),
        ("docProps/core.xml", core(&doc.title, opts)),
        ("docProps/app.xml", app()),
        ("word/document.xml", body::document(doc, opts.draft_mark)),
        ("word/_rels/document.xml.rels", document_rels()),
        ("word/styles.xml", styles::styles(open)),
        ("word/settings.xml", styles::settings(open)),
        ("word/fontTable.xml", styles::font_table(families)),
        ("word/footer1.xml", body::footer(true)),
        ("word/footer2.xml", body::footer(false)),
        ("customXml/item1.xml", data_item(opts.data_json)),
        ("customXml/itemProps1.xml", data_item_props()),
        ("customXml/_rels/item1.xml.rels", data_item_rels()),
    ];
    if open {
        parts.push(("word/_rels/fontTable.xml.rels", font_rels(families)));
    }
    parts
}

/// Writes the DOCX package.
pub fn docx(doc: &Document, opts: &DocxOptions) -> Result<Vec<u8>, String> {
    let families =
        if opts.embed_fonts { embed::families(doc, opts.draft_mark)? } else { Vec::new() };
    package(doc, opts, &families).map_err(|e| e.to_string())
}

fn package(
    doc: &Document,
    opts: &DocxOptions,
    families: &[embed::Family],
) -> std::io::Result<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    // A fixed timestamp (1980-01-01, the zip epoch) keeps the bytes reproducible.
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for (name, text) in parts(doc, opts, families) {
        zip.start_file(name, options).map_err(std::io::Error::other)?;
        zip.write_all(text.as_bytes())?;
    }
    for p in families.iter().flat_map(|f| [&f.regular, &f.bold]).flatten() {
        zip.start_file(format!("word/fonts/{}", p.file), options).map_err(std::io::Error::other)?;
        zip.write_all(&p.data)?;
    }
    Ok(zip.finish().map_err(std::io::Error::other)?.into_inner())
}

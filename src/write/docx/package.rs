//! The small fixed parts of the package: content types, relationships, core and
//! application properties, settings, and the `nianbao-data` figures as a custom XML part.

use super::xml::{DECL, OFFICE_REL, REL_NS, W_NS, esc};
use crate::doc::Meta;

/// The fixed ID of the custom XML part holding the figures.
const DATA_ITEM_ID: &str = "{6E1A2B3C-4D5E-4F60-8172-93A4B5C6D7E8}";

/// `[Content_Types].xml`; `fonts` adds the type of the embedded font parts.
pub(super) fn content_types(fonts: bool) -> String {
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

/// `_rels/.rels`: the main document and the properties.
pub(super) fn package_rels() -> String {
    format!(
        "{DECL}<Relationships xmlns=\"{REL_NS}\">\
         <Relationship Id=\"rId1\" Type=\"{OFFICE_REL}/officeDocument\" Target=\"word/document.xml\"/>\
         <Relationship Id=\"rId2\" Type=\"{REL_NS}/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
         <Relationship Id=\"rId3\" Type=\"{OFFICE_REL}/extended-properties\" Target=\"docProps/app.xml\"/>\
         </Relationships>"
    )
}

/// `word/_rels/document.xml.rels`: the parts the main document uses.
pub(super) fn document_rels() -> String {
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

/// `docProps/core.xml`: title, author and dates (the publication date, never the clock).
pub(super) fn core(title: &str, meta: &Meta) -> String {
    let when = format!("{}T00:00:00Z", meta.iso_date());
    format!(
        "{DECL}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{}</dc:title><dc:subject>政府信息公开工作年度报告</dc:subject><dc:creator>{}</dc:creator><dc:language>zh-CN</dc:language>\
         <dcterms:created xsi:type=\"dcterms:W3CDTF\">{when}</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">{when}</dcterms:modified></cp:coreProperties>",
        esc(title),
        esc(&meta.author)
    )
}

/// `docProps/app.xml`: the application that wrote the file.
pub(super) fn app() -> String {
    format!(
        "{DECL}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>nianbao</Application></Properties>"
    )
}

/// `customXml/item1.xml`: the figures, so that they can be read back from the DOCX.
pub(super) fn data_item(json: &str) -> String {
    format!("{DECL}<nianbao-data xmlns=\"urn:nianbao:data:1\">{}</nianbao-data>", esc(json))
}

/// `customXml/itemProps1.xml`: the data part's fixed ID and schema.
pub(super) fn data_item_props() -> String {
    format!(
        "{DECL}<ds:datastoreItem ds:itemID=\"{DATA_ITEM_ID}\" xmlns:ds=\"http://schemas.openxmlformats.org/officeDocument/2006/customXml\"><ds:schemaRefs><ds:schemaRef ds:uri=\"urn:nianbao:data:1\"/></ds:schemaRefs></ds:datastoreItem>"
    )
}

/// `customXml/_rels/item1.xml.rels`.
pub(super) fn data_item_rels() -> String {
    format!(
        "{DECL}<Relationships xmlns=\"{REL_NS}\"><Relationship Id=\"rId1\" Type=\"{OFFICE_REL}/customXmlProps\" Target=\"itemProps1.xml\"/></Relationships>"
    )
}

/// `word/settings.xml`: odd and even footers differ (page numbers right on odd pages, left
/// on even). No punctuation compression of the word processor's own
/// (`characterSpacingControl`): the marks the PDF sets half width carry it in their runs
/// ([`crate::layout::Narrowed`]), and Word's own would take the same blank twice.
pub(super) fn settings(embed: bool) -> String {
    let embed = if embed { "<w:embedTrueTypeFonts/><w:saveSubsetFonts/>" } else { "" };
    let pitch = crate::doc::page::PAGE.line_pitch_twips().0;
    format!(
        "{DECL}<w:settings {W_NS}><w:zoom w:percent=\"100\"/>{embed}<w:defaultTabStop w:val=\"420\"/><w:evenAndOddHeaders/><w:drawingGridVerticalSpacing w:val=\"{pitch}\"/><w:displayHorizontalDrawingGridEvery w:val=\"0\"/><w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/><w:doNotLeaveBackslashAlone/><w:ulTrailSpace/><w:doNotExpandShiftReturn/><w:adjustLineHeightInTable/><w:useFELayout/><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat><w:themeFontLang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:settings>"
    )
}

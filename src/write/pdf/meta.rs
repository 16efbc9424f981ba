//! What the PDF says about itself: the document information dictionary and the same in
//! XMP, the report's figures attached as `nianbao-data.json`, and the file ID.
//!
//! Nothing here reads the clock: every date is the report's publication date, and the
//! file ID is a hash of the content, so the same input gives the same bytes.

use pdf_writer::types::AssociationKind;
use pdf_writer::{Date, Filter, Finish, Name, Pdf, Ref, Str, TextStr};

use super::deflate::{self, deflate};
use super::{Ids, PdfOptions};
use crate::write::hash::Fnv1a128;

/// The attached file's name, also its key in the catalog's `EmbeddedFiles` name tree.
pub(super) const DATA_FILE: &str = "nianbao-data.json";

/// The publication date as a PDF date.
pub(super) fn date(opts: &PdfOptions) -> Date {
    let (y, m, d) = opts.date;
    Date::new(y).month(m).day(d)
}

/// What nianbao writes as creator and producer.
fn producer() -> String {
    format!("nianbao {}", env!("CARGO_PKG_VERSION"))
}

/// Attaches the `nianbao-data` JSON, so that the figures can be read back from the PDF
/// without parsing its text; returns the file specification's id.
pub(super) fn write_attachment(pdf: &mut Pdf, ids: &mut Ids, opts: &PdfOptions) -> Ref {
    let data_id = ids.next();
    let spec_id = ids.next();
    let json = opts.data_json;
    let packed = deflate(json.as_bytes(), deflate::TEXT);
    let mut ef = pdf.embedded_file(data_id, &packed);
    ef.subtype(Name(b"application/json"));
    ef.filter(Filter::FlateDecode);
    ef.params().size(json.len() as i32).modification_date(date(opts));
    ef.finish();
    pdf.file_spec(spec_id)
        .path(Str(DATA_FILE.as_bytes()))
        .unic_file(TextStr(DATA_FILE))
        .description(TextStr("报告数据（nianbao-data 第 1 版）"))
        .association_kind(AssociationKind::Data)
        .embedded_file_with_unicode(data_id);
    spec_id
}

/// Writes the document information dictionary.
pub(super) fn write_info(pdf: &mut Pdf, info_id: Ref, opts: &PdfOptions) {
    let producer = producer();
    pdf.document_info(info_id)
        .title(TextStr(opts.title))
        .author(TextStr(opts.author))
        .subject(TextStr(opts.subject))
        .creator(TextStr(&producer))
        .producer(TextStr(&producer))
        .creation_date(date(opts))
        .modified_date(date(opts));
}

/// Writes the same metadata as XMP, which PDF 2.0 prefers to the information dictionary;
/// returns the metadata stream's id.
pub(super) fn write_xmp(pdf: &mut Pdf, ids: &mut Ids, opts: &PdfOptions) -> Ref {
    let producer = producer();
    let (y, m, d) = opts.date;
    let date = xmp_writer::DateTime::date(y, m, d);
    let mut xmp = xmp_writer::XmpWriter::new();
    xmp.title([(None, opts.title)])
        .creator([opts.author])
        .description([(None, opts.subject)])
        .language([xmp_writer::LangId("zh-CN")])
        .format("application/pdf")
        .producer(&producer)
        .creator_tool(&producer)
        .create_date(date)
        .modify_date(date);
    let xmp = xmp.finish(None);
    let meta_id = ids.next();
    pdf.metadata(meta_id, xmp.as_bytes());
    meta_id
}

/// The file ID (the trailer's `/ID`): an FNV-1a 128 hash ([`crate::write::hash`]) of the
/// title, the attached figures and every page's content stream, each as one field. It
/// changes when what the document shows changes, and never otherwise.
pub(super) struct FileId(Fnv1a128);

impl FileId {
    /// Starts with the parts known before the pages are drawn.
    pub(super) fn new(opts: &PdfOptions) -> FileId {
        let mut h = Fnv1a128::new();
        h.field(opts.title.as_bytes()).field(opts.data_json.as_bytes());
        FileId(h)
    }

    /// Adds a page's uncompressed content stream.
    pub(super) fn page(&mut self, content: &[u8]) {
        self.0.field(content);
    }

    /// Sets the ID: both of its halves are the hash, since the file is never updated
    /// in place (PDF 32000-1 §14.4: the second changes only with an incremental update).
    pub(super) fn write(&self, pdf: &mut Pdf) {
        let id = self.0.digest().to_vec();
        pdf.set_file_id((id.clone(), id));
    }
}

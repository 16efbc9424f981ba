//! Rendering: report → template markup → [`Document`] → HTML (DOCX and PDF follow).
//!
//! [`document`] runs the templates on the typed [`view`] of a report and parses the
//! markup; the writers ([`html`], [`docx`]) only walk the document. [`data`] is the
//! machine-readable copy of the figures that every output carries.

pub mod data;
pub mod docx;
pub mod html;
pub mod pdf;
pub mod templates;
pub mod view;

use crate::doc::{self, Document};
use crate::model::Report;
pub use templates::Templates;

/// Builds the document of a report with the given templates.
pub fn document(report: &Report, templates: &Templates) -> Result<Document, String> {
    let markup = templates.render(&view::view(report))?;
    doc::markup::parse(&markup).map_err(|e| {
        format!(
            "模板错误：{}\n  --> 生成的标记第 {} 行第 {} 列\n   | {}",
            e.message, e.line, e.column, e.source_line
        )
    })
}

/// Escapes text for HTML or XML element content and attribute values; characters XML
/// does not allow are dropped.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Characters XML 1.0 does not allow are dropped rather than written.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

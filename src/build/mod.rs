//! Building: report → template markup → [`Document`].
//!
//! [`document`] runs the templates on the typed [`view`] of a report and parses the
//! markup ([`markup`]); the writers (the `write` module) only walk the document. [`data`]
//! is the machine-readable copy of the figures that every output carries.

pub mod data;
pub mod markup;
pub mod tables;
pub mod templates;
pub mod view;

use crate::doc::Document;
use crate::model::Report;
pub use templates::Templates;

/// Builds the document of a report with the given templates.
pub fn document(report: &Report, templates: &Templates) -> Result<Document, String> {
    let markup = templates.render(&view::view(report))?;
    markup::parse(&markup, &|id| tables::official(report, id)).map_err(|e| {
        format!(
            "模板错误：{}\n  --> 生成的标记第 {} 行第 {} 列\n   | {}",
            e.message, e.line, e.column, e.source_line
        )
    })
}

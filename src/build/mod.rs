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

use crate::doc::{Document, Meta};
use crate::model::Report;
pub use templates::{TemplateError, Templates};

/// Why a report's document could not be built: a template's fault, never the YAML's
/// (what the YAML can get wrong, `check` rejects first).
#[derive(Debug)]
pub enum BuildError {
    /// A template could not be run; the message names the template file, line and
    /// column.
    Template(TemplateError),
    /// A template produced markup that is not the document vocabulary.
    Markup(markup::MarkupError),
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BuildError::Template(e) => write!(f, "{e}"),
            BuildError::Markup(e) => write!(
                f,
                "模板错误：{}\n  --> 生成的标记第 {} 行第 {} 列\n   | {}",
                e.message, e.line, e.column, e.source_line
            ),
        }
    }
}

impl std::error::Error for BuildError {}

/// Builds the document of a report with the given templates: its blocks, the official
/// tables, and what the outputs say about themselves ([`Meta`]; no draft mark — the
/// caller that knows the checks' result sets it).
pub fn document(report: &Report, templates: &Templates) -> Result<Document, BuildError> {
    let markup = templates
        .render(report.spec().template, &view::view(report))
        .map_err(BuildError::Template)?;
    let mut doc =
        markup::parse(&markup, &|id| tables::official(report, id)).map_err(BuildError::Markup)?;
    let d = report.publication_date;
    doc.meta = Meta {
        author: report.agency.name.clone(),
        subject: format!("{}年度政府信息公开工作年度报告", report.year),
        date: (d.year.clamp(0, 9999) as u16, d.month as u8, d.day as u8),
        data_json: data::to_json(&data::data(report)),
        draft_mark: None,
    };
    Ok(doc)
}

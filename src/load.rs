//! Reading one report file all the way to the model.

use std::path::Path;

use crate::diag::{Diagnostic, default_code};
use crate::files::{Limit, read_limited};
use crate::input::{self, LoadError};
use crate::model::{self, Report};
use crate::scaffold::Scaffold;
use crate::source::SourceFile;

/// A report read and lowered, with the warnings found on the way.
#[derive(Debug)]
pub struct Loaded {
    /// The file.
    pub file: SourceFile,
    /// The report.
    pub report: Report,
    /// Warnings found while lowering (N1).
    pub warnings: Vec<Diagnostic>,
}

/// Reads, parses and lowers a file. Any error means the file cannot be understood
/// (exit code 2); the rule checks run afterwards on the result.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let bytes = read_limited(path, Limit::YAML).map_err(|e| LoadError {
        file: None,
        diagnostics: vec![Diagnostic::error(e.to_string()).code("F1")],
    })?;
    let file = input::decode(path, bytes).map_err(|mut e| {
        default_code(&mut e.diagnostics, "F1");
        e
    })?;
    load_source(file)
}

/// Parses and lowers an already decoded file.
pub fn load_source(file: SourceFile) -> Result<Loaded, LoadError> {
    let template = |format| Scaffold::new(format, 2024, "某某市某某局".to_owned()).render();
    let (parsed, format_span) = match input::parse(&file, &template) {
        Ok(p) => p,
        Err(mut diagnostics) => {
            // Syntax errors carry Y1 from where they are found; the rest are structure.
            default_code(&mut diagnostics, "Y2");
            return Err(LoadError { file: Some(file), diagnostics });
        }
    };
    match model::lower(&file, parsed, format_span) {
        Ok((report, warnings)) => Ok(Loaded { file, report, warnings }),
        Err(mut diagnostics) => {
            default_code(&mut diagnostics, "Y3");
            crate::diag::sort(&mut diagnostics);
            Err(LoadError { file: Some(file), diagnostics })
        }
    }
}

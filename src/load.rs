//! Reading one report file all the way to the model.

use std::path::Path;

use crate::diag::{Diagnostic, Severity, default_code};
use crate::files::{Limit, read_limited};
use crate::import;
use crate::input::{self, LoadError};
use crate::model::{self, Report};
use crate::scaffold::Scaffold;
use crate::source::{SourceFile, display_path};

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

/// The largest published report read (a DOCX or PDF with pictures).
pub const PUBLISHED: Limit = Limit { what: "文件", bytes: 64 << 20 };

/// Reads, parses and lowers a file. Any error means the file cannot be understood
/// (exit code 2); the rule checks run afterwards on the result. A published report
/// (`.html`, `.docx`, `.pdf`, `.txt`) is imported in memory first; what could not be read
/// from it is listed as F2 warnings.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    if import::is_published(path) {
        return load_published(path);
    }
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

/// Imports a published report and loads the result.
fn load_published(path: &Path) -> Result<Loaded, LoadError> {
    let unreadable = |msg: String| LoadError {
        file: None,
        diagnostics: vec![Diagnostic::error(msg).code("F1")],
    };
    let bytes = read_limited(path, PUBLISHED).map_err(|e| unreadable(e.to_string()))?;
    let import = import_bytes(&bytes, path)
        .map_err(|e| unreadable(format!("{} 无法作为年度报告导入：{e}", display_path(path))))?;
    let mut loaded = load_source(SourceFile::imported(path, import.yaml))?;
    for p in &import.imported.problems {
        loaded.warnings.push(
            Diagnostic::rule(Severity::Warning, "F2", format!("导入时，{}：{}", p.place, p.what))
                .help("用 nianbao import 导出 YAML 后按原报告填写或核对"),
        );
    }
    Ok(loaded)
}

/// Imports a published report's bytes (embedded figures used when present).
pub fn import_bytes(bytes: &[u8], path: &Path) -> Result<import::Import, import::Unreadable> {
    let ext = path.extension().and_then(|e| e.to_str());
    let (kind, published) = import::read(bytes, ext)?;
    let imported = import::understand(&published, true)?;
    let name =
        path.file_name().map_or_else(|| display_path(path), |n| n.to_string_lossy().into_owned());
    import::to_yaml(imported, &name, kind)
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

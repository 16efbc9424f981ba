//! The whole pipeline as calls a program can make: load → check → build → lay out →
//! write, for one report, in memory.
//!
//! The command line, the benchmark and the batch call these; nothing here prints or
//! writes a file, so a caller decides what to show and where the bytes go. Fonts and
//! templates are loaded once by the caller and shared by every report.

use std::fmt;
use std::path::Path;

use crate::build::{self, BuildError, Templates};
use crate::diag::{Diagnostic, Severity, Tally};
use crate::doc::{DRAFT_MARK, Document};
use crate::fonts::FontBook;
use crate::input::LoadError;
use crate::layout;
use crate::load::Loaded;
use crate::rules::{self, Previous};
use crate::source::{SourceFile, Span};
use crate::write::docx::{self, DocxError, DocxOptions};
use crate::write::html;
use crate::write::pdf::{self, PdfError};

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Target {
    /// PDF, laid out by nianbao.
    Pdf,
    /// One self-contained HTML page.
    Html,
    /// WordprocessingML.
    Docx,
}

impl Target {
    /// Every format, in the order `render` writes them by default.
    pub const ALL: [Target; 3] = [Target::Pdf, Target::Html, Target::Docx];

    /// The file extension (and the name on the command line).
    pub fn extension(self) -> &'static str {
        match self {
            Target::Pdf => "pdf",
            Target::Html => "html",
            Target::Docx => "docx",
        }
    }

    /// A comma-separated list such as `pdf,html`; duplicates are dropped.
    pub fn parse_list(list: &str) -> Result<Vec<Target>, String> {
        let mut out = Vec::new();
        for t in list.split(',').map(str::trim).filter(|t| !t.is_empty()) {
            let lower = t.to_lowercase();
            let Some(target) = Target::ALL.into_iter().find(|x| x.extension() == lower) else {
                return Err(format!("--to 里的「{t}」不是支持的格式（可用：pdf、html、docx）"));
            };
            if !out.contains(&target) {
                out.push(target);
            }
        }
        if out.is_empty() {
            return Err("--to 至少要写一种格式，例如 --to html".into());
        }
        Ok(out)
    }
}

/// What a render needs besides the report: loaded once, shared by every report.
pub struct Options<'a> {
    /// The templates (built-in, or with a folder's overrides).
    pub templates: &'a Templates,
    /// The fonts of the PDF.
    pub fonts: &'a FontBook,
    /// The formats to write.
    pub targets: &'a [Target],
    /// Render even when the figures fail the checks, as a marked draft.
    pub force: bool,
    /// How to write the DOCX.
    pub docx: DocxOptions,
}

/// Reads a report file to the model ([`crate::load`]).
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    crate::load(path)
}

/// Runs every rule on a loaded report (with last year's report, if given).
pub fn check(loaded: &Loaded, previous: Option<&Previous>) -> Vec<Diagnostic> {
    let cx = rules::Context { report: &loaded.report, previous };
    rules::check(&cx, loaded.warnings.clone())
}

/// Why a report was not rendered.
#[derive(Debug)]
pub enum RenderError {
    /// The figures fail the checks and drafts were not asked for.
    Blocked {
        /// How many errors.
        errors: usize,
    },
    /// A template failed.
    Build(BuildError),
    /// A character no font has, located in the YAML where it could be found.
    Unprintable(Box<Diagnostic>),
    /// The PDF writer failed.
    Pdf(PdfError),
    /// The DOCX writer failed.
    Docx(DocxError),
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RenderError::Blocked { errors } => write!(f, "数据有 {errors} 个错误，未生成报告"),
            RenderError::Build(e) => write!(f, "{e}"),
            RenderError::Unprintable(d) => f.write_str(&d.message),
            RenderError::Pdf(e) => write!(f, "错误：无法生成 PDF（{e}）"),
            RenderError::Docx(e) => write!(f, "错误：无法生成 DOCX（{e}）"),
        }
    }
}

impl std::error::Error for RenderError {}

/// A rendered report: one output per target, in the order asked.
#[derive(Debug)]
pub struct Rendered {
    /// Whether the outputs are drafts (the figures failed the checks).
    pub draft: bool,
    /// The bytes of each format.
    pub outputs: Vec<(Target, Vec<u8>)>,
}

/// Builds the document of a report, marked as a draft when `draft`.
pub fn document(
    loaded: &Loaded,
    templates: &Templates,
    draft: bool,
) -> Result<Document, BuildError> {
    let mut doc = build::document(&loaded.report, templates)?;
    doc.meta.draft_mark = draft.then(|| DRAFT_MARK.to_owned());
    Ok(doc)
}

/// Lays out and draws a document's PDF; a character no font has is reported at its
/// place in the YAML (`source`, the report's file).
pub fn pdf_of(
    doc: &Document,
    fonts: &FontBook,
    source: &SourceFile,
) -> Result<Vec<u8>, RenderError> {
    let laid = layout::layout(doc, fonts).map_err(|e| unprintable(doc, fonts, source, &e))?;
    pdf::pdf(doc, &laid, fonts).map_err(RenderError::Pdf)
}

/// The diagnostic for a character no font has.
fn unprintable(
    doc: &Document,
    fonts: &FontBook,
    source: &SourceFile,
    e: &layout::LayoutError,
) -> RenderError {
    let (ch, role) = (e.missing.ch, e.missing.role);
    let mut d = Diagnostic::error(format!(
        "字符「{ch}」（U+{:04X}）在所有字体里都没有，无法生成 PDF",
        ch as u32
    ))
    .code("P1")
    .note(format!(
        "{}（{}）用的字体「{}」和后备字体里都找不到这个字",
        role.key(),
        role.official_font(),
        fonts.face(fonts.primary(role)).name
    ))
    .help(format!(
        "检查是否误输入；如果确实需要这个字，用 --font {}=字体文件 指定含有它的字体",
        role.key()
    ));
    match doc.span_of_char(ch) {
        Some(span) => {
            // The character itself, where the YAML writes it literally inside the text.
            let at = source.slice(span).find(ch).map_or(span, |i| {
                let start = span.start + i;
                Span::new(start, start + ch.len_utf8())
            });
            d = d.at(at, "这个字");
        }
        None => d = d.note(format!("这个字不在 YAML 里，来自模板：{}", e.context)),
    }
    RenderError::Unprintable(Box::new(d))
}

/// Renders a checked report to every target in memory. With errors among
/// `diagnostics`, renders drafts only when `opts.force`.
pub fn render(
    loaded: &Loaded,
    diagnostics: &[Diagnostic],
    opts: &Options,
) -> Result<Rendered, RenderError> {
    let errors = Tally::of(diagnostics).errors;
    let draft = errors > 0;
    if draft && !opts.force {
        return Err(RenderError::Blocked { errors });
    }
    let doc = document(loaded, opts.templates, draft).map_err(RenderError::Build)?;
    // The PDF's layout, and the marks it sets half width, which the HTML's print and the
    // DOCX set so too. Without a PDF the marks are found alone; a character no font has
    // then leaves them out: a browser or a word processor has fonts of its own, and only
    // the PDF needs ours.
    let laid = if opts.targets.contains(&Target::Pdf) {
        Some(
            layout::layout(&doc, opts.fonts)
                .map_err(|e| unprintable(&doc, opts.fonts, &loaded.file, &e))?,
        )
    } else {
        None
    };
    let narrowed = match &laid {
        Some(l) => &l.narrowed,
        None => &layout::narrowed(&doc, opts.fonts).unwrap_or_default(),
    };
    let mut outputs = Vec::with_capacity(opts.targets.len());
    for &target in opts.targets {
        let bytes = match (target, &laid) {
            (Target::Pdf, Some(laid)) => {
                pdf::pdf(&doc, laid, opts.fonts).map_err(RenderError::Pdf)?
            }
            (Target::Pdf, None) => pdf_of(&doc, opts.fonts, &loaded.file)?,
            (Target::Html, _) => html::html(&doc, narrowed).into_bytes(),
            (Target::Docx, _) => {
                docx::docx(&doc, narrowed, &opts.docx).map_err(RenderError::Docx)?
            }
        };
        outputs.push((target, bytes));
    }
    Ok(Rendered { draft, outputs })
}

/// Whether any diagnostic is an error.
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(|d| d.severity == Severity::Error)
}

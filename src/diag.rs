//! Diagnostics: what nianbao tells the user about an input file.
//!
//! A [`Diagnostic`] has a severity, an optional rule id from the catalogue (`R1`, `W7`, …),
//! a Chinese message, and labels pointing into the YAML. The library only builds them;
//! [`render_human`] and [`to_json`] turn them into text in one place.

use std::fmt::Write as _;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::source::{SourceFile, Span};

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The report is wrong; `check` exits with 1 (rule) or 2 (unreadable input).
    Error,
    /// Probably wrong; evaluators would ask about it.
    Warning,
    /// A warning the agency has looked at and accepted, with a reason in the YAML.
    Acknowledged,
}

impl Severity {
    /// The Chinese word printed before the message.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Acknowledged => "已确认",
        }
    }
}

/// A span with a short text printed under it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// Where in the YAML.
    pub span: Span,
    /// What is there (may be empty).
    pub text: String,
}

/// One finding about one input file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error, warning or acknowledged warning.
    pub severity: Severity,
    /// Rule id from the catalogue (`R1` … `W9`, `F1`/`Y1`… for files that cannot be read);
    /// `None` only until the stage that made it gives it its stage's id.
    pub code: Option<&'static str>,
    /// The message, one line, in Chinese.
    pub message: String,
    /// The main place; `None` when the problem is the file as a whole.
    pub primary: Option<Label>,
    /// Further places involved (the other side of a balance, say).
    pub secondary: Vec<Label>,
    /// Explanations printed after the snippet (`= 说明：…`).
    pub notes: Vec<String>,
    /// A suggestion (`= 提示：…`).
    pub help: Option<String>,
    /// Edits that each make the finding go away (the one-cell fix), for tools.
    pub fixes: Vec<Fix>,
}

/// One cell changed to fix a finding: where, the YAML path of the cell, and its text
/// before and after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    /// Where the cell is written.
    pub span: Span,
    /// Its path in the YAML, e.g. `applications.new_received[0]`.
    pub path: String,
    /// The value written now.
    pub from: String,
    /// The value that fixes it.
    pub to: String,
}

impl Diagnostic {
    /// An error whose rule id is given by [`Diagnostic::code`] or by its stage
    /// ([`default_code`]).
    pub fn error(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code: None,
            message: message.into(),
            primary: None,
            secondary: Vec::new(),
            notes: Vec::new(),
            help: None,
            fixes: Vec::new(),
        }
    }

    /// A diagnostic for a catalogue rule.
    pub fn rule(severity: Severity, code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic { severity, code: Some(code), ..Diagnostic::error(message) }
    }

    /// Sets the rule id.
    pub fn code(mut self, code: &'static str) -> Self {
        self.code = Some(code);
        self
    }

    /// Sets the main place.
    pub fn at(mut self, span: Span, text: impl Into<String>) -> Self {
        self.primary = Some(Label { span, text: text.into() });
        self
    }

    /// Adds a further place.
    pub fn also(mut self, span: Span, text: impl Into<String>) -> Self {
        self.secondary.push(Label { span, text: text.into() });
        self
    }

    /// Adds a note.
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// Sets the suggestion.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Sort key: position in the file first, then severity and rule id.
    fn sort_key(&self) -> (usize, Severity, &'static str, &str) {
        let pos = self.primary.as_ref().map_or(0, |l| l.span.start);
        (pos, self.severity, self.code.unwrap_or(""), &self.message)
    }
}

/// Sorts diagnostics by their position in the file, as the user reads it.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
}

/// Counts of each severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Errors.
    pub errors: usize,
    /// Warnings not acknowledged.
    pub warnings: usize,
    /// Acknowledged warnings.
    pub acknowledged: usize,
}

impl Tally {
    /// Counts `diags`.
    pub fn of(diags: &[Diagnostic]) -> Tally {
        let mut t = Tally::default();
        for d in diags {
            match d.severity {
                Severity::Error => t.errors += 1,
                Severity::Warning => t.warnings += 1,
                Severity::Acknowledged => t.acknowledged += 1,
            }
        }
        t
    }
}

/// Renders one diagnostic as text with a snippet of the YAML, the way compilers do.
/// `file` is `None` when the file could not even be decoded; `path` is then shown alone.
pub fn render_human(diag: &Diagnostic, file: Option<&SourceFile>, path: &str) -> String {
    let mut out = String::new();
    let code = diag.code.map(|c| format!("[{c}]")).unwrap_or_default();
    let _ = writeln!(out, "{}{code}：{}", diag.severity.label(), diag.message);
    let Some(file) = file else {
        let _ = writeln!(out, "  --> {path}");
        push_notes(&mut out, diag);
        return out;
    };
    let mut labels: Vec<&Label> = diag.primary.iter().chain(&diag.secondary).collect();
    match diag.primary.as_ref() {
        Some(p) => {
            let lc = file.line_col(p.span.start);
            // Lines of an imported report are those of the YAML `nianbao import` writes.
            let of = if file.imported { "（导入的 YAML）" } else { "" };
            let _ = writeln!(out, "  --> {}{of}:{}:{}", file.display_path(), lc.line, lc.column);
        }
        None => {
            let _ = writeln!(out, "  --> {}", file.display_path());
        }
    }
    labels.sort_by_key(|l| l.span.start);
    if !labels.is_empty() {
        let last_line = labels.iter().map(|l| file.line_col(l.span.start).line).max();
        let width = last_line.unwrap_or(1).to_string().len();
        let pad = " ".repeat(width);
        let _ = writeln!(out, "{pad} |");
        let mut prev_line = 0;
        for label in &labels {
            let lc = file.line_col(label.span.start);
            if lc.line != prev_line {
                if prev_line != 0 && lc.line > prev_line + 1 {
                    let _ = writeln!(out, "{pad} ⋮");
                }
                let text = file.line_text(lc.line);
                let _ = writeln!(out, "{:>width$} | {}", lc.line, text.replace('\t', " "));
                prev_line = lc.line;
            }
            let line_start = file.offset_of(lc.line, 1);
            let before = file.text.get(line_start..label.span.start).unwrap_or("");
            let under = file.slice(label.span);
            let under = under.lines().next().unwrap_or("");
            let indent = UnicodeWidthStr::width(before.replace('\t', " ").as_str());
            let carets = UnicodeWidthStr::width(under).max(1);
            let text =
                if label.text.is_empty() { String::new() } else { format!(" {}", label.text) };
            let _ = writeln!(out, "{pad} | {}{}{}", " ".repeat(indent), "^".repeat(carets), text);
        }
    }
    push_notes(&mut out, diag);
    out
}

fn push_notes(out: &mut String, diag: &Diagnostic) {
    for note in &diag.notes {
        let _ = writeln!(out, "   = 说明：{note}");
    }
    if let Some(help) = &diag.help {
        let _ = writeln!(out, "   = 提示：{help}");
    }
}

/// A place in a file for JSON: 1-based lines, columns in characters, the end exclusive.
#[derive(Debug, Serialize)]
pub struct JsonSpan {
    /// First line.
    pub line: usize,
    /// First column.
    pub column: usize,
    /// Last line.
    pub end_line: usize,
    /// Column just after the end.
    pub end_column: usize,
    /// Byte offsets in the file (start, end).
    pub bytes: [usize; 2],
}

/// A labelled place for JSON.
#[derive(Debug, Serialize)]
pub struct JsonLabel {
    /// Where.
    #[serde(flatten)]
    pub span: JsonSpan,
    /// What is there (may be empty).
    pub text: String,
}

/// A fix for JSON: replace the text at `span` (the cell at `path`) by `to`.
#[derive(Debug, Serialize)]
pub struct JsonFix {
    /// The cell's path in the YAML.
    pub path: String,
    /// The value written now.
    pub from: String,
    /// The value that fixes the finding.
    pub to: String,
    /// Where it is written.
    pub span: JsonSpan,
}

/// The machine-readable form of one diagnostic (`check --format json`, version 2; see
/// `docs/diagnostics-format.md`).
#[derive(Debug, Serialize)]
pub struct JsonDiagnostic {
    /// Input file.
    pub file: String,
    /// 1-based line, if the diagnostic has a place.
    pub line: Option<usize>,
    /// 1-based column in characters.
    pub column: Option<usize>,
    /// `error`, `warning` or `acknowledged`.
    pub severity: Severity,
    /// Rule id, if any.
    pub rule: Option<&'static str>,
    /// The message.
    pub message: String,
    /// The main place, with its label.
    pub primary: Option<JsonLabel>,
    /// Every further place, with its label.
    pub secondary: Vec<JsonLabel>,
    /// Explanations.
    pub notes: Vec<String>,
    /// Suggestion.
    pub help: Option<String>,
    /// Edits that each fix the finding (the one-cell fix).
    pub fixes: Vec<JsonFix>,
}

fn json_span(file: &SourceFile, span: Span) -> JsonSpan {
    let (a, b) = (file.line_col(span.start), file.line_col(span.end));
    JsonSpan {
        line: a.line,
        column: a.column,
        end_line: b.line,
        end_column: b.column,
        bytes: [span.start, span.end],
    }
}

/// Converts a diagnostic for JSON output (`file` as in [`render_human`]).
pub fn to_json(diag: &Diagnostic, file: Option<&SourceFile>, path: &str) -> JsonDiagnostic {
    let lc = file.zip(diag.primary.as_ref()).map(|(f, p)| f.line_col(p.span.start));
    let label =
        |l: &Label| file.map(|f| JsonLabel { span: json_span(f, l.span), text: l.text.clone() });
    JsonDiagnostic {
        file: path.to_owned(),
        line: lc.map(|l| l.line),
        column: lc.map(|l| l.column),
        severity: diag.severity,
        rule: diag.code,
        message: diag.message.clone(),
        primary: diag.primary.as_ref().and_then(label),
        secondary: diag.secondary.iter().filter_map(label).collect(),
        notes: diag.notes.clone(),
        help: diag.help.clone(),
        fixes: file
            .map(|f| {
                diag.fixes
                    .iter()
                    .map(|x| JsonFix {
                        path: x.path.clone(),
                        from: x.from.clone(),
                        to: x.to.clone(),
                        span: json_span(f, x.span),
                    })
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// Gives the diagnostics of one reading stage that have no rule id yet the stage's id.
pub fn default_code(list: &mut [Diagnostic], code: &'static str) {
    for d in list.iter_mut().filter(|d| d.code.is_none()) {
        d.code = Some(code);
    }
}

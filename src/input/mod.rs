//! Reading the YAML file: bytes → text → the serde mirror of one format.
//!
//! The format is chosen from `format:` or `year:` first (a lenient pass that ignores every
//! other key), then the whole file is read strictly into that format's types. Cells are
//! read leniently; their checks (rule R5) happen when the model is built (`model::lower`).

mod cell;
mod error;
mod keys;
mod narrative;
mod old;
mod peek;
mod report;
pub mod schema;
mod sections;
mod slips;
mod spanned;
mod tags;

use serde::Deserialize;

pub use cell::{Count, ItemRow, Money, Raw, Row, Signed};
pub use narrative::{Block, Narrative};
pub use old::*;
pub use peek::agency_name;
pub use report::*;
pub use spanned::Sp;

pub use crate::format::Format;

use crate::diag::{Diagnostic, default_code};
use crate::format::FORMATS;
use crate::source::{SourceFile, Span};

/// A file read into the mirror of its format.
#[derive(Debug)]
pub enum Parsed {
    /// The 2021 format.
    F2021(Box<Input2021>),
    /// The 2019 format.
    F2019(Box<Input2019>),
    /// The 2008 format (the old 条例).
    F2008(Box<Input2008>),
}

/// Why a file could not be read.
#[derive(Debug)]
pub struct LoadError {
    /// The file, when its bytes could at least be decoded.
    pub file: Option<SourceFile>,
    /// What went wrong (at least one).
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadError {
    /// Every diagnostic as text, for a file shown as `path`.
    pub fn render(&self, path: &std::path::Path) -> String {
        let shown = crate::source::display_path(path);
        self.diagnostics
            .iter()
            .map(|d| crate::diag::render_human(d, self.file.as_ref(), &shown))
            .collect()
    }
}

/// Decodes bytes as UTF-8 (a leading BOM is dropped) into a source file.
pub fn decode(path: &std::path::Path, bytes: Vec<u8>) -> Result<SourceFile, LoadError> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let diag = Diagnostic::error("文件是 UTF-16 编码，nianbao 读 UTF-8 编码的文件")
            .help("请在编辑器里用“另存为”选择 UTF-8 编码后再试");
        return Err(LoadError { file: None, diagnostics: vec![diag] });
    }
    if let Some(what) = not_yaml(&bytes) {
        let diag = Diagnostic::error(format!("这不是 YAML 文件，而是{what}"))
            .help("nianbao 读的是 .yaml 文件：用 `nianbao init -o 文件名.yaml` 生成模板，再把数字和正文填进去");
        return Err(LoadError { file: None, diagnostics: vec![diag] });
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..valid]).into_owned();
            let line = prefix.matches('\n').count() + 1;
            let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            let diag = Diagnostic::error(format!(
                "文件不是 UTF-8 编码（第 {line} 行第 {column} 列起无法识别，可能是 GBK/GB2312 编码）"
            ))
            .help("请在编辑器里用“另存为”选择 UTF-8 编码后再试");
            return Err(LoadError { file: None, diagnostics: vec![diag] });
        }
    };
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    // Line ends of old Mac files (a lone CR): YAML reads them as line breaks, and so does
    // nianbao (one byte for one byte, so every place in the file stays where it was).
    let text = if text.contains('\r') { lone_cr_to_lf(text) } else { text };
    Ok(SourceFile::new(path, text))
}

/// Replaces each CR that is not followed by LF with LF.
fn lone_cr_to_lf(text: String) -> String {
    let mut bytes = text.into_bytes();
    for i in 0..bytes.len() {
        if bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n') {
            bytes[i] = b'\n';
        }
    }
    // Only ASCII bytes were replaced with ASCII bytes.
    String::from_utf8(bytes).unwrap_or_default()
}

/// What a file given by mistake is, told by its first bytes: a Word or Excel file, a
/// PDF, an old Office file.
fn not_yaml(bytes: &[u8]) -> Option<&'static str> {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if starts(b"PK\x03\x04") {
        return Some("一个 ZIP 压缩包（Word 的 .docx、Excel 的 .xlsx 都是这种格式）");
    }
    if starts(b"%PDF-") {
        return Some("一个 PDF 文件");
    }
    if starts(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Some("一个旧版 Office 文件（.doc、.xls、.wps）");
    }
    None
}

#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    format: Option<Sp<Raw>>,
    #[serde(default)]
    year: Option<Sp<Raw>>,
    /// Table 四 of the 2019 and 2021 formats: only there.
    #[serde(default)]
    review_litigation: Option<serde::de::IgnoredAny>,
    /// The 附表 of the 2008 format: only there.
    #[serde(default)]
    statistics: Option<serde::de::IgnoredAny>,
}

fn options() -> serde_saphyr::Options {
    let mut o = serde_saphyr::Options::default();
    o.with_snippet = false;
    // A report has a few thousand YAML events; these limits stop an alias bomb early
    // while leaving ample room for any real file.
    o.alias_limits.max_total_replayed_events = 200_000;
    if let Some(b) = o.budget.as_mut() {
        b.max_events = 500_000;
    }
    o
}

/// Reads a decoded file into the mirror of its format. When keys or types do not fit,
/// every top-level section is read again inside `template` (a file of the format that
/// reads, such as the `init` scaffold) so that one run names each section's mistake.
pub fn parse(
    file: &SourceFile,
    template: &dyn Fn(Format) -> String,
) -> Result<(Parsed, Option<Span>), Vec<Diagnostic>> {
    if is_blank(&file.text) {
        return Err(vec![
            Diagnostic::error("文件是空的：没有任何内容")
                .help("用 `nianbao init -o 文件名.yaml` 生成一份带说明的模板再填写"),
        ]);
    }
    let mut slips = slips::find(file);
    if !slips.is_empty() {
        default_code(&mut slips, "Y1");
        return Err(slips);
    }
    let header: Header =
        serde_saphyr::from_str_with_options(&file.text, options()).map_err(|e| {
            let mut d = error::translate(&e, file, None);
            if matches!(e.without_snippet(), serde_saphyr::Error::SerdeInvalidType { .. }) {
                d.message =
                    "文件的最外层应当是若干个「键: 值」（例如 year: 2024），而不是列表或单个值"
                        .into();
            }
            vec![d]
        })?;
    let mut tags = tags::reject_tags(file);
    if !tags.is_empty() {
        default_code(&mut tags, "Y1");
        return Err(tags);
    }
    let (format, format_span) = choose_format(file, &header)?;
    if let Some(d) = shape_mismatch(&header, format, format_span) {
        return Err(vec![d]);
    }
    let parsed = match format {
        Format::F2021 => read::<Input2021>(&file.text).map(|p| Parsed::F2021(Box::new(p))),
        Format::F2019 => read::<Input2019>(&file.text).map(|p| Parsed::F2019(Box::new(p))),
        Format::F2008 => read::<Input2008>(&file.text).map(|p| Parsed::F2008(Box::new(p))),
    };
    let cx = error::Context { format: format.spec() };
    parsed.map(|p| (p, format_span)).map_err(|e| {
        if let Some(d) = other_format(file, format, format_span) {
            return vec![d];
        }
        let first = error::translate(&e, file, Some(&cx));
        if first.code != Some("Y2") {
            // A syntax error leaves the rest of the file unread: one message.
            return vec![first];
        }
        let template = template(format);
        match format {
            Format::F2021 => sections::each_section(file, &template, first, &cx, read::<Input2021>),
            Format::F2019 => sections::each_section(file, &template, first, &cx, read::<Input2019>),
            Format::F2008 => sections::each_section(file, &template, first, &cx, read::<Input2008>),
        }
    })
}

/// Reads a text strictly as one format's mirror.
fn read<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, serde_saphyr::Error> {
    serde_saphyr::from_str_with_options(text, options())
}

/// A file that does not read as its format and has two or more keys only another format
/// has: one message naming the sections written in the other format's shape, instead of
/// the first key that does not fit (and a hint that leads to the next one).
fn other_format(
    file: &SourceFile,
    format: Format,
    format_span: Option<Span>,
) -> Option<Diagnostic> {
    let mut top = "";
    let mut found: Vec<(&str, &str, usize, &'static crate::format::FormatSpec)> = Vec::new();
    let mut offset = 0;
    for line in file.text.split_inclusive('\n') {
        let code = line.split(" #").next().unwrap_or("");
        let body = code.trim_start();
        let key: &str =
            body.strip_prefix("- ").unwrap_or(body).split(':').next().unwrap_or("").trim();
        if !body.starts_with('#') && body.contains(':') {
            if code.len() == body.len() {
                top = key;
            } else if let Some(other) = FORMATS
                .iter()
                .find(|s| s.format != format.spec().format && s.only_keys.contains(&key))
            {
                found.push((top, key, offset + (code.len() - body.len()), other));
            }
        }
        offset += line.len();
    }
    // One stray key reads best as the unknown-key error, which lists the keys that fit.
    if found.len() < 2 {
        return None;
    }
    let (_, first, at, other) = found[0];
    let mut sections: Vec<&str> = found.iter().map(|f| f.0).collect();
    sections.dedup();
    let keys: Vec<&str> = found.iter().map(|f| f.1).collect();
    let why = match format_span {
        Some(_) => format!("format: {}", format.name()),
        None => "year".to_owned(),
    };
    let mut d = Diagnostic::error(format!(
        "本文件按 {} 格式读取（由 {why} 决定），但 {} 是按 {} 格式写的（有 {}）",
        format.name(),
        sections.join("、"),
        other.name,
        keys.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join("、")
    ))
    .at(Span::new(at, at + first.len()), "")
    .help(format!(
        "如果格式写错了，把 format 改为 {}；否则用 nianbao init --format {} 生成模板，按 {} 格式重新填写这些部分",
        other.name,
        format.name(),
        format.name()
    ));
    if let Some(span) = format_span {
        d = d.also(span, "");
    }
    Some(d)
}

/// A file written in the shape of the 2008 format (the 附表 under `statistics`) read as a
/// later format, or the other way round: one message that says so, instead of the first
/// key that does not fit.
fn shape_mismatch(h: &Header, format: Format, format_span: Option<Span>) -> Option<Diagnostic> {
    let (key, written) = match format {
        Format::F2008 if h.review_litigation.is_some() && h.statistics.is_none() => {
            ("review_litigation", " 2019 年及以后的格式")
        }
        Format::F2019 | Format::F2021
            if h.statistics.is_some() && h.review_litigation.is_none() =>
        {
            ("statistics", " 2008 格式（2018 年及以前的报告）")
        }
        _ => return None,
    };
    let (why, span) = match (format_span, &h.year) {
        (Some(span), _) => (format!("format: {}", format.name()), Some(span)),
        (None, Some(y)) => (format!("year: {}", shown_raw(&y.value)), Some(y.span)),
        (None, None) => (String::new(), None),
    };
    let mut d = Diagnostic::error(format!(
        "本文件按 {} 格式读取（由 {why} 决定），但内容是按{written}写的（有 `{key}`）",
        format.name()
    ))
    .help(format!(
        "如果年度或格式写错了，请改正；否则用 nianbao init --format {} 生成这个格式的模板，把内容移过去",
        format.name()
    ));
    if let Some(span) = span {
        d = d.at(span, "");
    }
    Some(d)
}

fn shown_raw(r: &Raw) -> String {
    match r {
        Raw::Int(n) => n.to_string(),
        _ => String::new(),
    }
}

/// `2021、2019 或 2008`.
fn either(names: &[&str]) -> String {
    match names.split_last() {
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} 或 {last}", rest.join("、")),
        None => String::new(),
    }
}

fn is_blank(text: &str) -> bool {
    text.lines().all(|l| {
        let t = l.trim();
        t.is_empty() || t.starts_with('#') || t == "---" || t == "..."
    })
}

fn choose_format(file: &SourceFile, h: &Header) -> Result<(Format, Option<Span>), Vec<Diagnostic>> {
    if let Some(f) = &h.format {
        let known = match f.value {
            Raw::Int(n) => Format::from_name(n),
            _ => None,
        };
        let names: Vec<&str> = FORMATS.iter().map(|s| s.name).collect();
        return match known {
            Some(format) => Ok((format, Some(f.span))),
            None => Err(vec![
                Diagnostic::error(format!(
                    "format 只能写 {}，这里写的是 {}",
                    either(&names),
                    shown(file, f.span)
                ))
                .at(f.span, "")
                .help("也可以删去 format，由 year 自动确定格式"),
            ]),
        };
    }
    let Some(year) = &h.year else {
        return Err(vec![Diagnostic::error("缺少必填的键 `year`（报告年度，例如 year: 2024）")]);
    };
    match year.value {
        Raw::Int(y) => match Format::for_year(y) {
            Some(f) => Ok((f, None)),
            None => Err(vec![
                Diagnostic::error(format!(
                    "{y} 年没有政府信息公开工作年度报告：《政府信息公开条例》自 2008 年 5 月 1 日起施行，nianbao 支持 2008 年及以后的报告"
                ))
                .at(year.span, ""),
            ]),
        },
        _ => Err(vec![
            Diagnostic::error(format!(
                "year 应当是四位数的年份（例如 2024），这里写的是 {}",
                shown(file, year.span)
            ))
            .at(year.span, ""),
        ]),
    }
}

/// The text of a span as the user wrote it, for messages; `（空）` when empty.
pub(crate) fn shown(file: &SourceFile, span: Span) -> String {
    let s = file.slice(span).trim();
    if s.is_empty() { "（空）".to_owned() } else { s.to_owned() }
}

//! `nianbao render`: check, then write the report in the requested formats.

use std::path::PathBuf;

use super::output::write_atomic;
use super::{Outcome, RenderArgs};
use crate::build::{self, Templates, data};
use crate::diag::{self, Tally};
use crate::doc::Document;
use crate::fonts::FontBook;
use crate::load::Loaded;
use crate::load::load;
use crate::rules;
use crate::source::display_path;
use crate::write::{docx, html, pdf};

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    Pdf,
    Html,
    Docx,
}

fn targets(list: &str) -> Result<Vec<Target>, String> {
    let mut out = Vec::new();
    for t in list.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        let target = match t.to_lowercase().as_str() {
            "pdf" => Target::Pdf,
            "html" => Target::Html,
            "docx" => Target::Docx,
            _ => return Err(format!("--to 里的「{t}」不是支持的格式（可用：pdf、html、docx）")),
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

pub(super) fn run(args: RenderArgs) -> Outcome {
    let targets = match targets(&args.to) {
        Ok(t) => t,
        Err(msg) => {
            eprintln!("用法错误：{msg}");
            return Outcome::Unreadable;
        }
    };
    let owned_fonts;
    let fonts: &FontBook = if args.fonts.is_empty() || !targets.contains(&Target::Pdf) {
        FontBook::bundled()
    } else {
        match FontBook::with_overrides(&args.fonts) {
            Ok(book) => {
                owned_fonts = book;
                &owned_fonts
            }
            Err(msg) => {
                eprintln!("错误：{msg}");
                return Outcome::Unreadable;
            }
        }
    };
    let templates = match Templates::load(args.templates.as_deref()) {
        Ok(t) => t,
        Err(msg) => {
            eprintln!("{msg}");
            return Outcome::Unreadable;
        }
    };
    let loaded = match load(&args.file) {
        Ok(l) => l,
        Err(e) => {
            eprint!("{}", e.render(&args.file));
            eprintln!("{}：无法校验，未生成报告", display_path(&args.file));
            return Outcome::Unreadable;
        }
    };
    let cx = rules::Context { report: &loaded.report, previous: None };
    let diagnostics = rules::check(&cx, loaded.warnings.clone());
    for d in &diagnostics {
        eprintln!("{}", diag::render_human(d, Some(&loaded.file), &loaded.file.display_path()));
    }
    let tally = Tally::of(&diagnostics);
    let draft = tally.errors > 0;
    if draft && !args.force {
        eprintln!(
            "{}：数据有 {} 个错误，未生成报告；改正后再生成，或加 --force 生成标有「{}」的草稿",
            display_path(&args.file),
            tally.errors,
            html::DRAFT_MARK
        );
        return Outcome::RuleErrors;
    }
    let document = match build::document(&loaded.report, &templates) {
        Ok(d) => d,
        Err(msg) => {
            eprintln!("{msg}");
            return Outcome::Unreadable;
        }
    };
    let stem = args
        .file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into());
    let dir = args.output.clone().unwrap_or_else(|| PathBuf::from("."));
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!(
            "错误：无法创建输出文件夹 {}（{}）",
            display_path(&dir),
            crate::source::io_reason(&e)
        );
        return Outcome::Unreadable;
    }
    let json = data::to_json(&data::data(&loaded.report));
    // Every output is made before any is written, so that a failure leaves no partial set.
    let mut outputs = Vec::new();
    for target in targets {
        let (path, bytes) = match target {
            Target::Pdf => match pdf_bytes(&loaded, &document, fonts, &json, draft) {
                Ok(bytes) => (dir.join(format!("{stem}.pdf")), bytes),
                Err(msg) => {
                    eprint!("{msg}");
                    return Outcome::Unreadable;
                }
            },
            Target::Html => {
                let page = html::html(&document, &html::HtmlOptions { data_json: &json, draft });
                (dir.join(format!("{stem}.html")), page.into_bytes())
            }
            Target::Docx => {
                let opts = docx::DocxOptions {
                    author: &loaded.report.agency.name,
                    created: &loaded.report.publication_date.iso(),
                    data_json: &json,
                    draft_mark: draft.then_some(html::DRAFT_MARK),
                    embed_fonts: args.embed_fonts,
                };
                match docx::docx(&document, &opts) {
                    Ok(bytes) => (dir.join(format!("{stem}.docx")), bytes),
                    Err(e) => {
                        eprintln!("错误：无法生成 DOCX（{e}）");
                        return Outcome::Unreadable;
                    }
                }
            }
        };
        outputs.push((path, bytes));
    }
    for (path, bytes) in outputs {
        if let Err(msg) = write_atomic(&path, &bytes) {
            eprintln!("错误：{msg}");
            return Outcome::Unreadable;
        }
        eprintln!("已生成 {}{}", display_path(&path), if draft { "（草稿）" } else { "" });
    }
    if draft { Outcome::RuleErrors } else { Outcome::Ok }
}

/// Lays out and draws the PDF; a character no font has is reported at its place in the
/// YAML.
fn pdf_bytes(
    loaded: &Loaded,
    document: &Document,
    fonts: &FontBook,
    json: &str,
    draft: bool,
) -> Result<Vec<u8>, String> {
    let mark = draft.then_some(html::DRAFT_MARK);
    pdf::report_pdf(&loaded.report, document, fonts, json, mark).map_err(|e| match e {
        e @ pdf::PdfError::Subset { .. } => format!("错误：无法生成 PDF（{e}）\n"),
        pdf::PdfError::Layout(e) => {
            let ch = e.missing.ch;
            let role = e.missing.role;
            let mut d = diag::Diagnostic::error(format!(
                "字符「{ch}」（U+{:04X}）在所有字体里都没有，无法生成 PDF",
                ch as u32
            ))
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
            match loaded.file.text.find(ch) {
                Some(at) => d = d.at(crate::source::Span::new(at, at + ch.len_utf8()), "这个字"),
                None => d = d.note(format!("这个字不在 YAML 里，来自模板：{}", e.context)),
            }
            format!("{}\n", diag::render_human(&d, Some(&loaded.file), &loaded.file.display_path()))
        }
    })
}

//! `nianbao render`: check, then write the report in the requested formats.

use std::path::PathBuf;

use super::output::write_atomic;
use super::{Outcome, RenderArgs};
use crate::diag::{self, Tally};
use crate::load::load;
use crate::render::{self, Templates, data, docx, html};
use crate::rules;
use crate::source::display_path;

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    Html,
    Docx,
}

fn targets(list: &str) -> Result<Vec<Target>, String> {
    let mut out = Vec::new();
    for t in list.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        let target = match t.to_lowercase().as_str() {
            "html" => Target::Html,
            "docx" => Target::Docx,
            "pdf" => return Err("--to pdf：这一版本还不能生成 PDF，目前支持 html、docx".into()),
            _ => return Err(format!("--to 里的「{t}」不是支持的格式（可用：html、docx）")),
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
    let diagnostics = rules::check(&cx, loaded.warnings);
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
    let document = match render::document(&loaded.report, &templates) {
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
            crate::load::io_reason(&e)
        );
        return Outcome::Unreadable;
    }
    let json = data::to_json(&data::data(&loaded.report));
    for target in targets {
        let (path, bytes) = match target {
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
        if let Err(msg) = write_atomic(&path, &bytes) {
            eprintln!("错误：{msg}");
            return Outcome::Unreadable;
        }
        eprintln!("已生成 {}{}", display_path(&path), if draft { "（草稿）" } else { "" });
    }
    if draft { Outcome::RuleErrors } else { Outcome::Ok }
}

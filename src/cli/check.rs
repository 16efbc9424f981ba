//! `nianbao check`: every problem of every file, then a summary.

use serde::Serialize;

use super::output::print;
use super::{CheckArgs, CheckFormat, Outcome};
use crate::batch::discover;
use crate::build::data::{Data, data};
use crate::diag::{self, Diagnostic, JsonDiagnostic, Tally};
use crate::load::{Loaded, load};
use crate::pipeline;
use crate::rules::Previous;
use crate::source::{SourceFile, display_path};

/// The result of checking one file.
struct FileResult {
    path: String,
    file: Option<SourceFile>,
    diagnostics: Vec<Diagnostic>,
    outcome: Outcome,
    /// The figures of a readable report (`--format json`).
    data: Option<Data>,
}

pub(super) fn run(args: CheckArgs) -> Outcome {
    let (files, missing) = discover::discover(&args.files);
    for m in &missing {
        eprintln!("错误：{}：{}", m.arg, m.reason);
    }
    if args.previous.is_some() && files.len() > 1 {
        eprintln!("用法错误：--previous 只能配合一个文件使用");
        return Outcome::Unreadable;
    }
    let previous = match &args.previous {
        None => None,
        Some(p) => match load(p) {
            Ok(l) => Some(l),
            Err(e) => {
                eprint!(
                    "上一年度文件 {} 无法读取：
{}",
                    display_path(p),
                    e.render(p)
                );
                return Outcome::Unreadable;
            }
        },
    };
    let results: Vec<FileResult> = files.iter().map(|f| check_one(f, previous.as_ref())).collect();
    let mut outcome = results.iter().map(|r| r.outcome).max().unwrap_or(Outcome::Ok);
    if !missing.is_empty() {
        outcome = Outcome::Unreadable;
    }
    match args.format {
        CheckFormat::Human => print(&human(&results)),
        CheckFormat::Json => print(&json(&results)),
    }
    outcome
}

fn check_one(path: &std::path::Path, previous: Option<&Loaded>) -> FileResult {
    let shown = display_path(path);
    match load(path) {
        Err(e) => FileResult {
            path: shown,
            file: e.file,
            diagnostics: e.diagnostics,
            outcome: Outcome::Unreadable,
            data: None,
        },
        Ok(loaded) => {
            let prev =
                previous.map(|p| Previous { report: &p.report, path: p.file.display_path() });
            let diagnostics = pipeline::check(&loaded, prev.as_ref());
            let outcome =
                if Tally::of(&diagnostics).errors > 0 { Outcome::RuleErrors } else { Outcome::Ok };
            let data = Some(data(&loaded.report));
            FileResult { path: shown, file: Some(loaded.file), diagnostics, outcome, data }
        }
    }
}

fn summary_line(r: &FileResult) -> String {
    let t = Tally::of(&r.diagnostics);
    let mut parts = Vec::new();
    if t.errors > 0 {
        parts.push(format!("{} 个错误", t.errors));
    }
    if t.warnings > 0 {
        parts.push(format!("{} 个警告", t.warnings));
    }
    if t.acknowledged > 0 {
        parts.push(format!("{} 个已确认的警告", t.acknowledged));
    }
    let detail =
        if parts.is_empty() { String::new() } else { format!("（{}）", parts.join("，")) };
    let verdict = match r.outcome {
        Outcome::Ok => "通过",
        Outcome::RuleErrors => "未通过",
        Outcome::Unreadable => "无法校验",
    };
    format!("{}：{verdict}{detail}", r.path)
}

fn human(results: &[FileResult]) -> String {
    let mut out = String::new();
    for r in results {
        for d in &r.diagnostics {
            out.push_str(&diag::render_human(d, r.file.as_ref(), &r.path));
            out.push('\n');
        }
        out.push_str(&summary_line(r));
        out.push('\n');
    }
    if results.len() > 1 {
        let count = |o: Outcome| results.iter().filter(|r| r.outcome == o).count();
        out.push_str(&format!(
            "\n共 {} 个文件：{} 个通过，{} 个未通过，{} 个无法校验\n",
            results.len(),
            count(Outcome::Ok),
            count(Outcome::RuleErrors),
            count(Outcome::Unreadable)
        ));
    }
    out
}

#[derive(Serialize)]
struct JsonOutput<'a> {
    version: u32,
    files: Vec<JsonFile<'a>>,
    diagnostics: Vec<JsonDiagnostic>,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    file: &'a str,
    status: &'static str,
    #[serde(flatten)]
    tally: Tally,
    /// Every figure of tables 二, 三 and 四 (the `nianbao-data` shape).
    #[serde(skip_serializing_if = "Option::is_none")]
    data: Option<&'a Data>,
}

fn json(results: &[FileResult]) -> String {
    let files = results
        .iter()
        .map(|r| JsonFile {
            file: &r.path,
            status: match r.outcome {
                Outcome::Ok => "ok",
                Outcome::RuleErrors => "errors",
                Outcome::Unreadable => "unreadable",
            },
            tally: Tally::of(&r.diagnostics),
            data: r.data.as_ref(),
        })
        .collect();
    let diagnostics = results
        .iter()
        .flat_map(|r| r.diagnostics.iter().map(move |d| diag::to_json(d, r.file.as_ref(), &r.path)))
        .collect();
    serde_json::to_string_pretty(&JsonOutput { version: 2, files, diagnostics }).unwrap_or_default()
        + "\n"
}

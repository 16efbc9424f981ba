//! `nianbao batch`: a city's reports checked and rendered in parallel, an overview page
//! and the figures of all of them; progress on stderr, a last line that names the
//! failing files.

use std::io::IsTerminal;
use std::path::Path;
use std::sync::Mutex;

use super::{BatchArgs, Outcome};
use crate::batch::{self, Batch, ReportResult, discover};
use crate::diag::Severity;
use crate::pipeline::{self, Target};
use crate::source::{display_path, io_reason};
use crate::write::docx::DocxOptions;

/// Writes one file of the output folder, creating its folder: the batch's only writer.
/// Files are flushed to the disk together at the end ([`crate::files::flush_folder`]).
fn write_file(out: &Path, rel: &Path, bytes: &[u8]) -> Result<(), String> {
    let path = out.join(rel);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("无法创建文件夹 {}（{}）", display_path(dir), io_reason(&e)))?;
    }
    let files = [(path, bytes)];
    crate::files::write_all_flushed(&files, crate::files::Flush::Later).map_err(|e| e.to_string())
}

/// Keeps freed memory in the process between reports instead of returning it to the
/// system after each one (glibc only). Rendering one report allocates and frees a few
/// megabytes; with the default 128 KiB trim threshold glibc gives them back and asks
/// again for every report. (Setting it also stops glibc raising its mmap threshold, so
/// blocks over 128 KiB are still mapped and unmapped for each report, about 16 pairs;
/// raising the mmap threshold too saved that system time but let the heap fragment: the
/// peak memory of 1 000 reports then varied from 55 to 230 MB between runs, against a
/// steady 48 MB. Flat memory wins.) Measured on the benchmark machine: see README (速度).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn keep_freed_memory() {
    unsafe extern "C" {
        fn mallopt(param: i32, value: i32) -> i32;
    }
    const M_TRIM_THRESHOLD: i32 = -1;
    // SAFETY: mallopt only changes a tuning parameter of glibc's allocator; it is
    // called before the worker threads start.
    unsafe {
        mallopt(M_TRIM_THRESHOLD, 256 << 20);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn keep_freed_memory() {}

pub(super) fn run(args: BatchArgs) -> Outcome {
    let targets = match Target::parse_list(&args.to) {
        Ok(t) => t,
        Err(msg) => {
            eprintln!("用法错误：{msg}");
            return Outcome::Unreadable;
        }
    };
    let mut deny = Vec::new();
    for id in args.deny.iter().map(|d| d.trim().to_uppercase()).filter(|d| !d.is_empty()) {
        match crate::rules::find(&id) {
            Some(rule) if rule.severity == Severity::Warning => deny.push(rule.id),
            Some(_) => {
                eprintln!("用法错误：--deny 里的 {id} 是错误，本来就不通过；只能写警告编号");
                return Outcome::Unreadable;
            }
            None => {
                eprintln!(
                    "用法错误：--deny 里的「{id}」不是警告编号（可用：{}）",
                    crate::rules::warning_ids().join("、")
                );
                return Outcome::Unreadable;
            }
        }
    }
    let setup = match super::setup::setup(&args.fonts, args.templates.as_deref(), &targets) {
        Ok(s) => s,
        Err(outcome) => return outcome,
    };
    let (fonts, templates) = (setup.fonts(), &setup.templates);
    let (files, missing) = discover::discover(&args.paths);
    let (previous, prev_missing) = discover::discover(&args.previous);
    let mut outcome = Outcome::Ok;
    for m in missing.iter().chain(&prev_missing) {
        eprintln!("错误：{}：{}", m.arg, m.reason);
        outcome = Outcome::Unreadable;
    }
    if files.is_empty() {
        eprintln!("错误：没有找到要处理的 YAML 文件");
        return Outcome::Unreadable;
    }
    if let Err(e) = std::fs::create_dir_all(&args.output) {
        eprintln!("错误：无法创建输出文件夹 {}（{}）", display_path(&args.output), io_reason(&e));
        return Outcome::Unreadable;
    }
    let settings = batch::Settings {
        render: pipeline::Options {
            templates,
            fonts,
            targets: &targets,
            force: args.force,
            docx: DocxOptions { embed_fonts: args.embed_fonts },
        },
        deny,
        previous,
    };
    let out = args.output.as_path();
    let write = |rel: &Path, bytes: &[u8]| write_file(out, rel, bytes);
    let progress = Progress::new(files.len(), args.quiet);
    let done = |r: &ReportResult| progress.tick(r);
    let hooks = batch::Hooks { write: &write, done: &done };
    keep_freed_memory();
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = args.jobs {
        pool = pool.num_threads(n.max(1));
    }
    let result = match pool.build() {
        Ok(pool) => pool.install(|| batch::run(&files, &settings, &hooks)),
        Err(_) => batch::run(&files, &settings, &hooks),
    };
    progress.finish();

    // The overview and the summaries.
    let mut written = Vec::new();
    // Made and written one at a time, so that only one is in memory.
    type Make = fn(&Batch) -> Result<Vec<u8>, String>;
    let summaries: [(&str, Make); 4] = [
        ("index.html", |b| Ok(batch::overview::html(b).into_bytes())),
        ("summary.csv", |b| Ok(batch::summary::csv(b))),
        ("summary.xlsx", batch::summary::xlsx),
        ("summary.json", |b| Ok(batch::summary::json(b))),
    ];
    for (name, make) in summaries {
        match make(&result).and_then(|b| write_file(out, Path::new(name), &b)) {
            Ok(()) => written.push(name),
            Err(msg) => {
                eprintln!("错误：{msg}");
                outcome = Outcome::Unreadable;
            }
        }
    }
    if let Err(e) = crate::files::flush_folder(out) {
        eprintln!("错误：{e}");
        outcome = Outcome::Unreadable;
    }
    if !args.quiet
        && let Some(line) = setup.font_line()
    {
        eprintln!("{line}");
    }
    report(&result, args.quiet, out, &written);
    outcome.max(outcome_of(&result))
}

fn outcome_of(batch: &Batch) -> Outcome {
    let mut o = Outcome::Ok;
    for r in &batch.reports {
        let this = match r.status {
            batch::Status::Unreadable | batch::Status::Failed => Outcome::Unreadable,
            _ if r.fails() => Outcome::RuleErrors,
            _ => Outcome::Ok,
        };
        o = o.max(this);
    }
    o
}

/// Prints every finding (only the failing files' with `--quiet`), the totals and the
/// last line, in input order.
fn report(batch: &Batch, quiet: bool, out: &Path, written: &[&str]) {
    let mut text = String::new();
    for r in &batch.reports {
        if quiet && !r.fails() {
            continue;
        }
        for f in &r.findings {
            text.push_str(&f.text);
            if f.denied {
                text.push_str("   = 说明：按 --deny，这个警告使报告不通过\n");
            }
            text.push('\n');
        }
        if r.fails() || !r.findings.is_empty() {
            let mut line = format!("{}：{}", r.path, r.status.label());
            if let Some(why) = &r.not_rendered {
                line.push_str(&format!("（{why}）"));
            }
            text.push_str(&line);
            text.push_str("\n\n");
        }
    }
    for p in &batch.previous_problems {
        text.push_str(p);
        text.push('\n');
    }
    if !batch.unmatched.is_empty() {
        text.push_str(&format!(
            "没有找到上一年度报告的机关（{} 个，未核对 W1、W2）：\n",
            batch.unmatched.len()
        ));
        for u in &batch.unmatched {
            text.push_str(&format!("  {u}\n"));
        }
    }
    let count = |s: batch::Status| batch.reports.iter().filter(|r| r.status == s).count();
    text.push_str(&format!(
        "共 {} 份：通过 {}，有警告 {}，有错误 {}，无法读取 {}，无法生成 {}；总览 {}\n",
        batch.reports.len(),
        count(batch::Status::Pass),
        count(batch::Status::Warnings),
        count(batch::Status::Errors),
        count(batch::Status::Unreadable),
        count(batch::Status::Failed),
        if written.contains(&"index.html") {
            display_path(&out.join("index.html"))
        } else {
            "未能写入".into()
        }
    ));
    let failing = batch.failing();
    if failing.is_empty() {
        text.push_str("全部通过\n");
    } else {
        let names: Vec<&str> = failing.iter().map(|r| r.path.as_str()).collect();
        text.push_str(&format!("未通过 {} 份：{}\n", failing.len(), names.join("、")));
    }
    eprint!("{text}");
}

/// Progress on stderr: a bar on a terminal; otherwise a line at every tenth (the same
/// lines whatever the timing).
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    total: usize,
    /// Reports done; the lock is held while the line is printed, so that lines come out in
    /// order whatever the threads do.
    done: Mutex<usize>,
    quiet: bool,
}

impl Progress {
    fn new(total: usize, quiet: bool) -> Progress {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = indicatif::ProgressBar::new(total as u64);
            if let Ok(style) = indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} 份  {elapsed_precise} {msg}",
            ) {
                bar.set_style(style);
            }
            bar
        });
        Progress { bar, total, done: Mutex::new(0), quiet }
    }

    fn tick(&self, r: &ReportResult) {
        let mut done = self.done.lock().unwrap_or_else(|e| e.into_inner());
        *done += 1;
        let n = *done;
        if let Some(bar) = &self.bar {
            bar.set_message(r.name.clone());
            bar.inc(1);
        } else if !self.quiet {
            let step = self.total.div_ceil(10).max(1);
            if n.is_multiple_of(step) || n == self.total {
                eprintln!("进度：{n}/{} 份", self.total);
            }
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

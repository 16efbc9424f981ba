//! `nianbao batch`: every report of a city checked and rendered in parallel, with an
//! overview page and the figures of all reports for the office.
//!
//! The steps, one per file: [`discover`] which files, [`names`] where each report's
//! outputs go, [`previous`] last year's file of each agency, [`run`] the reports in
//! parallel (this file), [`rollup`] the check of a report that sums the others (W10),
//! [`figures`] every figure as a flat row, [`overview`] `index.html`, [`summary`] the
//! CSV, XLSX ([`xlsx`]) and JSON, [`sample`] generated reports for tests and the benchmark.
//!
//! Nothing here prints or writes a file: the caller hands in a function that writes
//! bytes and one that hears of each finished report. Outputs are written as soon as a
//! report is rendered and then dropped, so memory does not grow with the number of
//! reports; every result is sorted by input path, so nothing depends on thread timing.

pub mod discover;
pub mod figures;
pub mod names;
pub mod overview;
pub mod previous;
pub mod rollup;
pub mod sample;
pub mod summary;
pub mod xlsx;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diag::{self, Diagnostic, Severity, Tally};
use crate::format::Format;
use crate::load::Loaded;
use crate::model::{Date, Level, Report};
use crate::pipeline::{self, RenderError};
use crate::rules::Previous;
use crate::source::display_path;

use figures::Fig;

/// How a report came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// No errors, no warnings (acknowledged ones allowed).
    Pass,
    /// Warnings only.
    Warnings,
    /// Rule errors.
    Errors,
    /// The file could not be read or understood.
    Unreadable,
    /// Read and checked, but its outputs could not be made or written.
    Failed,
}

impl Status {
    /// The Chinese word shown in the overview and the summaries.
    pub fn label(self) -> &'static str {
        match self {
            Status::Pass => "通过",
            Status::Warnings => "有警告",
            Status::Errors => "有错误",
            Status::Unreadable => "无法读取",
            Status::Failed => "无法生成",
        }
    }

    /// A stable key for the JSON summary.
    pub fn key(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Warnings => "warnings",
            Status::Errors => "errors",
            Status::Unreadable => "unreadable",
            Status::Failed => "failed",
        }
    }
}

/// One diagnostic of a report, already rendered (the report itself is not kept).
#[derive(Clone, Debug)]
pub struct Finding {
    /// Error, warning or acknowledged.
    pub severity: Severity,
    /// Rule id, if any.
    pub code: Option<&'static str>,
    /// The one-line message.
    pub message: String,
    /// 1-based line in the YAML, if it has a place.
    pub line: Option<usize>,
    /// The whole diagnostic as `check` prints it (with the YAML snippet).
    pub text: String,
    /// A warning that `--deny` turns into a failure.
    pub denied: bool,
}

/// What happened to one input file.
#[derive(Clone, Debug)]
pub struct ReportResult {
    /// The file, as shown to the user.
    pub path: String,
    /// The name of its output folder and files.
    pub name: String,
    /// The agency, when the file could be read.
    pub agency: Option<String>,
    /// Its level.
    pub level: Option<Level>,
    /// Its format.
    pub format: Option<Format>,
    /// Its report year.
    pub year: Option<i32>,
    /// Publication date (ISO).
    pub publication_date: Option<String>,
    /// Days after the deadline (0 or less: on time).
    pub days_late: Option<i64>,
    /// Whether it declares `agency.scope: 汇总`.
    pub rollup: bool,
    /// The outcome.
    pub status: Status,
    /// Every diagnostic, sorted by place.
    pub findings: Vec<Finding>,
    /// The outputs written, relative to the output folder (`name/name.pdf`).
    pub outputs: Vec<String>,
    /// Whether the outputs are drafts.
    pub draft: bool,
    /// Why no outputs were made, if none were.
    pub not_rendered: Option<String>,
    /// Every figure, in [`figures::columns`] order.
    pub figures: Option<figures::Row>,
    /// Last year's file it was checked against.
    pub previous: Option<String>,
}

impl ReportResult {
    /// Counts of the findings.
    pub fn tally(&self) -> Tally {
        let mut t = Tally::default();
        for f in &self.findings {
            match f.severity {
                Severity::Error => t.errors += 1,
                Severity::Warning => t.warnings += 1,
                Severity::Acknowledged => t.acknowledged += 1,
            }
        }
        t
    }

    /// Whether the report fails acceptance: errors, unreadable, not written, or a
    /// warning named by `--deny`.
    pub fn fails(&self) -> bool {
        self.status >= Status::Errors || self.findings.iter().any(|f| f.denied)
    }
}

/// What a batch needs besides the files.
pub struct Settings<'a> {
    /// How to render (templates and fonts are shared by every report).
    pub render: pipeline::Options<'a>,
    /// Warnings that fail acceptance (`--deny`).
    pub deny: Vec<&'static str>,
    /// Last year's files (`--previous`), already discovered.
    pub previous: Vec<PathBuf>,
}

/// Writes one output file, given its path relative to the output folder.
pub type WriteFn<'a> = &'a (dyn Fn(&Path, &[u8]) -> Result<(), String> + Sync);

/// How a batch hands out what it makes.
pub struct Hooks<'a> {
    /// Writes one output (path relative to the output folder). Called from worker
    /// threads; the bytes are dropped right after.
    pub write: WriteFn<'a>,
    /// Hears of each finished report (from worker threads, in any order).
    pub done: &'a (dyn Fn(&ReportResult) + Sync),
}

/// The outcome of a batch.
#[derive(Debug)]
pub struct Batch {
    /// One result per input file, sorted by path.
    pub reports: Vec<ReportResult>,
    /// The sum of every figure over the reports that are not roll-ups.
    pub totals: Vec<Option<Fig>>,
    /// How many reports the totals sum.
    pub totals_count: usize,
    /// With `--previous`: reports for which no last-year file was found.
    pub unmatched: Vec<String>,
    /// With `--previous`: last year's files that could not be read (rendered).
    pub previous_problems: Vec<String>,
}

impl Batch {
    /// The files that fail acceptance, in order.
    pub fn failing(&self) -> Vec<&ReportResult> {
        self.reports.iter().filter(|r| r.fails()).collect()
    }
}

/// A report read in the first pass that sums others: done in the second pass.
enum First {
    Done(Box<ReportResult>),
    Rollup,
}

/// Checks and renders every file, in parallel (rayon's pool: `--jobs` sets its size).
pub fn run(files: &[PathBuf], settings: &Settings, hooks: &Hooks) -> Batch {
    let candidates: Vec<(String, String)> = files
        .par_iter()
        .map(|p| {
            let stem = p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            (agency_name(p).unwrap_or_default(), stem)
        })
        .collect();
    let names = names::assign(&candidates);
    let prev = previous::Index::build(&settings.previous);
    let jobs: Vec<(&PathBuf, &String)> = files.iter().zip(&names).collect();

    // First pass: every report except the roll-ups, which need the others' sums.
    let first: Vec<First> = jobs
        .par_iter()
        .map(|(path, name)| match pipeline::load(path) {
            Err(e) => First::Done(Box::new(unreadable(path, name, &e))),
            Ok(loaded) if loaded.report.agency.summary.is_some() => First::Rollup,
            Ok(loaded) => {
                First::Done(Box::new(process(path, name, &loaded, None, settings, hooks, &prev)))
            }
        })
        .inspect(|f| {
            if let First::Done(r) = f {
                (hooks.done)(r);
            }
        })
        .collect();

    // Sums of the others by year and format, in path order.
    let mut sums: BTreeMap<(i32, Format), figures::Sums> = BTreeMap::new();
    let mut totals = vec![None; figures::columns().len()];
    let mut totals_count = 0;
    for f in &first {
        if let First::Done(r) = f
            && let (Some(row), Some(year), Some(format)) = (&r.figures, r.year, r.format)
        {
            let entry = sums
                .entry((year, format))
                .or_insert_with(|| (vec![None; figures::columns().len()], 0));
            figures::accumulate(&mut entry.0, row);
            entry.1 += 1;
            figures::accumulate(&mut totals, row);
            totals_count += 1;
        }
    }

    // Second pass: the roll-ups, checked against those sums.
    let second: Vec<Option<ReportResult>> = jobs
        .par_iter()
        .zip(&first)
        .map(|((path, name), f)| match f {
            First::Done(_) => None,
            First::Rollup => {
                let r = match pipeline::load(path) {
                    Err(e) => unreadable(path, name, &e),
                    Ok(loaded) => {
                        let key = (loaded.report.year, loaded.report.format);
                        let others = sums.get(&key);
                        process(path, name, &loaded, Some(others), settings, hooks, &prev)
                    }
                };
                (hooks.done)(&r);
                Some(r)
            }
        })
        .collect();

    let reports: Vec<ReportResult> = first
        .into_iter()
        .zip(second)
        .filter_map(|(f, s)| match f {
            First::Done(r) => Some(*r),
            First::Rollup => s,
        })
        .collect();
    let unmatched = if settings.previous.is_empty() {
        Vec::new()
    } else {
        reports
            .iter()
            .filter(|r| r.agency.is_some() && r.previous.is_none())
            .map(|r| format!("{}（{}）", r.agency.as_deref().unwrap_or(""), r.path))
            .collect()
    };
    Batch { reports, totals, totals_count, unmatched, previous_problems: prev.problems }
}

/// The agency name of a file, for naming its outputs: read from the top of a YAML file
/// ([`crate::input::agency_name`]); from the whole file when that does not find it
/// plainly written, and for a published report (imported). An unreadable file has none.
fn agency_name(path: &Path) -> Option<String> {
    if !crate::import::is_published(path)
        && let Ok(bytes) = crate::files::read_limited(path, crate::files::Limit::YAML)
        && let Ok(file) = crate::input::decode(path, bytes)
        && let Some(name) = crate::input::agency_name(&file)
    {
        return Some(name);
    }
    let name = pipeline::load(path).ok()?.report.agency.name;
    // A published report that does not name its agency is named after its file.
    (name != crate::import::UNREAD_AGENCY).then_some(name)
}

fn unreadable(path: &Path, name: &str, e: &crate::input::LoadError) -> ReportResult {
    let shown = display_path(path);
    let findings = e.diagnostics.iter().map(|d| finding(d, e.file.as_ref(), &shown, &[])).collect();
    ReportResult {
        path: shown,
        name: name.to_owned(),
        agency: None,
        level: None,
        format: None,
        year: None,
        publication_date: None,
        days_late: None,
        rollup: false,
        status: Status::Unreadable,
        findings,
        outputs: Vec::new(),
        draft: false,
        not_rendered: Some("文件无法读取，未生成报告".into()),
        figures: None,
        previous: None,
    }
}

fn finding(
    d: &Diagnostic,
    file: Option<&crate::source::SourceFile>,
    shown: &str,
    deny: &[&str],
) -> Finding {
    Finding {
        severity: d.severity,
        code: d.code,
        message: d.message.clone(),
        line: file.zip(d.primary.as_ref()).map(|(f, p)| f.line_col(p.span.start).line),
        text: diag::render_human(d, file, shown),
        denied: d.severity == Severity::Warning && d.code.is_some_and(|c| deny.contains(&c)),
    }
}

/// Checks (with last year's report and, for a roll-up, the others' sums), renders and
/// writes one report.
fn process(
    path: &Path,
    name: &str,
    loaded: &Loaded,
    rollup_sums: Option<Option<&figures::Sums>>,
    settings: &Settings,
    hooks: &Hooks,
    prev: &previous::Index,
) -> ReportResult {
    let report = &loaded.report;
    let shown = loaded.file.display_path();
    let prev_path = prev.find(report, path);
    let prev_loaded = prev_path.and_then(|p| pipeline::load(p).ok());
    let previous =
        prev_loaded.as_ref().map(|p| Previous { report: &p.report, path: p.file.display_path() });
    let mut diagnostics = pipeline::check(loaded, previous.as_ref());
    if let Some(sums) = rollup_sums {
        diagnostics.extend(rollup::check(report, sums));
        rollup::acknowledge(report, &mut diagnostics);
        diag::sort(&mut diagnostics);
    }
    let mut result = ReportResult {
        path: shown.clone(),
        name: name.to_owned(),
        agency: Some(report.agency.name.clone()),
        level: Some(report.agency.level),
        format: Some(report.format),
        year: Some(report.year),
        publication_date: Some(report.publication_date.iso()),
        days_late: days_late(report),
        rollup: report.agency.summary.is_some(),
        status: Status::Pass,
        findings: Vec::new(),
        outputs: Vec::new(),
        draft: false,
        not_rendered: None,
        figures: Some(figures::row(report)),
        previous: prev_path.map(display_path),
    };
    let tally = Tally::of(&diagnostics);
    result.status = if tally.errors > 0 {
        Status::Errors
    } else if tally.warnings > 0 {
        Status::Warnings
    } else {
        Status::Pass
    };
    match pipeline::render(loaded, &diagnostics, &settings.render) {
        Ok(rendered) => {
            result.draft = rendered.draft;
            for (target, bytes) in rendered.outputs {
                let rel = PathBuf::from(name).join(format!("{name}.{}", target.extension()));
                match (hooks.write)(&rel, &bytes) {
                    Ok(()) => result.outputs.push(format!("{name}/{name}.{}", target.extension())),
                    Err(msg) => {
                        result.status = Status::Failed;
                        result.not_rendered = Some(msg);
                        break;
                    }
                }
            }
        }
        Err(RenderError::Blocked { errors }) => {
            result.not_rendered =
                Some(format!("数据有 {errors} 个错误，未生成报告；加 --force 可生成草稿"));
        }
        Err(RenderError::Unprintable(d)) => {
            result.status = Status::Failed;
            result.not_rendered = Some(d.message.clone());
            diagnostics.push(*d);
        }
        Err(e) => {
            result.status = Status::Failed;
            result.not_rendered = Some(e.to_string());
        }
    }
    result.findings = diagnostics
        .iter()
        .map(|d| finding(d, Some(&loaded.file), &shown, &settings.deny))
        .collect();
    result
}

/// Days since the epoch of the proleptic Gregorian calendar (for differences only).
fn day_number(d: Date) -> i64 {
    let (y, m) = if d.month <= 2 {
        (d.year as i64 - 1, d.month as i64 + 9)
    } else {
        (d.year as i64, d.month as i64 - 3)
    };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * m + 2) / 5 + d.day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe
}

/// Days between the deadline (as W9 reads it) and the publication date: positive when
/// late.
fn days_late(r: &Report) -> Option<i64> {
    let deadline = match r.agency.deadline {
        Some((d, _)) => d,
        None => {
            let d = r.spec().deadlines.iter().find(|d| d.level == r.agency.level.key())?;
            Date { year: r.year + 1, month: d.by.0, day: d.by.1 }
        }
    };
    Some(day_number(r.publication_date) - day_number(deadline))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_count_days() {
        let d = |y, m, d| day_number(Date { year: y, month: m, day: d });
        assert_eq!(d(2025, 3, 1) - d(2025, 1, 31), 29);
        assert_eq!(d(2024, 3, 1) - d(2024, 2, 28), 2);
        assert_eq!(d(2025, 1, 1) - d(2024, 12, 31), 1);
    }
}

//! The 勾稽关系 and the warnings: one catalogue, every violation reported.
//!
//! [`check`] runs every rule of [`catalog::RULES`] on a report (and, for the cross-year
//! warnings, on last year's report), marks warnings the agency acknowledged, adds a
//! one-cell fix where one exists, and returns the diagnostics sorted by position.

mod balance;
mod catalog;
mod warnings;

pub use catalog::{RULES, Rule};

use crate::diag::{self, Diagnostic, Severity};
use crate::model::Report;

/// Everything a rule may look at.
pub struct Context<'a> {
    /// This year's report.
    pub report: &'a Report,
    /// Last year's report, from `--previous`.
    pub previous: Option<&'a Previous<'a>>,
}

/// Last year's report and the name of its file, for messages.
pub struct Previous<'a> {
    /// The report.
    pub report: &'a Report,
    /// Its file as shown to the user.
    pub path: String,
}

/// Finds a rule by id (`R1`, `W7`, …).
pub fn find(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

/// Ids of the rules that are warnings (the ones that may be acknowledged).
pub fn warning_ids() -> Vec<&'static str> {
    RULES.iter().filter(|r| r.severity == Severity::Warning).map(|r| r.id).collect()
}

/// Runs every rule. `early` holds the warnings found while lowering (N1); they are
/// acknowledged and sorted together with the rest.
pub fn check(cx: &Context, early: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut out = early;
    for rule in RULES {
        if let Some(run) = rule.check {
            run(cx, &mut out);
        }
    }
    balance::suggest_fix(cx.report, &mut out);
    acknowledge(cx.report, &mut out);
    diag::sort(&mut out);
    out
}

/// Turns warnings the YAML acknowledges into `Acknowledged` with the reason.
fn acknowledge(report: &Report, diags: &mut [Diagnostic]) {
    for d in diags.iter_mut().filter(|d| d.severity == Severity::Warning) {
        if let Some(ack) = d.code.and_then(|c| report.acknowledged.get(c)) {
            d.severity = Severity::Acknowledged;
            d.notes.push(format!("已确认，理由：{}", ack.reason));
            d.help = None;
        }
    }
}

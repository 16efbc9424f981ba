//! The 勾稽关系 and the warnings: one catalogue, every violation reported.
//!
//! [`check`] runs every rule of [`catalog::RULES`] on a report (and, for the cross-year
//! warnings, on last year's report), marks warnings the agency acknowledged, adds a
//! one-cell fix where one exists, and returns the diagnostics sorted by position.

mod balance;
mod blanks;
mod catalog;
mod text;
mod warnings;
mod zeros;

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
    let spec = cx.report.spec();
    for rule in RULES.iter().filter(|r| spec.applies(r.id)) {
        if let Some(run) = rule.check {
            run(cx, &mut out);
        }
    }
    balance::suggest_fix(cx.report, &mut out);
    blank_notes(cx.report, &mut out);
    acknowledge(cx.report, &mut out);
    out.extend(bad_acknowledgements(cx.report));
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

/// Acknowledgements that do not name a warning, or give no reason: errors (exit 1) that
/// leave every other finding in place, so that acknowledging an error never hides it.
fn bad_acknowledgements(report: &Report) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (key, ack) in &report.acknowledged {
        match find(key) {
            Some(rule) if rule.severity == Severity::Warning => {
                if ack.reason.is_empty() {
                    out.push(
                        Diagnostic::error(format!("确认警告 {key} 时要写明理由"))
                            .code("Y3")
                            .at(ack.reason_span, ""),
                    );
                }
            }
            Some(rule) => out.push(
                Diagnostic::error(format!("{key}（{}）是错误，不能确认：请改正数据", rule.title))
                    .code("Y3")
                    .at(ack.span, ""),
            ),
            None => out.push(
                Diagnostic::error(format!("acknowledged 里的「{key}」不是警告编号"))
                    .code("Y3")
                    .at(ack.span, "")
                    .note(format!("可确认的警告：{}", warning_ids().join("、"))),
            ),
        }
    }
    out
}

/// A balance that involves blank cells says that it counted them as 0.
fn blank_notes(report: &Report, diags: &mut [Diagnostic]) {
    if report.blanks.is_empty() {
        return;
    }
    for d in diags.iter_mut().filter(|d| matches!(d.code, Some("R1" | "R2" | "R3" | "R4"))) {
        let touches = d
            .primary
            .iter()
            .chain(&d.secondary)
            .any(|l| report.blanks.iter().any(|b| b.span == l.span));
        if touches {
            d.notes.push("其中空白的格按 0 计算（空白的总计按各项合计）".into());
        }
    }
}

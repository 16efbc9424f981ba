//! W10: a report that declares `agency.scope: 汇总` is checked cell by cell against the
//! sum of the batch's other reports of the same year and format.

use crate::diag::{Diagnostic, Severity};
use crate::model::Report;

use super::figures::{self, Fig};

/// The W10 warnings of a roll-up report; `others` is the sum of the other reports and
/// how many they are (`None`: the batch has none of that year and format).
pub fn check(report: &Report, others: Option<&figures::Sums>) -> Vec<Diagnostic> {
    let Some(scope) = report.agency.summary else { return Vec::new() };
    let Some((sums, count)) = others else {
        return vec![
            Diagnostic::rule(
                Severity::Warning,
                "W10",
                format!(
                    "本报告声明为汇总，但同一批中没有 {} 年度、{} 格式的其他报告可以核对",
                    report.year,
                    report.format.name()
                ),
            )
            .at(scope, "汇总"),
        ];
    };
    let columns = figures::columns();
    let differing: Vec<(figures::Cell, Fig)> = figures::cells(report)
        .into_iter()
        .map(|c| (c, sums[c.column].unwrap_or(Fig::Count(0))))
        .filter(|(c, sum)| c.value.decimal() != sum.decimal())
        .collect();
    // A total the YAML left out differs because a written cell does: only the written
    // cells are reported then.
    let written = differing.iter().any(|(c, _)| !c.derived);
    let mut out = Vec::new();
    for (cell, sum) in differing.into_iter().filter(|(c, _)| !(written && c.derived)) {
        let diff = cell.value.decimal() - sum.decimal();
        let label = &columns[cell.column].label;
        out.push(
            Diagnostic::rule(
                Severity::Warning,
                "W10",
                format!(
                    "汇总报告的「{label}」是 {}，同一批 {count} 份报告之和是 {}，相差 {}",
                    cell.value.text(),
                    sum.text(),
                    diff.normalize()
                ),
            )
            .at(
                cell.span,
                if cell.derived {
                    format!("自动合计 {}", cell.value.text())
                } else {
                    format!("汇总 {}", cell.value.text())
                },
            )
            .note(format!("各报告之和 {}（不含声明为汇总的报告）", sum.text())),
        );
    }
    out
}

/// Marks W10 warnings acknowledged when the YAML acknowledges W10 (the rule checker
/// does this for the rules it runs; W10 is run by the batch).
pub fn acknowledge(report: &Report, diags: &mut [Diagnostic]) {
    let Some(ack) = report.acknowledged.get("W10") else { return };
    for d in diags.iter_mut().filter(|d| d.severity == Severity::Warning && d.code == Some("W10")) {
        d.severity = Severity::Acknowledged;
        d.notes.push(format!("已确认，理由：{}", ack.reason));
        d.help = None;
    }
}

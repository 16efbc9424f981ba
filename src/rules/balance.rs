//! R1–R4: the balance rules of tables 三 and 四; R6: the sums of the 附表 (2008 format);
//! and the one-cell fix.

use super::Context;
use crate::diag::{Diagnostic, Severity};
use crate::format::RowKind;
use crate::format::common::{
    APP_COLUMNS, APP_TOTAL, APPLICATIONS_NOTE, RESULTS, REVIEW_COLUMNS, REVIEW_GROUPS,
    REVIEW_TOTAL, SECTIONS, app_column, app_column_label, section,
};
use crate::format::f2008;
use crate::model::{Annex, Applications, Num, Report, Review, Value};

fn applications_title() -> String {
    SECTIONS[section::APPLICATIONS].heading()
}

/// R1 in the official words of table 三's header note, without its brackets.
pub(super) fn r1_rule() -> &'static str {
    APPLICATIONS_NOTE.trim_start_matches('（').trim_end_matches('）')
}

/// A broken equation: the diagnostic and `left − right`.
struct Imbalance {
    diag: Diagnostic,
    diff: i64,
}

fn join_sum(values: &[i64]) -> String {
    values.iter().map(i64::to_string).collect::<Vec<_>>().join(" + ")
}

fn diff_text(a: i64, b: i64) -> String {
    format!("相差 {}", (a - b).abs())
}

fn r1_of(a: &Applications) -> Vec<Imbalance> {
    let recv = a.row_of(RowKind::Received);
    let prev = a.row_of(RowKind::CarriedOver);
    let total = a.row_of(RowKind::Total);
    let fwd = a.row_of(RowKind::CarriedForward);
    let mut out = Vec::new();
    let label = |r: usize| a.rows[r].short;
    for col in 0..APP_COLUMNS.len() {
        let involved = [recv, prev, total, fwd];
        // In a derived 总计 column R1 only repeats the other columns' findings.
        if col == APP_TOTAL && involved.iter().all(|&r| a.written(r, APP_TOTAL).is_none()) {
            continue;
        }
        let (v1, v2, v3, v4) =
            (a.value(recv, col), a.value(prev, col), a.value(total, col), a.value(fwd, col));
        let (left, right) = (v1 + v2, v3 + v4);
        if left == right {
            continue;
        }
        let mut diag = Diagnostic::rule(
            Severity::Error,
            "R1",
            format!(
                "{}「{}」列不平衡：第一项加第二项 {v1} + {v2} = {left}，第三项{}加第四项 {v3} + {v4} = {right}，{}",
                applications_title(),
                app_column_label(col),
                label(total),
                diff_text(left, right)
            ),
        )
        .at(a.span(recv, col), format!("{} {v1}", label(recv)))
        .also(a.span(prev, col), format!("{} {v2}", label(prev)))
        .also(a.span(fwd, col), format!("{} {v4}", label(fwd)))
        .note(r1_rule());
        match a.written(total, col) {
            Some(n) => diag = diag.also(n.span, format!("{} {v3}", label(total))),
            None => {
                diag = diag.note(format!("{}未填写，按各项办理结果自动合计为 {v3}", label(total)))
            }
        }
        out.push(Imbalance { diag, diff: left - right });
    }
    out
}

fn r2_of(a: &Applications) -> Vec<Imbalance> {
    let mut out = Vec::new();
    for (row, def) in a.rows.iter().enumerate() {
        let Some(total) = a.written(row, APP_TOTAL) else { continue };
        let parts: Vec<i64> = (0..APP_TOTAL).map(|c| a.value(row, c)).collect();
        let sum: i64 = parts.iter().sum();
        if sum == total.value {
            continue;
        }
        let diag = Diagnostic::rule(
            Severity::Error,
            "R2",
            format!(
                "{}「{}」行：{} {} 不等于各列之和 {} = {sum}，{}",
                applications_title(),
                def.full_label(),
                app_column(APP_TOTAL),
                total.value,
                join_sum(&parts),
                diff_text(total.value, sum)
            ),
        )
        .at(total.span, format!("{} {}", app_column(APP_TOTAL), total.value))
        .note(format!(
            "{total} = {}；{total}可以不填，由 nianbao 自动合计",
            (0..APP_TOTAL).map(app_column).collect::<Vec<_>>().join(" + "),
            total = app_column(APP_TOTAL)
        ));
        out.push(Imbalance { diag, diff: total.value - sum });
    }
    out
}

fn r3_of(a: &Applications) -> Vec<Imbalance> {
    let total_row = a.row_of(RowKind::Total);
    let mut out = Vec::new();
    for col in 0..APP_COLUMNS.len() {
        let Some(total) = a.written(total_row, col) else { continue };
        let sum: i64 = a.result_rows().map(|r| a.value(r, col)).sum();
        if sum == total.value {
            continue;
        }
        let nonzero: Vec<String> = a
            .result_rows()
            .filter(|&r| a.value(r, col) != 0)
            .map(|r| format!("{} {}", a.rows[r].label_in_results(), a.value(r, col)))
            .collect();
        let mut diag = Diagnostic::rule(
            Severity::Error,
            "R3",
            format!(
                "{}「{}」列：{RESULTS}{} {} 不等于（一）至（六）各项之和 {sum}，{}",
                applications_title(),
                app_column_label(col),
                a.rows[total_row].short,
                total.value,
                diff_text(total.value, sum)
            ),
        )
        .at(total.span, format!("{} {}", a.rows[total_row].short, total.value));
        diag = if nonzero.is_empty() {
            diag.note("（一）至（六）各项在这一列都是 0")
        } else {
            diag.note(format!("不为 0 的项：{}", nonzero.join("；")))
        };
        out.push(Imbalance { diag, diff: total.value - sum });
    }
    out
}

fn r4_of(r: &Review) -> Vec<Imbalance> {
    let mut out = Vec::new();
    for (g, group) in REVIEW_GROUPS.iter().enumerate() {
        let Some(total) = r.written(g, REVIEW_TOTAL) else { continue };
        let parts: Vec<i64> = (0..REVIEW_TOTAL).map(|c| r.value(g, c)).collect();
        let sum: i64 = parts.iter().sum();
        if sum == total.value {
            continue;
        }
        let named: Vec<String> =
            parts.iter().enumerate().map(|(i, v)| format!("{} {v}", REVIEW_COLUMNS[i])).collect();
        let diag = Diagnostic::rule(
            Severity::Error,
            "R4",
            format!(
                "{}「{}」：{} {} 不等于{} = {sum}，{}",
                SECTIONS[section::REVIEW].heading(),
                group.label,
                REVIEW_COLUMNS[REVIEW_TOTAL],
                total.value,
                named.join(" + "),
                diff_text(total.value, sum)
            ),
        )
        .at(total.span, format!("{} {}", REVIEW_COLUMNS[REVIEW_TOTAL], total.value));
        out.push(Imbalance { diag, diff: total.value - sum });
    }
    out
}

/// R1: received + carried over = results total + carried forward, per column.
pub(super) fn r1(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(six) = cx.report.six() else { return };
    out.extend(r1_of(&six.applications).into_iter().map(|i| i.diag));
}

/// R2: 总计 = sum of the six applicant columns, per row.
pub(super) fn r2(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(six) = cx.report.six() else { return };
    out.extend(r2_of(&six.applications).into_iter().map(|i| i.diag));
}

/// R3: the results total = sum of the result rows, per column.
pub(super) fn r3(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(six) = cx.report.six() else { return };
    out.extend(r3_of(&six.applications).into_iter().map(|i| i.diag));
}

/// R4: each group's 总计 = sum of its four results.
pub(super) fn r4(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(six) = cx.report.six() else { return };
    out.extend(r4_of(&six.review).into_iter().map(|i| i.diag));
}

fn imbalances(a: &Applications, r: &Review) -> Vec<Imbalance> {
    let mut all = r1_of(a);
    all.extend(r2_of(a));
    all.extend(r3_of(a));
    all.extend(r4_of(r));
    all
}

/// A cell the user typed, as a place for the fix.
enum Cell {
    App(usize, usize),
    Review(usize, usize),
}

/// Looks for single cells whose change makes every R1–R4 rule hold, and writes the
/// suggestion onto the first balance error (「若将 … 改为 N，则全部平衡」).
///
/// The rules are linear, so a cell can only fix everything by moving by one of the
/// current differences; each candidate is tried by re-running the rules.
pub(super) fn suggest_fix(report: &Report, out: &mut [Diagnostic]) {
    if let Some(annexed) = report.annexed() {
        suggest_annex_fix(&annexed.annex, out);
    }
    let Some(six) = report.six() else { return };
    let (a, r) = (&six.applications, &six.review);
    let current = imbalances(a, r);
    if current.is_empty() {
        return;
    }
    let mut deltas: Vec<i64> = current.iter().flat_map(|i| [i.diff, -i.diff]).collect();
    deltas.sort_unstable();
    deltas.dedup();
    let mut cells = Vec::new();
    for (row, cols) in a.cells.iter().enumerate() {
        for col in 0..cols.len() {
            if a.written(row, col).is_some() {
                cells.push(Cell::App(row, col));
            }
        }
    }
    for (g, cols) in r.groups.iter().enumerate() {
        for col in 0..cols.len() {
            if r.written(g, col).is_some() {
                cells.push(Cell::Review(g, col));
            }
        }
    }
    let mut fixes: Vec<OneCell> = Vec::new();
    for cell in &cells {
        for &d in &deltas {
            let (mut a2, mut r2) = (a.clone(), r.clone());
            let slot: &mut Option<Num> = match *cell {
                Cell::App(row, col) => &mut a2.cells[row][col],
                Cell::Review(g, col) => &mut r2.groups[g][col],
            };
            let Some(n) = slot.as_mut() else { continue };
            let blank = n.blank;
            n.blank = false;
            let (old, new) = (n.value, n.value + d);
            if new < 0 {
                continue;
            }
            n.value = new;
            let span = n.span;
            if imbalances(&a2, &r2).is_empty() {
                let (mut name, path) = match *cell {
                    Cell::App(row, col) => (
                        format!(
                            "「{}」行「{}」列",
                            a.rows[row].full_label(),
                            app_column_label(col)
                        ),
                        format!("applications.{}[{col}]", a.rows[row].key),
                    ),
                    Cell::Review(g, col) => (
                        format!("「{}」的「{}」", REVIEW_GROUPS[g].label, REVIEW_COLUMNS[col]),
                        format!("review_litigation.{}[{col}]", REVIEW_GROUPS[g].key),
                    ),
                };
                // A blank cell is filled in, not changed: 「将空白的「…」填为 1」.
                if blank {
                    name = format!("空白的{name}");
                }
                fixes.push(OneCell { name, old, new, span, path, blank });
            }
        }
    }
    write_fix(&fixes, out, &["R1", "R2", "R3", "R4"]);
}

/// A single cell whose change makes every balance hold.
struct OneCell {
    /// The cell in the official labels.
    name: String,
    old: i64,
    new: i64,
    span: crate::source::Span,
    /// Its path in the YAML.
    path: String,
    /// Whether the cell was left blank (it is filled in rather than changed).
    blank: bool,
}

/// Writes the one-cell fixes (at most three) onto the first error of `codes`. With one
/// fix, the cell it names becomes the diagnostic's main place.
fn write_fix(fixes: &[OneCell], out: &mut [Diagnostic], codes: &[&str]) {
    if fixes.is_empty() || fixes.len() > 3 {
        return;
    }
    let text = fixes
        .iter()
        .map(|f| {
            if f.blank {
                format!("将{}填为 {}", f.name, f.new)
            } else {
                format!("将{}由 {} 改为 {}", f.name, f.old, f.new)
            }
        })
        .collect::<Vec<_>>()
        .join("，或");
    let first = out
        .iter_mut()
        .filter(|d| d.code.is_some_and(|c| codes.contains(&c)))
        .min_by_key(|d| d.primary.as_ref().map_or(0, |p| p.span.start));
    if let Some(d) = first {
        d.help = Some(format!("若{text}，则全部平衡"));
        for f in fixes {
            let text = format!("改为 {} 即全部平衡", f.new);
            let existing =
                d.primary.iter_mut().chain(d.secondary.iter_mut()).find(|l| l.span == f.span);
            match existing {
                Some(label) if label.text.is_empty() => label.text = text,
                Some(label) => label.text = format!("{}，{text}", label.text),
                None => d.secondary.push(crate::diag::Label { span: f.span, text }),
            }
            d.fixes.push(crate::diag::Fix {
                span: f.span,
                path: f.path.clone(),
                from: if f.blank { String::new() } else { f.old.to_string() },
                to: f.new.to_string(),
            });
        }
        // One fix: the cell to change is where the finding points.
        if let [f] = fixes
            && let Some(i) = d.secondary.iter().position(|l| l.span == f.span)
            && let Some(primary) = d.primary.as_mut()
        {
            std::mem::swap(primary, &mut d.secondary[i]);
        }
    }
}

/// A label of the 附表 as messages quote it: without the indentation and the 其中：.
fn annex_label(a: &Annex, row: usize) -> &'static str {
    a.rows[row].label.trim_start_matches("其中：")
}

/// R6: each sum of the 附表 (2008 format) equals its items, as the catalogue lists them.
fn r6_of(a: &Annex) -> Vec<Imbalance> {
    let mut out = Vec::new();
    for (parent, children) in a.sums() {
        let Some(span) = a.span(parent) else { continue };
        let total = a.count(parent);
        let sum: i64 = children.iter().map(|&c| a.count(c)).sum();
        if sum == total {
            continue;
        }
        let values: Vec<i64> = children.iter().map(|&c| a.count(c)).collect();
        let mut diag = Diagnostic::rule(
            Severity::Error,
            "R6",
            format!(
                "{}「{}」{total} 不等于其下 {} 项之和 {} = {sum}，{}",
                annex_title(),
                annex_label(a, parent),
                children.len(),
                join_sum(&values),
                diff_text(total, sum)
            ),
        )
        .at(span, format!("{} {total}", annex_label(a, parent)));
        let nonzero: Vec<String> = children
            .iter()
            .filter(|&&c| a.count(c) != 0)
            .map(|&c| format!("{} {}", annex_label(a, c), a.count(c)))
            .collect();
        for &c in children.iter().filter(|&&c| a.count(c) != 0) {
            if let Some(s) = a.span(c) {
                diag = diag.also(s, format!("{} {}", annex_label(a, c), a.count(c)));
            }
        }
        diag = if nonzero.is_empty() {
            diag.note(format!(
                "其下各项（{}）都是 0",
                children.iter().map(|&c| annex_label(a, c)).collect::<Vec<_>>().join("、")
            ))
        } else {
            diag.note(format!("不为 0 的项：{}", nonzero.join("；")))
        };
        out.push(Imbalance { diag, diff: total - sum });
    }
    out
}

fn annex_title() -> String {
    format!("附表（{}）", f2008::ANNEX_TITLE)
}

/// R6: the sums of the 附表.
pub(super) fn r6(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(annexed) = cx.report.annexed() else { return };
    out.extend(r6_of(&annexed.annex).into_iter().map(|i| i.diag));
}

/// The one-cell fix of the 附表: a single figure whose change makes every R6 sum hold,
/// written onto the first R6 error (and labelled at the cell), as for R1–R4.
fn suggest_annex_fix(a: &Annex, out: &mut [Diagnostic]) {
    let current = r6_of(a);
    if current.is_empty() {
        return;
    }
    let mut deltas: Vec<i64> = current.iter().flat_map(|i| [i.diff, -i.diff]).collect();
    deltas.sort_unstable();
    deltas.dedup();
    let mut fixes: Vec<(String, i64, i64, crate::source::Span, usize)> = Vec::new();
    for (i, figure) in a.figures.iter().enumerate() {
        let Some(Value::Count(n)) = figure else { continue };
        for &d in &deltas {
            let new = n.value + d;
            if new < 0 {
                continue;
            }
            let mut changed = a.clone();
            changed.figures[i] = Some(Value::Count(Num::new(new, n.span)));
            if r6_of(&changed).is_empty() {
                fixes.push((format!("「{}」", annex_label(a, i)), n.value, new, n.span, i));
            }
        }
    }
    // Many figures of a sum may each restore it (every item that is 0 could become 1);
    // then the sums themselves are the suggestion.
    if fixes.len() > 3 {
        fixes.retain(|f| !a.rows[f.4].sum_of.is_empty());
    }
    let fixes: Vec<OneCell> = fixes
        .into_iter()
        .map(|(name, old, new, span, row)| OneCell {
            name,
            old,
            new,
            span,
            path: format!("statistics.{}", a.rows[row].key),
            blank: false,
        })
        .collect();
    write_fix(&fixes, out, &["R6"]);
}

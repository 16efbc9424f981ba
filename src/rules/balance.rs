//! R1–R4: the balance rules of tables 三 and 四, and the one-cell fix.

use super::Context;
use crate::diag::{Diagnostic, Severity};
use crate::model::tables::{self, APPLICATIONS_TITLE, REVIEW_TITLE, RowKind, app_column_label};
use crate::model::{Applications, Num, Report, Review};

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
    for col in 0..7 {
        let involved = [recv, prev, total, fwd];
        // In a derived 总计 column R1 only repeats the other columns' findings.
        if col == 6 && involved.iter().all(|&r| a.cells[r][6].is_none()) {
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
                "{APPLICATIONS_TITLE}「{}」列不平衡：第一项加第二项 {v1} + {v2} = {left}，第三项（七）总计加第四项 {v3} + {v4} = {right}，{}",
                app_column_label(col),
                diff_text(left, right)
            ),
        )
        .at(a.span(recv, col), format!("一、本年新收 {v1}"))
        .also(a.span(prev, col), format!("二、上年结转 {v2}"))
        .also(a.span(fwd, col), format!("四、结转下年度继续办理 {v4}"))
        .note("本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和");
        match a.cells[total][col] {
            Some(n) => diag = diag.also(n.span, format!("（七）总计 {v3}")),
            None => diag = diag.note(format!("（七）总计未填写，按各项办理结果自动合计为 {v3}")),
        }
        out.push(Imbalance { diag, diff: left - right });
    }
    out
}

fn r2_of(a: &Applications) -> Vec<Imbalance> {
    let mut out = Vec::new();
    for (row, def) in a.rows.iter().enumerate() {
        let Some(total) = a.cells[row][6] else { continue };
        let parts: Vec<i64> = (0..6).map(|c| a.value(row, c)).collect();
        let sum: i64 = parts.iter().sum();
        if sum == total.value {
            continue;
        }
        let diag = Diagnostic::rule(
            Severity::Error,
            "R2",
            format!(
                "{APPLICATIONS_TITLE}「{}」行：总计 {} 不等于各列之和 {} = {sum}，{}",
                def.full_label(),
                total.value,
                join_sum(&parts),
                diff_text(total.value, sum)
            ),
        )
        .at(total.span, format!("总计 {}", total.value))
        .note("总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他；总计可以不填，由 nianbao 自动合计");
        out.push(Imbalance { diag, diff: total.value - sum });
    }
    out
}

fn r3_of(a: &Applications) -> Vec<Imbalance> {
    let total_row = a.row_of(RowKind::Total);
    let mut out = Vec::new();
    for col in 0..7 {
        let Some(total) = a.cells[total_row][col] else { continue };
        let sum: i64 = a.result_rows().map(|r| a.value(r, col)).sum();
        if sum == total.value {
            continue;
        }
        let nonzero: Vec<String> = a
            .result_rows()
            .filter(|&r| a.value(r, col) != 0)
            .map(|r| {
                format!(
                    "{} {}",
                    a.rows[r].full_label().replace("三、本年度办理结果 ", ""),
                    a.value(r, col)
                )
            })
            .collect();
        let mut diag = Diagnostic::rule(
            Severity::Error,
            "R3",
            format!(
                "{APPLICATIONS_TITLE}「{}」列：三、本年度办理结果（七）总计 {} 不等于（一）至（六）各项之和 {sum}，{}",
                app_column_label(col),
                total.value,
                diff_text(total.value, sum)
            ),
        )
        .at(total.span, format!("（七）总计 {}", total.value));
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
    for g in 0..3 {
        let Some(total) = r.groups[g][4] else { continue };
        let parts: Vec<i64> = (0..4).map(|c| r.value(g, c)).collect();
        let sum: i64 = parts.iter().sum();
        if sum == total.value {
            continue;
        }
        let named: Vec<String> = parts
            .iter()
            .enumerate()
            .map(|(i, v)| format!("{} {v}", tables::REVIEW_COLUMNS[i]))
            .collect();
        let diag = Diagnostic::rule(
            Severity::Error,
            "R4",
            format!(
                "{REVIEW_TITLE}「{}」：总计 {} 不等于{} = {sum}，{}",
                tables::REVIEW_GROUPS[g].1,
                total.value,
                named.join(" + "),
                diff_text(total.value, sum)
            ),
        )
        .at(total.span, format!("总计 {}", total.value));
        out.push(Imbalance { diag, diff: total.value - sum });
    }
    out
}

/// R1: 一 + 二 = 三（七）总计 + 四, per column.
pub(super) fn r1(cx: &Context, out: &mut Vec<Diagnostic>) {
    out.extend(r1_of(&cx.report.applications).into_iter().map(|i| i.diag));
}

/// R2: 总计 = sum of the six applicant columns, per row.
pub(super) fn r2(cx: &Context, out: &mut Vec<Diagnostic>) {
    out.extend(r2_of(&cx.report.applications).into_iter().map(|i| i.diag));
}

/// R3: （七）总计 = sum of the result rows, per column.
pub(super) fn r3(cx: &Context, out: &mut Vec<Diagnostic>) {
    out.extend(r3_of(&cx.report.applications).into_iter().map(|i| i.diag));
}

/// R4: each group's 总计 = sum of its four results.
pub(super) fn r4(cx: &Context, out: &mut Vec<Diagnostic>) {
    out.extend(r4_of(&cx.report.review).into_iter().map(|i| i.diag));
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
    let (a, r) = (&report.applications, &report.review);
    let current = imbalances(a, r);
    if current.is_empty() {
        return;
    }
    let mut deltas: Vec<i64> = current.iter().flat_map(|i| [i.diff, -i.diff]).collect();
    deltas.sort_unstable();
    deltas.dedup();
    let mut cells = Vec::new();
    for (row, cols) in a.cells.iter().enumerate() {
        for (col, c) in cols.iter().enumerate() {
            if c.is_some() {
                cells.push(Cell::App(row, col));
            }
        }
    }
    for (g, cols) in r.groups.iter().enumerate() {
        for (col, c) in cols.iter().enumerate() {
            if c.is_some() {
                cells.push(Cell::Review(g, col));
            }
        }
    }
    let mut fixes: Vec<(String, i64, i64, crate::source::Span)> = Vec::new();
    for cell in &cells {
        for &d in &deltas {
            let (mut a2, mut r2) = (a.clone(), r.clone());
            let slot: &mut Option<Num> = match *cell {
                Cell::App(row, col) => &mut a2.cells[row][col],
                Cell::Review(g, col) => &mut r2.groups[g][col],
            };
            let Some(n) = slot.as_mut() else { continue };
            let (old, new) = (n.value, n.value + d);
            if new < 0 {
                continue;
            }
            n.value = new;
            let span = n.span;
            if imbalances(&a2, &r2).is_empty() {
                let name = match *cell {
                    Cell::App(row, col) => {
                        format!("「{}」行「{}」列", a.rows[row].full_label(), app_column_label(col))
                    }
                    Cell::Review(g, col) => {
                        format!(
                            "「{}」的「{}」",
                            tables::REVIEW_GROUPS[g].1,
                            tables::REVIEW_COLUMNS[col]
                        )
                    }
                };
                fixes.push((name, old, new, span));
            }
        }
    }
    if fixes.is_empty() || fixes.len() > 3 {
        return;
    }
    let text = fixes
        .iter()
        .map(|(name, old, new, _)| format!("将{name}由 {old} 改为 {new}"))
        .collect::<Vec<_>>()
        .join("，或");
    let first = out
        .iter_mut()
        .filter(|d| matches!(d.code, Some("R1" | "R2" | "R3" | "R4")))
        .min_by_key(|d| d.primary.as_ref().map_or(0, |p| p.span.start));
    if let Some(d) = first {
        d.help = Some(format!("若{text}，则全部平衡"));
        for (_, _, new, span) in &fixes {
            let text = format!("改为 {new} 即全部平衡");
            let existing =
                d.primary.iter_mut().chain(d.secondary.iter_mut()).find(|l| l.span == *span);
            match existing {
                Some(label) if label.text.is_empty() => label.text = text,
                Some(label) => label.text = format!("{}，{text}", label.text),
                None => d.secondary.push(crate::diag::Label { span: *span, text }),
            }
        }
    }
}

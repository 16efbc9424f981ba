//! D1 and the warnings W1, W2, W4, W7, W8, W9.

use super::Context;
use crate::diag::{Diagnostic, Severity};
use crate::format::common::{APP_COLUMNS, APP_TOTAL, SECTIONS, app_column_label, section};
use crate::format::{ColRole, Format, RowKind, f2021};
use crate::model::{Date, ProactiveRow};
use crate::source::Span;

fn warn(id: &'static str, message: String) -> Diagnostic {
    Diagnostic::rule(Severity::Warning, id, message)
}

/// D1: the report is published after its year has ended.
pub(super) fn d1(cx: &Context, out: &mut Vec<Diagnostic>) {
    let r = cx.report;
    let earliest = Date { year: r.year + 1, month: 1, day: 1 };
    if r.publication_date < earliest {
        out.push(
            Diagnostic::rule(
                Severity::Error,
                "D1",
                format!(
                    "发布日期 {} 早于统计期结束：{} 年度报告的统计期到 {} 年 12 月 31 日，应在 {} 年发布",
                    r.publication_date, r.year, r.year, r.year + 1
                ),
            )
            .at(r.date_span, "")
            .help(format!("如果年度写错了，请改 year；否则把发布日期改为 {} 年的日期", r.year + 1)),
        );
    }
}

/// W1: carried over equals last year's carried forward, per column.
pub(super) fn w1(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(prev) = cx.previous else { return };
    // Last year's report of the 2008 format has no table 三 to compare with.
    let (Some(six), Some(prev_six)) = (cx.report.six(), prev.report.six()) else { return };
    let (a, p) = (&six.applications, &prev_six.applications);
    if prev.report.year != cx.report.year - 1 {
        out.push(
            warn(
                "W1",
                format!(
                    "--previous 给出的是 {} 年度的报告（{}），不是上一年度（{} 年）的",
                    prev.report.year,
                    prev.path,
                    cx.report.year - 1
                ),
            )
            .at(cx.report.year_span, ""),
        );
        return;
    }
    let row = a.row_of(RowKind::CarriedOver);
    let prow = p.row_of(RowKind::CarriedForward);
    for col in 0..APP_COLUMNS.len() {
        if col == APP_TOTAL && a.written(row, APP_TOTAL).is_none() {
            continue; // a derived total only repeats the columns' findings
        }
        let (now, before) = (a.value(row, col), p.value(prow, col));
        if now != before {
            out.push(
                warn(
                    "W1",
                    format!(
                        "{}「{}」「{}」列为 {now}，而上一年度报告（{}）的“{}”为 {before}，相差 {}",
                        SECTIONS[section::APPLICATIONS].heading(),
                        a.rows[row].label,
                        app_column_label(col),
                        prev.path,
                        p.rows[prow].label,
                        (now - before).abs()
                    ),
                )
                .at(a.span(row, col), format!("上年结转 {now}"))
                .help(format!(
                    "上年结转应等于上年的结转下年度数 {before}；如上年报告有误，请说明原因"
                )),
            );
        }
    }
}

/// The rows of table 二 with documents issued, repealed and in force.
fn document_rows(rows: &[ProactiveRow]) -> impl Iterator<Item = &ProactiveRow> {
    rows.iter().filter(|r| r.by_role(ColRole::InForce).is_some())
}

/// The count in the column of `role` (a count column of a row that has it).
fn count(row: &ProactiveRow, role: ColRole) -> Option<crate::model::Num> {
    row.by_role(role).and_then(|v| v.count())
}

/// W2: documents in force carry on from last year (formats that count them).
pub(super) fn w2(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(prev) = cx.previous else { return };
    if prev.report.year != cx.report.year - 1 {
        return;
    }
    let (Some(six), Some(prev_six)) = (cx.report.six(), prev.report.six()) else { return };
    let title = SECTIONS[section::PROACTIVE].heading();
    for row in document_rows(&six.proactive.rows) {
        let before = document_rows(&prev_six.proactive.rows).find(|r| r.spec.key == row.spec.key);
        let (Some(issued), Some(repealed), Some(in_force), Some(last)) = (
            count(row, ColRole::Issued),
            count(row, ColRole::Repealed),
            count(row, ColRole::InForce),
            before.and_then(|b| count(b, ColRole::InForce)),
        ) else {
            continue;
        };
        let label =
            |role| row.group.columns.iter().find(|c| c.role == role).map_or("", |c| c.label);
        let (l_issued, l_repealed, l_in_force) =
            (label(ColRole::Issued), label(ColRole::Repealed), label(ColRole::InForce));
        let last = last.value;
        let expected = last + issued.value - repealed.value;
        if repealed.value > last + issued.value {
            out.push(
                warn("W2", format!(
                    "{title}「{}」{l_repealed} {} 超过上年{l_in_force} {last} 与{l_issued} {} 之和 {}",
                    row.spec.label, repealed.value, issued.value, last + issued.value
                ))
                .at(repealed.span, ""),
            );
        } else if in_force.value != expected {
            out.push(
                warn("W2", format!(
                    "{title}「{}」{l_in_force} {} 与推算值不符：上年现行有效 {last} + 本年制发 {} − 本年废止 {} = {expected}，相差 {}",
                    row.spec.label, in_force.value, issued.value, repealed.value, (in_force.value - expected).abs()
                ))
                .at(in_force.span, "")
                .note("清理、修订或重新统计可能造成差异；核实后可在 acknowledged 中说明"),
            );
        }
    }
}

/// W4: 信息处理费 reported (2021 format) and consistent with table 三.
pub(super) fn w4(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(r) = cx.report.six() else { return };
    let Some(fees) = &r.fees else {
        out.push(
            warn("W4", format!("{}没有报告信息处理费情况：2021 格式要求说明本年度收取信息处理费的情况（没有收取也要说明）", SECTIONS[section::OTHER_MATTERS].heading()))
                .at(r.other_matters_span, "")
                .help("在 other_matters 下填写 information_fees（发出收费通知件数、通知金额、实际收取金额，都为 0 时写 0）"),
        );
        return;
    };
    // Only what the report states is judged: a figure left out is not taken for 0.
    let a = &r.applications;
    if let (Some(row), Some(notices)) = (a.row_by_key(f2021::FEE_UNPAID_ROW), fees.notices) {
        let unpaid = a.value(row, APP_TOTAL);
        if unpaid > notices.value {
            out.push(
                warn(
                    "W4",
                    format!(
                        "{}中“{}”有 {unpaid} 件，但第六部分只发出收费通知 {} 件",
                        SECTIONS[section::APPLICATIONS].heading(),
                        fee_unpaid_words(a.rows[row].label),
                        notices.value
                    ),
                )
                .at(notices.span, "")
                .also(a.span(row, APP_TOTAL), format!("逾期未缴费 {unpaid}")),
            );
        }
    }
    if let (Some(collected), Some(amount)) = (fees.collected, fees.notices_amount)
        && collected.value > amount.value
    {
        out.push(
            warn(
                "W4",
                format!(
                    "实际收取信息处理费 {} 元超过收费通知金额 {} 元",
                    collected.value, amount.value
                ),
            )
            .at(collected.span, ""),
        );
    }
    if let (Some(collected), Some(notices)) = (fees.collected, fees.notices)
        && !collected.value.is_zero()
        && notices.value == 0
    {
        out.push(
            warn("W4", format!("收取了信息处理费 {} 元，但发出收费通知 0 件", collected.value))
                .at(notices.span, ""),
        );
    }
}

/// W7: decisions equal to last year's items plus the change (columns misread).
pub(super) fn w7(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(six) = cx.report.six() else { return };
    let title = SECTIONS[section::PROACTIVE].heading();
    for row in &six.proactive.rows {
        let (Some(last), Some(delta), Some(decisions)) = (
            count(row, ColRole::LastYear),
            count(row, ColRole::Delta),
            count(row, ColRole::Decisions),
        ) else {
            continue;
        };
        if (last.value != 0 || delta.value != 0) && decisions.value == last.value + delta.value {
            let label =
                |role| row.group.columns.iter().find(|c| c.role == role).map_or("", |c| c.label);
            out.push(
                warn("W7", format!(
                    "{title}「{} {}」{} {} 恰好等于{} {} 加{} {:+}：{}应是本年作出的决定数，不是项目数",
                    row.group.item, row.spec.label,
                    label(ColRole::Decisions), decisions.value,
                    label(ColRole::LastYear), last.value,
                    label(ColRole::Delta), delta.value,
                    label(ColRole::Decisions),
                ))
                .at(decisions.span, ""),
            );
        }
    }
}

/// W8: the format matches the report year.
pub(super) fn w8(cx: &Context, out: &mut Vec<Diagnostic>) {
    let r = cx.report;
    let (Some(span), Some(expected)) = (r.format_span, Format::for_year(i64::from(r.year))) else {
        return;
    };
    if expected != r.format {
        out.push(
            warn("W8", format!(
                "{} 年度的报告应使用 {} 格式，这里写的是 format: {}；评估时会被指出格式版本不对",
                r.year, expected.name(), r.format.name()
            ))
            .at(span, "")
            .help("删去 format 一行，由 year 自动确定格式"),
        );
    }
}

/// W9: published by the deadline (条例 第四十九条, or an earlier local deadline).
pub(super) fn w9(cx: &Context, out: &mut Vec<Diagnostic>) {
    let r = cx.report;
    let statutory = r.spec().deadlines.iter().find(|d| d.level == r.agency.level.key());
    let (deadline, basis) = match (r.agency.deadline, statutory) {
        (Some((d, _)), _) => (d, "本地规定的期限（agency.deadline）".to_owned()),
        (None, Some(d)) => {
            (Date { year: r.year + 1, month: d.by.0, day: d.by.1 }, d.basis.to_owned())
        }
        (None, None) => return,
    };
    if r.publication_date > deadline {
        out.push(
            warn(
                "W9",
                format!(
                    "发布日期 {} 晚于发布期限 {}（{basis}）：逾期发布是评估的扣分项",
                    r.publication_date, deadline
                ),
            )
            .at(r.date_span, ""),
        );
    }
}

/// N2: sections 一 and 五 have text (not only headings), and no heading of 一, 五 or 六
/// stands without text under it (it would print as a bare heading).
pub(super) fn n2(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(r) = cx.report.six() else { return };
    for (items, span, title, required) in [
        (&r.overview, r.overview_span, SECTIONS[section::OVERVIEW].heading(), true),
        (&r.problems, r.problems_span, SECTIONS[section::PROBLEMS].heading(), true),
        (&r.other_matters, r.other_matters_span, SECTIONS[section::OTHER_MATTERS].heading(), false),
    ] {
        if !has_text(items) {
            if required {
                out.push(
                    warn(
                        "N2",
                        format!("{title}还没有正文：只有小标题或为空，评估时会被视为内容缺失"),
                    )
                    .at(span, ""),
                );
            }
            continue;
        }
        let mut empty = Vec::new();
        empty_headings(items, &mut empty);
        let Some((first, first_span)) = empty.first() else { continue };
        let names: Vec<String> = empty.iter().map(|(t, _)| format!("「{t}」")).collect();
        let mut d = warn(
            "N2",
            format!(
                "{title}中有 {} 个小标题下没有正文：{}，报告里只会印出小标题",
                empty.len(),
                names.join("、")
            ),
        )
        .at(*first_span, format!("「{first}」下没有正文"))
        .help("在小标题的 content 里写上这一部分的情况；没有要写的，就删去这个小标题");
        for (t, s) in &empty[1..] {
            d = d.also(*s, format!("「{t}」下没有正文"));
        }
        out.push(d);
    }
}

/// The outermost headings with no paragraph under them at any depth.
fn empty_headings<'a>(items: &'a [crate::model::Item], out: &mut Vec<(&'a str, Span)>) {
    for item in items {
        if let crate::model::Item::Heading { text, span, content } = item {
            if has_text(content) {
                empty_headings(content, out);
            } else {
                out.push((text, *span));
            }
        }
    }
}

fn has_text(items: &[crate::model::Item]) -> bool {
    items.iter().any(|i| match i {
        crate::model::Item::Para { .. } => true,
        crate::model::Item::Heading { content, .. } => has_text(content),
    })
}

/// The part of the fee row's label that messages quote: 「申请人逾期未按收费通知要求缴纳费用」,
/// without its number and the consequence.
fn fee_unpaid_words(label: &str) -> &str {
    let words = label.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    words.split('、').next().unwrap_or(words)
}

//! D1 and the warnings W1, W2, W4, W7, W8, W9.

use super::Context;
use crate::diag::{Diagnostic, Severity};
use crate::input::Format;
use crate::model::tables::{
    APPLICATIONS_TITLE, PROACTIVE_TITLE, RowKind, app_column_label, proactive2019, proactive2021,
};
use crate::model::{Date, Level, Proactive};

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

/// W1: 二、上年结转 equals last year's 四、结转下年度继续办理, per column.
pub(super) fn w1(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(prev) = cx.previous else { return };
    let (a, p) = (&cx.report.applications, &prev.report.applications);
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
    for col in 0..7 {
        if col == 6 && a.cells[row][6].is_none() {
            continue; // a derived total only repeats the columns' findings
        }
        let (now, before) = (a.value(row, col), p.value(prow, col));
        if now != before {
            out.push(
                warn("W1", format!(
                    "{APPLICATIONS_TITLE}「二、上年结转政府信息公开申请数量」「{}」列为 {now}，而上一年度报告（{}）的“四、结转下年度继续办理”为 {before}，相差 {}",
                    app_column_label(col), prev.path, (now - before).abs()
                ))
                .at(a.span(row, col), format!("上年结转 {now}"))
                .help(format!("上年结转应等于上年的结转下年度数 {before}；如上年报告有误，请说明原因")),
            );
        }
    }
}

/// W2: 现行有效件数 carries on from last year (2021 format).
pub(super) fn w2(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(prev) = cx.previous else { return };
    if prev.report.year != cx.report.year - 1 {
        return;
    }
    let (Proactive::F2021(now), Proactive::F2021(before)) =
        (&cx.report.proactive, &prev.report.proactive)
    else {
        return;
    };
    for (i, label) in proactive2021::DOC_ROWS.iter().enumerate() {
        let [issued, repealed, in_force] = now.documents[i];
        let last = before.documents[i][2].value;
        let expected = last + issued.value - repealed.value;
        if repealed.value > last + issued.value {
            out.push(
                warn("W2", format!(
                    "{PROACTIVE_TITLE}「{label}」本年废止件数 {} 超过上年现行有效件数 {last} 与本年制发件数 {} 之和 {}",
                    repealed.value, issued.value, last + issued.value
                ))
                .at(repealed.span, ""),
            );
        } else if in_force.value != expected {
            out.push(
                warn("W2", format!(
                    "{PROACTIVE_TITLE}「{label}」现行有效件数 {} 与推算值不符：上年现行有效 {last} + 本年制发 {} − 本年废止 {} = {expected}，相差 {}",
                    in_force.value, issued.value, repealed.value, (in_force.value - expected).abs()
                ))
                .at(in_force.span, "")
                .note("清理、修订或重新统计可能造成差异；核实后可在 acknowledged 中说明"),
            );
        }
    }
}

/// W4: 信息处理费 reported (2021 format) and consistent with table 三.
pub(super) fn w4(cx: &Context, out: &mut Vec<Diagnostic>) {
    let r = cx.report;
    if r.format != Format::F2021 {
        return;
    }
    let Some(fees) = &r.fees else {
        out.push(
            warn("W4", "六、其他需要报告的事项没有报告信息处理费情况：2021 格式要求说明本年度收取信息处理费的情况（没有收取也要说明）".into())
                .at(r.other_matters_span, "")
                .help("在 other_matters 下填写 information_fees（发出收费通知件数、通知金额、实际收取金额，都为 0 时写 0）"),
        );
        return;
    };
    let a = &r.applications;
    if let Some(row) = a.rows.iter().position(|d| d.key == "results.other.fee_unpaid") {
        let unpaid = a.value(row, 6);
        if unpaid > fees.notices.value {
            out.push(
                warn("W4", format!(
                    "{APPLICATIONS_TITLE}中“申请人逾期未按收费通知要求缴纳费用”有 {unpaid} 件，但第六部分只发出收费通知 {} 件",
                    fees.notices.value
                ))
                .at(fees.notices.span, "")
                .also(a.span(row, 6), format!("逾期未缴费 {unpaid}")),
            );
        }
    }
    if fees.collected.value > fees.notices_amount.value {
        out.push(
            warn(
                "W4",
                format!(
                    "实际收取信息处理费 {} 元超过收费通知金额 {} 元",
                    fees.collected.value, fees.notices_amount.value
                ),
            )
            .at(fees.collected.span, ""),
        );
    }
    if !fees.collected.value.is_zero() && fees.notices.value == 0 {
        out.push(
            warn(
                "W4",
                format!("收取了信息处理费 {} 元，但发出收费通知 0 件", fees.collected.value),
            )
            .at(fees.notices.span, ""),
        );
    }
}

/// W7: 2019 处理决定数量 equal to 上一年项目数量 + 本年增/减 (columns misread).
pub(super) fn w7(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Proactive::F2019(p) = &cx.report.proactive else { return };
    for (i, (_, label, item)) in proactive2019::ITEM_ROWS.iter().enumerate() {
        let [last, delta, decisions] = p.items[i];
        if (last.value != 0 || delta.value != 0) && decisions.value == last.value + delta.value {
            out.push(
                warn("W7", format!(
                    "{PROACTIVE_TITLE}「{item} {label}」处理决定数量 {} 恰好等于上一年项目数量 {} 加本年增/减 {:+}：处理决定数量应是本年作出的决定数，不是项目数",
                    decisions.value, last.value, delta.value
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
    let (deadline, basis) = match r.agency.deadline {
        Some((d, _)) => (d, "本地规定的期限（agency.deadline）".to_owned()),
        None => match r.agency.level {
            Level::Government => (
                Date { year: r.year + 1, month: 3, day: 31 },
                "《条例》第四十九条（县级以上地方人民政府）".to_owned(),
            ),
            Level::Department => (
                Date { year: r.year + 1, month: 1, day: 31 },
                "《条例》第四十九条（县级以上人民政府部门）".to_owned(),
            ),
            Level::Township => (
                Date { year: r.year + 1, month: 1, day: 31 },
                "乡镇、街道的通行期限（可用 agency.deadline 改为本地期限）".to_owned(),
            ),
        },
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

/// N2: sections 一 and 五 have text (not only headings).
pub(super) fn n2(cx: &Context, out: &mut Vec<Diagnostic>) {
    let r = cx.report;
    for (items, span, title) in [
        (&r.overview, r.overview_span, "一、总体情况"),
        (&r.problems, r.problems_span, "五、存在的主要问题及改进情况"),
    ] {
        if !has_text(items) {
            out.push(
                warn("N2", format!("{title}还没有正文：只有小标题或为空，评估时会被视为内容缺失"))
                    .at(span, ""),
            );
        }
    }
}

fn has_text(items: &[crate::model::Item]) -> bool {
    items.iter().any(|i| match i {
        crate::model::Item::Para { .. } => true,
        crate::model::Item::Heading { content, .. } => has_text(content),
    })
}

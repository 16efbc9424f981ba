//! The typed view of a report that templates see.
//!
//! Every number is formatted here, in Rust, before templating: templates only place
//! strings. Narrative is flattened into numbered blocks, and table 三's label cells are
//! given with their spans, so the templates hold the official layout and nothing else.

use serde::Serialize;

use crate::input::Format;
use crate::model::tables::{self, RowKind};
use crate::model::{Item, Proactive, Report};

/// The template context.
#[derive(Serialize)]
pub struct View {
    report: ReportView,
    preface: Option<Vec<BlockView>>,
    overview: Vec<BlockView>,
    proactive: ProactiveView,
    proactive_remarks: Vec<BlockView>,
    applications: ApplicationsView,
    applications_remarks: Vec<BlockView>,
    review: ReviewView,
    review_remarks: Vec<BlockView>,
    problems: Vec<BlockView>,
    other_matters: Vec<BlockView>,
    fees: Option<FeesView>,
}

#[derive(Serialize)]
struct ReportView {
    agency: String,
    year: i32,
    format: &'static str,
    format_notice: &'static str,
    date: String,
    issuing_office: Option<String>,
}

/// A narrative block: a numbered heading or a paragraph.
#[derive(Serialize)]
struct BlockView {
    kind: &'static str,
    level: u8,
    number: String,
    text: String,
}

#[derive(Serialize)]
struct RowView {
    label: &'static str,
    values: Vec<String>,
}

#[derive(Serialize)]
struct ItemGroupView {
    item: &'static str,
    rows: Vec<RowView>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum ProactiveView {
    F2021 {
        documents: Vec<RowView>,
        licensing: String,
        penalty: String,
        coercion: String,
        fees: String,
    },
    F2019 {
        documents: Vec<RowView>,
        item_groups: Vec<ItemGroupView>,
        fee_items: Vec<String>,
        procurement_count: String,
        procurement_amount: String,
        procurement_unit: &'static str,
    },
}

#[derive(Serialize)]
struct LabelView {
    text: String,
    rowspan: usize,
    colspan: usize,
}

#[derive(Serialize)]
struct AppRowView {
    labels: Vec<LabelView>,
    values: Vec<String>,
}

#[derive(Serialize)]
struct ApplicationsView {
    rows: Vec<AppRowView>,
}

#[derive(Serialize)]
struct ReviewView {
    values: Vec<String>,
}

#[derive(Serialize)]
struct FeesView {
    none: bool,
    notices: String,
    notices_amount: String,
    collected: String,
}

/// The number of a heading at `level` (2 = （一）, 3 = 1., 4 = （1）, deeper = ①).
pub fn heading_number(level: u8, n: usize) -> String {
    match level {
        1 => format!("{}、", chinese_numeral(n)),
        2 => format!("（{}）", chinese_numeral(n)),
        3 => format!("{n}."),
        4 => format!("（{n}）"),
        _ => {
            char::from_u32(0x2460 + n.clamp(1, 20) as u32 - 1).map_or(format!("{n})"), String::from)
        }
    }
}

/// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (1–99).
pub fn chinese_numeral(n: usize) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => D[n].to_owned(),
        10 => "十".to_owned(),
        11..=19 => format!("十{}", D[n - 10]),
        20..=99 => format!("{}十{}", D[n / 10], D[n % 10]),
        _ => n.to_string(),
    }
}

fn blocks(items: &[Item]) -> Vec<BlockView> {
    fn walk(items: &[Item], level: u8, out: &mut Vec<BlockView>) {
        let mut n = 0;
        for item in items {
            match item {
                Item::Para { text, .. } => out.push(BlockView {
                    kind: "para",
                    level,
                    number: String::new(),
                    text: text.clone(),
                }),
                Item::Heading { text, content, .. } => {
                    n += 1;
                    out.push(BlockView {
                        kind: "heading",
                        level,
                        number: heading_number(level, n),
                        text: text.clone(),
                    });
                    walk(content, level + 1, out);
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(items, 2, &mut out);
    out
}

fn signed(v: i64) -> String {
    if v > 0 { format!("+{v}") } else { v.to_string() }
}

fn proactive(p: &Proactive) -> ProactiveView {
    match p {
        Proactive::F2021(p) => ProactiveView::F2021 {
            documents: doc_rows(&p.documents, tables::proactive2021::DOC_ROWS),
            licensing: p.licensing.value.to_string(),
            penalty: p.penalty.value.to_string(),
            coercion: p.coercion.value.to_string(),
            fees: p.fees_wan.value.to_string(),
        },
        Proactive::F2019(p) => {
            let mut item_groups: Vec<ItemGroupView> = Vec::new();
            for (i, (_, label, item)) in tables::proactive2019::ITEM_ROWS.iter().enumerate() {
                let [last, delta, decisions] = p.items[i];
                let row = RowView {
                    label,
                    values: vec![
                        last.value.to_string(),
                        signed(delta.value),
                        decisions.value.to_string(),
                    ],
                };
                match item_groups.last_mut() {
                    Some(g) if g.item == *item => g.rows.push(row),
                    _ => item_groups.push(ItemGroupView { item, rows: vec![row] }),
                }
            }
            ProactiveView::F2019 {
                documents: doc_rows(&p.documents, tables::proactive2019::DOC_ROWS),
                item_groups,
                fee_items: vec![p.fee_items[0].value.to_string(), signed(p.fee_items[1].value)],
                procurement_count: p.procurement_count.value.to_string(),
                procurement_amount: p.procurement_amount.value.to_string(),
                procurement_unit: p.procurement_unit.label(),
            }
        }
    }
}

fn doc_rows(rows: &[[crate::model::Num; 3]; 2], labels: [&'static str; 2]) -> Vec<RowView> {
    rows.iter()
        .zip(labels)
        .map(|(r, label)| RowView {
            label,
            values: r.iter().map(|n| n.value.to_string()).collect(),
        })
        .collect()
}

fn applications(report: &Report) -> ApplicationsView {
    let a = &report.applications;
    let result_rows =
        a.rows.iter().filter(|r| matches!(r.kind, RowKind::Result | RowKind::Total)).count();
    let mut rows = Vec::new();
    let mut seen_results = false;
    let mut open_group: Option<&str> = None;
    for (i, def) in a.rows.iter().enumerate() {
        let mut labels = Vec::new();
        match def.kind {
            RowKind::Received | RowKind::CarriedOver | RowKind::CarriedForward => {
                labels.push(LabelView { text: def.label.to_owned(), rowspan: 1, colspan: 3 });
            }
            RowKind::Result | RowKind::Total => {
                if !seen_results {
                    seen_results = true;
                    labels.push(LabelView {
                        text: tables::RESULTS_LABEL.to_owned(),
                        rowspan: result_rows,
                        colspan: 1,
                    });
                }
                match def.group {
                    Some(g) => {
                        if open_group != Some(g) {
                            let size = a.rows.iter().filter(|r| r.group == Some(g)).count();
                            labels.push(LabelView {
                                text: g.to_owned(),
                                rowspan: size,
                                colspan: 1,
                            });
                            open_group = Some(g);
                        }
                        labels.push(LabelView {
                            text: def.label.to_owned(),
                            rowspan: 1,
                            colspan: 1,
                        });
                    }
                    None => {
                        open_group = None;
                        labels.push(LabelView {
                            text: def.label.to_owned(),
                            rowspan: 1,
                            colspan: 2,
                        });
                    }
                }
            }
        }
        let values = (0..7).map(|c| a.value(i, c).to_string()).collect();
        rows.push(AppRowView { labels, values });
    }
    ApplicationsView { rows }
}

/// Builds the view of a report.
pub fn view(report: &Report) -> View {
    let r = &report.review;
    View {
        report: ReportView {
            agency: report.agency.name.clone(),
            year: report.year,
            format: report.format.name(),
            format_notice: match report.format {
                Format::F2021 => {
                    "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）"
                }
                Format::F2019 => {
                    "《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）"
                }
            },
            date: report.publication_date.to_string(),
            issuing_office: report.agency.issuing_office.clone(),
        },
        preface: report.preface.as_deref().map(blocks),
        overview: blocks(&report.overview),
        proactive: proactive(&report.proactive),
        proactive_remarks: blocks(&report.proactive_remarks),
        applications: applications(report),
        applications_remarks: blocks(&report.applications_remarks),
        review: ReviewView {
            values: (0..3).flat_map(|g| (0..5).map(move |c| r.value(g, c).to_string())).collect(),
        },
        review_remarks: blocks(&report.review_remarks),
        problems: blocks(&report.problems),
        other_matters: blocks(&report.other_matters),
        fees: report.fees.as_ref().map(|f| FeesView {
            none: f.notices.value == 0
                && f.notices_amount.value.is_zero()
                && f.collected.value.is_zero(),
            notices: f.notices.value.to_string(),
            notices_amount: f.notices_amount.value.to_string(),
            collected: f.collected.value.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_headings_by_level() {
        assert_eq!(heading_number(1, 6), "六、");
        assert_eq!(heading_number(2, 12), "（十二）");
        assert_eq!(heading_number(3, 3), "3.");
        assert_eq!(heading_number(4, 2), "（2）");
        assert_eq!(heading_number(5, 1), "①");
        assert_eq!(chinese_numeral(20), "二十");
        assert_eq!(chinese_numeral(35), "三十五");
    }
}

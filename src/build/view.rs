//! The typed view of a report that templates see.
//!
//! Every number is formatted here, in Rust, before templating: templates only place
//! strings. Narrative is flattened into numbered blocks, each with its place in the YAML
//! (`at`), and the section headings and official names come from the catalogue. The
//! official tables are not part of the view: templates place them with
//! `<official table="…"/>` (see [`super::tables`]).

use serde::Serialize;

use crate::format::common::SECTIONS;
use crate::format::f2008::ANNEX_TITLE;
use crate::format::numbering::{chinese_numeral, heading_number};
use crate::model::{Body, Item, Report};
use crate::source::Span;

/// The template context: the six sections (2019 and 2021 formats), or the parts and the
/// 附表 of the old 条例 (2008 format).
#[derive(Serialize)]
#[serde(untagged)]
pub enum View {
    /// The 2019 and 2021 formats.
    Six(Box<SixView>),
    /// The 2008 format.
    Annexed(Box<AnnexedView>),
}

/// The template context of the 2019 and 2021 formats.
#[derive(Serialize)]
pub struct SixView {
    report: ReportView,
    sections: Vec<SectionView>,
    preface: Option<Vec<BlockView>>,
    overview: Vec<BlockView>,
    proactive_remarks: Vec<BlockView>,
    applications_remarks: Vec<BlockView>,
    review_remarks: Vec<BlockView>,
    problems: Vec<BlockView>,
    other_matters: Vec<BlockView>,
    fees: Option<FeesView>,
}

#[derive(Serialize)]
struct ReportView {
    agency: String,
    /// Where the agency's name is in the YAML (`S-E`).
    agency_at: String,
    year: i32,
    format: &'static str,
    format_notice: &'static str,
    /// The six parts as the standard preface lists them.
    parts: String,
    date: String,
    issuing_office: Option<String>,
}

/// A section heading: its number and title.
#[derive(Serialize)]
struct SectionView {
    number: &'static str,
    title: &'static str,
}

/// A narrative block: a numbered heading or a paragraph.
#[derive(Serialize)]
struct BlockView {
    kind: &'static str,
    level: u8,
    number: String,
    text: String,
    /// Where it is in the YAML (`S-E`).
    at: String,
}

#[derive(Serialize)]
struct FeesView {
    /// Every figure stated, and all zero.
    none: bool,
    /// Each figure as stated; absent ones are not printed.
    notices: Option<String>,
    notices_amount: Option<String>,
    collected: Option<String>,
}

fn at(span: Span) -> String {
    format!("{}-{}", span.start, span.end)
}

fn blocks(items: &[Item]) -> Vec<BlockView> {
    fn walk(items: &[Item], level: u8, out: &mut Vec<BlockView>) {
        let mut n = 0;
        for item in items {
            match item {
                Item::Para { text, span } => out.push(BlockView {
                    kind: "para",
                    level,
                    number: String::new(),
                    text: text.clone(),
                    at: at(*span),
                }),
                Item::Heading { text, content, span } => {
                    n += 1;
                    out.push(BlockView {
                        kind: "heading",
                        level,
                        number: heading_number(level, n),
                        text: text.clone(),
                        at: at(*span),
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

/// The template context of the 2008 format.
#[derive(Serialize)]
pub struct AnnexedView {
    report: ReportView,
    /// The parts, the 附表's heading last.
    parts: Vec<PartView>,
    preface: Option<Vec<BlockView>>,
    /// Text under the 附表.
    annex_remarks: Vec<BlockView>,
    /// The 附表's title.
    annex_title: &'static str,
    /// How many parts, in Chinese numerals (十一).
    parts_count: String,
}

/// A part of the narrative of the 2008 format.
#[derive(Serialize)]
struct PartView {
    number: &'static str,
    title: String,
    blocks: Vec<BlockView>,
}

/// Builds the view of a report.
pub fn view(report: &Report) -> View {
    let spec = report.spec();
    let head = |parts: String| ReportView {
        agency: report.agency.name.clone(),
        agency_at: at(report.agency_span),
        year: report.year,
        format: spec.name,
        format_notice: spec.notice,
        parts,
        date: report.publication_date.to_string(),
        issuing_office: report.agency.issuing_office.clone(),
    };
    match &report.body {
        Body::Six(six) => View::Six(Box::new(SixView {
            report: head(SECTIONS.iter().map(|s| s.part).collect::<Vec<_>>().join("、")),
            sections: SECTIONS
                .iter()
                .map(|s| SectionView { number: s.number, title: s.title })
                .collect(),
            preface: report.preface.as_deref().map(blocks),
            overview: blocks(&six.overview),
            proactive_remarks: blocks(&six.proactive_remarks),
            applications_remarks: blocks(&six.applications_remarks),
            review_remarks: blocks(&six.review_remarks),
            problems: blocks(&six.problems),
            other_matters: blocks(&six.other_matters),
            fees: six.fees.as_ref().map(|f| FeesView {
                // "None at all" only when every figure is stated and zero.
                none: f.notices.is_some_and(|n| n.value == 0)
                    && f.notices_amount.is_some_and(|a| a.value.is_zero())
                    && f.collected.is_some_and(|a| a.value.is_zero()),
                notices: f.notices.map(|n| n.value.to_string()),
                notices_amount: f.notices_amount.map(|a| a.value.to_string()),
                collected: f.collected.map(|a| a.value.to_string()),
            }),
        })),
        Body::Annexed(a) => View::Annexed(Box::new(AnnexedView {
            report: head(a.parts.iter().map(|p| p.title.as_str()).collect::<Vec<_>>().join("、")),
            parts: a
                .parts
                .iter()
                .map(|p| PartView {
                    number: p.number,
                    title: p.title.clone(),
                    blocks: blocks(&p.items),
                })
                .collect(),
            preface: report.preface.as_deref().map(blocks),
            annex_remarks: blocks(&a.remarks),
            annex_title: ANNEX_TITLE,
            parts_count: chinese_numeral(a.parts.len()),
        })),
    }
}

//! N5: tables 二、三、四 are all 0 while the narrative states figures — the tables were
//! most likely left as the scaffold made them.

use super::Context;
use crate::diag::{Diagnostic, Severity};
use crate::model::{Item, Six};
use crate::source::Span;

/// Measure words that follow a count of cases in a report's narrative.
const COUNTED: &[char] = &['件', '条', '次', '份', '个', '项', '人'];

/// Whether every cell of tables 二、三、四 is 0 (or blank).
fn all_zero(s: &Six) -> bool {
    let proactive = s
        .proactive
        .rows
        .iter()
        .flat_map(|r| r.values.iter())
        .all(|v| v.count().is_none_or(|n| n.value == 0));
    let applications = s.applications.cells.iter().flatten().flatten().all(|n| n.value == 0);
    let review = s.review.groups.iter().flatten().flatten().all(|n| n.value == 0);
    proactive && applications && review
}

/// The first figure of one or more cases in `text` (「12 件」, 「3次」), not an ordinal
/// (「第1条」).
fn first_figure(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        let digits: String = chars[start..i].iter().collect();
        let mut j = i;
        while j < chars.len() && chars[j] == ' ' {
            j += 1;
        }
        let ordinal = start > 0 && chars[start - 1] == '第';
        let counted = chars.get(j).is_some_and(|c| COUNTED.contains(c));
        if counted && !ordinal && !digits.trim_start_matches('0').is_empty() {
            return Some(chars[start..=j].iter().collect());
        }
    }
    None
}

fn paragraphs<'a>(items: &'a [Item], out: &mut Vec<(&'a str, Span)>) {
    for item in items {
        match item {
            Item::Para { text, span } => out.push((text, *span)),
            Item::Heading { content, .. } => paragraphs(content, out),
        }
    }
}

/// N5: one warning, at the first paragraph that states a figure.
pub(super) fn n5(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(s) = cx.report.six() else { return };
    if !all_zero(s) {
        return;
    }
    let mut paras = Vec::new();
    for list in s.narratives() {
        paragraphs(list, &mut paras);
    }
    let Some((figure, span)) =
        paras.iter().find_map(|(text, span)| first_figure(text).map(|f| (f, *span)))
    else {
        return;
    };
    out.push(
        Diagnostic::rule(
            Severity::Warning,
            "N5",
            format!("表格二、三、四全部为 0，但正文写了「{figure}」：表格可能还没有填写"),
        )
        .at(span, format!("写了「{figure}」"))
        .help("按正文所述的数量填写表格；如果本年度确实没有，请核对正文里的数字"),
    );
}

#[cfg(test)]
mod tests {
    use super::first_figure;

    #[test]
    fn counts_are_found_and_ordinals_and_years_are_not() {
        assert_eq!(first_figure("全年受理申请 12 件，办结 11 件。").as_deref(), Some("12 件"));
        assert_eq!(first_figure("召开培训会3次").as_deref(), Some("3次"));
        assert_eq!(first_figure("依据第20条，2024年度工作"), None);
        assert_eq!(first_figure("本年度没有收到申请，0 件。"), None);
    }
}

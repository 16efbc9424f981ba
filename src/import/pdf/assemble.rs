//! The pages' lines and tables into the report's blocks: running headers, footers and
//! page numbers dropped, lines joined into paragraphs, and a paragraph that a page
//! break cut in two joined again.

use super::lines::{Line, join};
use super::page::{Item, PageText};
use super::paragraphs::{self, Measure, Para};
use crate::import::Block;

/// Share of the page height at the top and at the bottom where running heads and page
/// numbers live.
const TOP_BAND: f64 = 0.10;
const BOTTOM_BAND: f64 = 0.12;

/// Whether a line is a page number: 「3」, 「— 3 —」, 「-3-」, 「第 3 页」, 「第 3 页 共 9 页」,
/// 「3/9」.
pub(super) fn page_number(text: &str) -> bool {
    let s: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let s = s.trim_matches(|c| "-—–－―~～·.．".contains(c));
    let digits = |t: &str| !t.is_empty() && t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit());
    if digits(s) {
        return true;
    }
    if let Some((a, b)) = s.split_once('/') {
        return digits(a) && digits(b);
    }
    // 第N页, 第N页共M页, 共M页第N页
    let mut rest = s;
    let mut any = false;
    while !rest.is_empty() {
        let Some(r) = rest.strip_prefix('第').or_else(|| rest.strip_prefix('共')) else {
            return false;
        };
        let end = r.find('页').unwrap_or(r.len());
        if !digits(&r[..end]) || end == r.len() {
            return false;
        }
        rest = &r[end + '页'.len_utf8()..];
        rest = rest.trim_start_matches(['，', ',', '/']);
        any = true;
    }
    any
}

/// Whether an item at `top` lies in the page's top or bottom band.
fn in_band(top: f64, height: f64) -> bool {
    top < TOP_BAND * height || top > (1.0 - BOTTOM_BAND) * height
}

/// A running line's text with its numbers blanked, so that 「第 3 页」 and 「第 4 页」 match.
fn running_key(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// Removes page numbers and text repeated in the top or bottom band of most pages.
fn drop_running(pages: &mut [PageText]) {
    let mut keys: Vec<String> = Vec::new();
    for p in pages.iter() {
        let mut mine: Vec<String> = p
            .items
            .iter()
            .filter_map(|(top, item)| match item {
                Item::Line(l) if in_band(*top, p.height) => Some(running_key(&l.text)),
                _ => None,
            })
            .collect();
        mine.sort();
        mine.dedup();
        keys.extend(mine);
    }
    keys.sort();
    let n = pages.len();
    let repeated: Vec<String> = keys
        .chunk_by(|a, b| a == b)
        .filter(|run| run.len() >= 2 && run.len() * 2 >= n)
        .map(|run| run[0].clone())
        .collect();
    for p in pages.iter_mut() {
        let h = p.height;
        p.items.retain(|(top, item)| match item {
            Item::Line(l) if in_band(*top, h) => {
                !page_number(&l.text) && repeated.binary_search(&running_key(&l.text)).is_err()
            }
            _ => true,
        });
    }
}

enum Piece {
    Para(Para),
    Table(crate::import::Table),
}

/// The blocks of the whole document.
pub(super) fn blocks(mut pages: Vec<PageText>) -> Vec<Block> {
    drop_running(&mut pages);
    let lines: Vec<Vec<Line>> = pages
        .iter()
        .map(|p| {
            p.items
                .iter()
                .filter_map(|(_, i)| match i {
                    Item::Line(l) => Some(l.clone()),
                    Item::Table(_) => None,
                })
                .collect()
        })
        .collect();
    let measure = paragraphs::measure(&lines);
    let mut out: Vec<Piece> = Vec::new();
    for page in pages {
        let mut first = true;
        let mut run: Vec<Line> = Vec::new();
        for (_, item) in page.items {
            match item {
                Item::Line(l) => run.push(l),
                Item::Table(t) => {
                    flush(&mut out, &mut run, &measure, &mut first);
                    out.push(Piece::Table(t));
                    first = false;
                }
            }
        }
        flush(&mut out, &mut run, &measure, &mut first);
    }
    out.into_iter()
        .filter_map(|p| match p {
            Piece::Para(p) => (!p.text.is_empty()).then_some(Block::Paragraph(p.text)),
            Piece::Table(t) => Some(Block::Table(t)),
        })
        .collect()
}

/// Turns a run of lines into paragraphs; the first paragraph of a page continues the
/// last one of the page before when that one ran to the margin and this one starts at
/// it, in the same font and size.
fn flush(out: &mut Vec<Piece>, run: &mut Vec<Line>, m: &Measure, first: &mut bool) {
    if run.is_empty() {
        return;
    }
    for para in paragraphs::paragraphs(run, m) {
        if std::mem::take(first)
            && para.flush_start
            && let Some(Piece::Para(prev)) = out.last_mut()
            && prev.open_end
            && (prev.size - para.size).abs() <= 0.1 * para.size
            && (prev.font.1 == para.font.0 || prev.font.1 == 0 || para.font.0 == 0)
        {
            join(&mut prev.text, &para.text);
            prev.open_end = para.open_end;
            prev.font.1 = para.font.1;
            continue;
        }
        out.push(Piece::Para(para));
    }
    *first = false;
    run.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers() {
        for yes in ["3", "— 3 —", "-12-", "第 3 页", "第3页 共9页", "共9页 第3页", "3 / 9"]
        {
            assert!(page_number(yes), "{yes}");
        }
        for no in ["第二十条", "2024年", "第3条", "12345", "一、总体情况", ""] {
            assert!(!page_number(no), "{no}");
        }
    }
}

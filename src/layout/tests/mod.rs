//! Tests of the layout engine, on fixed metrics ([`FixedBook`]) so that what they check
//! does not hang on the advances of the bundled fonts.
//!
//! The tests lay out whole documents through the same path as [`super::layout`] and look
//! at what was drawn; for tables they also read where each row went
//! ([`super::flow::Flow::tables`]), which the drawn rules alone do not tell.

mod keep;
mod labels;
mod properties;
mod squeeze;
mod tables;
mod tails;
mod title;

use std::num::NonZeroU16;

use super::LayoutError;
use super::flow::Flow;
use super::metrics::Metrics;
use super::output::{Item, Page};
use crate::doc::page::{PAGE, size};
use crate::doc::{Block, Cell, Document, Grid, Table};
use crate::fonts::{FaceId, MissingGlyph, Role};

/// The one character [`FixedBook`] has no glyph for (besides the zero-width space).
pub(crate) const MISSING: char = '龘';

/// Fixed metrics: ASCII characters are half an em wide, everything else one em. Each
/// role has its own face (its index in [`Role::ALL`]); the glyph id is the character's
/// code point (truncated). [`MISSING`] and the zero-width space have no glyph, as the
/// zero-width space has none in most CJK fonts.
pub(crate) struct FixedBook;

impl Metrics for FixedBook {
    fn lookup(&self, role: Role, ch: char) -> Result<(FaceId, u16, f32), MissingGlyph> {
        if ch == MISSING || ch == '\u{200B}' {
            return Err(MissingGlyph { ch, role });
        }
        let face = Role::ALL.iter().position(|r| *r == role).expect("every role is in ALL");
        let advance = if ch.is_ascii() { 0.5 } else { 1.0 };
        Ok((face, ch as u32 as u16, advance))
    }
}

/// A document with a short title and these blocks.
pub(crate) fn doc(blocks: Vec<Block>) -> Document {
    let spans = vec![None; blocks.len()];
    Document {
        lang: "zh-CN".into(),
        title: "年度报告".into(),
        byline: None,
        blocks,
        spans,
        title_span: None,
        meta: Default::default(),
    }
}

/// A body paragraph.
fn para(text: &str) -> Block {
    Block::Para(text.into())
}

/// A heading of `level`, numbered 一、.
fn heading(level: u8, text: &str) -> Block {
    Block::Heading { level, number: "一、".into(), text: text.into() }
}

/// A cell spanning `rows` × `cols`.
fn cell(text: &str, rows: u16, cols: u16, header: bool) -> Cell {
    Cell {
        text: text.into(),
        header,
        rowspan: NonZeroU16::new(rows).expect("at least one row"),
        colspan: NonZeroU16::new(cols).expect("at least one column"),
        span: None,
        indent: None,
    }
}

/// A table of `cols` equal columns in 小四 with `head_rows` header rows.
fn table(cols: usize, head_rows: usize, rows: Vec<Vec<Cell>>) -> Block {
    let grid = Grid::resolve(cols, rows).expect("the test's grid closes");
    Block::Table(Table {
        id: "test".into(),
        title: "测试".into(),
        label_cols: 0,
        head_rows,
        widths: vec![1; cols],
        small: false,
        grid,
    })
}

/// `n` distinct one-line paragraphs: 「第N段」 and filler, ten characters.
fn one_liners(n: usize) -> Vec<Block> {
    (0..n).map(|i| para(&format!("第{i}段落的文字内容。"))).collect()
}

/// Lays a document out with [`FixedBook`] and returns the finished flow.
fn lay_out(doc: &Document) -> Flow {
    super::run(doc, &FixedBook).expect("FixedBook has every glyph").0
}

/// A line as drawn: consecutive runs on one baseline in one size.
#[derive(Debug)]
struct DrawnLine {
    /// Page index.
    page: usize,
    /// Baseline, from the page's top edge.
    y: f32,
    /// Left end of the first run.
    x0: f32,
    /// Right end of the last run.
    x1: f32,
    /// Type size.
    size: f32,
    /// The runs' text.
    text: String,
}

/// The lines drawn on the pages, in order.
fn drawn_lines(pages: &[Page]) -> Vec<DrawnLine> {
    let mut out: Vec<DrawnLine> = Vec::new();
    for (page, p) in pages.iter().enumerate() {
        for item in &p.items {
            let Item::Text(t) = item else { continue };
            let w: f32 = t.run.glyphs.iter().map(|g| g.advance).sum();
            match out.last_mut() {
                Some(l) if l.page == page && l.y == t.y && l.size == t.size => {
                    l.x1 = t.x + w;
                    l.text.push_str(&t.run.text);
                }
                _ => out.push(DrawnLine {
                    page,
                    y: t.y,
                    x0: t.x,
                    x1: t.x + w,
                    size: t.size,
                    text: t.run.text.clone(),
                }),
            }
        }
    }
    out
}

/// The body-size lines (paragraphs, headings, signature), in order.
fn body_lines(pages: &[Page]) -> Vec<DrawnLine> {
    drawn_lines(pages).into_iter().filter(|l| l.size == size::BODY.0).collect()
}

/// Everything drawn on a page as one string, in drawing order.
fn page_text(page: &Page) -> String {
    page.items
        .iter()
        .filter_map(|i| match i {
            Item::Text(t) => Some(t.run.text.as_str()),
            Item::Rule(_) => None,
        })
        .collect()
}

/// The pages on which `text` is drawn (within one page's text).
fn pages_with(pages: &[Page], text: &str) -> Vec<usize> {
    (0..pages.len()).filter(|&i| page_text(&pages[i]).contains(text)).collect()
}

/// The grid line (0-based) that a body line's baseline sits on.
fn grid_line(l: &DrawnLine) -> usize {
    let (_, top) = PAGE.text_origin();
    let pitch = PAGE.line_pitch().0;
    let baseline_in_line = pitch / 2.0 + 0.38 * size::BODY.0;
    let k = (l.y - top.0 - baseline_in_line) / pitch;
    assert!((k - k.round()).abs() < 0.01, "off the grid: {l:?}");
    k.round() as usize
}

/// Checks that everything but the page numbers lies inside the text block: rules, and
/// the em box of every glyph run (0.88 em above the baseline to 0.12 below).
fn assert_inside_text_block(pages: &[Page]) -> Result<(), String> {
    let (left, top) = PAGE.text_origin();
    let (left, top) = (left.0, top.0);
    let right = left + PAGE.text_width().0;
    let bottom = top + PAGE.text_height().0;
    let tol = 0.01;
    for (i, page) in pages.iter().enumerate() {
        for item in &page.items {
            let inside = match item {
                Item::Text(t) if t.size == size::PAGE_NUMBER.0 => true,
                Item::Text(t) => {
                    let w: f32 = t.run.glyphs.iter().map(|g| g.advance).sum();
                    t.y - 0.88 * t.size >= top - tol
                        && t.y + 0.12 * t.size <= bottom + tol
                        && t.x >= left - tol
                        && t.x + w <= right + tol
                }
                Item::Rule(r) => {
                    r.y1.max(r.y2) <= bottom + tol
                        && r.y1.min(r.y2) >= top - tol
                        && r.x1.min(r.x2) >= left - tol
                        && r.x1.max(r.x2) <= right + tol
                }
            };
            if !inside {
                return Err(format!("page {}: drawn outside the text block: {item:?}", i + 1));
            }
        }
    }
    Ok(())
}

#[test]
fn fixed_metrics_fill_a_line_with_28_characters() {
    let text = "一".repeat(28 * 3 - 2);
    let flow = lay_out(&doc(vec![para(&text)]));
    let lines = body_lines(&flow.pages);
    let counts: Vec<usize> = lines.iter().map(|l| l.text.chars().count()).collect();
    assert_eq!(counts, [26, 28, 28]);
    let left = PAGE.text_origin().0.0;
    assert!((lines[0].x0 - (left + 2.0 * PAGE.char_pitch().0)).abs() < 0.01, "indented");
    assert!((lines[1].x0 - left).abs() < 0.01);
    for l in &lines {
        assert!((l.x1 - (PAGE.text_origin().0.0 + PAGE.text_width().0)).abs() < 0.01, "{l:?}");
    }
}

#[test]
fn a_missing_character_names_itself_and_the_text_it_is_in() {
    let text = format!("本机关收到{MISSING}申请。");
    let d = doc(vec![para("第一段。"), para(&text)]);
    let err = super::layout(&d, &FixedBook).unwrap_err();
    assert_eq!(
        err,
        LayoutError { missing: MissingGlyph { ch: MISSING, role: Role::Body }, context: text }
    );
    // In a table cell and in the title too.
    let t = table(1, 0, vec![vec![cell(&format!("{MISSING}件"), 1, 1, false)]]);
    let err = super::layout(&doc(vec![t]), &FixedBook).unwrap_err();
    assert_eq!(err.context, format!("{MISSING}件"));
    let mut d = doc(vec![]);
    d.title = format!("{MISSING}局");
    let err = super::layout(&d, &FixedBook).unwrap_err();
    assert_eq!(err.missing, MissingGlyph { ch: MISSING, role: Role::Title });
}

#[test]
fn the_draft_mark_is_red_above_the_title() {
    let mut d = doc(vec![para("正文。")]);
    d.meta.draft_mark = Some("草稿".into());
    let (flow, _) = super::run(&d, &FixedBook).unwrap();
    let lines = drawn_lines(&flow.pages);
    assert_eq!(lines[0].text, "草稿");
    assert_eq!(lines[1].text, "年度报告");
    let red: Vec<bool> = flow.pages[0]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text(t) => Some(t.red),
            Item::Rule(_) => None,
        })
        .collect();
    assert!(red[0]);
    assert!(red[1..].iter().all(|r| !r));
}

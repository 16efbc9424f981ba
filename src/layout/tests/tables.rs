//! Table pagination: a group of rows tied by rowspans flows across pages where it may
//! break (never leaving fewer than two of a group's rows on a page), and each page
//! repeats the labels of the spanning cells it cuts.

use super::*;
use crate::layout::table::MIN_ROWS;

/// Body rows of the test tables: three columns, each row 22.2 pt (one line).
const ROWS: usize = 45;

/// The body rows on each page the table is on.
fn body_rows_by_page(flow: &Flow, head_rows: usize) -> Vec<Vec<usize>> {
    flow.tables[0]
        .iter()
        .map(|(_, seg)| seg.iter().map(|(r, _)| *r).filter(|&r| r >= head_rows).collect())
        .collect()
}

#[test]
fn a_group_taller_than_a_page_splits_at_its_inner_spans() {
    // Column 1 spans every body row (one group, ≈ 1000 pt); column 2 ties rows in
    // threes; column 3 is one cell a row.
    let mut rows =
        vec![vec![cell("类别", 1, 1, true), cell("小类", 1, 1, true), cell("数", 1, 1, true)]];
    for i in 0..ROWS {
        let mut row = Vec::new();
        if i == 0 {
            row.push(cell("全部", ROWS as u16, 1, false));
        }
        if i % 3 == 0 {
            row.push(cell(&format!("组{}", i / 3), 3, 1, false));
        }
        row.push(cell(&format!("{i}"), 1, 1, false));
        rows.push(row);
    }
    // One paragraph before it, so that row by row the first page would end inside a
    // group of three.
    let mut blocks = one_liners(1);
    blocks.push(table(3, 1, rows));
    let flow = lay_out(&doc(blocks));
    let pages = body_rows_by_page(&flow, 1);
    assert!(pages.len() >= 2, "the group is taller than a page");
    let all: Vec<usize> = pages.concat();
    assert_eq!(all, (1..=ROWS).collect::<Vec<_>>());
    for p in &pages[1..] {
        assert_eq!((p[0] - 1) % 3, 0, "a page starts with a whole group of three: {pages:?}");
    }
    // And the break is as late as the groups allow: the next group of three would not
    // have fitted on the page before, though its first row would have.
    let row_h = 22.2;
    for (k, p) in pages.iter().enumerate().take(pages.len() - 1) {
        let (_, seg) = &flow.tables[0][k];
        let bottom = seg.last().unwrap().1 + row_h;
        assert!(bottom + 3.0 * row_h > PAGE.text_height().0, "page {k} broke early: {pages:?}");
        assert!(!p.is_empty());
    }
    let (_, seg) = &flow.tables[0][0];
    let bottom = seg.last().unwrap().1 + row_h;
    assert!(bottom + row_h <= PAGE.text_height().0, "row by row would break here too");
    // The spanning cell's label is repeated on every page the group is on.
    assert_eq!(pages_with(&flow.pages, "全部").len(), pages.len());
    assert_inside_text_block(&flow.pages).unwrap();
}

/// A table of a header row and `n` body rows (more than 30) that two spans overlapping
/// in a chain tie into one group with no inner group: column 1 spans body rows 0..30,
/// column 2 rows 20..n. Column 3 numbers the rows; the last is 「末行」.
pub(super) fn chained_table(n: usize) -> Block {
    let mut rows =
        vec![vec![cell("甲", 1, 1, true), cell("乙", 1, 1, true), cell("丙", 1, 1, true)]];
    for i in 0..n {
        let mut row = Vec::new();
        if i == 0 {
            row.push(cell("上段", 30, 1, false));
        }
        if i >= 30 {
            row.push(cell(&format!("左{i}"), 1, 1, false));
        }
        if i < 20 {
            row.push(cell(&format!("中{i}"), 1, 1, false));
        }
        if i == 20 {
            row.push(cell("下段", (n - 20) as u16, 1, false));
        }
        let label = if i + 1 == n { "末行".to_string() } else { format!("{i}") };
        row.push(cell(&label, 1, 1, false));
        rows.push(row);
    }
    table(3, 1, rows)
}

#[test]
fn a_group_without_inner_spans_fills_the_page_and_repeats_its_labels() {
    let flow = lay_out(&doc(vec![chained_table(ROWS)]));
    let pages = body_rows_by_page(&flow, 1);
    assert_eq!(pages.len(), 2, "{pages:?}");
    assert_eq!(pages.concat(), (1..=ROWS).collect::<Vec<_>>());
    // Page 1 is filled row by row: the next row would not have fitted.
    let (_, seg) = &flow.tables[0][0];
    let bottom = seg.last().unwrap().1 + 22.2;
    assert!(bottom + 22.2 > PAGE.text_height().0 + 0.01, "broke early: {pages:?}");
    // The header row is repeated on the second page, and both spanning cells, cut by the
    // break, are ruled and labelled on both pages.
    assert_eq!(flow.tables[0][1].1[0].0, 0);
    assert_eq!(pages_with(&flow.pages, "上段").len(), 2);
    assert_eq!(pages_with(&flow.pages, "下段").len(), 2);
    assert_inside_text_block(&flow.pages).unwrap();
}

#[test]
fn header_rows_repeat_on_every_page_and_draw_their_text() {
    let mut rows = vec![
        vec![cell("申请情况", 1, 2, true)],
        vec![cell("项目", 1, 1, true), cell("数量", 1, 1, true)],
    ];
    for i in 0..80 {
        rows.push(vec![cell(&format!("第{i}行"), 1, 1, false), cell("1", 1, 1, false)]);
    }
    let flow = lay_out(&doc(vec![table(2, 2, rows)]));
    let placement = &flow.tables[0];
    assert!(placement.len() >= 3);
    for (page, seg) in placement {
        assert_eq!(seg[0].0, 0);
        assert_eq!(seg[1].0, 1);
        assert!(page_text(&flow.pages[*page]).contains("申请情况项目数量"), "page {page}");
    }
}

#[test]
fn a_label_over_a_long_group_keeps_two_rows_and_its_text_on_every_page() {
    // Like table 三's results: a label of three lines over 61 rows (two pages and more),
    // groups of three under it, and one last row of its own (like its total row). Wherever
    // the paragraphs before it push the table, every page with rows under the label has
    // at least two of them and shows the label.
    let n = 61;
    for before in 0..22 {
        let mut rows =
            vec![vec![cell("类", 1, 1, true), cell("组", 1, 1, true), cell("数", 1, 1, true)]];
        for i in 0..n {
            let mut row = Vec::new();
            if i == 0 {
                row.push(cell("结果标签的文字", n as u16, 1, false));
            }
            if i + 1 == n {
                row.push(cell("合计行", 1, 1, false));
            } else if i % 3 == 0 {
                row.push(cell(&format!("组{}", i / 3), 3, 1, false));
            }
            row.push(cell(&format!("{i}"), 1, 1, false));
            rows.push(row);
        }
        let mut blocks = one_liners(before);
        // The label's column is three characters wide: the label takes three lines, more
        // than one row's height.
        let Block::Table(mut t) = table(3, 1, rows) else { unreachable!() };
        t.widths = vec![1, 1, 8];
        blocks.push(Block::Table(t));
        let flow = lay_out(&doc(blocks));
        let pages = body_rows_by_page(&flow, 1);
        assert_eq!(pages.concat(), (1..=n).collect::<Vec<_>>(), "{before}");
        for (k, p) in pages.iter().enumerate() {
            assert!(p.len() >= MIN_ROWS, "{before} before: page {k} holds {p:?}");
            let page = flow.tables[0][k].0;
            assert!(
                page_text(&flow.pages[page]).contains("结果标签的文字"),
                "{before} before: page {k} has no label"
            );
        }
    }
}

//! Keep with next: a heading never ends a page; it goes to the next page with the first
//! lines (or the first rows) of what follows. Widows and orphans: a paragraph leaves at
//! least two lines on each side of a page break.

use super::*;

/// How many one-line paragraphs the first page holds under the title (for other test
/// modules).
pub(super) fn first_page_capacity_for_tests() -> usize {
    first_page_capacity()
}

/// How many one-line paragraphs the first page holds under the title.
fn first_page_capacity() -> usize {
    let flow = lay_out(&doc(one_liners(60)));
    body_lines(&flow.pages).iter().filter(|l| l.page == 0).count()
}

/// A paragraph of `n` full lines (the first indented).
fn lines_para(tag: &str, n: usize) -> Block {
    let mut text = tag.to_string();
    while text.chars().count() < 28 * n - 2 {
        text.push('文');
    }
    para(&text)
}

#[test]
fn a_heading_at_the_foot_of_a_page_moves_to_the_next_with_the_line_after_it() {
    let cap = first_page_capacity();
    // One grid line left: the heading would fit, the paragraph's first line would not.
    let mut blocks = one_liners(cap - 1);
    blocks.push(heading(1, "标题"));
    blocks.push(lines_para("其后段落", 3));
    let flow = lay_out(&doc(blocks));
    let lines = body_lines(&flow.pages);
    let h = lines.iter().position(|l| l.text == "一、标题").expect("heading drawn");
    assert_eq!(lines[h].page, 1, "the heading moved");
    assert_eq!(grid_line(&lines[h]), 0, "to the top of the page");
    assert_eq!(lines[h - 1].page, 0, "the paragraph before it stays");
    assert!(lines[h + 1].text.starts_with("其后段落"));
    assert_eq!((lines[h + 1].page, grid_line(&lines[h + 1])), (1, 1), "right under it");

    // Two lines left: heading and first line would fit, but the paragraph leaves at least
    // two of its lines on a page: the heading goes with them.
    let mut blocks = one_liners(cap - 2);
    blocks.push(heading(1, "标题"));
    blocks.push(lines_para("其后段落", 4));
    let flow = lay_out(&doc(blocks));
    let lines = body_lines(&flow.pages);
    let h = lines.iter().position(|l| l.text == "一、标题").unwrap();
    assert_eq!((lines[h].page, lines[h + 1].page), (1, 1));

    // Three lines left: heading and two lines fit, and stay.
    let mut blocks = one_liners(cap - 3);
    blocks.push(heading(1, "标题"));
    blocks.push(lines_para("其后段落", 4));
    let flow = lay_out(&doc(blocks));
    let lines = body_lines(&flow.pages);
    let h = lines.iter().position(|l| l.text == "一、标题").unwrap();
    assert_eq!((lines[h].page, lines[h + 1].page, lines[h + 2].page), (0, 0, 0));
    assert_eq!(lines[h + 3].page, 1, "the paragraph goes on on the next page");
}

#[test]
fn headings_in_a_row_keep_together_with_the_first_line_after_them() {
    let cap = first_page_capacity();
    // Two lines left: both headings would fit, the paragraph's first line not.
    let mut blocks = one_liners(cap - 2);
    blocks.push(heading(1, "一级"));
    blocks.push(heading(2, "二级"));
    blocks.push(lines_para("其后段落", 2));
    let flow = lay_out(&doc(blocks));
    let lines = body_lines(&flow.pages);
    let h = lines.iter().position(|l| l.text == "一、一级").unwrap();
    let pages: Vec<usize> = lines[h..h + 3].iter().map(|l| l.page).collect();
    assert_eq!(pages, [1, 1, 1]);
    // The outline points at the moved headings.
    assert!(flow.outline.iter().all(|m| m.page == 1), "{:?}", flow.outline);
}

#[test]
fn a_heading_keeps_with_the_header_and_first_rows_of_a_table() {
    let rows = |n: usize| {
        let mut rows = vec![vec![cell("项目", 1, 1, true), cell("数量", 1, 1, true)]];
        for i in 0..n {
            rows.push(vec![cell(&format!("第{i}行"), 1, 1, false), cell("1", 1, 1, false)]);
        }
        rows
    };
    let cap = first_page_capacity();
    // One to four grid lines left: the heading alone always fits on page 1, the header
    // and first row under it only with three or more. Wherever the table starts, its
    // heading is on that page.
    let mut moved = false;
    for left in 1..=4 {
        let mut blocks = one_liners(cap - left);
        blocks.push(heading(1, "表格"));
        blocks.push(table(2, 1, rows(40)));
        let flow = lay_out(&doc(blocks));
        let h = body_lines(&flow.pages).into_iter().find(|l| l.text == "一、表格").unwrap();
        let placement = &flow.tables[0];
        let first_page = placement[0].0;
        assert_eq!(h.page, first_page, "{left} lines left: the heading is with the table");
        assert!(placement[0].1.len() >= 2, "the header and at least one row");
        moved |= h.page == 1;
    }
    assert!(moved, "no case moved the heading: the test checks nothing");
}

#[test]
fn a_paragraph_leaves_no_line_alone_on_either_side_of_a_break() {
    let cap = first_page_capacity();
    // One line left for a five-line paragraph: it starts on the next page (no orphan).
    let mut blocks = one_liners(cap - 1);
    blocks.push(lines_para("孤行", 5));
    let lines = body_lines(&lay_out(&doc(blocks)).pages);
    let p = lines.iter().position(|l| l.text.starts_with("孤行")).unwrap();
    assert_eq!(lines[p].page, 1, "{:?}", &lines[p - 1..]);
    // Four lines left for a five-line paragraph: three stay and two go, not four and one
    // (no widow).
    let mut blocks = one_liners(cap - 4);
    blocks.push(lines_para("寡行", 5));
    let lines = body_lines(&lay_out(&doc(blocks)).pages);
    let p = lines.iter().position(|l| l.text.starts_with("寡行")).unwrap();
    let pages: Vec<usize> = lines[p..p + 5].iter().map(|l| l.page).collect();
    assert_eq!(pages, [0, 0, 0, 1, 1]);
    // Three lines left for a three-line paragraph that does not fit... it fits: stays.
    let mut blocks = one_liners(cap - 3);
    blocks.push(lines_para("三行", 3));
    let lines = body_lines(&lay_out(&doc(blocks)).pages);
    let p = lines.iter().position(|l| l.text.starts_with("三行")).unwrap();
    assert!(lines[p..p + 3].iter().all(|l| l.page == 0));
    // Two lines left for a three-line paragraph: 2 + 1 would leave a widow, 1 + 2 an
    // orphan: it moves whole.
    let mut blocks = one_liners(cap - 2);
    blocks.push(lines_para("三行", 3));
    let lines = body_lines(&lay_out(&doc(blocks)).pages);
    let p = lines.iter().position(|l| l.text.starts_with("三行")).unwrap();
    assert!(lines[p..p + 3].iter().all(|l| l.page == 1));
}

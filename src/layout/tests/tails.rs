//! Tails: a table's note stays on the table's last page, and the signature never stands
//! alone on a page.

use super::tables::chained_table;
use super::*;

/// A two-column table of a header row and `n` body rows, the last one 「末行」.
fn numbered_table(n: usize) -> Block {
    let mut rows = vec![vec![cell("项目", 1, 1, true), cell("数量", 1, 1, true)]];
    for i in 0..n {
        let label = if i + 1 == n { "末行".to_string() } else { format!("第{i}行") };
        rows.push(vec![cell(&label, 1, 1, false), cell("1", 1, 1, false)]);
    }
    table(2, 1, rows)
}

const NOTE: &str = "注：本表数据截至十二月三十一日。本表所列数量均为件数，不含转办件和重复申请件。";

#[test]
fn a_note_stays_on_the_page_where_its_table_ends() {
    // Tables of every length from a few rows to two pages: wherever the last row falls,
    // the note is on its page; where the note would not fit under it, the last two rows
    // go to the next page with it (a table of plain rows never ends with one body row
    // alone under its repeated header).
    let mut moved = 0;
    for n in 1..=60 {
        let with_note = lay_out(&doc(vec![numbered_table(n), Block::Note(NOTE.into())]));
        let last_row = pages_with(&with_note.pages, "末行");
        let note = pages_with(&with_note.pages, "注：本表");
        assert_eq!(last_row.len(), 1, "{n} rows: the last row drawn once");
        assert_eq!(note, last_row, "{n} rows: the note is with the last row");
        assert_inside_text_block(&with_note.pages).unwrap();
        let without = lay_out(&doc(vec![numbered_table(n)]));
        if pages_with(&without.pages, "末行") != last_row {
            moved += 1;
            // Only the rows the note needs moved: the header repeated, then the last two
            // rows.
            let placement = &with_note.tables[0];
            let rows: Vec<usize> = placement.last().unwrap().1.iter().map(|(r, _)| *r).collect();
            assert_eq!(rows, [0, n - 1, n], "{n} rows");
        }
    }
    assert!(moved > 0, "no table needed its last row moved: the test checks nothing");
}

#[test]
fn a_note_stays_with_a_table_split_row_by_row() {
    // A single group of rows taller than a page, with no inner group to split at: it is
    // placed row by row, and the last row still takes the note's room into account.
    let mut moved = 0;
    for n in 31..=70 {
        let with_note = lay_out(&doc(vec![chained_table(n), Block::Note(NOTE.into())]));
        let last_row = pages_with(&with_note.pages, "末行");
        assert_eq!(pages_with(&with_note.pages, "注：本表"), last_row, "{n} rows");
        assert_inside_text_block(&with_note.pages).unwrap();
        let without = lay_out(&doc(vec![chained_table(n)]));
        if pages_with(&without.pages, "末行") != last_row {
            moved += 1;
        }
    }
    assert!(moved > 0, "no table needed its last row moved: the test checks nothing");
}

#[test]
fn a_table_of_one_group_starts_where_its_note_fits_too() {
    // Like table 四: three header rows and one body row, then a note. Wherever it falls
    // on the page, the header rows never stand alone at the foot of a page.
    let mut rows = vec![
        vec![cell("行政复议", 1, 2, true), cell("行政诉讼", 1, 1, true)],
        vec![cell("维持", 1, 1, true), cell("纠正", 1, 1, true), cell("未经复议", 1, 1, true)],
        vec![cell("件", 1, 1, true), cell("件", 1, 1, true), cell("件", 1, 1, true)],
    ];
    rows.push(vec![cell("末行", 1, 1, false), cell("0", 1, 1, false), cell("0", 1, 1, false)]);
    let t = table(3, 3, rows);
    let mut moved = 0;
    for k in 0..25 {
        let mut blocks = one_liners(k);
        blocks.push(t.clone());
        blocks.push(Block::Note(NOTE.into()));
        let flow = lay_out(&doc(blocks.clone()));
        let placement = &flow.tables[0];
        assert_eq!(placement.len(), 1, "{k}: the table is on one page: {placement:?}");
        assert_eq!(pages_with(&flow.pages, "注：本表"), [placement[0].0], "{k}");
        blocks.pop();
        if lay_out(&doc(blocks)).tables[0][0].0 != placement[0].0 {
            moved += 1;
        }
    }
    assert!(moved > 0, "no table moved for its note: the test checks nothing");
}

/// A paragraph of five lines, 「末段」 first.
fn five_lines() -> Block {
    let mut text = "末段".to_string();
    while text.chars().count() < 28 * 5 - 2 {
        text.push('文');
    }
    para(&text)
}

#[test]
fn the_signature_never_stands_alone_on_a_page() {
    // Five-line paragraphs ending at every grid line of the first page and a few of the
    // second, then the signature (a blank line and two lines).
    let signature = Block::Signature(vec!["某某市某某局".into(), "2025年1月20日".into()]);
    let mut moved = 0;
    for k in 0..25 {
        let mut blocks = one_liners(k);
        blocks.push(five_lines());
        let without = body_lines(&lay_out(&doc(blocks.clone())).pages);
        blocks.push(signature.clone());
        let with = body_lines(&lay_out(&doc(blocks)).pages);

        let sig = with.iter().position(|l| l.text == "某某市某某局").expect("signature drawn");
        let sig_page = with[sig].page;
        assert_eq!(with[sig + 1].page, sig_page, "{k}: the signature's lines together");
        let first = with.iter().position(|l| l.text.starts_with("末段")).unwrap();
        let para = first..sig;
        assert_eq!(para.len(), 5);
        // The paragraph's last line is on the signature's page, a blank line above it.
        assert_eq!(with[sig - 1].page, sig_page, "{k}: the signature stands alone");
        assert_eq!(grid_line(&with[sig]), grid_line(&with[sig - 1]) + 2, "{k}");

        let pages_with: Vec<usize> = para.clone().map(|i| with[i].page).collect();
        let pages_without: Vec<usize> = para.map(|i| without[i].page).collect();
        if pages_with != pages_without {
            // The paragraph would have ended on a page with no room for the signature:
            // its last two lines went to the next page with it, and only those.
            moved += 1;
            let p = pages_without[0];
            assert!(pages_without.iter().all(|&q| q == p), "{k}: {pages_without:?}");
            assert_eq!(pages_with, [p, p, p, p + 1, p + 1], "{k}");
        }
    }
    assert!(moved > 0, "no paragraph was split for the signature: the test checks nothing");
}

#[test]
fn a_heading_stays_with_a_short_last_paragraph_and_the_signature() {
    let cap = super::keep::first_page_capacity_for_tests();
    // Room for the heading and the one-line paragraph, not for the signature after them:
    // all three go to the next page together.
    let mut blocks = one_liners(cap - 3);
    blocks.push(heading(1, "其他事项"));
    blocks.push(para("本年度无别的事项。"));
    blocks.push(Block::Signature(vec!["某某局".into(), "2025年1月20日".into()]));
    let flow = lay_out(&doc(blocks));
    let lines = body_lines(&flow.pages);
    let h = lines.iter().position(|l| l.text == "一、其他事项").unwrap();
    let p = lines.iter().position(|l| l.text.starts_with("本年度无")).unwrap();
    assert_eq!(lines[h].page, lines[p].page, "{:?}", &lines[h..]);
    assert!(pages_with(&flow.pages, "某某局").contains(&lines[p].page));
}

#[test]
fn a_table_of_plain_rows_never_ends_with_one_row_alone() {
    // Tables of one-row groups, from one page to three: wherever the page breaks, the
    // last page of the table has at least two body rows under its repeated header.
    let mut split = 0;
    for n in 20..=80 {
        let flow = lay_out(&doc(vec![para("表前的一段文字。"), numbered_table(n)]));
        let placement = &flow.tables[0];
        if placement.len() < 2 {
            continue;
        }
        split += 1;
        let last: Vec<usize> = placement.last().unwrap().1.iter().map(|(r, _)| *r).collect();
        assert!(last.len() > 2, "{n} rows: the last page holds {last:?}");
    }
    assert!(split > 10, "too few tables ran over a page: the test checks little");
}

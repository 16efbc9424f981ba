//! Title breaking: after the agency's name, and a part too long for a line in two
//! halves of about equal length.

use super::*;
use crate::layout::setter::Setter;
use crate::layout::title::title_lines;

/// The title's lines as `title_lines` breaks them, on the standard page.
fn lines_of(title: &str) -> Vec<String> {
    let setter = Setter::new(&FixedBook, PAGE);
    let style = setter.style(Role::Title, size::TITLE);
    let mut d = doc(vec![]);
    d.title = title.into();
    title_lines(&setter, &d, &style).unwrap()
}

/// The title lines as drawn.
fn drawn_title(title: &str) -> Vec<String> {
    let mut d = doc(vec![para("正文。")]);
    d.title = title.into();
    let flow = lay_out(&d);
    drawn_lines(&flow.pages)
        .into_iter()
        .filter(|l| l.size == size::TITLE.0)
        .map(|l| l.text)
        .collect()
}

/// Characters of 2号 type a line holds with fixed metrics: 442.2 / 22.
const TITLE_CHARS: usize = 20;

#[test]
fn a_title_that_fits_stays_on_one_line() {
    let t = "某市民政局2024年政府信息公开工作年度报告";
    assert_eq!(lines_of(t), [t]);
    assert_eq!(drawn_title(t), [t]);
}

#[test]
fn a_long_title_breaks_after_the_agency_name() {
    let t = "某某市某某区自然资源和规划局2024年政府信息公开工作年度报告";
    let expected = ["某某市某某区自然资源和规划局", "2024年政府信息公开工作年度报告"];
    assert_eq!(lines_of(t), expected);
    assert_eq!(drawn_title(t), expected);
}

#[test]
fn an_agency_name_too_long_for_a_line_is_split_near_the_middle() {
    for n in TITLE_CHARS + 1..=2 * TITLE_CHARS {
        let agency: String = "某".repeat(n - 1) + "局";
        let t = format!("{agency}2024年政府信息公开工作年度报告");
        let lines = lines_of(&t);
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert_eq!(lines[0].clone() + &lines[1], agency);
        let (a, b) = (lines[0].chars().count(), lines[1].chars().count());
        assert!(a.abs_diff(b) <= 1, "halves of {n}: {a} and {b}");
        assert!(a >= 3 && b >= 3 && a <= TITLE_CHARS && b <= TITLE_CHARS);
        assert_eq!(lines[2], "2024年政府信息公开工作年度报告");
        assert_eq!(drawn_title(&t), lines);
    }
}

#[test]
fn the_split_falls_where_a_line_may_break() {
    // The middle is inside an unbreakable Latin word: the split comes after the word,
    // the break nearest the middle that leaves both halves within the line.
    let agency = "某某某某某某某某ABCDEFGHIJKLMNOP某某某某某某某某局";
    let t = format!("{agency}2024年政府信息公开工作年度报告");
    assert_eq!(
        lines_of(&t),
        [
            "某某某某某某某某ABCDEFGHIJKLMNOP",
            "某某某某某某某某局",
            "2024年政府信息公开工作年度报告"
        ]
    );
    // A closing bracket stays with what precedes it.
    let agency = "某某某某某某某某某某（某某某某）某某某某某某某某局";
    let lines = lines_of(&format!("{agency}2024年政府信息公开工作年度报告"));
    assert!(!lines[1].starts_with('）') && !lines[0].ends_with('（'), "{lines:?}");
}

#[test]
fn a_title_without_a_year_is_split_in_halves() {
    let t = "某".repeat(30);
    let lines = lines_of(&t);
    assert_eq!(lines, ["某".repeat(15), "某".repeat(15)]);
}

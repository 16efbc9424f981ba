//! R5 for cells left blank: the file was read, every other rule still runs (a blank
//! counts as 0, a blank total as derived), and each defect is said once — a column or a
//! row blank all along is one message, and a blank total says what it comes to.

use std::collections::BTreeMap;

use super::Context;
use crate::diag::{Diagnostic, Severity};
use crate::model::Blank;

/// At least this many blanks in one column (or row) of a table are one message.
const GROUP: usize = 3;

/// R5 for every blank cell of the report.
pub(super) fn r5(cx: &Context, out: &mut Vec<Diagnostic>) {
    let blanks = &cx.report.blanks;
    let mut done = vec![false; blanks.len()];
    // Columns blank in the same rows are one message: 「商业企业」「科研机构」…五列在 25 行中空白.
    let mut by_col: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
    for (i, b) in blanks.iter().enumerate() {
        if !b.col.is_empty() {
            by_col.entry((&b.table, &b.col)).or_default().push(i);
        }
    }
    let mut by_rows: BTreeMap<(&str, Vec<&str>), Vec<&str>> = BTreeMap::new();
    let mut col_members: BTreeMap<(&str, &str), &Vec<usize>> = BTreeMap::new();
    for ((table, col), members) in &by_col {
        if members.len() >= GROUP {
            let rows: Vec<&str> = members.iter().map(|&i| blanks[i].row.as_str()).collect();
            by_rows.entry((table, rows)).or_default().push(col);
            col_members.insert((table, col), members);
        }
    }
    for ((table, rows), cols) in &mut by_rows {
        // In the table's order, not the alphabet's.
        cols.sort_by_key(|c| col_members[&(*table, *c)][0]);
        let mut members: Vec<usize> =
            cols.iter().flat_map(|c| col_members[&(*table, *c)].iter().copied()).collect();
        members.sort_unstable();
        let names: String = cols.iter().map(|c| format!("「{c}」")).collect();
        let what = if cols.len() == 1 {
            format!("{names}列")
        } else {
            format!("{names} {} 列", cols.len())
        };
        out.push(group(
            blanks,
            &members,
            format!("{table}{what}在 {} 行中空白：按 0 计算；若为 0 请填 0", rows.len()),
        ));
        members.iter().for_each(|&i| done[i] = true);
    }
    // Rows blank in several cells.
    let mut by_row: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
    for (i, b) in blanks.iter().enumerate().filter(|(i, _)| !done[*i]) {
        by_row.entry((&b.table, &b.row)).or_default().push(i);
    }
    for ((table, row), members) in by_row.iter().filter(|(_, m)| m.len() >= GROUP) {
        out.push(group(
            blanks,
            members,
            format!("{table}「{row}」行有 {} 格空白：按 0 计算；若为 0 请填 0", members.len()),
        ));
        members.iter().for_each(|&i| done[i] = true);
    }
    for (_, b) in blanks.iter().enumerate().filter(|(i, _)| !done[*i]) {
        out.push(one(cx, b));
    }
}

/// One message for several blanks, every one of them labelled.
fn group(blanks: &[Blank], members: &[usize], message: String) -> Diagnostic {
    let mut d = Diagnostic::rule(Severity::Error, "R5", message)
        .at(blanks[members[0]].span, "空白")
        .help("空白不等于 0：没有的请填 0；确实不知道的数要问清再填");
    for &i in &members[1..] {
        d = d.also(blanks[i].span, "空白");
    }
    d
}

/// The message for one blank cell; a blank total says what it comes to.
fn one(cx: &Context, b: &Blank) -> Diagnostic {
    let col = if b.col.is_empty() { String::new() } else { format!("「{}」", b.col) };
    let derived = derived_total(cx, b);
    let message = match derived {
        Some(v) => format!("{}「{}」{col}空白：按各项应为 {v}", b.table, b.row),
        None => {
            format!("{}「{}」{col}是空的：按 0 计算；若为 0 请填 0（空白不等于 0）", b.table, b.row)
        }
    };
    let d = Diagnostic::rule(Severity::Error, "R5", message).at(b.span, "空白");
    match derived {
        Some(v) => d.help(format!("填 {v}，或删去这一格由 nianbao 自动合计")),
        None => d,
    }
}

/// The value a blank total comes to (its parts summed), if the blank is a total.
fn derived_total(cx: &Context, b: &Blank) -> Option<i64> {
    let six = cx.report.six()?;
    let a = &six.applications;
    for row in 0..a.cells.len() {
        for col in 0..a.cells[row].len() {
            if a.cells[row][col].is_some_and(|n| n.blank && n.span == b.span)
                && a.is_total(row, col)
            {
                return Some(a.value(row, col));
            }
        }
    }
    let r = &six.review;
    for g in 0..r.groups.len() {
        if r.groups[g][4].is_some_and(|n| n.blank && n.span == b.span) {
            return Some(r.value(g, 4));
        }
    }
    None
}

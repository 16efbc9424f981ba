//! Tables 二、三、四 of the 2019 and 2021 formats, mapped by the catalogue's labels.

use super::imported::Imported;
use super::label::key;
use super::tokens::{Entry, Hit, Tok, find_rows, value_like};
use super::value::Value;
use crate::format::common::{
    APP_COLUMNS, APP_TOTAL, APPLICANTS, CONTENT_HEADER, LEGAL_PERSONS, LITIGATION,
    LITIGATION_KINDS, RESULTS, REVIEW, REVIEW_COLUMNS, REVIEW_GROUPS, SECTIONS, proactive_row,
    section,
};
use crate::format::{FormatSpec, ItemGroup, ItemRowSpec, Json, ValueKind};

/// Maps the three tables from the stream of the part between sections 二 and 五.
pub fn map(toks: &[Tok], spec: &FormatSpec, out: &mut Imported) -> Vec<usize> {
    let mut used = Vec::new();
    let proactive_end = proactive(toks, spec, out, &mut used);
    let app_end = applications(toks, spec, out, proactive_end, &mut used);
    review(toks, out, app_end, &mut used);
    used
}

fn table_name(s: usize) -> String {
    SECTIONS[s].heading()
}

// ---------------------------------------------------------------------------- 二

fn proactive(toks: &[Tok], spec: &FormatSpec, out: &mut Imported, used: &mut Vec<usize>) -> usize {
    let rows: Vec<(&ItemGroup, &ItemRowSpec)> = spec.proactive_rows().collect();
    let mut entries: Vec<Entry> = rows
        .iter()
        .enumerate()
        .map(|(i, (g, r))| {
            let mut e = Entry::row(r.label, i, width(g, r));
            if r.key == "normative_documents" {
                e.aliases = vec![
                    proactive_row::NORMATIVE_2019.to_owned(),
                    proactive_row::NORMATIVE_2021.to_owned(),
                ];
            }
            e
        })
        .collect();
    for g in spec.proactive {
        entries.push(Entry::group(g.item));
    }
    entries.push(Entry::group(CONTENT_HEADER));
    let hits = find_rows(toks, &entries, |_, _| false);
    let name = table_name(section::PROACTIVE);
    let mut end = 0;
    for (i, (g, r)) in rows.iter().enumerate() {
        let key = format!("proactive.{}", r.key);
        let cols: Vec<&str> = g.columns.iter().map(|c| c.label).collect();
        let Some(hit) = hits.iter().find(|h| h.index == i) else {
            out.problem(
                format!("{name} {} {}", g.item, r.label),
                "表格里没有找到这一行，未读出：请按原报告填写",
            );
            out.figures.insert(key, vec![Value::Text(String::new()); cols.len()]);
            continue;
        };
        end = end.max(hit.values.last().copied().unwrap_or(hit.at) + 1);
        used.push(hit.at);
        used.extend(&hit.values);
        let order = header_order(toks, hit, g, out, &format!("{name} {}", g.item));
        let mut cells = vec![None; cols.len()];
        let mut extra = Vec::new();
        for (p, &v) in hit.values.iter().enumerate() {
            match order.get(p).copied().flatten() {
                Some(c) if cells[c].is_none() => cells[c] = Some(Value::read(&toks[v].text)),
                _ if toks[v].text.trim().is_empty() => {}
                _ => extra.push(toks[v].text.clone()),
            }
        }
        if !extra.is_empty() {
            out.problem(
                format!("{name} {}", r.label),
                format!("多出的单元格「{}」没有对应的列，未导入：请核对", extra.join("」「")),
            );
        }
        let mut values = Vec::new();
        for (c, cell) in cells.into_iter().enumerate() {
            let place = format!("{name} {} {}", r.label, cols[c]);
            let v = cell.unwrap_or_else(|| {
                out.problem(place.clone(), "这一格没有读到：请按原报告填写");
                Value::Text(String::new())
            });
            let v = check_unit(v, &g.columns[c], r, out, &place);
            note_doubt(&v, &place, out);
            values.push(v);
        }
        out.figures.insert(key, values);
    }
    end
}

/// Cells of a row of table 二 (the 2019 procurement row: count and amount).
fn width(g: &ItemGroup, r: &ItemRowSpec) -> usize {
    match r.json {
        Json::Scalar => 1,
        _ => g.columns.len(),
    }
}

/// Which column of its group each figure of a row is under: the header row (信息内容
/// and the column labels) printed before it, labels matched whole or, when the page cut
/// them short (「本年新」), by their beginning in the catalogue's order.
fn header_order(
    toks: &[Tok],
    hit: &Hit,
    g: &ItemGroup,
    out: &mut Imported,
    place: &str,
) -> Vec<Option<usize>> {
    let official: Vec<Option<usize>> = (0..g.columns.len()).map(Some).collect();
    let content = key(CONTENT_HEADER);
    let Some(h) = (0..hit.at).rev().find(|&i| key(&toks[i].text) == content) else {
        return official;
    };
    let row = toks[h].row;
    let mut header: Vec<&str> = Vec::new();
    let mut j = h + 1;
    if j < toks.len() && toks[j].row == row {
        while j < toks.len() && toks[j].row == row {
            header.push(&toks[j].text);
            j += 1;
        }
    } else {
        // One cell a line: the labels up to the row.
        while j < hit.at && !value_like(&toks[j].text) {
            header.push(&toks[j].text);
            j += 1;
        }
    }
    let mut order = Vec::new();
    let mut taken = vec![false; g.columns.len()];
    let mut truncated = false;
    for text in &header {
        let k = key(text);
        if k.is_empty() {
            order.push(None);
            continue;
        }
        let exact = g.columns.iter().enumerate().position(|(i, c)| !taken[i] && key(c.label) == k);
        let found = exact.or_else(|| {
            let c = g
                .columns
                .iter()
                .enumerate()
                .position(|(i, c)| !taken[i] && key(c.label).starts_with(&k));
            if c.is_some() {
                truncated = true;
            }
            c
        });
        if let Some(c) = found {
            taken[c] = true;
        }
        order.push(found);
    }
    if order.iter().all(Option::is_none) {
        return official;
    }
    if truncated {
        let note =
            format!("{place} 的表头被截短（「{}」），按官方表格的列顺序读取", header.join("」「"));
        if !out.notes.contains(&note) {
            out.notes.push(note);
        }
    }
    order
}

/// A unit printed in a money cell must be the column's; the procurement amount takes its
/// unit from
/// the cell.
fn check_unit(
    v: Value,
    col: &crate::format::ColSpec,
    row: &ItemRowSpec,
    out: &mut Imported,
    place: &str,
) -> Value {
    let Value::Number { text, unit: Some(unit) } = &v else { return v };
    if col.kind != ValueKind::Money {
        return v;
    }
    if row.unit {
        out.procurement_unit = Some(unit.clone());
        return v;
    }
    if col.label.contains(unit.as_str()) && !(unit == "元" && col.label.contains("万元")) {
        return v;
    }
    out.problem(
        place,
        format!("印着「{text}{unit}」，与表头的单位不同：已取 {text}，请换算后核对"),
    );
    Value::Annotated { text: text.clone(), rest: unit.clone() }
}

/// Lists a cell that holds words or a number with words.
pub fn note_doubt(v: &Value, place: &str, out: &mut Imported) {
    match v {
        Value::Annotated { text, rest } if !out.problems.iter().any(|p| p.place == place) => {
            out.problem(place, format!("单元格印着「{text}{rest}」：已取 {text}，请核对"));
        }
        Value::Text(t) if !t.is_empty() => {
            out.problem(place, format!("单元格印着「{t}」，不是数字：未读出，请按原报告填写"));
        }
        _ => {}
    }
}

// ---------------------------------------------------------------------------- 三

fn applications(
    toks: &[Tok],
    spec: &FormatSpec,
    out: &mut Imported,
    start: usize,
    used: &mut Vec<usize>,
) -> usize {
    let toks_after = &toks[start.min(toks.len())..];
    let mut entries: Vec<Entry> = spec
        .applications
        .iter()
        .enumerate()
        .map(|(i, r)| Entry::row(r.label, i, APP_COLUMNS.len()))
        .collect();
    let mut groups: Vec<&str> = spec.applications.iter().filter_map(|r| r.group).collect();
    groups.dedup();
    groups.push(RESULTS);
    for g in groups {
        entries.push(Entry::group(g));
    }
    let hits = find_rows(toks_after, &entries, |_, _| false);
    let name = table_name(section::APPLICATIONS);
    let first = hits.iter().map(|h| h.at).min().unwrap_or(toks_after.len());
    let order = app_order(&toks_after[..first], out, &name);
    let mut end = start;
    for (i, def) in spec.applications.iter().enumerate() {
        let key = format!("applications.{}", def.key);
        let row_label = def.label_in_results();
        let Some(hit) = hits.iter().find(|h| h.index == i) else {
            out.problem(
                format!("{name} {row_label}"),
                "表格里没有找到这一行，未读出：请按原报告填写",
            );
            out.figures.insert(key, vec![Value::Text(String::new()); APP_COLUMNS.len()]);
            continue;
        };
        end = end.max(start + hit.values.last().copied().unwrap_or(hit.at) + 1);
        used.push(start + hit.at);
        used.extend(hit.values.iter().map(|v| start + v));
        let mut cells: Vec<Option<Value>> = vec![None; APP_COLUMNS.len()];
        let mut extra = Vec::new();
        for (p, &v) in hit.values.iter().enumerate() {
            match order.get(p) {
                Some(&c) if cells[c].is_none() => cells[c] = Some(Value::read(&toks_after[v].text)),
                _ if toks_after[v].text.trim().is_empty() => {}
                _ => extra.push(toks_after[v].text.clone()),
            }
        }
        if !extra.is_empty() {
            out.problem(
                format!("{name} {row_label}"),
                format!("多出的单元格「{}」没有对应的列，未导入：请核对", extra.join("」「")),
            );
        }
        let mut values = Vec::new();
        for (c, cell) in cells.into_iter().enumerate() {
            let place =
                format!("{name} {row_label} · {}", crate::format::common::app_column_label(c));
            let v = cell.unwrap_or_else(|| {
                out.problem(place.clone(), "这一格没有读到：请按原报告填写");
                Value::Text(String::new())
            });
            note_doubt(&v, &place, out);
            values.push(v);
        }
        out.figures.insert(key, values);
    }
    end
}

/// The order of the seven columns of table 三 as printed: by the header cells' grid
/// columns when the table is a grid, otherwise in reading order with the organisations'
/// header standing for its five columns.
fn app_order(header: &[Tok], out: &mut Imported, name: &str) -> Vec<usize> {
    let official: Vec<usize> = (0..APP_COLUMNS.len()).collect();
    let leaf = |t: &Tok| APP_COLUMNS.iter().position(|(l, _)| key(l) == key(&t.text));
    let legal = key(LEGAL_PERSONS);
    let _ = APPLICANTS;
    // The last occurrence of each column label (a repeated header on a later page
    // repeats them all).
    let mut found: Vec<(usize, &Tok)> = Vec::new();
    for t in header {
        if let Some(c) = leaf(t)
            && !found.iter().any(|(x, _)| *x == c)
        {
            found.push((c, t));
        }
    }
    if found.len() < APP_COLUMNS.len() {
        if !found.is_empty() {
            out.notes.push(format!("{name} 的表头不全，按官方表格的列顺序读取"));
        }
        return official;
    }
    // A grid: distinct columns.
    let mut cols: Vec<(usize, usize)> = found.iter().map(|(c, t)| (t.col, *c)).collect();
    let grid = found.iter().all(|(_, t)| t.table.is_some())
        && found.iter().map(|(_, t)| t.table).collect::<std::collections::BTreeSet<_>>().len() == 1;
    cols.sort();
    let distinct = cols.windows(2).all(|w| w[0].0 != w[1].0);
    let order: Vec<usize> = if grid && distinct {
        cols.into_iter().map(|(_, c)| c).collect()
    } else {
        // Reading order, the organisation header standing for its columns.
        let mut seq: Vec<Option<usize>> = Vec::new();
        let mut orgs: Vec<usize> = Vec::new();
        for t in header {
            if key(&t.text) == legal {
                if !seq.contains(&None) {
                    seq.push(None);
                }
            } else if let Some(c) = leaf(t) {
                let is_org = (1..APP_TOTAL).contains(&c);
                if is_org && seq.contains(&None) {
                    if !orgs.contains(&c) {
                        orgs.push(c);
                    }
                } else if !seq.contains(&Some(c)) {
                    seq.push(Some(c));
                }
            }
        }
        seq.into_iter()
            .flat_map(|c| match c {
                Some(c) => vec![c],
                None => orgs.clone(),
            })
            .collect()
    };
    if order.len() != APP_COLUMNS.len() {
        out.notes.push(format!("{name} 的表头无法对应，按官方表格的列顺序读取"));
        return official;
    }
    if order != official {
        out.notes.push(format!(
            "{name} 的列顺序与官方表格不同（{}），已按表头逐列对应",
            order.iter().map(|&c| APP_COLUMNS[c].0).collect::<Vec<_>>().join("、")
        ));
    }
    order
}

// ---------------------------------------------------------------------------- 四

fn review(toks: &[Tok], out: &mut Imported, start: usize, used: &mut Vec<usize>) {
    let name = table_name(section::REVIEW);
    let labels: Vec<String> = REVIEW_COLUMNS
        .iter()
        .chain(&[REVIEW, LITIGATION])
        .chain(LITIGATION_KINDS.iter())
        .map(|l| key(l))
        .collect();
    let rest = &toks[start.min(toks.len())..];
    let header_end = rest.iter().rposition(|t| labels.contains(&key(&t.text)));
    let mut values: Vec<usize> = Vec::new();
    if let Some(h) = header_end {
        let mut j = h + 1;
        // The figures: the cells after the header, up to the first words.
        while j < rest.len() && values.len() < 15 && value_like(&rest[j].text) {
            // Padding of a flattened page: an empty cell in the header's last row.
            if !(rest[j].row == rest[h].row && rest[j].text.trim().is_empty()) {
                values.push(j);
            }
            j += 1;
        }
    }
    used.extend(values.iter().map(|v| start + v));
    for (g, group) in REVIEW_GROUPS.iter().enumerate() {
        let mut cells = Vec::new();
        for (c, col) in REVIEW_COLUMNS.iter().enumerate() {
            let place = format!("{name} {} · {col}", group.label);
            let v = match values.get(g * REVIEW_COLUMNS.len() + c) {
                Some(&i) => Value::read(&rest[i].text),
                None => {
                    out.problem(place.clone(), "这一格没有读到：请按原报告填写");
                    Value::Text(String::new())
                }
            };
            note_doubt(&v, &place, out);
            cells.push(v);
        }
        out.figures.insert(format!("review_litigation.{}", group.key), cells);
    }
    if let Some(h) = header_end {
        used.push(start + h);
    }
}

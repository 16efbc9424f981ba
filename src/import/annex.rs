//! The 附表 of the 2008 format, mapped by the catalogue's row labels: a label, perhaps
//! its note in brackets on the next line, its unit, its figure.

use super::imported::Imported;
use super::label::key;
use super::six::note_doubt;
use super::tokens::{Entry, Tok, find_rows};
use super::value::Value;
use crate::format::f2008::{ANNEX, ANNEX_HEADER, ANNEX_NAME, ANNEX_TITLE, AnnexUnit};

/// Maps the 附表 from the stream; returns the positions used.
pub fn map(toks: &[Tok], out: &mut Imported) -> Vec<usize> {
    let mut entries = Vec::new();
    for (i, row) in ANNEX.iter().enumerate() {
        if row.key.is_empty() {
            entries.push(Entry::group(row.label));
        } else {
            entries.push(Entry::row(row.label, i, 1));
        }
    }
    for h in ANNEX_HEADER {
        entries.push(Entry::group(h));
    }
    entries.push(Entry::group(ANNEX_TITLE));
    let skip = |e: &Entry, text: &str| {
        let t = text.trim();
        let unit = match e.target {
            super::tokens::Target::Row(i) => ANNEX[i].unit.label(),
            super::tokens::Target::Group => "",
        };
        t == unit
            || t == AnnexUnit::Group.label()
            || ((t.starts_with('（') || t.starts_with('('))
                && (t.ends_with('）') || t.ends_with(')'))
                && Value::read(t).number().is_none())
    };
    let hits = find_rows(toks, &entries, skip);
    let mut used = Vec::new();
    for (i, row) in ANNEX.iter().enumerate() {
        if row.key.is_empty() {
            continue;
        }
        let place = format!("{ANNEX_NAME} {}", row.label);
        let figure_key = format!("statistics.{}", row.key);
        let Some(hit) = hits.iter().find(|h| h.index == i) else {
            out.problem(place, "附表里没有找到这一项，未读出：请按原报告填写");
            out.figures.insert(figure_key, vec![Value::Text(String::new())]);
            continue;
        };
        used.push(hit.at);
        used.extend(&hit.values);
        let mut cells: Vec<Value> = hit
            .values
            .iter()
            .map(|&v| Value::read(&toks[v].text))
            .filter(|v| *v != Value::Blank)
            .collect();
        let v = match cells.len() {
            0 => Value::Blank,
            1 => cells.remove(0),
            _ => {
                out.problem(
                    place.clone(),
                    format!(
                        "这一项后面有 {} 个数「{}」：已取第一个，请核对",
                        cells.len(),
                        hit.values
                            .iter()
                            .map(|&v| toks[v].text.as_str())
                            .collect::<Vec<_>>()
                            .join("」「")
                    ),
                );
                cells.remove(0)
            }
        };
        let v = match (&v, row.unit) {
            (Value::Number { text, unit: Some(u) }, AnnexUnit::Money) if u != "万元" => {
                out.problem(
                    place.clone(),
                    format!("印着「{text}{u}」，附表的单位是万元：已取 {text}，请换算后核对"),
                );
                Value::Annotated { text: text.clone(), rest: u.clone() }
            }
            _ => v,
        };
        note_doubt(&v, &place, out);
        out.figures.insert(figure_key, vec![v]);
    }
    let _ = key;
    used
}

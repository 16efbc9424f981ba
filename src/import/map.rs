//! From a published report's blocks to an [`Imported`] report: the format recognised by
//! its labels, the parts found by their headings, the tables mapped by their labels, the
//! title, agency, year and dates read from the front and the end.

use std::collections::{BTreeMap, BTreeSet};

use super::document::{Block, Published, Unreadable};
use super::imported::Imported;
use super::label::key;
use super::narrative::{
    blocks, date_of, is_page_noise, is_part_heading, is_portal_text, part_title,
};
use super::tokens::stream;
use super::{annex, six};
use crate::format::common::{SECTIONS, section};
use crate::format::{FORMATS, Format, FormatSpec};
use crate::model::{Date, Level};
use crate::scaffold::Narr;

/// Maps a published report.
pub fn map(p: &Published, hint: Option<Format>) -> Result<Imported, Unreadable> {
    let format = match hint {
        Some(f) => f,
        None => recognise(p)?,
    };
    let spec = format.spec();
    let parts = part_list(spec);
    let paras: Vec<Option<&str>> = p
        .blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(t) => Some(t.as_str()),
            Block::Table(_) => None,
        })
        .collect();
    // The part headings, in order; a part not found is skipped.
    let mut heads: Vec<Option<usize>> = vec![None; parts.len()];
    let mut from = 0;
    for (n, (_, title)) in parts.iter().enumerate() {
        let title = if spec.parts.is_empty() { Some(*title) } else { None };
        if let Some(i) = (from..paras.len())
            .find(|&i| paras[i].is_some_and(|t| is_part_heading(t, n + 1, title)))
        {
            heads[n] = Some(i);
            from = i + 1;
        }
    }
    let found: Vec<usize> = heads.iter().flatten().copied().collect();
    let Some(&first) = found.first() else {
        return Err(Unreadable(
            "认出了官方表格，但没有找到「一、总体情况」这样带编号的部分标题：无法区分正文的各个部分".into(),
        ));
    };
    let mut out = Imported {
        format,
        year: 0,
        agency: None,
        level: Level::Department,
        issuing_office: None,
        publication_date: None,
        figures: BTreeMap::new(),
        procurement_unit: None,
        information_fees: None,
        preface: Vec::new(),
        parts: BTreeMap::new(),
        headings: BTreeMap::new(),
        proactive_remarks: Vec::new(),
        remarks: Vec::new(),
        problems: Vec::new(),
        notes: Vec::new(),
        embedded: false,
    };
    // The end of each part: the next heading found, or the end of the report.
    let end_of = |n: usize| -> usize {
        heads[n + 1..].iter().flatten().next().copied().unwrap_or(p.blocks.len())
    };
    // The signature and page noise at the end.
    let mut last = p.blocks.len();
    let mut signature: Vec<&str> = Vec::new();
    while last > first + 1 {
        match paras[last - 1] {
            Some(t) if is_portal_text(t) => last -= 1,
            Some(t) if signature.len() < 3 && (date_of(t).is_some() || is_name(t)) => {
                signature.push(t);
                last -= 1;
            }
            _ => break,
        }
    }
    front(&paras[..first], &mut out);
    for t in &signature {
        match date_of(t) {
            Some(d) if out.publication_date.is_none() => out.publication_date = Some(d),
            Some(_) => {}
            None if out.agency.is_none() => out.agency = Some(t.trim().to_owned()),
            None => {}
        }
    }
    let text_of = |range: std::ops::Range<usize>| -> Vec<String> {
        range.filter_map(|i| paras[i]).filter(|t| !is_page_noise(t)).map(str::to_owned).collect()
    };
    if spec.parts.is_empty() {
        // 2019, 2021: 一、五、六 are narrative; 二 to 四 the tables.
        let start =
            heads[section::PROACTIVE].map_or_else(|| first_table(p).unwrap_or(first), |h| h + 1);
        let stop =
            heads[section::PROBLEMS..].iter().flatten().next().copied().unwrap_or(last).min(last);
        let toks = stream(&p.blocks, start..stop.max(start));
        let used: BTreeSet<usize> = six::map(&toks, spec, &mut out).into_iter().collect();
        leftovers(&toks, &used, &heads, spec, &mut out);
        money_unit(spec, &mut out);
        for (n, (key, _)) in parts.iter().enumerate() {
            if ![section::OVERVIEW, section::PROBLEMS, section::OTHER_MATTERS].contains(&n) {
                continue;
            }
            let Some(h) = heads[n] else {
                out.notes.push(format!("没有找到「{}」这一部分，正文留空", SECTIONS[n].heading()));
                continue;
            };
            let mut text = text_of(h + 1..end_of(n).min(last));
            if n == section::OTHER_MATTERS {
                text = other_matters(text, spec, &mut out);
            }
            text.retain(|t| !is_nothing(t));
            out.parts.insert(key, blocks(&text));
        }
    } else {
        let annex_part = parts.len() - 1;
        let start = heads[annex_part].map_or(0, |h| h + 1);
        let toks = stream(&p.blocks, start..last);
        let used: BTreeSet<usize> = annex::map(&toks, &mut out).into_iter().collect();
        // Paragraphs after the 附表's figures are its remarks.
        let after = used.iter().max().copied().unwrap_or(0);
        for (i, t) in toks.iter().enumerate() {
            if t.table.is_none() && i > after && !used.contains(&i) && !is_page_noise(&t.text) {
                out.remarks.push(Narr::Para(t.text.clone()));
            }
        }
        for (n, (key, default)) in parts.iter().enumerate().take(annex_part) {
            let Some(h) = heads[n] else {
                out.notes.push(format!(
                    "没有找到第{}部分的标题，这一部分留空",
                    crate::format::numbering::chinese_numeral(n + 1)
                ));
                continue;
            };
            if let Some(Some(t)) = paras.get(h) {
                let title = part_title(t);
                if key_of(&title) != key_of(default) {
                    out.headings.insert(key, title);
                }
            }
            let mut text = text_of(h + 1..end_of(n).min(last));
            text.retain(|t| !is_nothing(t));
            out.parts.insert(key, blocks(&text));
        }
    }
    settle(&mut out, spec);
    Ok(out)
}

fn key_of(s: &str) -> String {
    key(s)
}

/// A part's only text saying there is nothing to report (nianbao prints 「无。」 for a
/// part left empty).
fn is_nothing(t: &str) -> bool {
    matches!(t.trim(), "无" | "无。")
}

/// The parts of a format: YAML key and title.
fn part_list(spec: &FormatSpec) -> Vec<(&'static str, &'static str)> {
    if spec.parts.is_empty() {
        const KEYS: [&str; 6] = [
            "overview",
            "proactive",
            "applications",
            "review_litigation",
            "problems",
            "other_matters",
        ];
        KEYS.iter().zip(&SECTIONS).map(|(k, s)| (*k, s.title)).collect()
    } else {
        spec.parts.iter().map(|(k, s)| (*k, s.title)).collect()
    }
}

fn first_table(p: &Published) -> Option<usize> {
    p.blocks.iter().position(|b| matches!(b, Block::Table(_)))
}

/// The format whose own labels the report prints most.
fn recognise(p: &Published) -> Result<Format, Unreadable> {
    let mut seen: BTreeSet<String> = BTreeSet::new();
    for b in &p.blocks {
        match b {
            Block::Paragraph(t) if t.chars().count() <= 60 => {
                seen.insert(key(t));
            }
            Block::Table(t) => seen.extend(t.cells.iter().map(|c| key(&c.text))),
            Block::Paragraph(_) => {}
        }
    }
    let labels = |s: &FormatSpec| -> BTreeSet<String> {
        let mut l: BTreeSet<String> = BTreeSet::new();
        for g in s.proactive {
            l.extend(g.columns.iter().map(|c| key(c.label)));
            l.extend(g.rows.iter().map(|r| key(r.label)));
        }
        l.extend(s.applications.iter().map(|r| key(r.label)));
        l.extend(s.annex.iter().map(|r| key(r.label)));
        l
    };
    let all: Vec<(Format, BTreeSet<String>)> =
        FORMATS.iter().map(|s| (s.format, labels(s))).collect();
    let mut best: Option<(usize, Format)> = None;
    for (f, own) in &all {
        let others: BTreeSet<&String> =
            all.iter().filter(|(g, _)| g != f).flat_map(|(_, l)| l.iter()).collect();
        let score = own
            .iter()
            .filter(|l| !others.contains(l))
            .filter(|l| {
                seen.contains(*l) || seen.iter().any(|s| s.len() >= 6 && l.starts_with(s.as_str()))
            })
            .count();
        if score > 0 && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, *f));
        }
    }
    best.map(|(_, f)| f).ok_or_else(|| {
        Unreadable(
            format!(
                "没有找到政府信息公开工作年度报告的官方表格（如「{}」「{}」或附表的统计指标）：这不像是一份年度报告，或表格是图片",
                crate::format::common::item::DOCUMENTS,
                FORMATS[0].applications.first().map_or("", |r| r.label)
            ),
        )
    })
}

/// Title, byline, date and preface: the paragraphs before the first part.
fn front(paras: &[Option<&str>], out: &mut Imported) {
    let mut texts: Vec<&str> =
        paras.iter().flatten().copied().filter(|t| !is_page_noise(t)).collect();
    // What a portal page prints before the title (menus, links) is not the report's; a
    // date there is.
    let is_title = |t: &str| {
        (t.contains("年度报告") || t.contains("政府信息公开") && t.ends_with("报告"))
            && t.chars().count() <= 60
            && !t.contains(['。', '>'])
    };
    if let Some(title) = texts.iter().position(|t| is_title(t)) {
        // The agency on the line before a title that starts with its year.
        let keep_from = if title > 0 && starts_with_year(texts[title]) && is_name(texts[title - 1])
        {
            title - 1
        } else {
            title
        };
        for t in &texts[..keep_from] {
            if let Some(d) = date_of(t) {
                out.publication_date.get_or_insert(d);
            }
        }
        texts.drain(..keep_from);
    }
    let mut rest: Vec<&str> = Vec::new();
    let mut title_done = false;
    let mut title_text = String::new();
    let mut i = 0;
    while i < texts.len() {
        let t = texts[i];
        if title_done && out.agency.is_some() && key(t) == key(&title_text) {
            // The title printed twice (a portal's heading and the report's own).
        } else if !title_done
            && t.contains("年度报告")
            && t.chars().count() <= 60
            && !t.contains('。')
        {
            // A title broken over two lines: the agency on the line before.
            let mut title = t.to_owned();
            if let Some(prev) = rest.last()
                && starts_with_year(t)
                && is_name(prev)
            {
                title = format!("{prev}{t}");
                rest.pop();
            }
            read_title(&title, out);
            title_text = title;
            title_done = true;
        } else if let Some(d) = date_of(t) {
            out.publication_date.get_or_insert(d);
        } else if title_done && out.issuing_office.is_none() && rest.is_empty() && is_name(t) {
            out.issuing_office = Some(t.trim().to_owned());
        } else {
            rest.push(t);
        }
        i += 1;
    }
    // A report's own preface (「编制说明：」 kept as written).
    out.preface = rest.iter().map(|t| Narr::Para((*t).to_owned())).collect();
}

fn starts_with_year(t: &str) -> bool {
    t.chars().take(4).all(|c| c.is_ascii_digit()) && t.chars().nth(4) == Some('年')
}

/// A short line that is a name (an agency, an office): no sentence punctuation.
fn is_name(t: &str) -> bool {
    let t = t.trim();
    let n = t.chars().count();
    (2..=30).contains(&n)
        && !t.contains(['。', '，', ',', '：', ':', '；'])
        && (t.ends_with('局')
            || t.ends_with("委员会")
            || t.ends_with("政府")
            || t.ends_with("办公室")
            || t.ends_with("办公厅")
            || t.ends_with('委')
            || t.ends_with('厅')
            || t.ends_with('院')
            || t.ends_with('处')
            || t.ends_with('署')
            || t.ends_with('部')
            || t.ends_with("中心")
            || t.ends_with("街道办事处")
            || t.ends_with('区')
            || t.ends_with('县')
            || t.ends_with('市')
            || t.ends_with('镇')
            || t.ends_with('乡'))
}

/// 「某某局2022年政府信息公开工作年度报告」: agency and year.
fn read_title(title: &str, out: &mut Imported) {
    let t: String = title.chars().filter(|c| !c.is_whitespace()).collect();
    let Some(pos) = t.find("政府信息公开") else { return };
    let head = &t[..pos];
    let head = head.strip_suffix("年度").or_else(|| head.strip_suffix('年')).unwrap_or(head);
    let digits = head.chars().rev().take_while(char::is_ascii_digit).count();
    if digits == 4 {
        let split = head.len() - 4;
        if let Ok(y) = head[split..].parse::<i32>() {
            out.year = y;
        }
        let agency = head[..split].trim_end_matches(['（', '(']).trim();
        if !agency.is_empty() {
            out.agency = Some(agency.to_owned());
        }
    }
}

/// Section 六: nianbao's own sentence on the 信息处理费 read back into its figures.
fn other_matters(text: Vec<String>, spec: &FormatSpec, out: &mut Imported) -> Vec<String> {
    if !spec.reports_fees {
        return text;
    }
    let mut kept = Vec::new();
    for t in text {
        if t == "本年度未发出信息处理费收费通知，未收取信息处理费。" {
            out.information_fees = Some(["0".into(), "0".into(), "0".into()]);
            continue;
        }
        if let Some(rest) =
            t.strip_prefix("本年度依据《政府信息公开信息处理费管理办法》发出收费通知")
            && let Some((n, rest)) = rest.split_once("件，通知金额共计")
            && let Some((amount, rest)) = rest.split_once("元，实际收取信息处理费")
            && let Some(collected) = rest.strip_suffix("元。")
            && [n, amount, collected]
                .iter()
                .all(|v| super::value::Value::read(v).number().is_some())
        {
            out.information_fees = Some([n.to_owned(), amount.to_owned(), collected.to_owned()]);
            continue;
        }
        kept.push(t);
    }
    kept
}

/// Paragraphs among the tables: nianbao's note on the procurement unit, notes under
/// table 二 and table 四.
fn leftovers(
    toks: &[super::tokens::Tok],
    used: &BTreeSet<usize>,
    heads: &[Option<usize>],
    spec: &FormatSpec,
    out: &mut Imported,
) {
    let note = spec.proactive_note.and_then(|n| n.split_once("{}"));
    let review_head = heads[section::REVIEW];
    let applications_head = heads[section::APPLICATIONS];
    let mut review_notes = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if t.table.is_some() || used.contains(&i) || is_page_noise(&t.text) {
            continue;
        }
        if heads.contains(&Some(t.block)) {
            continue;
        }
        if let Some((pre, post)) = note
            && let Some(unit) = t.text.strip_prefix(pre).and_then(|r| r.strip_suffix(post))
        {
            out.procurement_unit.get_or_insert_with(|| unit.to_owned());
            continue;
        }
        if review_head.is_some_and(|h| t.block > h) {
            review_notes.push(t.text.clone());
        } else if applications_head.is_none_or(|h| t.block < h) {
            out.proactive_remarks.push(Narr::Para(t.text.clone()));
        } else {
            out.notes.push(format!("表格之间的文字未导入：「{}」", t.text));
        }
    }
    if let Some(first) = review_notes.first_mut()
        && let Some(r) = first.strip_prefix("注：").or_else(|| first.strip_prefix("注:"))
    {
        *first = r.to_owned();
    }
    out.remarks = review_notes.into_iter().filter(|t| !t.is_empty()).map(Narr::Para).collect();
}

/// The procurement amount printed without a unit (2019 format): the unit is a guess,
/// listed.
fn money_unit(spec: &FormatSpec, out: &mut Imported) {
    let Some((g, r)) = spec.proactive_rows().find(|(_, r)| r.unit) else { return };
    if out.procurement_unit.is_some() {
        return;
    }
    let key = format!("proactive.{}", r.key);
    let Some(amount) = out.figures.get(&key).and_then(|v| v.last()).and_then(|v| v.number()) else {
        return;
    };
    // Six or more digits before the point are yuan: no agency buys for a million 万元.
    let whole = amount.split('.').next().unwrap_or("").trim_start_matches(['+', '-']);
    let unit = if whole.len() >= 6 { "元" } else { "万元" };
    out.procurement_unit = Some(unit.to_owned());
    let col = g.columns.last().map_or("", |c| c.label);
    out.problem(
        format!("{} {} {col}", SECTIONS[section::PROACTIVE].heading(), r.label),
        format!("原报告没有写单位（{amount}）：暂按「{unit}」填写，请核对 unit"),
    );
}

/// Year, agency and level settled, and what is missing listed.
fn settle(out: &mut Imported, spec: &FormatSpec) {
    if out.year == 0 {
        let from_text =
            out.preface.iter().chain(out.parts.get("overview").into_iter().flatten()).find_map(
                |b| match b {
                    Narr::Para(t) => year_in(t),
                    Narr::Headed(..) => None,
                },
            );
        match (from_text, out.publication_date) {
            (Some(y), _) => {
                out.year = y;
                out.notes.push(format!("标题里没有年度，按正文取 {y} 年"));
            }
            (None, Some(d)) => {
                out.year = d.year - 1;
                out.notes.push(format!("标题里没有年度，按发布日期取 {} 年", d.year - 1));
            }
            (None, None) => {
                out.year = i32::try_from(*spec.years.start()).unwrap_or(2021).max(2008);
                out.problem(
                    "报告年度",
                    format!("没有读出报告年度，暂填 {}：请改为实际年度", out.year),
                );
            }
        }
    }
    if out.agency.is_none() {
        out.problem("机关名称", "标题和落款里都没有机关名称：请在 agency.name 填写机关全称");
    }
    if out.publication_date.is_none() {
        out.problem("发布日期", "没有读出发布日期：请在 publication_date 填写");
    }
    if let Some(name) = &out.agency {
        out.level = level_of(name);
    }
    let _ = Date::new;
}

/// The first 「YYYY年」 of a text that is a plausible report year.
fn year_in(t: &str) -> Option<i32> {
    let b = t.as_bytes();
    (0..b.len().saturating_sub(4)).find_map(|i| {
        let y = t.get(i..i + 4)?;
        (y.bytes().all(|c| c.is_ascii_digit())
            && t[i + 4..].starts_with('年')
            && (i == 0 || !b[i - 1].is_ascii_digit()))
        .then(|| y.parse().ok())
        .flatten()
        .filter(|y| (2008..=2100).contains(y))
    })
}

/// The level an agency's name tells.
fn level_of(name: &str) -> Level {
    if name.ends_with('镇') || name.ends_with('乡') || name.contains("街道") {
        Level::Township
    } else if (name.ends_with("人民政府") && !name.contains("办公"))
        || name.ends_with('区')
        || name.ends_with('县')
        || (name.ends_with('市') && !name.contains('局'))
    {
        Level::Government
    } else {
        Level::Department
    }
}

//! `nianbao schema`: the JSON Schema (draft-07) of the input, for editors.

use schemars::generate::SchemaSettings;
use serde_json::Value;

use super::old::Input2008;
use super::report::{Input2019, Input2021};
use crate::format::common::{
    APP_COLUMNS, APP_TOTAL, RESULTS, REVIEW_COLUMNS, REVIEW_GROUPS, REVIEW_TOTAL, SECTIONS, section,
};
use crate::format::{Format, FormatSpec, Json, RowKind, ValueKind, f2008};

/// The schema of both formats: a file must match one of them.
pub fn json_schema() -> Value {
    let generator = SchemaSettings::draft07().into_generator();
    let mut generator = generator;
    let s2021 = generator.subschema_for::<Input2021>();
    let s2019 = generator.subschema_for::<Input2019>();
    let s2008 = generator.subschema_for::<Input2008>();
    let mut root = serde_json::json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "https://nianbao.invalid/schema/report.json",
        "title": "政府信息公开工作年度报告（nianbao 输入文件）",
        "description": "一个机关一年的政府信息公开工作年度报告。2021 年及以后用 2021 格式，2019、2020 年用 2019 格式，2008 至 2018 年用 2008 格式（旧《条例》：正文各部分加附表）。",
        "anyOf": [s2021, s2019, s2008],
    });
    let defs = generator.take_definitions(true);
    root["definitions"] = Value::Object(defs);
    describe_tables(&mut root);
    drop_pointers(&mut root);
    root
}

/// Sets the descriptions of the table keys from the catalogue, so that the labels in
/// an editor's hints are the official ones and are written only there.
fn describe_tables(root: &mut Value) {
    let refs: Vec<String> = root["anyOf"]
        .as_array()
        .map(|a| a.iter().filter_map(|r| r["$ref"].as_str().map(str::to_owned)).collect())
        .unwrap_or_default();
    let specs = [Format::F2021.spec(), Format::F2019.spec(), Format::F2008.spec()];
    for (r, spec) in refs.iter().zip(specs) {
        describe_def(root, r, "", spec);
    }
}

/// The name of the definition a property refers to (`$ref`, or `allOf: [$ref]`).
fn def_name(prop: &Value) -> Option<String> {
    let r = prop["$ref"].as_str().or_else(|| prop["allOf"][0]["$ref"].as_str())?;
    r.strip_prefix("#/definitions/").map(str::to_owned)
}

fn describe_def(root: &mut Value, reference: &str, prefix: &str, spec: &'static FormatSpec) {
    let Some(name) = reference.strip_prefix("#/definitions/") else { return };
    let props: Vec<(String, Option<String>)> =
        match root["definitions"][name]["properties"].as_object() {
            Some(p) => p.iter().map(|(k, v)| (k.clone(), def_name(v))).collect(),
            None => return,
        };
    for (key, child) in props {
        let path = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
        if let Some(text) = describe(spec, &path) {
            root["definitions"][name]["properties"][&key]["description"] = Value::from(text);
        }
        if let Some(child) = child {
            describe_def(root, &format!("#/definitions/{child}"), &path, spec);
        }
    }
}

/// The description of a key of the 2008 format at `path`: the parts, their headings and
/// the items of the 附表, from the catalogue.
fn describe_annexed(spec: &'static FormatSpec, path: &str) -> Option<String> {
    let part = |key: &str| spec.parts.iter().find(|(k, _)| *k == key).map(|(_, s)| s);
    let (top, rest) = path.split_once('.').map_or((path, None), |(a, b)| (a, Some(b)));
    match (top, rest) {
        ("headings", Some(key)) => {
            let s = part(key)?;
            let n = s.number.trim_end_matches('、');
            Some(format!("第{n}部分的标题（不写编号），不写时为「{}」。", s.title))
        }
        ("statistics", None) => Some(format!(
            "{}（{}）：每项写一个数，没有的填 0；金额单位为万元。",
            part("annex")?.heading(),
            f2008::ANNEX_TITLE
        )),
        ("statistics", Some(key)) => {
            let label = |k: &str| f2008::annex_row(k).map(|r| r.label);
            if let Some(row) = f2008::annex_row(key) {
                let sums: Vec<&str> = row.sum_of.iter().filter_map(|k| label(k)).collect();
                let sums = if sums.is_empty() {
                    String::new()
                } else {
                    format!("，等于 {} 之和", sums.join(" + "))
                };
                return Some(format!("{}（单位：{}）{sums}。", row.label, row.unit.label()));
            }
            // A group: the group row over it, or else its first item.
            let first = spec.annex.iter().position(|r| r.key.starts_with(&format!("{key}.")))?;
            let over = first.checked_sub(1).map(|i| &spec.annex[i]).filter(|r| r.key.is_empty());
            Some(format!("{}。", over.unwrap_or(&spec.annex[first]).label))
        }
        (key, None) => part(key).map(|s| format!("{}（可选；不写时印“无”）。", s.heading())),
        _ => None,
    }
}

/// The description of a table key at `path` (dotted, from the top of the file).
fn describe(spec: &'static FormatSpec, path: &str) -> Option<String> {
    if !spec.annex.is_empty() {
        return describe_annexed(spec, path);
    }
    let heading = |i: usize| SECTIONS[i].heading();
    let (top, rest) = path.split_once('.').map_or((path, None), |(a, b)| (a, Some(b)));
    match (top, rest) {
        ("overview", None) => Some(format!(
            "{}：主动公开、依申请公开、政府信息管理、平台建设、监督保障等。",
            heading(section::OVERVIEW)
        )),
        ("problems", None) => Some(format!("{}。", heading(section::PROBLEMS))),
        ("other_matters", None) => Some(format!("{}。", heading(section::OTHER_MATTERS))),
        ("proactive", None) => Some(format!("{}。", heading(section::PROACTIVE))),
        ("proactive", Some(rest)) => {
            let (key, field) = rest.split_once('.').map_or((rest, None), |(a, b)| (a, Some(b)));
            let (group, row) = spec.proactive_rows().find(|(_, r)| r.key == key)?;
            let cols: Vec<&str> = group.columns.iter().map(|c| c.label).collect();
            match (field, row.json) {
                (None, Json::Array) => {
                    Some(format!("{} {}：[{}]。", group.item, row.label, cols.join(", ")))
                }
                (None, Json::Scalar) => {
                    Some(format!("{} {}：{}。", group.item, row.label, cols[0]))
                }
                (None, Json::Object(_)) => Some(format!("{} {}。", group.item, row.label)),
                (Some("unit"), _) => {
                    Some(format!("{}的单位：万元 或 元。", cols.last().copied().unwrap_or("")))
                }
                (Some(f), Json::Object(keys)) => {
                    let i = keys.iter().position(|k| *k == f)?;
                    let unit = if row.unit && group.columns[i].kind == ValueKind::Money {
                        "（数字，单位见 unit）"
                    } else {
                        ""
                    };
                    Some(format!("{}{unit}。", cols[i]))
                }
                _ => None,
            }
        }
        ("applications", None) => Some(format!(
            "{}。每行依次为：{}，可再加{}。",
            heading(section::APPLICATIONS),
            APP_COLUMNS[..APP_TOTAL].iter().map(|c| c.0).collect::<Vec<_>>().join("、"),
            APP_COLUMNS[APP_TOTAL].0
        )),
        ("applications", Some("results")) => Some(format!("{RESULTS}。")),
        ("applications", Some(key)) => {
            if let Some(row) = spec.applications.iter().find(|r| r.key == key) {
                return Some(match row.kind {
                    RowKind::Total => {
                        format!("{}（可选：不写时自动合计，写了则核对）。", row.label)
                    }
                    _ => format!("{}。", row.label),
                });
            }
            let group = format!("{key}.");
            let row = spec.applications.iter().find(|r| r.key.starts_with(&group))?;
            row.group.map(|g| format!("{g}。"))
        }
        ("review_litigation", None) => Some(format!(
            "{}。每组依次为：{}，可再加{}。",
            heading(section::REVIEW),
            REVIEW_COLUMNS[..REVIEW_TOTAL].join("、"),
            REVIEW_COLUMNS[REVIEW_TOTAL]
        )),
        ("review_litigation", Some(key)) => REVIEW_GROUPS
            .iter()
            .find(|g| g.key == key)
            .map(|g| format!("{}。", g.label.replace('—', " — "))),
        _ => None,
    }
}

/// The mirror's doc comment on table types and keys only points at the catalogue; what
/// the catalogue did not replace is dropped rather than shown to the user.
const POINTER: &str = "说明取自格式目录（src/format）。";

fn drop_pointers(v: &mut Value) {
    match v {
        Value::Object(map) => {
            if map.get("description").and_then(Value::as_str) == Some(POINTER) {
                map.remove("description");
            }
            map.values_mut().for_each(drop_pointers);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_pointers),
        _ => {}
    }
}

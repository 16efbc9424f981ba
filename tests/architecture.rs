//! The shape of the code: dependencies point one way along the pipeline, and every
//! official label is written in one catalogue file.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use nianbao::format::{FORMATS, common, f2008};

use crate::support::root;

/// The top-level modules in pipeline order: a module may use only those before it.
const ORDER: &[&str] = &[
    "source", "files", "diag", "units", "format", "fonts", "input", "model", "rules", "doc",
    "build", "layout", "write", "scaffold", "import", "load", "pipeline", "batch", "cli",
];

fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(&p, ext, out);
        } else if p.extension().is_some_and(|e| e == ext) {
            out.push(p);
        }
    }
}

/// The top-level module a source file belongs to (`src/model/lower/mod.rs` → `model`).
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap();
    let first = rel.components().next().unwrap().as_os_str().to_string_lossy().into_owned();
    first.trim_end_matches(".rs").to_owned()
}

/// Every `crate::name` the file mentions.
fn crate_refs(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (i, _) in text.match_indices("crate::") {
        let before = text[..i].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let rest = &text[i + "crate::".len()..];
        let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        if !name.is_empty() {
            out.insert(name);
        }
    }
    out
}

// Dependencies point one way: input → model → rules → build → layout → write, and the
// command line on top. A module that reaches forward (say the model into the rules)
// fails here with the file and the edge.
#[test]
fn modules_depend_along_the_pipeline() {
    let src = root().join("src");
    let mut all = Vec::new();
    files(&src, "rs", &mut all);
    let rank = |m: &str| ORDER.iter().position(|o| *o == m);
    let mut wrong = Vec::new();
    for file in &all {
        let module = module_of(&src, file);
        if module == "lib" || module == "main" {
            continue;
        }
        let own = rank(&module).unwrap_or_else(|| panic!("{module} is not in ORDER"));
        let text = std::fs::read_to_string(file).unwrap();
        for used in crate_refs(&text) {
            match rank(&used) {
                Some(r) if r > own => wrong.push(format!("{} → {used}", file.display())),
                None => wrong.push(format!("{}: unknown module crate::{used}", file.display())),
                _ => {}
            }
        }
    }
    assert!(wrong.is_empty(), "dependencies against the pipeline:\n{}", wrong.join("\n"));
}

/// Every official label of every format, from the catalogue.
fn labels() -> BTreeSet<&'static str> {
    let mut out = BTreeSet::new();
    for s in &common::SECTIONS {
        out.insert(s.title);
    }
    for spec in FORMATS {
        for row in spec.applications {
            out.insert(row.label);
            out.extend(row.group);
        }
        for g in spec.proactive {
            out.insert(g.item);
            out.extend(g.columns.iter().map(|c| c.label));
            out.extend(g.rows.iter().map(|r| r.label));
        }
        out.insert(spec.notice);
        out.extend(spec.annex.iter().map(|r| r.label));
        out.extend(spec.parts.iter().map(|(_, p)| p.title));
    }
    out.insert(f2008::ANNEX_TITLE);
    out.extend(f2008::ANNEX_HEADER);
    out.extend(common::APP_COLUMNS.iter().map(|c| c.0));
    out.extend(common::REVIEW_COLUMNS);
    out.extend(common::REVIEW_GROUPS.iter().map(|g| g.label));
    out.extend(common::LITIGATION_KINDS);
    out.extend([
        common::RESULTS,
        common::APPLICATIONS_NOTE,
        common::APPLICANTS,
        common::LEGAL_PERSONS,
        common::CONTENT_HEADER,
    ]);
    out
}

/// Labels too short or too common to be told apart from ordinary words in code and
/// comments (总计, 其他, 规章 …): they are still written once in the catalogue, but a text
/// search cannot prove it.
fn distinctive(label: &str) -> bool {
    label.chars().count() >= 5
}

// Each official label is written in exactly one catalogue file of src/ and templates/:
// messages, the scaffold, the schema, the tables and the data all read it from there.
#[test]
fn every_label_is_written_once() {
    let mut all = Vec::new();
    files(&root().join("src"), "rs", &mut all);
    files(&root().join("templates"), "xml", &mut all);
    let texts: Vec<(PathBuf, String)> =
        all.into_iter().map(|p| (p.clone(), std::fs::read_to_string(&p).unwrap())).collect();
    let mut wrong = Vec::new();
    let labels = labels();
    assert!(labels.len() > 80, "the catalogue lost labels: {}", labels.len());
    for label in labels.into_iter().filter(|l| distinctive(l)) {
        let holders: Vec<String> = texts
            .iter()
            .filter(|(_, t)| t.contains(label))
            .map(|(p, _)| p.strip_prefix(root()).unwrap().display().to_string())
            .collect();
        let in_catalogue = holders.iter().all(|h| h.starts_with("src/format/"));
        if holders.len() != 1 || !in_catalogue {
            wrong.push(format!("「{label}」 in {}", holders.join(", ")));
        }
    }
    assert!(wrong.is_empty(), "labels written more than once:\n{}", wrong.join("\n"));
    for required in ["本年新收政府信息公开申请数量", "自然人", "本年制发件数", "结果维持"]
    {
        let holders: Vec<&PathBuf> =
            texts.iter().filter(|(_, t)| t.contains(required)).map(|(p, _)| p).collect();
        assert_eq!(holders.len(), 1, "「{required}」 in {holders:?}");
    }
}

// The formats are matched by name only in the catalogue, the input mirror and the
// lowering.
#[test]
fn formats_are_matched_only_where_allowed() {
    let src = root().join("src");
    let mut all = Vec::new();
    files(&src, "rs", &mut all);
    let allowed = ["src/format/", "src/input/", "src/model/lower/"];
    let mut wrong = Vec::new();
    for file in &all {
        let rel = file.strip_prefix(root()).unwrap().display().to_string();
        if allowed.iter().any(|a| rel.starts_with(a)) {
            continue;
        }
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            if line.contains("F2019") || line.contains("F2021") {
                wrong.push(format!("{rel}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "format variants matched outside the catalogue:\n{}",
        wrong.join("\n")
    );
}

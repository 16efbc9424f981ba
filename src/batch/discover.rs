//! Which files a batch reads: files as given, folders walked recursively for reports,
//! and patterns with `*` and `?` (a quoted glob, for shells that do not expand them,
//! such as Windows' `cmd`).
//!
//! In a folder, a report is a `.yaml`/`.yml` file, or a published report that nianbao
//! imports (`.html`, `.htm`, `.docx`, `.pdf`, `.txt`) — what departments send. A
//! published file beside a YAML file of the same name is the same report rendered, and
//! is left out; so are a batch's own output folders (an `index.html` beside a
//! `summary.json`) and the asset folders that Word and browsers save beside a web page
//! (`…_files`, `….files`).

use std::path::{Path, PathBuf};

use crate::source::{display_path, io_reason};

/// A path argument that names nothing readable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    /// The argument as given.
    pub arg: String,
    /// Why, in Chinese.
    pub reason: String,
}

/// The report files named by `args`, sorted and without duplicates, and the arguments
/// that named nothing.
pub fn discover(args: &[PathBuf]) -> (Vec<PathBuf>, Vec<Missing>) {
    let mut files = Vec::new();
    let mut missing = Vec::new();
    for arg in args {
        let text = arg.to_string_lossy();
        if !arg.exists() && (text.contains('*') || text.contains('?')) {
            let found = glob(&text);
            if found.is_empty() {
                missing.push(Missing {
                    arg: text.into_owned(),
                    reason: "没有与之匹配的 YAML 文件".into(),
                });
            }
            files.extend(found);
        } else if arg.is_dir() {
            let before = files.len();
            if let Err(e) = walk(arg, &mut files) {
                missing.push(Missing { arg: display_path(arg), reason: io_reason(&e) });
            } else if files.len() == before {
                missing.push(Missing {
                    arg: display_path(arg),
                    reason: "文件夹里没有报告文件（.yaml、.yml，或网页、Word、PDF、文字稿）".into(),
                });
            }
        } else {
            // A file (or a path that does not exist: loading it reports why).
            files.push(arg.clone());
        }
    }
    files.sort();
    files.dedup();
    (files, missing)
}

/// Whether a file name is a report's (`.yaml`, `.yml`, any case).
fn is_yaml(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

/// Whether a folder is a batch's output or a saved page's assets: not walked.
fn skipped_folder(dir: &Path) -> bool {
    let name = dir.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
    name.ends_with("_files")
        || name.ends_with(".files")
        || (dir.join("index.html").is_file() && dir.join("summary.json").is_file())
}

/// The reports found in one folder: its YAML files, and its published files that have
/// no YAML file of the same name beside them.
fn reports_in(files: Vec<PathBuf>) -> Vec<PathBuf> {
    let yaml_stems: Vec<_> =
        files.iter().filter(|p| is_yaml(p)).filter_map(|p| p.file_stem()).collect();
    files
        .iter()
        .filter(|p| is_yaml(p) || !p.file_stem().is_some_and(|s| yaml_stems.contains(&s)))
        .cloned()
        .collect()
}

/// Adds the reports under `dir` (see the module's documentation). Symbolic links to
/// folders are not followed (no loops); hidden files and folders (`.git`) are skipped.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    let mut here = Vec::new();
    for e in entries {
        if e.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = e.path();
        let Ok(kind) = e.file_type() else { continue };
        if kind.is_dir() {
            if !skipped_folder(&path) {
                // An unreadable subfolder does not stop the walk.
                let _ = walk(&path, out);
            }
        } else if (is_yaml(&path) || crate::import::is_published(&path)) && path.is_file() {
            here.push(path);
        }
    }
    out.extend(reports_in(here));
    Ok(())
}

/// The YAML files matching a pattern: `*` and `?` within one path component, `**` for
/// any number of folders.
fn glob(pattern: &str) -> Vec<PathBuf> {
    let norm = pattern.replace('\\', "/");
    let parts: Vec<&str> = norm.split('/').collect();
    let fixed = parts.iter().take_while(|p| !p.contains('*') && !p.contains('?')).count();
    let base = if fixed == 0 {
        PathBuf::from(".")
    } else {
        let joined = parts[..fixed].join("/");
        PathBuf::from(if joined.is_empty() { "/".to_owned() } else { joined })
    };
    let rest = &parts[fixed..];
    let mut all = Vec::new();
    let _ = walk(&base, &mut all);
    all.into_iter()
        .filter(|p| {
            let rel = p.strip_prefix(&base).unwrap_or(p);
            let comps: Vec<String> =
                rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
            let comps: Vec<&str> = comps.iter().map(String::as_str).collect();
            matches_path(rest, &comps)
        })
        .map(
            |p| {
                if fixed == 0 {
                    p.strip_prefix("./").map(Path::to_path_buf).unwrap_or(p)
                } else {
                    p
                }
            },
        )
        .collect()
}

fn matches_path(pattern: &[&str], path: &[&str]) -> bool {
    match (pattern.first(), path.first()) {
        (None, None) => true,
        (Some(&"**"), _) => {
            matches_path(&pattern[1..], path)
                || (!path.is_empty() && matches_path(pattern, &path[1..]))
        }
        (Some(p), Some(c)) => matches_name(p, c) && matches_path(&pattern[1..], &path[1..]),
        _ => false,
    }
}

/// `*` and `?` against one file or folder name.
fn matches_name(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    let (mut i, mut j, mut star, mut mark) = (0, 0, None, 0);
    while j < n.len() {
        if i < p.len() && (p[i] == '?' || p[i] == n[j]) {
            i += 1;
            j += 1;
        } else if i < p.len() && p[i] == '*' {
            star = Some(i);
            mark = j;
            i += 1;
        } else if let Some(s) = star {
            i = s + 1;
            mark += 1;
            j = mark;
        } else {
            return false;
        }
    }
    p[i..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_wildcards() {
        assert!(matches_name("*.yaml", "江川市财政局.yaml"));
        assert!(matches_name("a?c*", "abcdef"));
        assert!(!matches_name("*.yml", "a.yaml"));
        assert!(matches_path(&["**", "*.yaml"], &["a", "b", "c.yaml"]));
        assert!(matches_path(&["**", "*.yaml"], &["c.yaml"]));
        assert!(!matches_path(&["*", "*.yaml"], &["c.yaml"]));
    }

    #[test]
    fn folders_give_yaml_and_published_reports_once() {
        let d = std::env::temp_dir().join(format!("nianbao-discover-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        for f in [
            "a/财政局.yaml",
            "a/财政局.pdf",
            "a/财政局.docx",
            "a/民政局.docx",
            "a/民政局_files/header.htm",
            "a/说明.png",
            "b/教育局.html",
            "out/index.html",
            "out/summary.json",
            "out/教育局/教育局.pdf",
        ] {
            let p = d.join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "x").unwrap();
        }
        let (files, missing) = discover(std::slice::from_ref(&d));
        let rel: Vec<String> = files
            .iter()
            .map(|p| p.strip_prefix(&d).unwrap().to_string_lossy().replace('\\', "/"))
            .collect();
        assert_eq!(rel, ["a/民政局.docx", "a/财政局.yaml", "b/教育局.html"]);
        assert!(missing.is_empty());
        let _ = std::fs::remove_dir_all(&d);
    }
}

//! The folder and file name of each report's outputs: from the agency name (or the
//! file stem), safe on Windows and Linux, and unique within the batch.

use std::collections::BTreeSet;

/// Names Windows reserves for devices, with or without an extension.
const RESERVED: &[&str] = &[
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// Names the batch itself writes at the top of the output folder.
const TAKEN: &[&str] = &["index.html", "summary.csv", "summary.xlsx", "summary.json"];

/// The longest name, in characters (Windows allows 255 UTF-16 units per component;
/// this leaves room for the extension and a `-2` suffix and keeps paths short).
const MAX_CHARS: usize = 80;

/// A file-system-safe form of `name`: no separators, no characters Windows forbids,
/// no control characters, no leading or trailing dots or spaces, no device names.
/// Empty when nothing is left.
pub fn safe(name: &str) -> String {
    let mapped: String = name
        .chars()
        .map(|c| match c {
            '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .take(MAX_CHARS)
        .collect();
    let trimmed = mapped.trim_matches(|c: char| c == '.' || c.is_whitespace()).to_owned();
    if trimmed.chars().all(|c| c == '_') {
        return String::new();
    }
    let stem = trimmed.split('.').next().unwrap_or("").trim_end().to_ascii_uppercase();
    if RESERVED.contains(&stem.as_str()) { format!("_{trimmed}") } else { trimmed }
}

/// Assigns a unique name to each candidate, in order: the first keeps its name, later
/// ones that clash (ignoring case, as Windows does) get `-2`, `-3`, …. `fallback` is
/// used when a candidate is empty after [`safe`].
pub fn assign(candidates: &[(String, String)]) -> Vec<String> {
    let mut used: BTreeSet<String> = TAKEN.iter().map(|t| t.to_lowercase()).collect();
    let mut out = Vec::with_capacity(candidates.len());
    for (name, fallback) in candidates {
        let mut base = safe(name);
        if base.is_empty() {
            base = safe(fallback);
        }
        if base.is_empty() {
            base = "report".into();
        }
        let mut candidate = base.clone();
        let mut n = 2;
        while used.contains(&candidate.to_lowercase()) {
            candidate = format!("{base}-{n}");
            n += 1;
        }
        used.insert(candidate.to_lowercase());
        out.push(candidate);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_names_are_made_safe() {
        assert_eq!(safe("江川市财政局"), "江川市财政局");
        assert_eq!(safe("../../etc/passwd"), "_.._etc_passwd");
        assert_eq!(safe(".."), "");
        assert_eq!(safe("con"), "_con");
        assert_eq!(safe("LPT1.txt"), "_LPT1.txt");
        assert_eq!(safe("a\u{1b}b: c?"), "a_b_ c_");
        assert_eq!(safe(" 名称. "), "名称");
    }

    #[test]
    fn clashes_get_numbers_in_order() {
        let c = |a: &str, b: &str| (a.to_owned(), b.to_owned());
        let names = assign(&[c("局", "x"), c("局", "y"), c("", "y"), c("Index.html", "z")]);
        assert_eq!(names, ["局", "局-2", "y", "Index.html-2"]);
    }
}

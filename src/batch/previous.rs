//! Pairing each report with last year's file of the same agency (`--previous`): by
//! agency name first, then by file name without the year.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::model::Report;
use crate::pipeline;
use crate::source::display_path;

/// Last year's files, by agency name and by file stem, each with its year.
#[derive(Default)]
pub struct Index {
    by_name: BTreeMap<String, Vec<(i32, PathBuf)>>,
    by_stem: BTreeMap<String, Vec<(i32, PathBuf)>>,
    /// Files that could not be read, with their messages.
    pub problems: Vec<String>,
}

/// A file name without its extension and without the year in it
/// (`jiangchuan-ziranziyuan-2024` → `jiangchuan-ziranziyuan`).
pub fn stem_key(path: &Path) -> String {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let chars: Vec<char> = stem.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if run == 4 && (chars[i] == '1' || chars[i] == '2') {
            i += 4;
            continue;
        }
        if run > 0 {
            out.extend(&chars[i..i + run]);
            i += run;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    let trimmed = out.trim_matches(|c: char| "-_ .年".contains(c) || c.is_whitespace());
    trimmed.to_lowercase()
}

impl Index {
    /// Reads every file (in parallel) and keeps only its name, year and path.
    pub fn build(paths: &[PathBuf]) -> Index {
        let read: Vec<Result<(String, i32, PathBuf), String>> = paths
            .par_iter()
            .map(|p| match pipeline::load(p) {
                Ok(l) => Ok((l.report.agency.name, l.report.year, p.clone())),
                Err(e) => Err(format!(
                    "上一年度文件 {} 无法读取，不参与衔接核对：\n{}",
                    display_path(p),
                    e.render(p)
                )),
            })
            .collect();
        let mut index = Index::default();
        for r in read {
            match r {
                Ok((name, year, path)) => {
                    index.by_stem.entry(stem_key(&path)).or_default().push((year, path.clone()));
                    index.by_name.entry(name).or_default().push((year, path));
                }
                Err(msg) => index.problems.push(msg),
            }
        }
        index
    }

    /// Last year's file for `report` (read from `path`): the same agency name, else the
    /// same file name without the year; either way of the year before.
    pub fn find(&self, report: &Report, path: &Path) -> Option<&Path> {
        fn pick(list: Option<&Vec<(i32, PathBuf)>>, year: i32) -> Option<&Path> {
            list?.iter().find(|(y, _)| *y == year).map(|(_, p)| p.as_path())
        }
        pick(self.by_name.get(&report.agency.name), report.year - 1)
            .or_else(|| pick(self.by_stem.get(&stem_key(path)), report.year - 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_dropped_from_stems() {
        assert_eq!(
            stem_key(Path::new("a/jiangchuan-ziranziyuan-2024.yaml")),
            "jiangchuan-ziranziyuan"
        );
        assert_eq!(stem_key(Path::new("2023年财政局.yml")), "财政局");
        assert_eq!(stem_key(Path::new("局12.yaml")), "局12");
    }
}

//! Source files and positions inside them.
//!
//! Every diagnostic nianbao prints points into the user's YAML. A [`Span`] is a byte range
//! into [`SourceFile::text`]; line and column are computed on demand, so spans stay cheap
//! to copy and compare.

use std::path::{Path, PathBuf};

/// A byte range `start..end` in a source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end: end.max(start) }
    }

    /// The span covering both `self` and `other`.
    pub fn join(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// A loaded input file: its path as the user wrote it and its text (BOM removed).
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Path shown in messages.
    pub path: PathBuf,
    /// The UTF-8 text, without a leading byte-order mark.
    pub text: String,
    /// Byte offset of each line start.
    line_starts: Vec<usize>,
    /// Whether the text is the YAML that `nianbao import` made of a published report
    /// at `path` (messages then say that their lines are that YAML's).
    pub imported: bool,
}

/// A 1-based line and column; the column counts characters, as editors do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    /// 1-based line.
    pub line: usize,
    /// 1-based column in characters.
    pub column: usize,
}

impl SourceFile {
    /// Wraps a text already decoded.
    pub fn new(path: impl Into<PathBuf>, text: String) -> Self {
        let mut line_starts = vec![0];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i + 1);
            }
        }
        SourceFile { path: path.into(), text, line_starts, imported: false }
    }

    /// The YAML imported from the published report at `path`.
    pub fn imported(path: impl Into<PathBuf>, yaml: String) -> Self {
        SourceFile { imported: true, ..SourceFile::new(path, yaml) }
    }

    /// The path for messages, with forward slashes so that output is the same everywhere.
    pub fn display_path(&self) -> String {
        display_path(&self.path)
    }

    /// Line and column of a byte offset (clamped to the text).
    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = offset.min(self.text.len());
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line];
        let prefix = self.text.get(start..offset).unwrap_or("");
        LineCol { line: line + 1, column: prefix.chars().count() + 1 }
    }

    /// The text of a 1-based line, without its line break.
    pub fn line_text(&self, line: usize) -> &str {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1)) else {
            return "";
        };
        let end = self.line_starts.get(line).copied().unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }

    /// Byte offset of a 1-based line and character column (clamped).
    pub fn offset_of(&self, line: usize, column: usize) -> usize {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1)) else {
            return self.text.len();
        };
        let text = self.line_text(line);
        let within: usize = text.chars().take(column.saturating_sub(1)).map(char::len_utf8).sum();
        start + within
    }

    /// The source text under a span.
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }
}

/// A path written with forward slashes.
pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// The reason of an I/O error, in Chinese where it is a common one.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "文件不存在".into(),
        K::PermissionDenied => "没有读取权限".into(),
        K::IsADirectory => "这是一个文件夹".into(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let f = SourceFile::new("x.yaml", "a: 1\n名称: 某局\n".into());
        let off = f.text.find("某").unwrap();
        assert_eq!(f.line_col(off), LineCol { line: 2, column: 5 });
        assert_eq!(f.line_text(2), "名称: 某局");
        assert_eq!(f.offset_of(2, 5), off);
    }

    #[test]
    fn crlf_lines_drop_the_carriage_return() {
        let f = SourceFile::new("x.yaml", "a: 1\r\nb: 2\r\n".into());
        assert_eq!(f.line_text(1), "a: 1");
        assert_eq!(f.line_col(f.text.find('b').unwrap()).line, 2);
    }
}

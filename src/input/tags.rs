//! YAML tags (`!include`, `!!binary`, `!!str` …): nianbao's files never need one, and a
//! parser that drops or decodes them silently would read something other than what the
//! user sees. Any tag is an error at its place.

use granit_parser::{Event, Parser};

use crate::diag::Diagnostic;
use crate::source::{SourceFile, Span};

/// Every tag in the file, as an error each (none when the file cannot be parsed: the
/// parser's own error is reported then).
pub(crate) fn reject_tags(file: &SourceFile) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for item in Parser::new_from_str(&file.text) {
        let Ok((event, span)) = item else { break };
        let tag = match &event {
            Event::Scalar(_, _, _, tag)
            | Event::SequenceStart(_, _, tag)
            | Event::MappingStart(_, _, tag) => tag,
            _ => continue,
        };
        let Some(tag) = tag else { continue };
        let at = span.tag_start.as_ref().unwrap_or(&span.start);
        let start = at.byte_offset().unwrap_or(0).min(file.text.len());
        let written = format!("{}{}", tag.original_handle(), tag.suffix());
        let end = file.text[start..]
            .find(|c: char| c.is_whitespace())
            .map_or(file.text.len(), |i| start + i);
        out.push(
            Diagnostic::error(format!(
                "YAML 标签 `{written}` 不受支持：nianbao 的文件里只写普通的键和值"
            ))
            .at(Span::new(start, end), "")
            .help("删去这个以 ! 开头的标签；要引用别的文件或写特殊类型，nianbao 都不支持"),
        );
        if out.len() >= 20 {
            break;
        }
    }
    out
}

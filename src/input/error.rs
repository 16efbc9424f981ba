//! Turns serde-saphyr's errors into Chinese diagnostics an office worker can act on.

use serde_saphyr::Error as YamlError;
use serde_saphyr::budget::BudgetBreach;

use crate::diag::Diagnostic;
use crate::format::{FORMATS, FormatSpec};
use crate::source::{SourceFile, Span};

use super::keys;

/// What nianbao was reading when the error happened, for hints.
pub(crate) struct Context {
    /// The format the file is being read as.
    pub format: &'static FormatSpec,
}

/// Converts one YAML error to a diagnostic.
pub(crate) fn translate(err: &YamlError, file: &SourceFile, cx: Option<&Context>) -> Diagnostic {
    let mut err = err.without_snippet();
    while let YamlError::AliasError { error, .. } = err {
        err = error.without_snippet();
    }
    let span = err.location().map(|loc| {
        let start = file.offset_of(loc.line() as usize, loc.column() as usize);
        let len = loc.span().byte_len().unwrap_or(0) as usize;
        let end =
            if len > 0 && file.text.is_char_boundary(start + len) { start + len } else { start };
        Span::new(start, end)
    });
    let mut diag = match err {
        YamlError::SerdeUnknownField { field, expected, .. } => unknown_field(field, expected, cx),
        YamlError::SerdeMissingField { field, .. } => {
            let mut d = Diagnostic::error(format!("缺少必填的键 `{field}`"));
            if let Some(desc) = keys::describe(field) {
                d = d.note(format!("`{field}`：{desc}"));
            }
            d
        }
        YamlError::DuplicateMappingKey { key, .. } => Diagnostic::error(match key {
            Some(k) => format!("键 `{k}` 重复：同一层里每个键只能写一次"),
            None => "键重复：同一层里每个键只能写一次".to_owned(),
        }),
        YamlError::SerdeInvalidType { unexpected, expected, .. } => Diagnostic::error(format!(
            "类型不对：此处应为{}，实际写的是{}",
            expected_zh(expected),
            unexpected_zh(unexpected)
        )),
        YamlError::SerdeInvalidValue { .. } | YamlError::Message { .. } => {
            Diagnostic::error(format!("取值不对：{}", plain_message(err)))
        }
        YamlError::Budget { breach: BudgetBreach::Depth { depth }, .. } => {
            Diagnostic::error(format!(
                "YAML 嵌套得太深（已到 {depth} 层），已停止读取：年报文件最多只有五六层缩进，请检查括号和缩进"
            ))
        }
        YamlError::Budget {
            breach: BudgetBreach::Aliases { .. } | BudgetBreach::Anchors { .. },
            ..
        }
        | YamlError::AliasReplayLimitExceeded { .. }
        | YamlError::AliasExpansionLimitExceeded { .. }
        | YamlError::AliasReplayStackDepthExceeded { .. }
        | YamlError::AliasReplayCounterOverflow { .. } => Diagnostic::error(
            "YAML 别名（*名称）展开得过多，已停止读取：年报文件不需要锚点（&）和别名（*），请直接写出内容",
        ),
        YamlError::Budget { .. } => Diagnostic::error(
            "YAML 文件的内容多得不像一份年报（元素或节点太多），已停止读取：请检查是否误把别的文件当成了年报",
        ),
        YamlError::UnknownAnchor { .. } => {
            Diagnostic::error("使用了未定义的 YAML 别名（*名称）：请直接写出内容")
        }
        YamlError::Eof { .. } => Diagnostic::error("文件意外结束：可能缺少内容或括号未闭合"),
        YamlError::MultipleDocuments { .. } => {
            Diagnostic::error("文件里有多个 YAML 文档（---）：一个文件只写一份年报")
        }
        YamlError::InvalidUtf8Input => Diagnostic::error("文件不是 UTF-8 编码"),
        _ => syntax(err),
    };
    let structure = matches!(
        err,
        YamlError::SerdeUnknownField { .. }
            | YamlError::SerdeMissingField { .. }
            | YamlError::DuplicateMappingKey { .. }
            | YamlError::SerdeInvalidType { .. }
            | YamlError::SerdeInvalidValue { .. }
            | YamlError::Message { .. }
    );
    diag.code = diag.code.or(Some(match err {
        YamlError::InvalidUtf8Input => "F1",
        _ if structure => "Y2",
        _ => "Y1",
    }));
    if let Some(span) = span {
        diag = diag.at(span, "");
    }
    diag
}

fn unknown_field(field: &str, expected: &[&str], cx: Option<&Context>) -> Diagnostic {
    let mut d = Diagnostic::error(format!("未知的键 `{field}`"));
    let best = expected
        .iter()
        .map(|e| (strsim::jaro_winkler(field, e), *e))
        .filter(|(score, _)| *score > 0.75)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    if let Some(cx) = cx
        && let Some(other) =
            FORMATS.iter().find(|s| s.format != cx.format.format && s.only_keys.contains(&field))
    {
        d = d.note(format!(
            "`{field}` 是 {} 格式的键；本文件按 {} 格式读取（由 format 或 year 决定）",
            other.name, cx.format.name
        ));
    }
    if let Some((_, best)) = best {
        d = d.help(format!("是不是想写 `{best}`？"));
    }
    if !expected.is_empty() {
        d = d.note(format!("这一层可用的键：{}", expected.join("、")));
    }
    d
}

/// The message of a free-form error, without location text.
fn plain_message(err: &YamlError) -> String {
    match err {
        YamlError::Message { msg, .. } => msg.clone(),
        other => {
            let text = other.render();
            strip_location(&text)
        }
    }
}

/// serde-saphyr prefixes messages with "error: line N column M: "; the location is ours to print.
fn strip_location(text: &str) -> String {
    let first = text.lines().next().unwrap_or("");
    let first = first.strip_prefix("error: ").unwrap_or(first);
    match first.find(": ") {
        Some(i) if first.starts_with("line ") => first[i + 2..].to_owned(),
        _ => first.to_owned(),
    }
}

fn syntax(err: &YamlError) -> Diagnostic {
    let english = strip_location(&err.render());
    let known: &[(&str, &str)] = &[
        ("recursion limit exceeded", "嵌套得太深（括号或缩进的层数太多）：年报文件最多只有五六层"),
        ("illegal placement of ':'", "冒号位置不对：键和值之间要写「: 」（英文冒号加一个空格）"),
        (
            "mapping values are not allowed",
            "这里不能出现「键: 值」：请检查缩进和上一行是否少了引号",
        ),
        ("did not find expected ',' or ']'", "方括号列表没有写完：缺少逗号或右方括号 ]"),
        ("did not find expected ',' or '}'", "花括号没有写完：缺少逗号或右花括号 }"),
        ("did not find expected key", "缩进不对：同一层的键要对齐"),
        ("did not find expected node content", "缺少内容：这里应该有一个值"),
        (
            "found character that cannot start any token",
            "这里有 YAML 不允许的字符（例如 Tab 或 @、`）：缩进请用空格",
        ),
        ("tab", "YAML 缩进不能用 Tab，请改用空格"),
        ("invalid indentation", "缩进不对：同一层的键要对齐"),
        ("unclosed quote", "引号没有闭合"),
        ("while scanning a quoted scalar", "引号没有闭合"),
        ("block sequence entries are not allowed", "列表项（- ）的位置不对：请检查缩进"),
        ("expected string scalar", "此处应为文字，不能是列表或下一层的键"),
        ("expected mapping start", "此处应为若干个「键: 值」（下一层的键），不能是列表或单个值"),
        ("expected sequence start", "此处应为列表（[…] 或多行 - ）"),
    ];
    let lower = english.to_lowercase();
    let zh = known.iter().find(|(en, _)| lower.contains(&en.to_lowercase())).map(|(_, zh)| *zh);
    match zh {
        Some(zh) if zh.starts_with("此处") => Diagnostic::error(format!("类型不对：{zh}")).code("Y2"),
        Some(zh) => Diagnostic::error(format!("YAML 格式错误：{zh}")),
        // What the parser says in English is no help to the reader: the place is.
        None => Diagnostic::error("YAML 格式错误：这里的写法读不懂")
            .help("检查这一行和上一行：键和值之间是「: 」（半角冒号加空格），引号、方括号要成对，同一层的缩进要对齐"),
    }
}

fn expected_zh(expected: &str) -> String {
    let e = expected.trim();
    if e.starts_with("struct ") || e.contains("map") {
        return "键值对（下一层的若干个键）".to_owned();
    }
    if e.contains("sequence") {
        return "列表（[…] 或多行 - ）".to_owned();
    }
    if e.contains("string") {
        return "文字".to_owned();
    }
    if ["i64", "u64", "i32", "u32", "u16", "integer"].iter().any(|t| e.contains(t)) {
        return "整数".to_owned();
    }
    e.to_owned()
}

fn unexpected_zh(unexpected: &str) -> String {
    let u = unexpected.trim();
    if u.contains("sequence") {
        return "列表".to_owned();
    }
    if u.contains("map") {
        return "键值对".to_owned();
    }
    if u.contains("unit") || u.contains("null") {
        return "空值".to_owned();
    }
    if let Some(rest) = u.strip_prefix("string ") {
        return format!("文字 {rest}");
    }
    if let Some(rest) = u.strip_prefix("integer ") {
        return format!("数字 {}", rest.trim_matches('`'));
    }
    if let Some(rest) = u.strip_prefix("floating point ") {
        return format!("数字 {}", rest.trim_matches('`'));
    }
    if let Some(rest) = u.strip_prefix("boolean ") {
        return format!("布尔值 {}", rest.trim_matches('`'));
    }
    u.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_the_location_prefix() {
        assert_eq!(strip_location("error: line 2 column 2: illegal x\n --> y"), "illegal x");
        assert_eq!(strip_location("plain"), "plain");
    }
}

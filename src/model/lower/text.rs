//! Text: narrative blocks (N1, the depth of headings), names, dates, the level and the
//! acknowledgements; and the characters no output can print.

use std::collections::BTreeMap;

use super::Lowerer;
use crate::diag::{Diagnostic, Severity};
use crate::input::{Block, Narrative, Sp};
use crate::model::narrative::{Item, numbering_prefix};
use crate::model::{Ack, Date, Level};

/// How deep headings may nest inside a section: （一）, 1. and （1） (the levels the
/// document model numbers and every writer styles).
pub(crate) const MAX_HEADING_DEPTH: usize = 3;

impl Lowerer<'_> {
    pub(super) fn text(&mut self, s: &Sp<String>, what: &str) -> String {
        self.check_chars(s, what);
        let t = s.value.trim();
        if t.contains("某某") {
            self.diags.push(
                Diagnostic::rule(
                    Severity::Warning,
                    "N4",
                    format!("{what} 还是模板里的「{t}」：请改为本机关的全称"),
                )
                .at(s.span, ""),
            );
        }
        if t.is_empty() {
            self.error(Diagnostic::error(format!("{what}不能为空")).at(s.span, ""));
        }
        t.to_owned()
    }

    /// Text that may be empty.
    pub(super) fn optional_text(&mut self, s: &Sp<String>, what: &str) -> String {
        self.check_chars(s, what);
        s.value.trim().to_owned()
    }

    /// Characters no output can hold: the C0 controls other than tab and line breaks
    /// (YAML lets them in as escapes such as `"\u001b"`), DEL, the C1 controls and the
    /// noncharacters U+FFFE/U+FFFF. XML 1.0 forbids most of them, and none prints.
    pub(super) fn check_chars(&mut self, s: &Sp<String>, what: &str) {
        let bad = s.value.chars().find(|&c| {
            (c < ' ' && !matches!(c, '\t' | '\n' | '\r'))
                || ('\u{7f}'..='\u{9f}').contains(&c)
                || matches!(c, '\u{fffe}' | '\u{ffff}')
        });
        if let Some(c) = bad {
            self.error(
                Diagnostic::error(format!(
                    "{what}里有看不见的控制字符 U+{:04X}：报告里不能有这种字符",
                    c as u32
                ))
                .at(s.span, "")
                .help("删去这个字符；它多半是从别处复制文字时带进来的，或写成了 \\u 转义"),
            );
        }
    }

    pub(super) fn narrative(&mut self, n: &Narrative) -> Vec<Item> {
        self.narrative_at(n, 0)
    }

    /// Blocks under `depth` headings of the narrative (0 at a section's top).
    fn narrative_at(&mut self, n: &Narrative, depth: usize) -> Vec<Item> {
        n.blocks.iter().filter_map(|b| self.block(b, depth)).collect()
    }

    pub(super) fn opt_narrative(&mut self, n: Option<&Narrative>) -> Vec<Item> {
        n.map(|n| self.narrative(n)).unwrap_or_default()
    }

    fn block(&mut self, b: &Sp<Block>, depth: usize) -> Option<Item> {
        match &b.value {
            Block::Para(text) => {
                self.check_chars(&Sp::new(text.clone(), b.span), "段落");
                let text = text.trim();
                if text.is_empty() {
                    return None;
                }
                if let Some(prefix) = numbering_prefix(text) {
                    self.diags.push(
                        Diagnostic::rule(
                            Severity::Warning,
                            "N1",
                            format!("段落以编号「{prefix}」开头：编号应当用小标题（heading）表示，nianbao 会自动编号"),
                        )
                        .at(b.span, "")
                        .help("把编号和标题写成 - heading: 标题 / content: [正文]"),
                    );
                }
                self.prose_slips(text, b.span);
                Some(Item::Para { text: text.to_owned(), span: b.span })
            }
            Block::Headed { heading, content } => {
                self.check_chars(heading, "小标题");
                if depth >= MAX_HEADING_DEPTH {
                    self.error(
                        Diagnostic::error(format!(
                            "小标题套得太深：这是第 {} 层，各部分里的小标题最多 {MAX_HEADING_DEPTH} 层（（一）、1.、（1））",
                            depth + 1
                        ))
                        .at(heading.span, "")
                        .help("把这一层写成段落，或并入上一层的小标题"),
                    );
                }
                let mut text = heading.value.trim().to_owned();
                if let Some(prefix) = numbering_prefix(&text) {
                    let prefix = prefix.to_owned();
                    text = text[prefix.len()..].trim_start().to_owned();
                    self.diags.push(
                        Diagnostic::rule(
                            Severity::Warning,
                            "N1",
                            format!("小标题自带编号「{prefix}」：nianbao 会自动编号，已去掉手写的编号以免重复"),
                        )
                        .at(heading.span, "")
                        .help(format!("把这一行改为 heading: {text}")),
                    );
                }
                if text.is_empty() {
                    self.error(Diagnostic::error("小标题（heading）不能为空").at(heading.span, ""));
                }
                Some(Item::Heading {
                    text,
                    span: heading.span,
                    content: self.narrative_at(content, depth + 1),
                })
            }
        }
    }

    /// N4: what YAML reads differently from what the clerk meant: a list item's 「-」
    /// with no space after it (the dash lands in the text), and text after 「 #」 on the
    /// paragraph's line (YAML takes it for a comment and drops it).
    fn prose_slips(&mut self, text: &str, span: crate::source::Span) {
        if let Some(rest) = text.strip_prefix(['-', '－'])
            && !rest.starts_with([' ', '-', '－'])
        {
            self.diags.push(
                Diagnostic::rule(
                    Severity::Warning,
                    "N4",
                    "段落以「-」开头：列表里的「-」后面要有一个空格，否则「-」会印进报告",
                )
                .at(span, "")
                .help("在「-」后面加一个空格"),
            );
        }
        let line_end =
            self.file.text[span.end..].find('\n').map_or(self.file.text.len(), |i| span.end + i);
        let after = &self.file.text[span.end..line_end];
        // A comment the clerk meant (aligned after the text, the sentence ended) is left
        // alone; a sentence cut off at one space and a 「#」 is not.
        let plain = !self.file.slice(span).starts_with(['"', '\'', '|', '>']);
        let sentence_ended = text.ends_with(['。', '！', '？', '；', '：', '”', '）']);
        if plain
            && !sentence_ended
            && let Some(i) = after.find('#')
            && after[..i] == *" "
            && !after[i + 1..].trim().is_empty()
        {
            let start = span.end + i;
            self.diags.push(
                Diagnostic::rule(
                    Severity::Warning,
                    "N4",
                    "「#」后面的文字被当作注释，不会印进报告",
                )
                .at(crate::source::Span::new(start, line_end), "")
                .help("这些文字若是正文的一部分，请给整段加引号，或把「#」改为全角「＃」"),
            );
        }
    }

    pub(super) fn date(&mut self, s: &Sp<String>, what: &str) -> Option<Date> {
        let d = Date::parse(&s.value);
        if d.is_none() {
            self.error(
                Diagnostic::error(format!("{what}「{}」不是有效的日期", s.value.trim()))
                    .at(s.span, "")
                    .help("写作 2025-01-20 或 2025年1月20日"),
            );
        }
        d
    }

    /// `agency.scope`: `汇总` (or `summary`) marks a report that sums the batch's others.
    pub(super) fn scope(&mut self, s: &Sp<String>) -> Option<crate::source::Span> {
        match s.value.trim() {
            "汇总" | "summary" => Some(s.span),
            "" => None,
            other => {
                self.error(
                    Diagnostic::error(format!("汇总范围 agency.scope 写的是「{other}」，无法识别"))
                        .at(s.span, "")
                        .note("只能写 汇总（或 summary），或者不写"),
                );
                None
            }
        }
    }

    pub(super) fn level(&mut self, s: &Sp<String>) -> Level {
        match s.value.trim() {
            "department" | "部门" | "县级以上人民政府部门" => Level::Department,
            "government" | "政府" | "县级以上地方人民政府" => Level::Government,
            "township" | "乡镇" | "街道" | "乡镇人民政府" | "街道办事处" => {
                Level::Township
            }
            other => {
                let mut d = Diagnostic::error(format!("机关层级 level 写的是「{other}」，无法识别"))
                    .at(s.span, "")
                    .note("可写 department（县级以上人民政府部门）、government（县级以上地方人民政府）、township（乡镇人民政府、街道办事处）");
                let best = ["department", "government", "township"]
                    .into_iter()
                    .map(|k| (strsim::jaro_winkler(other, k), k))
                    .filter(|(s, _)| *s > 0.75)
                    .max_by(|a, b| a.0.total_cmp(&b.0));
                if let Some((_, k)) = best {
                    d = d.help(format!("是不是想写 `{k}`？"));
                }
                self.error(d);
                Level::Department
            }
        }
    }

    /// The acknowledgements as written; whether each names a warning is a rule's
    /// business (see `rules::acknowledge`), so that a wrong one never hides the rest.
    pub(super) fn acknowledged(
        &mut self,
        acks: &BTreeMap<Sp<String>, Sp<String>>,
    ) -> BTreeMap<String, Ack> {
        let mut out = BTreeMap::new();
        for (id, reason) in acks {
            self.check_chars(reason, "确认理由");
            out.insert(
                id.value.trim().to_uppercase(),
                Ack {
                    reason: reason.value.trim().to_owned(),
                    span: id.span,
                    reason_span: reason.span,
                },
            );
        }
        out
    }
}

//! N3: every character of the report can be printed with the bundled fonts.
//!
//! `render` stops at a character no font has; this finds them all at `check` time, so a
//! batch check catches the reports that could not be printed. A warning, not an error:
//! an agency's own font (`render --font`) may have the character.

use std::collections::BTreeSet;

use super::Context;
use crate::diag::{Diagnostic, Severity};
use crate::fonts::FontBook;
use crate::model::Item;
use crate::source::Span;

/// Every text of the report that is printed, with its place.
fn texts<'a>(cx: &'a Context, out: &mut Vec<(&'a str, Span)>) {
    let r = cx.report;
    out.push((&r.agency.name, r.agency_span));
    fn items<'a>(list: &'a [Item], out: &mut Vec<(&'a str, Span)>) {
        for item in list {
            match item {
                Item::Para { text, span } => out.push((text, *span)),
                Item::Heading { text, span, content } => {
                    out.push((text, *span));
                    items(content, out);
                }
            }
        }
    }
    items(r.preface.as_deref().unwrap_or_default(), out);
    if let Some(s) = r.six() {
        for list in s.narratives() {
            items(list, out);
        }
    }
    if let Some(a) = r.annexed() {
        for part in &a.parts {
            items(&part.items, out);
        }
        items(&a.remarks, out);
    }
}

/// N3: characters no bundled font has, each reported once, at its first place.
pub(super) fn n3(cx: &Context, out: &mut Vec<Diagnostic>) {
    let book = FontBook::bundled();
    let mut all = Vec::new();
    texts(cx, &mut all);
    if let Some(office) = &cx.report.agency.issuing_office {
        all.push((office, cx.report.agency_span));
    }
    let mut seen = BTreeSet::new();
    for (text, span) in all {
        for ch in text.chars() {
            if book.prints(ch) || !seen.insert(ch) {
                continue;
            }
            out.push(
                Diagnostic::rule(
                    Severity::Warning,
                    "N3",
                    format!(
                        "字符「{ch}」（U+{:04X}）在内置字体里都没有：生成 PDF 时会停下",
                        ch as u32
                    ),
                )
                .at(span, "")
                .help("检查是否误输入；如果确实需要这个字，生成时用 --font 正文=字体文件 指定含有它的字体"),
            );
        }
    }
}

//! Every structural mistake in one run: when a file does not read as its format, each
//! top-level section (or each entry of a section such as `agency:`) is read again on its
//! own, set into a valid template of the format in place of the template's own entry, so
//! that a mistake in one place neither hides nor causes the messages about another.

use serde::de::DeserializeOwned;

use super::error::{self, Context};
use crate::diag::{Diagnostic, Label};
use crate::source::{SourceFile, Span};

/// One `key:` entry and the bytes from its line to the next key at its indentation.
struct Section<'a> {
    key: &'a str,
    start: usize,
    end: usize,
}

/// The entries of `text[from..to]` whose key lines are indented by exactly `indent`
/// spaces, in order. Comment lines belong to the entry above; text before the first key
/// belongs to none.
fn entries(text: &str, from: usize, to: usize, indent: usize) -> Vec<Section<'_>> {
    let mut out: Vec<Section> = Vec::new();
    let mut offset = from;
    for line in text[from..to].split_inclusive('\n') {
        let rest = line.strip_prefix(&" ".repeat(indent)[..]).unwrap_or("");
        let starts_key =
            rest.chars().next().is_some_and(|c| !c.is_whitespace() && c != '#' && c != '-');
        if let Some((key, _)) = rest.split_once(':').filter(|_| starts_key) {
            if let Some(last) = out.last_mut() {
                last.end = offset;
            }
            out.push(Section { key: key.trim(), start: offset, end: to });
        }
        offset += line.len();
    }
    out
}

/// The indentation of the first key line below a section's own line, if the section is a
/// block mapping (`agency:` followed by indented `key: value` lines).
fn child_indent(text: &str, s: &Section) -> Option<usize> {
    let mut lines = text[s.start..s.end].split_inclusive('\n');
    let head = lines.next()?;
    let value = head.split_once(':')?.1.split(" #").next()?.trim();
    if !value.is_empty() {
        return None;
    }
    let line = lines.find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))?;
    let body = line.trim_start_matches(' ');
    (body.contains(':') && !body.starts_with('-')).then(|| line.len() - body.len())
}

/// The most entries read on their own.
const MAX_UNITS: usize = 200;

/// What is read on its own: a part of the file (`from..to`) set into the template in
/// place of `at..until`.
struct Unit {
    from: usize,
    to: usize,
    at: usize,
    until: usize,
}

/// The units of a file: each entry of a block-mapping section written with the template's
/// indentation (`agency.level`, `proactive.licensing`…), otherwise each whole top-level
/// section.
fn units(file: &str, template: &str) -> Vec<Unit> {
    let own = entries(template, 0, template.len(), 0);
    let mut out = Vec::new();
    for s in entries(file, 0, file.len(), 0) {
        let Some(t) = own.iter().find(|t| t.key == s.key) else {
            // A key the template does not have: read after all of its sections.
            out.push(Unit { from: s.start, to: s.end, at: template.len(), until: template.len() });
            continue;
        };
        let indent = child_indent(template, t).filter(|i| child_indent(file, &s) == Some(*i));
        let Some(indent) = indent else {
            out.push(Unit { from: s.start, to: s.end, at: t.start, until: t.end });
            continue;
        };
        let inner = entries(template, t.start, t.end, indent);
        // After the template's last entry of the section (before its trailing comments).
        let tail = inner.last().map_or(t.end, |e| e.end);
        for c in entries(file, s.start, s.end, indent) {
            let (at, until) =
                inner.iter().find(|e| e.key == c.key).map_or((tail, tail), |e| (e.start, e.end));
            out.push(Unit { from: c.start, to: c.end, at, until });
        }
    }
    out
}

/// The first error of each unit of `file`, read as `T` inside `template` (a file of the
/// same format that reads without error). `first` is the error of the whole file; it is
/// kept, and a unit's error equal to it is not repeated.
pub(crate) fn each_section<T: DeserializeOwned>(
    file: &SourceFile,
    template: &str,
    first: Diagnostic,
    cx: &Context,
    read: impl Fn(&str) -> Result<T, serde_saphyr::Error>,
) -> Vec<Diagnostic> {
    let mut out = vec![first];
    // A report has some 60 entries; a file of thousands is not one, and reading each
    // would take long for nothing.
    for u in units(&file.text, template).into_iter().take(MAX_UNITS) {
        let mut part = file.text[u.from..u.to].to_owned();
        if !part.ends_with('\n') {
            part.push('\n');
        }
        let mut text = String::with_capacity(template.len() + part.len() + 1);
        text.push_str(&template[..u.at]);
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        let placed = text.len();
        text.push_str(&part);
        text.push_str(&template[u.until..]);
        let Err(e) = read(&text) else { continue };
        let synthetic = SourceFile::new(file.path.clone(), text);
        let d = error::translate(&e, &synthetic, Some(cx));
        let back = |span: Span| {
            let inside = span.start >= placed && span.end <= placed + (u.to - u.from);
            inside.then(|| Span::new(span.start - placed + u.from, span.end - placed + u.from))
        };
        // A message placed outside the unit is about the template, not the file.
        let Some(primary) = d.primary.as_ref().and_then(|p| back(p.span)) else { continue };
        let text = d.primary.as_ref().map(|p| p.text.clone()).unwrap_or_default();
        let moved = Diagnostic {
            primary: Some(Label { span: primary, text }),
            secondary: d
                .secondary
                .iter()
                .filter_map(|l| back(l.span).map(|span| Label { span, text: l.text.clone() }))
                .collect(),
            fixes: Vec::new(),
            ..d
        };
        if !out.iter().any(|o| o.primary == moved.primary && o.message == moved.message) {
            out.push(moved);
        }
    }
    crate::diag::sort(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::entries;

    #[test]
    fn top_level_keys_split_the_text() {
        let text = "# head\nyear: 2024\nagency:\n  name: x\n# note\n- odd\nproactive: {}\n";
        let keys: Vec<(&str, &str)> = entries(text, 0, text.len(), 0)
            .iter()
            .map(|s| (s.key, &text[s.start..s.end]))
            .collect();
        assert_eq!(
            keys,
            [
                ("year", "year: 2024\n"),
                ("agency", "agency:\n  name: x\n# note\n- odd\n"),
                ("proactive", "proactive: {}\n")
            ]
        );
    }
}

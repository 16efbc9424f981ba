//! The agency's name, read from a file without reading the rest: a batch names each
//! report's outputs before it checks any report, and reading every file twice in full
//! cost it about a tenth of its time.

use granit_parser::{Event, Parser};

use crate::source::SourceFile;

/// Events read at most before giving up: `agency` comes near the top of a report.
const MAX_EVENTS: usize = 2_000;

/// A mapping or a sequence being read, and for a mapping the key whose value comes next.
enum Open {
    Mapping { key: Option<String>, value_next: bool },
    Sequence,
}

/// The value of `agency.name` as the model would read it (trimmed), if the file
/// writes it plainly as a top-level `agency:` mapping with a `name:` text; `None`
/// otherwise (the caller then reads the whole file).
pub fn agency_name(file: &SourceFile) -> Option<String> {
    let mut stack: Vec<Open> = Vec::new();
    for item in Parser::new_from_str(&file.text).take(MAX_EVENTS) {
        let (event, _) = item.ok()?;
        match event {
            Event::Scalar(value, ..) => {
                let is_name = matches!(
                    &stack[..],
                    [
                        Open::Mapping { key: Some(a), value_next: true },
                        Open::Mapping { key: Some(n), value_next: true }
                    ] if a == "agency" && n == "name"
                );
                if is_name {
                    let name = value.trim();
                    return (!name.is_empty()).then(|| name.to_owned());
                }
                match stack.last_mut() {
                    Some(Open::Mapping { key, value_next }) if !*value_next => {
                        *key = Some(value.into_owned());
                        *value_next = true;
                    }
                    Some(Open::Mapping { value_next, .. }) => *value_next = false,
                    _ => {}
                }
            }
            Event::MappingStart(..) => stack.push(Open::Mapping { key: None, value_next: false }),
            Event::SequenceStart(..) => stack.push(Open::Sequence),
            Event::MappingEnd | Event::SequenceEnd => {
                let closed = stack.pop();
                // The agency's mapping ended without a plain name.
                if stack.len() == 1
                    && matches!(&stack[0], Open::Mapping { key: Some(a), .. } if a == "agency")
                    && matches!(closed, Some(Open::Mapping { .. }))
                {
                    return None;
                }
                if let Some(Open::Mapping { value_next, .. }) = stack.last_mut() {
                    *value_next = false;
                }
            }
            Event::Alias(..) | Event::UnresolvedAlias(..) => return None,
            Event::StreamEnd => return None,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(text: &str) -> Option<String> {
        agency_name(&SourceFile::new("r.yaml", text.to_owned()))
    }

    #[test]
    fn the_name_is_read_where_the_model_reads_it() {
        let text = "year: 2024\noverview: [{heading: 甲, content: [乙]}]\nagency:\n  level: department\n  name: ' 江川市财政局 '\n  deadline: 2025-01-31\npublication_date: 2025-01-20\n";
        assert_eq!(name(text).as_deref(), Some("江川市财政局"));
        assert_eq!(
            name("agency: {name: 市民政局, level: department}\n").as_deref(),
            Some("市民政局")
        );
        // A `name` elsewhere is not the agency's.
        assert_eq!(name("other: {name: 甲}\nagency: {level: department}\n"), None);
        assert_eq!(name("agency:\n  nested: {name: 甲}\n"), None);
        // Not plainly written: the whole file is read instead.
        assert_eq!(name("agency:\n  name: &a 甲\n"), Some("甲".to_owned()));
        assert_eq!(name("agency: *a\n"), None);
        assert_eq!(name("agency: [1, 2]\n"), None);
        assert_eq!(name("agency:\n  name: ''\n"), None);
        assert_eq!(name("agency: {name: [甲]}\n"), None);
        assert_eq!(name(": : :\n  - ]"), None);
    }
}

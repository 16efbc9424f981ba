//! The labels of table 三 at the catalogue's column widths, set with the bundled fonts
//! and with fixed metrics: every line ends between two words of the label
//! ([`crate::format::words`]), none holds a single character, none is cut, and the
//! longest labels take at most five lines.

use std::path::Path;

use super::*;
use crate::build::{self, Templates};
use crate::format::words;
use crate::layout::prepare::Prepared;
use crate::layout::setter::Setter;

/// Table 三 of an example, as the report builds it (read through the steps above the
/// layout: input, model, build).
fn table_three(example: &str) -> Block {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(example);
    let bytes = std::fs::read(&path).expect("the example is there");
    let file = crate::input::decode(&path, bytes).expect("UTF-8");
    let (parsed, format) = crate::input::parse(&file, &|_| String::new()).expect("it parses");
    let (report, _) = crate::model::lower(&file, parsed, format).expect("it lowers");
    let doc = build::document(&report, &Templates::load(None).expect("templates"))
        .expect("the example builds");
    doc.blocks
        .into_iter()
        .find(|b| matches!(b, Block::Table(t) if t.id == "applications"))
        .expect("table 三")
}

/// The header cells' lines of table 三, set with `book`.
fn label_lines<M: Metrics + ?Sized>(book: &M, table: &Block) -> Vec<Vec<String>> {
    let setter = Setter::new(book, PAGE);
    match setter.prepare(table) {
        Ok(Prepared::Table(t)) => t.header_lines(),
        _ => panic!("table 三 is measured"),
    }
}

fn check(lines: &[Vec<String>], what: &str) {
    for label in lines {
        let text: String = label.concat();
        let Some(breaks) = words::breaks(&text) else {
            // Not a catalogue label (none is left in table 三).
            panic!("{what}: {text} is not segmented");
        };
        assert!(label.len() <= 5, "{what}: {label:?}");
        let mut at = 0;
        for (i, line) in label.iter().enumerate() {
            assert!(line.chars().count() >= 2, "{what}: a character alone: {label:?}");
            at += line.len();
            if i + 1 < label.len() {
                assert!(breaks.contains(&at), "{what}: broken inside a word: {label:?}");
            }
        }
    }
}

#[test]
fn labels_of_table_three_break_between_words() {
    let fonts = crate::fonts::FontBook::bundled();
    for example in ["jiangchuan-ziranziyuan-2024.yaml", "hengyang-minzheng-2020.yaml"] {
        let t = table_three(example);
        let real = label_lines(fonts, &t);
        check(&real, example);
        check(&label_lines(&FixedBook, &t), example);
        // The labels the issue named: the natural-person column on one line.
        let natural = crate::format::common::APP_COLUMNS[0].0;
        assert!(real.contains(&vec![natural.to_string()]), "{real:?}");
        // The results label in its words: 「三、/本年度/办理/结果」.
        let results = crate::format::common::RESULTS;
        let in_words = real.iter().any(|l| l.concat() == results && l.len() == 4);
        assert!(in_words, "{real:?}");
    }
}

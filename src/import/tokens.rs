//! The cells of a part of a report as one stream in reading order — each table's rows
//! left to right, each paragraph a row of its own — and the matching of the
//! catalogue's labels against it.
//!
//! Published tables are read by their labels, not by their positions: a row's label
//! names the row, the cells after it in the same row are its figures (or, when the label
//! stands alone in its row as in text copied one cell a line, the figures that follow).
//! So a table split in two, a header over several lines, a row left out or merged cells
//! laid out differently still map to the right cells.

use super::document::Block;
use super::label::{key, key_without_note};
use super::value::Value;

/// One cell (or paragraph) of the stream.
#[derive(Clone, Debug)]
pub struct Tok {
    /// Its text.
    pub text: String,
    /// Its row, numbered through the whole stream.
    pub row: usize,
    /// Its column in its table (0 for a paragraph).
    pub col: usize,
    /// Which table it is in (`None` for a paragraph).
    pub table: Option<usize>,
    /// Index of its block.
    pub block: usize,
}

/// The stream of blocks `range`.
pub fn stream(blocks: &[Block], range: std::ops::Range<usize>) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut row = 0;
    for (b, block) in blocks.iter().enumerate().take(range.end).skip(range.start) {
        match block {
            Block::Paragraph(p) => {
                out.push(Tok { text: p.clone(), row, col: 0, table: None, block: b });
                row += 1;
            }
            Block::Table(t) => {
                for r in 0..t.rows() {
                    let mut cells: Vec<_> = t.cells.iter().filter(|c| c.row == r).collect();
                    cells.sort_by_key(|c| c.col);
                    for c in cells {
                        out.push(Tok {
                            text: c.text.clone(),
                            row,
                            col: c.col,
                            table: Some(b),
                            block: b,
                        });
                    }
                    row += 1;
                }
            }
        }
    }
    out
}

/// What a label names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// A row with figures: its index in the caller's list.
    Row(usize),
    /// A label over other rows (a group, a header): no figures of its own.
    Group,
}

/// A label to look for.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The label, as the catalogue prints it.
    pub label: String,
    /// Other spellings accepted (the 2019 wording of a row the 2021 format renamed).
    pub aliases: Vec<String>,
    /// What it names.
    pub target: Target,
    /// How many figures the row has.
    pub width: usize,
}

impl Entry {
    /// A row with `width` figures.
    pub fn row(label: &str, index: usize, width: usize) -> Entry {
        Entry { label: label.to_owned(), aliases: Vec::new(), target: Target::Row(index), width }
    }

    /// A group label.
    pub fn group(label: &str) -> Entry {
        Entry { label: label.to_owned(), aliases: Vec::new(), target: Target::Group, width: 0 }
    }
}

/// A row found in the stream.
#[derive(Clone, Debug)]
pub struct Hit {
    /// Index of the row in the caller's list.
    pub index: usize,
    /// Position of its label in the stream.
    pub at: usize,
    /// Positions of its figures in the stream.
    pub values: Vec<usize>,
}

/// Whether a cell holds a figure, a blank or a placeholder (not words).
pub fn value_like(text: &str) -> bool {
    !matches!(Value::read(text), Value::Text(_))
}

/// The entry a label at `i` names, and how many cells its label takes (a label broken
/// over two cells or lines reads whole). Among equal labels, the first after `after`.
fn label_at(
    toks: &[Tok],
    i: usize,
    entries: &[Entry],
    after: Option<usize>,
) -> Option<(usize, usize)> {
    let k = key(&toks[i].text);
    if k.is_empty() || k.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut found: Vec<(usize, usize)> = Vec::new();
    for (e, entry) in entries.iter().enumerate() {
        for label in std::iter::once(&entry.label).chain(&entry.aliases) {
            let full = key(label);
            if k == full || k == key_without_note(label) {
                found.push((e, 1));
                break;
            }
            // A label split over cells: join the next ones while they continue it.
            if full.starts_with(&k) && k.chars().count() >= 2 {
                let mut joined = k.clone();
                let mut n = 1;
                while i + n < toks.len() && n < 4 && joined.len() < full.len() {
                    joined.push_str(&key(&toks[i + n].text));
                    n += 1;
                    if joined == full {
                        found.push((e, n));
                        break;
                    }
                    if !full.starts_with(&joined) {
                        break;
                    }
                }
            }
        }
    }
    let row_index = |e: usize| match entries[e].target {
        Target::Row(r) => Some(r),
        Target::Group => None,
    };
    found
        .iter()
        .find(|(e, _)| match (row_index(*e), after) {
            (Some(r), Some(a)) => r > a,
            _ => true,
        })
        .or(found.first())
        .copied()
}

/// Finds every row of `entries` in the stream.
pub fn find_rows(toks: &[Tok], entries: &[Entry], skip: impl Fn(&Entry, &str) -> bool) -> Vec<Hit> {
    let mut hits = Vec::new();
    let mut i = 0;
    let mut last: Option<usize> = None;
    while i < toks.len() {
        let Some((e, used)) = label_at(toks, i, entries, last) else {
            i += 1;
            continue;
        };
        let entry = &entries[e];
        let Target::Row(index) = entry.target else {
            i += used;
            continue;
        };
        let label_row = toks[i + used - 1].row;
        let mut j = i + used;
        // Notes and units printed between a label and its figure.
        while j < toks.len()
            && skip(entry, &toks[j].text)
            && label_at(toks, j, entries, Some(index)).is_none()
        {
            j += 1;
        }
        let mut values = Vec::new();
        if j < toks.len() && toks[j].row == label_row {
            while j < toks.len()
                && toks[j].row == label_row
                && label_at(toks, j, entries, Some(index)).is_none()
            {
                if !skip(entry, &toks[j].text) {
                    values.push(j);
                }
                j += 1;
            }
        } else {
            while j < toks.len()
                && values.len() < entry.width
                && value_like(&toks[j].text)
                && label_at(toks, j, entries, Some(index)).is_none()
            {
                if !skip(entry, &toks[j].text) {
                    values.push(j);
                }
                j += 1;
            }
        }
        hits.push(Hit { index, at: i, values });
        last = Some(index);
        i = j.max(i + used);
    }
    hits
}

//! `--embed-fonts`: the bundled open fonts, subset to the characters of the report and
//! obfuscated as ECMA-376 requires, stored in the package as `word/fonts/*.odttf`.
//!
//! Only the bundled fonts are embedded: they are under the SIL Open Font License, which
//! allows it. The official fonts (仿宋_GB2312 and the others) are commercial and are never
//! embedded; with `--embed-fonts` the document names the open fonts instead, so that it
//! looks the same on a machine that has none of them.
//!
//! Which face each kind of text needs comes from the font table ([`super::roles`]). The
//! subsets are TrueType fonts written here: [`subset`] builds one from a face, with
//! [`outline`] (CFF curves to quadratic ones), [`glyf`] (glyph records), [`cmap`] and
//! [`sfnt`] (the container); [`obfuscate`] turns it into a font part.

mod cmap;
mod glyf;
mod obfuscate;
mod outline;
mod sfnt;
mod subset;

use std::collections::{BTreeMap, BTreeSet};

use super::DocxError;
use super::roles::{self, OPEN_FAMILIES, Setting};
use crate::doc::{Block, Document, Entry};
use crate::fonts::{FaceId, FontBook};

/// One embedded font program.
pub(super) struct Program {
    /// Relationship id in `word/_rels/fontTable.xml.rels`.
    pub(super) rel_id: String,
    /// Part name under `word/fonts/`.
    pub(super) file: String,
    /// The obfuscation key, a GUID in braces.
    pub(super) key: String,
    /// The obfuscated font.
    pub(super) data: Vec<u8>,
}

/// A font family as named in the document, with its embedded regular and bold faces.
pub(super) struct Family {
    /// The family name (`Noto Serif CJK SC`).
    pub(super) name: &'static str,
    /// The regular face.
    pub(super) regular: Option<Program>,
    /// The bold face.
    pub(super) bold: Option<Program>,
}

impl Family {
    /// The programs, regular first.
    pub(super) fn programs(&self) -> impl Iterator<Item = &Program> {
        [&self.regular, &self.bold].into_iter().flatten()
    }
}

/// The characters set in each bundled face.
#[derive(Default)]
struct Chars(BTreeMap<FaceId, BTreeSet<char>>);

impl Chars {
    fn add(&mut self, setting: Setting, text: &str) {
        let (_, face) = setting.open_face();
        self.0.entry(face).or_default().extend(text.chars());
    }
}

/// The characters of every kind of text the document part and the footers write.
fn collect(doc: &Document, draft_mark: Option<&str>) -> Chars {
    let mut c = Chars::default();
    c.add(roles::TITLE, &doc.title);
    c.add(roles::DRAFT_MARK, draft_mark.unwrap_or(""));
    c.add(roles::BODY, doc.byline.as_deref().unwrap_or(""));
    // Page numbers: 「— N —」.
    c.add(roles::PAGE_NUMBER, "— 0123456789");
    for block in &doc.blocks {
        match block {
            Block::Heading { level, number, text } => {
                c.add(roles::heading(*level), number);
                c.add(roles::heading(*level), text);
            }
            Block::Para(t) | Block::Note(t) => c.add(roles::BODY, t),
            Block::Signature(lines) => lines.iter().for_each(|l| c.add(roles::BODY, l)),
            Block::Table(t) => {
                for e in &t.grid.entries {
                    if let Entry::Cell(cell) = e {
                        c.add(roles::BODY, &cell.text);
                    }
                }
            }
        }
    }
    c
}

/// The embedded families for a document, in the order of [`OPEN_FAMILIES`]: each with
/// the faces that some of its text is set in.
pub(super) fn families(doc: &Document, draft_mark: Option<&str>) -> Result<Vec<Family>, DocxError> {
    let book = FontBook::bundled();
    let chars = collect(doc, draft_mark);
    let mut n = 0;
    let mut program = |face: FaceId| -> Result<Option<Program>, DocxError> {
        let Some(set) = chars.0.get(&face).filter(|s| !s.iter().all(|c| c.is_whitespace())) else {
            return Ok(None);
        };
        n += 1;
        let face = book.face(face);
        let font = subset::subset(face, set)
            .ok_or_else(|| DocxError::FontTables { font: face.name.clone() })?;
        let key = obfuscate::guid(&font);
        let data = obfuscate::obfuscate(font, &key);
        Ok(Some(Program {
            rel_id: format!("rIdFont{n}"),
            file: format!("font{n}.odttf"),
            key,
            data,
        }))
    };
    let mut out = Vec::new();
    for family in OPEN_FAMILIES {
        let regular = program(family.regular)?;
        let bold = match family.bold {
            Some(face) => program(face)?,
            None => None,
        };
        if regular.is_some() || bold.is_some() {
            out.push(Family { name: family.name, regular, bold });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::{KAI, SANS, SERIF, SERIF_B};

    #[test]
    fn each_kind_of_text_goes_to_its_face() {
        let doc = Document {
            lang: "zh-CN".into(),
            title: "甲".into(),
            byline: Some("乙".into()),
            blocks: vec![
                Block::Heading { level: 1, number: "一、".into(), text: "丙".into() },
                Block::Heading { level: 2, number: "（一）".into(), text: "丁".into() },
                Block::Heading { level: 3, number: "1.".into(), text: "戊".into() },
                Block::Heading { level: 4, number: "（1）".into(), text: "己".into() },
                Block::Para("庚".into()),
            ],
            spans: vec![None; 5],
            title_span: None,
            meta: Default::default(),
        };
        let c = collect(&doc, Some("辛"));
        let of = |face: FaceId| c.0[&face].iter().collect::<String>();
        // Page numbers and level-4 headings in the body face.
        assert_eq!(of(SERIF), " 0123456789—乙己庚（）");
        // The title and level-3 headings in bold.
        assert_eq!(of(SERIF_B), ".1戊甲");
        // The draft mark with the level-1 headings.
        assert_eq!(of(SANS), "、一丙辛");
        assert_eq!(of(KAI), "一丁（）");
    }
}

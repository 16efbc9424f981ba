//! Reading a DOCX (Word, WPS): paragraphs with the text of their automatic numbering,
//! tables with `gridSpan` and `vMerge` placed on a grid, and nianbao's own figures from
//! its custom XML part.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use roxmltree::{Document, Node};

use super::document::{Block, Published, Unreadable};
use super::grid::{RawCell, place};
use super::label::squeeze;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// The largest part read from the package (a zip bomb stops here).
const PART_LIMIT: u64 = 64 << 20;

/// Reads a DOCX package.
pub fn read(bytes: &[u8]) -> Result<Published, Unreadable> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| {
        Unreadable("文件以 ZIP 开头，但无法打开：文件可能不完整或已损坏，请重新下载或另存".into())
    })?;
    let Some(main) = part(&mut zip, "word/document.xml")? else {
        return Err(Unreadable(
            "这是一个 ZIP 压缩包，不是 Word 文档（里面没有 word/document.xml）：请提供 .docx、网页或 PDF"
                .into(),
        ));
    };
    let numbering = part(&mut zip, "word/numbering.xml")?.unwrap_or_default();
    let mut embedded = None;
    let names: Vec<String> = zip.file_names().map(str::to_owned).collect();
    let mut custom: Vec<&String> =
        names.iter().filter(|n| n.starts_with("customXml/item") && !n.contains("Props")).collect();
    custom.sort();
    for name in custom {
        if let Some(xml) = part(&mut zip, name)?
            && let Ok(doc) = Document::parse(&xml)
            && doc.root_element().tag_name().name() == "nianbao-data"
        {
            embedded = doc.root_element().text().map(|t| t.trim().to_owned());
        }
    }
    let doc = Document::parse(&main).map_err(|e| {
        Unreadable(format!("Word 文档的正文（word/document.xml）不是完整的 XML（{e}）：请在 Word 或 WPS 中打开后重新保存"))
    })?;
    let numbers = Numbering::read(&numbering);
    let mut reader = Body { numbers, counters: BTreeMap::new(), blocks: Vec::new(), tables: 0 };
    if let Some(body) = doc.root_element().children().find(|n| is(n, "body")) {
        reader.children(body);
    }
    Ok(Published { blocks: reader.blocks, embedded })
}

fn part<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
) -> Result<Option<String>, Unreadable> {
    let Ok(file) = zip.by_name(name) else { return Ok(None) };
    let mut bytes = Vec::new();
    file.take(PART_LIMIT + 1)
        .read_to_end(&mut bytes)
        .map_err(|_| Unreadable(format!("Word 文档里的 {name} 无法解压：文件可能已损坏")))?;
    if bytes.len() as u64 > PART_LIMIT {
        return Err(Unreadable(format!(
            "Word 文档里的 {name} 解压后超过 64 MiB，不像是一份年度报告"
        )));
    }
    Ok(Some(String::from_utf8_lossy(&bytes).into_owned()))
}

fn is(n: &Node, name: &str) -> bool {
    n.is_element() && n.tag_name().name() == name && n.tag_name().namespace() == Some(W)
}

fn attr<'a>(n: &Node<'a, '_>, name: &str) -> Option<&'a str> {
    n.attribute((W, name))
}

fn child<'a, 'i>(n: &Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    n.children().find(|c| is(c, name))
}

struct Body {
    numbers: Numbering,
    /// Counters of automatic numbering: (numId, level) → last number.
    counters: BTreeMap<(String, usize), usize>,
    blocks: Vec<Block>,
    tables: usize,
}

impl Body {
    fn children(&mut self, node: Node) {
        for n in node.children() {
            if is(&n, "p") {
                let text = self.paragraph(&n);
                if !text.is_empty() {
                    self.blocks.push(Block::Paragraph(text));
                }
            } else if is(&n, "tbl") {
                self.table(&n);
            } else if is(&n, "sdt") {
                if let Some(content) = child(&n, "sdtContent") {
                    self.children(content);
                }
            } else if n.is_element() && !is(&n, "sectPr") {
                self.children(n);
            }
        }
    }

    /// A paragraph's text, its automatic number first.
    fn paragraph(&mut self, p: &Node) -> String {
        let mut text = self.number_of(p);
        runs(p, &mut text);
        squeeze(&text)
    }

    fn number_of(&mut self, p: &Node) -> String {
        let Some(num_pr) = child(p, "pPr").and_then(|ppr| child(&ppr, "numPr")) else {
            return String::new();
        };
        let num_id = child(&num_pr, "numId").and_then(|n| attr(&n, "val")).unwrap_or("0");
        let level: usize = child(&num_pr, "ilvl")
            .and_then(|n| attr(&n, "val"))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        let Some(levels) = self.numbers.levels(num_id) else { return String::new() };
        let n = self.counters.entry((num_id.to_owned(), level)).or_insert(0);
        *n += 1;
        let current = *n;
        // A number restarts its deeper levels.
        self.counters.retain(|(id, l), _| id != num_id || *l <= level);
        let mut out = levels.get(level).map(|l| l.text.clone()).unwrap_or_default();
        for (i, l) in levels.iter().enumerate().take(level + 1) {
            let value = if i == level {
                current
            } else {
                self.counters.get(&(num_id.to_owned(), i)).copied().unwrap_or(1)
            };
            out = out.replace(&format!("%{}", i + 1), &l.format(value));
        }
        out
    }

    fn table(&mut self, tbl: &Node) {
        let mut rows: Vec<Vec<RawCell>> = Vec::new();
        // The cell that starts at each grid column, for vMerge continuations: (row, index).
        let mut active: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
        let mut inner = Vec::new();
        for tr in tbl.children().filter(|n| is(n, "tr")) {
            let r = rows.len();
            let mut row = Vec::new();
            let mut col = child(&tr, "trPr")
                .and_then(|p| child(&p, "gridBefore"))
                .and_then(|g| attr(&g, "val"))
                .and_then(|v| v.parse::<usize>().ok())
                .unwrap_or(0);
            for tc in cells_of(&tr) {
                let pr = child(&tc, "tcPr");
                let span = pr
                    .and_then(|p| child(&p, "gridSpan"))
                    .and_then(|g| attr(&g, "val"))
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, 1000);
                let merge = pr.and_then(|p| child(&p, "vMerge"));
                let continues = merge.is_some_and(|m| attr(&m, "val") != Some("restart"));
                match active.get(&col).copied() {
                    Some((sr, si)) if continues => {
                        if let Some(cell) =
                            rows.get_mut(sr).and_then(|x: &mut Vec<RawCell>| x.get_mut(si))
                        {
                            cell.rowspan = r - sr + 1;
                        }
                    }
                    _ => {
                        let mut text = String::new();
                        self.cell_text(&tc, &mut text, &mut inner);
                        active.insert(col, (r, row.len()));
                        row.push(RawCell { text: squeeze(&text), rowspan: 1, colspan: span });
                    }
                }
                col += span;
            }
            rows.push(row);
        }
        self.tables += 1;
        let rows: Vec<Vec<RawCell>> = rows;
        self.blocks.push(Block::Table(place(&rows, format!("第 {} 个表格", self.tables))));
        for t in inner {
            self.table(&t);
        }
    }

    /// A cell's text; tables inside it are read afterwards, as tables of their own.
    fn cell_text<'a, 'i>(
        &mut self,
        tc: &Node<'a, 'i>,
        out: &mut String,
        inner: &mut Vec<Node<'a, 'i>>,
    ) {
        for n in tc.children() {
            if is(&n, "p") {
                // Paragraphs of a cell are joined: a label broken over lines reads whole.
                out.push_str(&self.paragraph(&n));
            } else if is(&n, "tbl") {
                inner.push(n);
            } else if is(&n, "sdt")
                && let Some(c) = child(&n, "sdtContent")
            {
                self.cell_text(&c, out, inner);
            }
        }
    }
}

/// The cells of a row, content controls opened.
fn cells_of<'a, 'i>(tr: &Node<'a, 'i>) -> Vec<Node<'a, 'i>> {
    let mut out = Vec::new();
    for n in tr.children() {
        if is(&n, "tc") {
            out.push(n);
        } else if is(&n, "sdt")
            && let Some(c) = child(&n, "sdtContent")
        {
            out.extend(c.children().filter(|x| is(x, "tc")));
        }
    }
    out
}

/// The text of a paragraph's runs: `w:t`, tabs as spaces, line breaks joined (a title
/// broken over two lines reads whole); deleted text (`w:del`) left out.
fn runs(node: &Node, out: &mut String) {
    for n in node.children() {
        if !n.is_element() {
            continue;
        }
        match n.tag_name().name() {
            "t" if n.tag_name().namespace() == Some(W) => out.push_str(n.text().unwrap_or("")),
            "tab" | "ptab" => out.push(' '),
            "del" | "pPr" | "rPr" | "instrText" | "delText" | "fldData" => {}
            _ => runs(&n, out),
        }
    }
}

/// One level of an automatic numbering.
#[derive(Clone, Debug, Default)]
struct Level {
    /// `w:lvlText`: `%1、`, `（%1）`.
    text: String,
    /// `w:numFmt`.
    format: String,
    /// `w:start`.
    start: usize,
}

impl Level {
    fn format(&self, n: usize) -> String {
        let n = n + self.start.saturating_sub(1);
        match self.format.as_str() {
            "chineseCounting"
            | "chineseCountingThousand"
            | "ideographTraditional"
            | "chineseLegalSimplified"
            | "taiwaneseCountingThousand" => crate::format::numbering::chinese_numeral(n),
            "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => {
                char::from_u32(0x2460 + n.clamp(1, 20) as u32 - 1)
                    .map_or(n.to_string(), String::from)
            }
            "bullet" | "none" => String::new(),
            _ => n.to_string(),
        }
    }
}

/// `word/numbering.xml`: the levels of each numbering.
#[derive(Default)]
struct Numbering {
    /// numId → its levels.
    nums: BTreeMap<String, Vec<Level>>,
}

impl Numbering {
    fn read(xml: &str) -> Numbering {
        let Ok(doc) = Document::parse(xml) else { return Numbering::default() };
        let root = doc.root_element();
        let mut abstracts: BTreeMap<String, Vec<Level>> = BTreeMap::new();
        for a in root.children().filter(|n| is(n, "abstractNum")) {
            let id = attr(&a, "abstractNumId").unwrap_or("").to_owned();
            let mut levels = vec![Level::default(); 9];
            for l in a.children().filter(|n| is(n, "lvl")) {
                let Some(i) = attr(&l, "ilvl").and_then(|v| v.parse::<usize>().ok()) else {
                    continue;
                };
                if i >= 9 {
                    continue;
                }
                let val = |name: &str| {
                    child(&l, name).and_then(|n| attr(&n, "val")).unwrap_or("").to_owned()
                };
                levels[i] = Level {
                    text: val("lvlText"),
                    format: val("numFmt"),
                    start: val("start").parse().unwrap_or(1),
                };
            }
            abstracts.insert(id, levels);
        }
        let mut nums = BTreeMap::new();
        for n in root.children().filter(|n| is(n, "num")) {
            let id = attr(&n, "numId").unwrap_or("").to_owned();
            if let Some(a) = child(&n, "abstractNumId").and_then(|x| attr(&x, "val"))
                && let Some(levels) = abstracts.get(a)
            {
                nums.insert(id, levels.clone());
            }
        }
        Numbering { nums }
    }

    fn levels(&self, num_id: &str) -> Option<&Vec<Level>> {
        self.nums.get(num_id)
    }
}

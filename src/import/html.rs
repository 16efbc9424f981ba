//! Reading an HTML page: a saved portal page or Word's 「另存为网页」 (`mso-` styles,
//! nested spans, `<o:p>`, conditional comments), with its paragraphs, headings and tables
//! (rowspan and colspan placed on a grid), and nianbao's own `nianbao-data` figures.
//!
//! html5gum tokenizes the page as the HTML standard says (entities, comments, raw text
//! of `<script>` and `<style>`); the few tree rules a report needs — a new cell or row
//! closes the open one, a table inside a cell is read on its own — are applied here.

use html5gum::{DefaultEmitter, Token, Tokenizer};

use super::document::{Block, Published};
use super::grid::{RawCell, place};
use super::label::squeeze;

/// A line break in the page's source: dropped between two Han characters, a space
/// elsewhere (Word wraps its HTML source in the middle of sentences).
const SOURCE_BREAK: char = '\u{1}';
/// The end of a paragraph inside a cell: joined away in a table of figures, a paragraph
/// break when the table turns out to lay out the page.
const CELL_BREAK: char = '\u{2}';

/// Reads an HTML page.
pub fn read(html: &str) -> Published {
    let mut emitter = DefaultEmitter::default();
    emitter.naively_switch_states(true);
    let mut r = Reader::default();
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                let attr = |key: &str| {
                    tag.attributes
                        .iter()
                        .find(|(k, _)| k.eq_ignore_ascii_case(key.as_bytes()))
                        .map(|(_, v)| String::from_utf8_lossy(v).into_owned())
                };
                r.start(&name, attr("rowspan"), attr("colspan"), attr("id"), tag.self_closing);
            }
            Token::EndTag(tag) => r.end(&String::from_utf8_lossy(&tag.name).to_ascii_lowercase()),
            Token::String(s) => r.text(&String::from_utf8_lossy(&s)),
            _ => {}
        }
    }
    r.finish()
}

/// A table being read.
#[derive(Default)]
struct OpenTable {
    rows: Vec<Vec<RawCell>>,
    row_open: bool,
    cell: Option<RawCell>,
    /// A table that lays out the page (the article in one of its cells, or tables inside
    /// its cells): its cells' text is read as paragraphs, and it is no table of the report.
    layout: bool,
}

/// A cell longer than this holds running text, not a label or a figure: its table lays
/// out the page.
const LAYOUT_CELL: usize = 120;

#[derive(Default)]
struct Reader {
    blocks: Vec<Block>,
    para: String,
    tables: Vec<OpenTable>,
    /// Inside `<script>`, `<style>`, `<title>`, `<template>`: not text of the report.
    skip: Option<String>,
    /// Inside `<script id="nianbao-data">`.
    data: Option<String>,
    embedded: Option<String>,
    table_count: usize,
}

fn span(v: Option<String>) -> usize {
    v.and_then(|s| s.trim().parse::<usize>().ok()).unwrap_or(1)
}

/// Elements that end a paragraph where they start or end.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "main"
            | "blockquote"
            | "center"
            | "body"
            | "hr"
            | "caption"
            | "pre"
    )
}

impl Reader {
    fn start(
        &mut self,
        name: &str,
        rowspan: Option<String>,
        colspan: Option<String>,
        id: Option<String>,
        self_closing: bool,
    ) {
        if self.skip.is_some() || self.data.is_some() {
            return;
        }
        match name {
            "script" if id.as_deref() == Some("nianbao-data") => self.data = Some(String::new()),
            "script" | "style" | "title" | "template" | "noscript" | "xml" if !self_closing => {
                self.skip = Some(name.to_owned());
            }
            "table" => {
                // A table inside a cell: the outer table lays out the page.
                if self.tables.last().is_some_and(|t| t.cell.is_some() && !t.layout) {
                    self.turn_to_layout();
                }
                self.flush();
                self.tables.push(OpenTable::default());
            }
            "tr" => {
                if let Some(t) = self.tables.last_mut() {
                    close_cell(t);
                    t.rows.push(Vec::new());
                    t.row_open = true;
                }
            }
            "td" | "th" if self.tables.last().is_some_and(|t| t.layout) => {
                if let Some(mut t) = self.tables.pop() {
                    self.flush_layout(&mut t);
                    t.cell = Some(RawCell::default());
                    self.tables.push(t);
                }
            }
            "td" | "th" => {
                if let Some(t) = self.tables.last_mut() {
                    close_cell(t);
                    if !t.row_open {
                        t.rows.push(Vec::new());
                        t.row_open = true;
                    }
                    t.cell = Some(RawCell {
                        text: String::new(),
                        rowspan: span(rowspan),
                        colspan: span(colspan),
                    });
                }
            }
            "br" => self.line_break(),
            _ if is_block(name) => self.block_boundary(),
            _ => {}
        }
    }

    /// A paragraph ends; inside a cell of running text, the table turns out to lay out
    /// the page.
    fn block_boundary(&mut self) {
        if let Some(t) = self.tables.last_mut()
            && let Some(cell) = t.cell.as_mut()
            && !t.layout
        {
            if cell.text.chars().count() > LAYOUT_CELL {
                self.turn_to_layout();
            } else if !cell.text.is_empty() && !cell.text.ends_with(CELL_BREAK) {
                cell.text.push(CELL_BREAK);
            }
        }
        self.flush();
    }

    fn end(&mut self, name: &str) {
        if let Some(s) = &self.skip {
            if s == name {
                self.skip = None;
            }
            return;
        }
        if name == "script"
            && let Some(d) = self.data.take()
        {
            self.embedded = Some(d.trim().to_owned());
            return;
        }
        match name {
            "table" => {
                if let Some(t) = self.tables.pop() {
                    self.close_table(t);
                }
            }
            "tr" | "td" | "th" if self.tables.last().is_some_and(|t| t.layout) => {
                if let Some(mut t) = self.tables.pop() {
                    self.flush_layout(&mut t);
                    if name == "tr" {
                        t.row_open = false;
                    }
                    self.tables.push(t);
                }
            }
            "tr" => {
                if let Some(t) = self.tables.last_mut() {
                    close_cell(t);
                    t.row_open = false;
                }
            }
            "td" | "th" => {
                if let Some(t) = self.tables.last_mut() {
                    close_cell(t);
                }
            }
            _ if is_block(name) => self.block_boundary(),
            _ => {}
        }
    }

    /// Ends a table: a page-layout table gives its text as paragraphs, a real one becomes
    /// a grid (when it has rows). A table inside a cell is read as its own table; its
    /// text does not go into the cell around it.
    fn close_table(&mut self, mut t: OpenTable) {
        if t.layout {
            self.flush_layout(&mut t);
            return;
        }
        close_cell(&mut t);
        self.table_count += 1;
        let rows: Vec<Vec<RawCell>> = t.rows.into_iter().filter(|r| !r.is_empty()).collect();
        if !rows.is_empty() {
            let place_name = format!("第 {} 个表格", self.table_count);
            self.blocks.push(Block::Table(place(&rows, place_name)));
        }
    }

    fn line_break(&mut self) {
        match self.tables.last() {
            // Lines of a cell are joined: a label broken over lines reads whole.
            Some(t) if t.cell.is_some() && !t.layout => {}
            _ => self.flush(),
        }
    }

    fn text(&mut self, s: &str) {
        if let Some(d) = &mut self.data {
            d.push_str(s);
            return;
        }
        if self.skip.is_some() {
            return;
        }
        let s = s.replace("\r\n", "\n").replace(['\n', '\r'], &SOURCE_BREAK.to_string());
        match self.tables.last_mut() {
            Some(t) if !t.layout => {
                if let Some(c) = t.cell.as_mut() {
                    c.text.push_str(&s);
                }
            }
            _ => self.para.push_str(&s),
        }
    }

    /// A table turns out to lay out the page: what was read of it becomes paragraphs.
    fn turn_to_layout(&mut self) {
        let Some(mut t) = self.tables.pop() else { return };
        t.layout = true;
        let mut texts: Vec<String> = t.rows.drain(..).flatten().map(|c| c.text).collect();
        if let Some(c) = t.cell.as_mut() {
            texts.push(std::mem::take(&mut c.text));
        }
        for text in texts {
            for part in text.split(CELL_BREAK) {
                let p = clean(part);
                if !p.is_empty() {
                    self.blocks.push(Block::Paragraph(p));
                }
            }
        }
        self.tables.push(t);
    }

    /// The open cell of a layout table as paragraphs.
    fn flush_layout(&mut self, t: &mut OpenTable) {
        if let Some(c) = t.cell.take() {
            self.para.push_str(&c.text);
        }
        let p = clean(&std::mem::take(&mut self.para));
        if !p.is_empty() {
            self.blocks.push(Block::Paragraph(p));
        }
    }

    fn flush(&mut self) {
        if self.tables.last().is_some_and(|t| t.cell.is_some() && !t.layout) {
            // Paragraphs inside a cell stay in the cell.
            return;
        }
        let p = clean(&std::mem::take(&mut self.para));
        if !p.is_empty() {
            self.blocks.push(Block::Paragraph(p));
        }
    }

    fn finish(mut self) -> Published {
        self.flush();
        while let Some(t) = self.tables.pop() {
            self.close_table(t);
        }
        Published { blocks: self.blocks, embedded: self.embedded }
    }
}

fn close_cell(t: &mut OpenTable) {
    if let Some(mut c) = t.cell.take() {
        c.text = clean(&c.text);
        if !t.row_open {
            t.rows.push(Vec::new());
            t.row_open = true;
        }
        if let Some(row) = t.rows.last_mut() {
            row.push(c);
        }
    }
}

/// Text of a paragraph or cell: source line breaks dropped between Han characters (a
/// space elsewhere), white space squeezed.
fn clean(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == SOURCE_BREAK {
            let before =
                chars[..i].iter().rev().find(|c| !c.is_whitespace() && **c != SOURCE_BREAK);
            let after = chars[i + 1..].iter().find(|c| !c.is_whitespace() && **c != SOURCE_BREAK);
            let wide = |c: Option<&char>| c.is_some_and(|c| (*c as u32) >= 0x2E80);
            if !(wide(before) || wide(after)) {
                out.push(' ');
            }
        } else if c != CELL_BREAK {
            out.push(c);
        }
    }
    squeeze(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_word_html() {
        let page = "<html><head><style>p.MsoNormal{mso-style-parent:\"\"}</style>\
            <script type=\"application/json\" id=\"nianbao-data\">{\"a\":1}</script></head><body>\
            <p class=MsoTitle><span lang=EN-US style='mso-bidi-font-size:10.5pt'>某某局<br>2022年</span><o:p></o:p></p>\
            <!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->\
            <p>第一段\n文字&nbsp;继续</p>\
            <table><tr><td rowspan=2><p>自 然</p><p>人</p></td><td colspan=2>b<td>c\
            <tr><td>1<td>2<td>3</table><p>后文</p></body></html>";
        let p = read(page);
        assert_eq!(p.embedded.as_deref(), Some("{\"a\":1}"));
        assert_eq!(p.blocks[0], Block::Paragraph("某某局".into()));
        assert_eq!(p.blocks[1], Block::Paragraph("2022年".into()));
        assert_eq!(p.blocks[2], Block::Paragraph("第一段文字 继续".into()));
        let Block::Table(t) = &p.blocks[3] else { panic!("{:?}", p.blocks) };
        assert_eq!(t.at(0, 0).map(|c| c.text.as_str()), Some("自 然人"));
        assert_eq!(t.at(1, 0).map(|c| c.text.as_str()), Some("自 然人"));
        assert_eq!(t.at(0, 2).map(|c| c.text.as_str()), Some("b"));
        assert_eq!(t.at(1, 3).map(|c| c.text.as_str()), Some("3"));
        assert_eq!(p.blocks[4], Block::Paragraph("后文".into()));
    }

    #[test]
    fn reads_an_article_laid_out_in_a_table() {
        let long = "很长的正文。".repeat(30);
        let page = format!(
            "<table><tr><td>导航</td></tr><tr><td><p>标题</p><p>{long}</p><p>下一段</p>\
             <table><tr><td>规章</td><td>1</td></tr></table><p>表后</p></td></tr></table>"
        );
        let p = read(&page);
        let texts: Vec<String> = p
            .blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph(t) => t.clone(),
                Block::Table(t) => format!("表格{}", t.cells.len()),
            })
            .collect();
        assert_eq!(texts, ["导航", "标题", long.as_str(), "下一段", "表格2", "表后"]);
    }
}

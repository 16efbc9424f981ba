//! Parsing the markup the templates write into a [`Document`].
//!
//! The vocabulary is small and fixed: `report`, `title`, `byline`, `h`, `p`, `note`,
//! `signature`/`line`, `table`/`tr`/`th`/`td`, and `official` for a table of the format's
//! catalogue (`<official table="applications"/>`). Block elements may carry `at="S-E"`,
//! the byte span in the YAML their text came from. Anything else is a template error,
//! reported with its line and column in the generated markup and that line's text.

use std::num::NonZeroU16;

use roxmltree::{Node, NodeType};

use crate::doc::{Block, Cell, Document, Grid, Table};
use crate::source::Span;

/// A mistake in the markup a template produced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkupError {
    /// What is wrong, in Chinese.
    pub message: String,
    /// 1-based line in the generated markup.
    pub line: u32,
    /// 1-based column.
    pub column: u32,
    /// The text of that line.
    pub source_line: String,
}

type Result<T> = std::result::Result<T, MarkupError>;

/// Gives the blocks of an official table by its id, `None` for an unknown id.
pub type Official<'a> = &'a dyn Fn(&str) -> Option<Vec<Block>>;

struct Parser<'a> {
    text: &'a str,
    official: Official<'a>,
}

impl<'a> Parser<'a> {
    fn error(&self, node: Node, message: impl Into<String>) -> MarkupError {
        let pos = node.document().text_pos_at(node.range().start);
        self.error_at(pos.row, pos.col, message.into())
    }

    fn error_at(&self, line: u32, column: u32, message: String) -> MarkupError {
        let source_line = self.text.lines().nth(line as usize - 1).unwrap_or("").trim().to_owned();
        MarkupError { message, line, column, source_line }
    }

    fn text_of(&self, node: Node) -> Result<String> {
        let mut out = String::new();
        for child in node.children() {
            match child.node_type() {
                NodeType::Text => out.push_str(child.text().unwrap_or("")),
                NodeType::Comment => {}
                _ => {
                    return Err(
                        self.error(child, format!("<{}> 里只能有文字", node.tag_name().name()))
                    );
                }
            }
        }
        Ok(out.split_whitespace().collect::<Vec<_>>().join(" "))
    }

    fn attr_num<T: std::str::FromStr>(&self, node: Node, name: &str) -> Result<Option<T>> {
        match node.attribute(name) {
            None => Ok(None),
            Some(v) => v
                .trim()
                .parse()
                .map(Some)
                .map_err(|_| self.error(node, format!("属性 {name}=\"{v}\" 应当是正整数"))),
        }
    }

    /// The `at="S-E"` attribute: where the element's text is in the YAML.
    fn at(&self, node: Node) -> Result<Option<Span>> {
        let Some(v) = node.attribute("at") else { return Ok(None) };
        let parsed = v.split_once('-').and_then(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?)));
        match parsed {
            Some((start, end)) if start <= end => Ok(Some(Span::new(start, end))),
            _ => Err(self.error(node, format!("属性 at=\"{v}\" 应当写作 起-止 两个整数"))),
        }
    }

    fn elements<'n, 'i>(node: Node<'n, 'i>) -> impl Iterator<Item = Node<'n, 'i>> {
        node.children().filter(Node::is_element)
    }

    fn document(&self, root: Node) -> Result<Document> {
        if root.tag_name().name() != "report" {
            return Err(
                self.error(root, format!("最外层应是 <report>，不是 <{}>", root.tag_name().name()))
            );
        }
        let mut doc = Document {
            lang: root.attribute("lang").unwrap_or("zh-CN").to_owned(),
            title: String::new(),
            byline: None,
            blocks: Vec::new(),
            spans: Vec::new(),
            title_span: None,
            meta: Default::default(),
        };
        for node in Self::elements(root) {
            let at = self.at(node)?;
            let before = doc.blocks.len();
            match node.tag_name().name() {
                "title" => {
                    doc.title = self.text_of(node)?;
                    doc.title_span = at;
                }
                "byline" => doc.byline = Some(self.text_of(node)?),
                "h" => {
                    let level = self.attr_num::<u8>(node, "level")?.unwrap_or(1);
                    if !(1..=4).contains(&level) {
                        return Err(self.error(node, "标题层级 level 只能是 1 到 4"));
                    }
                    doc.blocks.push(Block::Heading {
                        level,
                        number: node.attribute("number").unwrap_or("").to_owned(),
                        text: self.text_of(node)?,
                    });
                }
                "p" => doc.blocks.push(Block::Para(self.text_of(node)?)),
                "note" => doc.blocks.push(Block::Note(self.text_of(node)?)),
                "signature" => {
                    let lines = Self::elements(node)
                        .map(|l| match l.tag_name().name() {
                            "line" => self.text_of(l),
                            other => Err(self.error(
                                l,
                                format!("<signature> 里只能有 <line>，不能有 <{other}>"),
                            )),
                        })
                        .collect::<Result<Vec<_>>>()?;
                    doc.blocks.push(Block::Signature(lines));
                }
                "table" => doc.blocks.push(Block::Table(self.table(node)?)),
                "official" => {
                    let id = node.attribute("table").unwrap_or("");
                    match (self.official)(id) {
                        Some(blocks) => doc.blocks.extend(blocks),
                        None => {
                            return Err(self.error(
                                node,
                                format!(
                                    "<official> 的 table=\"{id}\" 不是官方表格（可用：{}）",
                                    super::tables::IDS.join("、")
                                ),
                            ));
                        }
                    }
                }
                other => return Err(self.error(node, format!("不认识的标记 <{other}>"))),
            }
            doc.spans.resize(doc.blocks.len(), None);
            if doc.blocks.len() == before + 1 {
                doc.spans[before] = at;
            }
        }
        if doc.title.is_empty() {
            return Err(self.error(root, "报告缺少 <title>"));
        }
        Ok(doc)
    }

    fn table(&self, node: Node) -> Result<Table> {
        let cols: usize = self
            .attr_num(node, "cols")?
            .ok_or_else(|| self.error(node, "<table> 缺少列数 cols"))?;
        let mut rows = Vec::new();
        for tr in Self::elements(node) {
            if tr.tag_name().name() != "tr" {
                return Err(self.error(
                    tr,
                    format!("<table> 里只能有 <tr>，不能有 <{}>", tr.tag_name().name()),
                ));
            }
            let mut row = Vec::new();
            for cell in Self::elements(tr) {
                let header = match cell.tag_name().name() {
                    "th" => true,
                    "td" => false,
                    other => {
                        return Err(self
                            .error(cell, format!("<tr> 里只能有 <th> 或 <td>，不能有 <{other}>")));
                    }
                };
                let span = |name| -> Result<NonZeroU16> {
                    let v: u16 = self.attr_num(cell, name)?.unwrap_or(1);
                    NonZeroU16::new(v).ok_or_else(|| self.error(cell, format!("{name} 不能为 0")))
                };
                row.push(Cell {
                    text: self.text_of(cell)?,
                    header,
                    rowspan: span("rowspan")?,
                    colspan: span("colspan")?,
                    span: self.at(cell)?,
                    indent: None,
                });
            }
            rows.push(row);
        }
        let grid = Grid::resolve(cols, rows).map_err(|e| {
            let id = node.attribute("id").unwrap_or("");
            self.error(node, format!("表格 {id} 的行列不对：{e}"))
        })?;
        let head_rows: usize = self.attr_num(node, "head")?.unwrap_or(0);
        if head_rows > grid.rows {
            return Err(self.error(node, "表头行数 head 超过了表格行数"));
        }
        let widths = match node.attribute("widths") {
            None => vec![1; cols],
            Some(w) => {
                let ws: Vec<u32> = w.split_whitespace().filter_map(|x| x.parse().ok()).collect();
                if ws.len() != cols || ws.contains(&0) {
                    return Err(self.error(node, format!("widths 应当是 {cols} 个正整数")));
                }
                ws
            }
        };
        let label_cols: usize = self.attr_num(node, "labels")?.unwrap_or(1);
        if label_cols > cols {
            return Err(self.error(node, "标签列数 labels 超过了表格列数"));
        }
        Ok(Table {
            id: node.attribute("id").unwrap_or("").to_owned(),
            title: node.attribute("title").unwrap_or("").to_owned(),
            label_cols,
            head_rows,
            widths,
            small: node.attribute("small") == Some("true"),
            grid,
        })
    }
}

/// Parses generated markup; `official` gives the blocks of `<official table="…"/>`.
pub fn parse(text: &str, official: Official) -> Result<Document> {
    let p = Parser { text, official };
    let tree = roxmltree::Document::parse(text).map_err(|e| {
        let pos = e.pos();
        p.error_at(pos.row, pos.col, format!("模板生成的标记不是合法的 XML：{e}"))
    })?;
    p.document(tree.root_element())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_blocks_and_tables() {
        let doc = parse(
            "<report lang=\"zh-CN\"><title>某局2024年政府信息公开工作年度报告</title>\
             <h level=\"1\" number=\"一、\">总体情况</h><p>正文\n 第二行</p>\
             <table id=\"t\" cols=\"2\" head=\"1\"><tr><th colspan=\"2\">表头</th></tr><tr><th>行</th><td>0</td></tr></table>\
             <signature><line>某局</line><line>2025年1月20日</line></signature></report>",
            &|_| None,
        )
        .unwrap();
        assert_eq!(doc.blocks.len(), 4);
        assert_eq!(doc.blocks[1], Block::Para("正文 第二行".into()));
        let Block::Table(t) = &doc.blocks[2] else { panic!() };
        assert_eq!((t.grid.rows, t.grid.cols, t.head_rows), (2, 2, 1));
    }

    #[test]
    fn reports_where_the_markup_is_wrong() {
        let e = parse("<report><title>x</title>\n<table id=\"t\" cols=\"3\"><tr><td>1</td></tr></table></report>", &|_| None).unwrap_err();
        assert_eq!((e.line, e.column), (2, 1));
        assert!(
            e.message.contains("表格 t 的行列不对：第 1 行只有 1 列，不足 3 列"),
            "{}",
            e.message
        );
        let e = parse("<report><title>x</title><blink>y</blink></report>", &|_| None).unwrap_err();
        assert_eq!(e.message, "不认识的标记 <blink>");
    }
}

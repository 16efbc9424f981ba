//! The layout engine: a [`Document`] in, positioned pages out.
//!
//! Pages are plain data ([`Layout`]): runs of glyphs at a baseline and ruled lines, in
//! points from the top-left corner of an A4 page. The PDF writer only draws them, and
//! [`Layout`]'s `Display` prints them as text for snapshot tests.
//!
//! The page follows GB/T 9704: A4, margins 37/35/28/26 mm, a text block of 22 lines of
//! 28 characters in 3号 type. Body lines sit on that grid; tables break it and the next
//! paragraph returns to it.

mod table;
pub mod text;

use std::fmt;

use crate::doc::page::{PAGE, PageSpec, size};
use crate::doc::{Block, Document};
use crate::fonts::{FontBook, MissingGlyph, Role};
use crate::units::{Mm, Pt};
use text::{Align, Ch, Run, TextStyle};

/// Title lines are set 35 pt apart.
const TITLE_PITCH: f32 = 35.0;

/// Notes under tables: 小四 lines 18 pt apart, 4 pt below the table.
const NOTE_PITCH: f32 = size::TABLE.0 * 1.5;
const NOTE_GAP: f32 = 4.0;

/// Page numbers: the dashes 7 mm below the text block.
const NUMBER_DROP: Mm = Mm(7.0);

/// Laid-out pages and the outline.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    /// The pages, first to last.
    pub pages: Vec<Page>,
    /// Headings of levels 1 and 2, for the PDF outline.
    pub outline: Vec<Mark>,
}

/// One page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// What is drawn, in reading order.
    pub items: Vec<Item>,
}

/// Something drawn on a page.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// Glyphs on a baseline.
    Text(TextItem),
    /// A straight line.
    Rule(Rule),
}

/// A run of glyphs of one face.
#[derive(Clone, Debug, PartialEq)]
pub struct TextItem {
    /// Left end of the baseline, in points from the page's left edge.
    pub x: f32,
    /// The baseline, in points from the page's top edge.
    pub y: f32,
    /// Type size.
    pub size: f32,
    /// Outlined (bold) and colour.
    pub bold: bool,
    /// Drawn red.
    pub red: bool,
    /// The glyphs, in one face.
    pub run: Run,
}

/// A ruled line.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rule {
    /// Start.
    pub x1: f32,
    /// Start.
    pub y1: f32,
    /// End.
    pub x2: f32,
    /// End.
    pub y2: f32,
    /// Line width in points.
    pub width: f32,
}

/// An outline entry: a heading and where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// 1 or 2.
    pub level: u8,
    /// The heading as printed.
    pub title: String,
    /// Page index (0-based).
    pub page: usize,
    /// Top of the heading, in points from the page's top edge.
    pub y: f32,
}

/// Why a document could not be laid out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LayoutError {
    /// The character no font has.
    pub missing: MissingGlyph,
    /// The text it is in (a paragraph, heading or table cell).
    pub context: String,
}

/// Options that change what is laid out.
#[derive(Clone, Copy, Debug, Default)]
pub struct LayoutOptions<'a> {
    /// A mark printed in red above the title (drafts).
    pub draft_mark: Option<&'a str>,
}

/// Lays out a document.
pub fn layout(
    doc: &Document,
    book: &FontBook,
    opts: &LayoutOptions,
) -> Result<Layout, LayoutError> {
    let mut flow = Flow::new(book, PAGE);
    if let Some(mark) = opts.draft_mark {
        let style = TextStyle { red: true, ..flow.style(Role::Heading1, size::BODY) };
        let block = flow.lines(mark, style, Align::Center, 0.0)?;
        flow.place_lines(&block, flow.spec.line_pitch().0, None);
    }
    flow.title(doc)?;
    let prepared =
        doc.blocks.iter().map(|b| flow.prepare(b)).collect::<Result<Vec<_>, LayoutError>>()?;
    for (i, p) in prepared.iter().enumerate() {
        let keep = keep_height(&prepared[i..], &flow.spec);
        // A note stays on the page where its table ends, and the signature on the page
        // where the text ends.
        let tail = match prepared.get(i + 1) {
            Some(Prepared::Note(b)) => NOTE_GAP + b.lines.len() as f32 * NOTE_PITCH,
            Some(Prepared::Signature(b)) => (b.lines.len() + 1) as f32 * flow.spec.line_pitch().0,
            _ => 0.0,
        };
        flow.place(p, keep, tail);
    }
    flow.page_numbers()?;
    Ok(Layout { pages: flow.pages, outline: flow.outline })
}

/// Lines of one block, broken and placed horizontally; `x` of runs is from the text
/// block's left edge.
struct LineBlock {
    lines: Vec<Vec<Run>>,
    style: TextStyle,
}

enum Prepared {
    /// Grid-aligned lines: body text and headings.
    Lines { block: LineBlock, outline: Option<(u8, String)>, heading: bool },
    /// A table.
    Table(table::TableLayout),
    /// A note under a table: small type, off the grid.
    Note(LineBlock),
    /// The signature: one blank grid line, then right-aligned lines.
    Signature(LineBlock),
}

/// The height that must fit at the current position before placing `blocks[0]`: a
/// heading keeps with the first line (or first rows) of what follows.
fn keep_height(blocks: &[Prepared], spec: &PageSpec) -> f32 {
    let pitch = spec.line_pitch().0;
    match blocks.first() {
        Some(Prepared::Lines { block, heading: true, .. }) => {
            block.lines.len() as f32 * pitch + keep_height(&blocks[1..], spec)
        }
        Some(Prepared::Lines { .. }) | Some(Prepared::Note(_)) => pitch,
        Some(Prepared::Table(t)) => t.first_unit_height(spec.text_height().0),
        Some(Prepared::Signature(b)) => (b.lines.len() + 1) as f32 * pitch,
        None => 0.0,
    }
}

struct Flow<'a> {
    book: &'a FontBook,
    spec: PageSpec,
    pages: Vec<Page>,
    /// Distance from the top of the text block on the current page.
    y: f32,
    outline: Vec<Mark>,
}

const EPS: f32 = 0.01;

impl<'a> Flow<'a> {
    fn new(book: &'a FontBook, spec: PageSpec) -> Self {
        Flow { book, spec, pages: vec![Page::default()], y: 0.0, outline: Vec::new() }
    }

    fn style(&self, role: Role, size: Pt) -> TextStyle {
        // 3号 type is set on the character grid: 28 characters fill the line.
        let tracking = if size == size::BODY { self.spec.body_tracking().0 } else { 0.0 };
        TextStyle { role, size: size.0, tracking, bold: false, red: false }
    }

    fn shape(&self, text: &str, style: &TextStyle) -> Result<Vec<Ch>, LayoutError> {
        text::shape(self.book, text, style)
            .map_err(|missing| LayoutError { missing, context: text.to_string() })
    }

    /// Breaks `text` into lines as wide as the text block, the first indented.
    fn lines(
        &self,
        text: &str,
        style: TextStyle,
        align: Align,
        indent: f32,
    ) -> Result<LineBlock, LayoutError> {
        self.lines_in(text, style, align, indent, 0.0, self.spec.text_width().0)
    }

    fn lines_in(
        &self,
        text: &str,
        style: TextStyle,
        align: Align,
        indent: f32,
        right_indent: f32,
        width: f32,
    ) -> Result<LineBlock, LayoutError> {
        let chars = self.shape(text, &style)?;
        let avail = width - right_indent;
        let lines = text::break_lines(&chars, avail - indent, avail)
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let ind = if i == 0 { indent } else { 0.0 };
                text::place(&chars, l, ind, avail - ind, align)
            })
            .collect();
        Ok(LineBlock { lines, style })
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = 0.0;
    }

    fn snap_to_grid(&mut self) {
        let p = self.spec.line_pitch().0;
        let k = ((self.y - EPS) / p).ceil().max(0.0);
        self.y = k * p;
        if self.y > self.spec.text_height().0 - EPS {
            self.new_page();
        }
    }

    fn room(&self) -> f32 {
        self.spec.text_height().0 - self.y
    }

    fn push_runs(&mut self, runs: &[Run], x0: f32, baseline: f32, style: &TextStyle) {
        let page = self.pages.len() - 1;
        self.push_runs_on(page, runs, x0, baseline, style);
    }

    /// Adds runs to page `page`; `x0` and `baseline` are from the text block's corner.
    fn push_runs_on(
        &mut self,
        page: usize,
        runs: &[Run],
        x0: f32,
        baseline: f32,
        style: &TextStyle,
    ) {
        let (left, top) = self.spec.text_origin();
        let x = left.0 + x0;
        let y = top.0 + baseline;
        for run in runs {
            let item = TextItem {
                x: x + run.x,
                y,
                size: style.size,
                bold: style.bold,
                red: style.red,
                run: run.clone(),
            };
            self.pages[page].items.push(Item::Text(item));
        }
    }

    /// Places lines `pitch` apart from the current position, breaking pages as needed.
    fn place_lines(&mut self, block: &LineBlock, pitch: f32, mark: Option<(u8, String)>) {
        self.place_lines_split(block, pitch, mark, None)
    }

    /// Like [`Flow::place_lines`], with a page break before line `split` as well.
    fn place_lines_split(
        &mut self,
        block: &LineBlock,
        pitch: f32,
        mark: Option<(u8, String)>,
        split: Option<usize>,
    ) {
        let size = block.style.size;
        for (i, runs) in block.lines.iter().enumerate() {
            if self.y + pitch > self.spec.text_height().0 + EPS || (split == Some(i) && i > 0) {
                self.new_page();
            }
            if i == 0
                && let Some((level, title)) = &mark
            {
                let (page, y) = (self.pages.len() - 1, self.spec.text_origin().1.0 + self.y);
                self.outline.push(Mark { level: *level, title: title.clone(), page, y });
            }
            // The em box (0.88 above the baseline to 0.12 below) centred in the line.
            let baseline = self.y + pitch / 2.0 + 0.38 * size;
            self.push_runs(runs, 0.0, baseline, &block.style);
            self.y += pitch;
        }
    }

    /// The title: 2号, centred, broken at a meaningful place; one blank line after it.
    fn title(&mut self, doc: &Document) -> Result<(), LayoutError> {
        let style = self.style(Role::Title, size::TITLE);
        let mut lines = Vec::new();
        for part in title_lines(self, doc, &style)? {
            lines.extend(self.lines(&part, style, Align::Center, 0.0)?.lines);
        }
        let block = LineBlock { lines, style };
        self.place_lines(&block, TITLE_PITCH, None);
        if let Some(byline) = &doc.byline {
            let style = self.style(Role::Body, size::BODY);
            let b = self.lines(byline, style, Align::Center, 0.0)?;
            self.snap_to_grid();
            self.place_lines(&b, self.spec.line_pitch().0, None);
        }
        // One blank grid line before the body.
        self.y += self.spec.line_pitch().0;
        Ok(())
    }

    fn prepare(&self, block: &Block) -> Result<Prepared, LayoutError> {
        let indent = 2.0 * self.spec.char_pitch().0;
        Ok(match block {
            Block::Heading { level, number, text } => {
                let (role, bold) = match level {
                    1 => (Role::Heading1, false),
                    2 => (Role::Heading2, false),
                    3 => (Role::Body, true),
                    _ => (Role::Body, false),
                };
                let style = TextStyle { bold, ..self.style(role, size::BODY) };
                let full = format!("{number}{text}");
                let block = self.lines(&full, style, Align::Justify, indent)?;
                let outline = (*level <= 2).then_some((*level, full));
                Prepared::Lines { block, outline, heading: true }
            }
            Block::Para(text) => {
                let style = self.style(Role::Body, size::BODY);
                let block = self.lines(text, style, Align::Justify, indent)?;
                Prepared::Lines { block, outline: None, heading: false }
            }
            Block::Note(text) => {
                let style = self.style(Role::Body, size::TABLE);
                Prepared::Note(self.lines(text, style, Align::Justify, 0.0)?)
            }
            Block::Signature(lines) => {
                let style = self.style(Role::Body, size::BODY);
                let mut all = Vec::new();
                for l in lines {
                    let width = self.spec.text_width().0;
                    let b = self.lines_in(l, style, Align::Right, 0.0, indent, width)?;
                    all.extend(b.lines);
                }
                Prepared::Signature(LineBlock { lines: all, style })
            }
            Block::Table(t) => Prepared::Table(table::prepare(self, t)?),
        })
    }

    fn place(&mut self, p: &Prepared, keep: f32, tail: f32) {
        let pitch = self.spec.line_pitch().0;
        match p {
            Prepared::Lines { block, outline, .. } => {
                self.snap_to_grid();
                if keep > self.room() + EPS && keep <= self.spec.text_height().0 && self.y > EPS {
                    self.new_page();
                }
                // When the whole block fits but what must follow it (the signature) does
                // not, its last two lines go to the next page with it: a signature never
                // stands alone on a page (GB/T 9704 7.3.5).
                let n = block.lines.len();
                let fit = ((self.room() + EPS) / pitch).floor() as usize;
                let mut split = None;
                if tail > 0.0 && n <= fit && n as f32 * pitch + tail > self.room() + EPS {
                    split = Some(n.saturating_sub(2));
                }
                if split == Some(0) && self.y > EPS {
                    self.new_page();
                    split = None;
                }
                self.place_lines_split(block, pitch, outline.clone(), split);
            }
            Prepared::Note(block) => {
                self.y += NOTE_GAP;
                self.place_lines(block, NOTE_PITCH, None);
            }
            Prepared::Signature(block) => {
                self.snap_to_grid();
                if keep > self.room() + EPS && self.y > EPS {
                    self.new_page();
                } else {
                    self.y += pitch;
                }
                self.place_lines(block, pitch, None);
            }
            Prepared::Table(t) => {
                if keep > self.room() + EPS && self.y > EPS {
                    self.new_page();
                }
                table::place(self, t, tail);
            }
        }
    }

    /// 「— N —」 in 4号宋体 under the text block: right on odd pages, left on even ones,
    /// one character in from the edge; the dashes 7 mm below the text block.
    fn page_numbers(&mut self) -> Result<(), LayoutError> {
        let style = self.style(Role::PageNumber, size::PAGE_NUMBER);
        let spec = self.spec;
        let one_char = size::PAGE_NUMBER.0;
        for i in 0..self.pages.len() {
            let label = format!("— {} —", i + 1);
            let chars = self.shape(&label, &style)?;
            let w = text::width(&chars);
            let line = text::Line { range: 0..chars.len(), width: w, last: true };
            let runs = text::place(&chars, &line, 0.0, w, Align::Justify);
            let x = if i % 2 == 0 { spec.text_width().0 - one_char - w } else { one_char };
            let baseline =
                spec.text_height().0 + NUMBER_DROP.to_pt().0 + 0.38 * size::PAGE_NUMBER.0;
            let (Pt(left), Pt(top)) = spec.text_origin();
            for run in runs {
                self.pages[i].items.push(Item::Text(TextItem {
                    x: left + x + run.x,
                    y: top + baseline,
                    size: style.size,
                    bold: false,
                    red: false,
                    run,
                }));
            }
        }
        Ok(())
    }
}

/// The title in lines. It is kept on one line when it fits; otherwise it breaks after
/// the agency's name (「…局」/「2024年政府信息公开工作年度报告」), and a part that is
/// still too long is split in two halves of about equal length at a place where a line
/// may break, so that no line holds only one or two characters.
fn title_lines(flow: &Flow, doc: &Document, style: &TextStyle) -> Result<Vec<String>, LayoutError> {
    let width = flow.spec.text_width().0;
    let fits = |s: &str| -> Result<bool, LayoutError> {
        Ok(text::width(&flow.shape(s, style)?) <= width + EPS)
    };
    if fits(&doc.title)? {
        return Ok(vec![doc.title.clone()]);
    }
    let parts: Vec<&str> = match doc.title_parts() {
        Some((a, b)) => vec![a, b],
        None => vec![&doc.title],
    };
    let mut out = Vec::new();
    for part in parts {
        if fits(part)? {
            out.push(part.to_string());
            continue;
        }
        let chars = flow.shape(part, style)?;
        let total = text::width(&chars);
        // The break opportunity nearest the middle that leaves both halves at least three
        // characters long and each within the line.
        let best = (3..chars.len().saturating_sub(2))
            .filter(|&i| chars[i].break_before)
            .filter(|&i| text::width(&chars[..i]) <= width && text::width(&chars[i..]) <= width)
            .min_by(|&a, &b| {
                let da = (text::width(&chars[..a]) - total / 2.0).abs();
                let db = (text::width(&chars[..b]) - total / 2.0).abs();
                da.total_cmp(&db)
            });
        match best {
            Some(i) => {
                out.push(chars[..i].iter().map(|c| c.ch).collect());
                out.push(chars[i..].iter().map(|c| c.ch).collect());
            }
            // Longer than two lines: ordinary line breaking.
            None => out.push(part.to_string()),
        }
    }
    Ok(out)
}

impl fmt::Display for Layout {
    /// One line per drawn item, coordinates rounded to 0.1 pt.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, page) in self.pages.iter().enumerate() {
            writeln!(f, "page {}", i + 1)?;
            for item in &page.items {
                match item {
                    Item::Text(t) => {
                        let w: f32 = t.run.glyphs.iter().map(|g| g.advance).sum();
                        writeln!(
                            f,
                            "  text {:.1},{:.1} w{:.1} f{}{}{} {} {:?}",
                            t.x,
                            t.y,
                            w,
                            t.run.face,
                            if t.bold { " bold" } else { "" },
                            if t.red { " red" } else { "" },
                            t.size,
                            t.run.text
                        )?;
                    }
                    Item::Rule(r) => {
                        writeln!(f, "  rule {:.1},{:.1} {:.1},{:.1}", r.x1, r.y1, r.x2, r.y2)?
                    }
                }
            }
        }
        for m in &self.outline {
            writeln!(f, "outline {} p{} {:.1} {:?}", m.level, m.page + 1, m.y, m.title)?;
        }
        Ok(())
    }
}

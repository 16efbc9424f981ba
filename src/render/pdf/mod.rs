//! The PDF writer: draws laid-out pages with krilla.
//!
//! Everything about position was decided by [`crate::layout`]; this module only draws
//! glyph runs and rules, embeds subsets of the fonts, and writes the metadata, the
//! outline (bookmarks for the sections) and the report's figures as an attached file
//! `nianbao-data.json`. Nothing depends on the clock: the dates are the report's
//! publication date, so the same input gives the same bytes.

mod compact;

use krilla::Document;
use krilla::color::rgb;
use krilla::destination::XyzDestination;
use krilla::embed::{AssociationKind, EmbeddedFile, MimeType};
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::{DateTime, Metadata};
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::{GlyphId, KrillaGlyph};

use crate::fonts::FontBook;
use crate::layout::{Item, Layout, MM, PAGE};

/// What the PDF says about itself.
pub struct PdfOptions<'a> {
    /// Document title (the report's title).
    pub title: &'a str,
    /// Author: the agency.
    pub author: &'a str,
    /// Subject line.
    pub subject: &'a str,
    /// Publication date `(year, month, day)`: the creation date.
    pub date: (u16, u8, u8),
    /// The `nianbao-data` JSON attached as `nianbao-data.json`.
    pub data_json: &'a str,
}

/// Draws a layout into PDF bytes.
pub fn pdf(layout: &Layout, book: &FontBook, opts: &PdfOptions) -> Result<Vec<u8>, String> {
    let mut doc = Document::new();
    let fonts: Vec<_> = book.faces().iter().map(|f| f.pdf_font()).collect();
    let (w, h) = (PAGE.width_mm * MM, PAGE.height_mm * MM);
    let black = rgb::Color::new(0, 0, 0);
    let red = rgb::Color::new(0xB0, 0, 0);
    for page in &layout.pages {
        let settings = PageSettings::from_wh(w, h).ok_or("页面尺寸无效")?;
        let mut p = doc.start_page_with(settings);
        let mut s = p.surface();
        for item in &page.items {
            match item {
                Item::Text(t) => {
                    let font = fonts[t.run.face].clone().ok_or_else(|| {
                        format!("PDF 写入器无法读取字体 {}", book.face(t.run.face).name)
                    })?;
                    let color = if t.red { red } else { black };
                    s.set_fill(Some(Fill { paint: color.into(), ..Default::default() }));
                    // Level-3 headings are bold 仿宋: the glyphs get a thin outline too.
                    s.set_stroke(t.bold.then(|| Stroke {
                        paint: color.into(),
                        width: t.size * 0.03,
                        ..Default::default()
                    }));
                    let glyphs: Vec<KrillaGlyph> = t
                        .run
                        .glyphs
                        .iter()
                        .map(|g| {
                            KrillaGlyph::new(
                                GlyphId::new(u32::from(g.id)),
                                g.advance / t.size,
                                0.0,
                                0.0,
                                0.0,
                                g.range.clone(),
                                None,
                            )
                        })
                        .collect();
                    s.draw_glyphs(
                        Point::from_xy(t.x, t.y),
                        &glyphs,
                        font,
                        &t.run.text,
                        t.size,
                        false,
                    );
                }
                Item::Rule(r) => {
                    let mut pb = PathBuilder::new();
                    pb.move_to(r.x1, r.y1);
                    pb.line_to(r.x2, r.y2);
                    let Some(path) = pb.finish() else { continue };
                    s.set_fill(None);
                    s.set_stroke(Some(Stroke {
                        paint: black.into(),
                        width: r.width,
                        ..Default::default()
                    }));
                    s.draw_path(&path);
                }
            }
        }
        s.finish();
        p.finish();
    }

    let (y, m, d) = opts.date;
    let date = DateTime::new(y).month(m).day(d);
    doc.set_metadata(
        Metadata::new()
            .title(opts.title.to_string())
            .authors(vec![opts.author.to_string()])
            .description(opts.subject.to_string())
            .language("zh-CN".to_string())
            .creator(format!("nianbao {}", env!("CARGO_PKG_VERSION")))
            .producer(format!("nianbao {} (krilla)", env!("CARGO_PKG_VERSION")))
            .creation_date(date),
    );

    let mut outline = Outline::new();
    let mut current: Option<OutlineNode> = None;
    for mark in &layout.outline {
        let node = OutlineNode::new(
            mark.title.clone(),
            XyzDestination::new(mark.page, Point::from_xy(0.0, mark.y)),
        );
        if mark.level <= 1 {
            if let Some(done) = current.take() {
                outline.push_child(done);
            }
            current = Some(node.with_open(false));
        } else if let Some(parent) = current.as_mut() {
            parent.push_child(node);
        } else {
            outline.push_child(node);
        }
    }
    if let Some(done) = current {
        outline.push_child(done);
    }
    doc.set_outline(outline);

    doc.embed_file(EmbeddedFile {
        path: "nianbao-data.json".to_string(),
        mime_type: MimeType::new("application/json"),
        description: Some("报告数据（nianbao-data 第 1 版）".to_string()),
        association_kind: AssociationKind::Data,
        data: opts.data_json.as_bytes().to_vec().into(),
        modification_date: Some(date),
        compress: Some(true),
        location: None,
    })
    .ok_or("无法附加 nianbao-data.json")?;

    let bytes = doc.finish().map_err(|e| format!("PDF 写入失败（{e:?}）"))?;
    Ok(compact::strip_font_hints(&bytes).unwrap_or(bytes))
}

//! The PDF writer: draws laid-out pages with `pdf-writer`.
//!
//! Everything about position was decided by [`crate::layout`]; this module only draws
//! glyph runs and rules, embeds subsets of the fonts (`subsetter`, with the stem hints of
//! CFF fonts removed: [`cff`]), and writes the metadata, the outline (bookmarks for the
//! sections) and the report's figures as an attached file `nianbao-data.json`. Nothing
//! depends on the clock: the dates are the report's publication date, and the file ID is
//! a hash of the content, so the same input gives the same bytes.
//!
//! Each font stream is compressed once, after the hints are removed; the content
//! streams use one text object a page, font changes only where the face changes.

mod cff;

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

use pdf_writer::types::{
    AssociationKind, CidFontType, FontFlags, PageMode, SystemInfo, TextRenderingMode, UnicodeCmap,
};
use pdf_writer::{Content, Date, Filter, Finish, Name, Pdf, Rect, Ref, Settings, Str, TextStr};
use subsetter::GlyphRemapper;

use crate::doc::page::PAGE;
use crate::fonts::{FaceId, FontBook};
use crate::layout::{Item, Layout};

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

const SYSTEM_INFO: SystemInfo =
    SystemInfo { registry: Str(b"Adobe"), ordering: Str(b"Identity"), supplement: 0 };

/// The glyphs of one face used in the document.
struct UsedFace {
    face: FaceId,
    name: String,
    remapper: GlyphRemapper,
    /// Text of each new glyph id (for ToUnicode).
    text: BTreeMap<u16, String>,
}

/// Allocates object ids in order.
struct Ids(i32);

impl Ids {
    fn next(&mut self) -> Ref {
        self.0 += 1;
        Ref::new(self.0)
    }
}

/// Compresses a stream. Font programs hardly compress and are large, so they get a
/// fast level; text compresses well at the default one. Each thread keeps its
/// compressors, so a batch does not allocate and fault in their tables for every stream.
fn deflate(data: &[u8], level: u32) -> Vec<u8> {
    use flate2::{Compress, Compression, FlushCompress, Status};
    thread_local! {
        static COMPRESSORS: std::cell::RefCell<BTreeMap<u32, Compress>> =
            const { std::cell::RefCell::new(BTreeMap::new()) };
    }
    COMPRESSORS.with_borrow_mut(|all| {
        let c = all.entry(level).or_insert_with(|| Compress::new(Compression::new(level), true));
        c.reset();
        let mut out = Vec::with_capacity(data.len() / 2 + 64);
        loop {
            let consumed = c.total_in() as usize;
            if out.len() == out.capacity() {
                out.reserve(out.capacity().max(1024));
            }
            match c.compress_vec(&data[consumed..], &mut out, FlushCompress::Finish) {
                Ok(Status::StreamEnd) => break,
                Ok(_) => {}
                Err(e) => unreachable!("compressing to memory cannot fail: {e}"),
            }
        }
        out
    })
}

/// Why a report's PDF could not be made.
#[derive(Debug)]
pub enum PdfError {
    /// A character no font has.
    Layout(crate::layout::LayoutError),
    /// The writer failed (a font could not be subset).
    Write(String),
}

/// Lays out a report's document and draws it: what `nianbao render --to pdf` writes.
pub fn report_pdf(
    report: &crate::model::Report,
    document: &crate::doc::Document,
    book: &FontBook,
    data_json: &str,
    draft_mark: Option<&str>,
) -> Result<Vec<u8>, PdfError> {
    let opts = crate::layout::LayoutOptions { draft_mark };
    let pages = crate::layout::layout(document, book, &opts).map_err(PdfError::Layout)?;
    let d = report.publication_date;
    let opts = PdfOptions {
        title: &document.title,
        author: &report.agency.name,
        subject: &format!("{}年度政府信息公开工作年度报告", report.year),
        date: (d.year.clamp(0, 9999) as u16, d.month as u8, d.day as u8),
        data_json,
    };
    pdf(&pages, book, &opts).map_err(PdfError::Write)
}

/// Draws a layout into PDF bytes.
pub fn pdf(layout: &Layout, book: &FontBook, opts: &PdfOptions) -> Result<Vec<u8>, String> {
    let (page_w, page_h) = (PAGE.width.to_pt().0, PAGE.height.to_pt().0);

    // Fonts in order of first use, with their glyphs renumbered for the subsets.
    let mut used: Vec<UsedFace> = Vec::new();
    let mut slot: BTreeMap<FaceId, usize> = BTreeMap::new();
    for page in &layout.pages {
        for item in &page.items {
            let Item::Text(t) = item else { continue };
            let k = *slot.entry(t.run.face).or_insert_with(|| {
                used.push(UsedFace {
                    face: t.run.face,
                    name: format!("F{}", used.len()),
                    remapper: GlyphRemapper::new(),
                    text: BTreeMap::new(),
                });
                used.len() - 1
            });
            let u = &mut used[k];
            for g in &t.run.glyphs {
                let new = u.remapper.remap(g.id);
                u.text.entry(new).or_insert_with(|| t.run.text[g.range.clone()].to_string());
            }
        }
    }

    let mut ids = Ids(0);
    let catalog_id = ids.next();
    let pages_id = ids.next();
    let info_id = ids.next();
    let page_ids: Vec<Ref> = layout.pages.iter().map(|_| ids.next()).collect();
    let content_ids: Vec<Ref> = layout.pages.iter().map(|_| ids.next()).collect();
    let font_ids: Vec<Ref> = used.iter().map(|_| ids.next()).collect();

    let mut pdf = Pdf::with_settings(Settings { pretty: false });
    let mut hasher = std::hash::DefaultHasher::new();
    opts.title.hash(&mut hasher);
    opts.data_json.hash(&mut hasher);

    // Pages.
    let mut pages = pdf.pages(pages_id);
    pages.kids(page_ids.iter().copied()).count(page_ids.len() as i32);
    pages.finish();
    for (i, page) in layout.pages.iter().enumerate() {
        let mut content = Content::with_settings(Settings { pretty: false });
        content.begin_text();
        let mut current: Option<(usize, f32, bool, bool)> = None;
        for item in &page.items {
            let Item::Text(t) = item else { continue };
            let k = slot[&t.run.face];
            let u = &used[k];
            let face = book.face(u.face);
            let state = (k, t.size, t.bold, t.red);
            if current.map(|c| (c.0, c.1)) != Some((k, t.size)) {
                content.set_font(Name(u.name.as_bytes()), t.size);
            }
            if current.map(|c| (c.2, c.3)) != Some((t.bold, t.red)) {
                let c = if t.red { (0.69, 0.0, 0.0) } else { (0.0, 0.0, 0.0) };
                content.set_fill_rgb(c.0, c.1, c.2);
                if t.bold {
                    // Level-3 headings are bold 仿宋: the glyphs get a thin outline too.
                    content.set_stroke_rgb(c.0, c.1, c.2);
                    content.set_line_width(t.size * 0.03);
                    content.set_text_rendering_mode(TextRenderingMode::FillStroke);
                } else {
                    content.set_text_rendering_mode(TextRenderingMode::Fill);
                }
            }
            current = Some(state);
            content.set_text_matrix([1.0, 0.0, 0.0, 1.0, t.x, page_h - t.y]);
            let upem = face.units_per_em();
            let mut shown = content.show_positioned();
            let mut items = shown.items();
            let mut run: Vec<u8> = Vec::new();
            for g in &t.run.glyphs {
                let cid = u.remapper.get(g.id).expect("every drawn glyph is remapped");
                run.extend_from_slice(&cid.to_be_bytes());
                let font_w =
                    f32::from(face.ttf().glyph_hor_advance(ttf_parser::GlyphId(g.id)).unwrap_or(0))
                        * 1000.0
                        / upem;
                let adjust = font_w - g.advance / t.size * 1000.0;
                if adjust.abs() > 0.001 {
                    items.show(Str(&run));
                    items.adjust(adjust);
                    run.clear();
                }
            }
            if !run.is_empty() {
                items.show(Str(&run));
            }
            items.finish();
            shown.finish();
        }
        content.end_text();
        content.set_stroke_rgb(0.0, 0.0, 0.0);
        let mut width = None;
        for item in &page.items {
            let Item::Rule(r) = item else { continue };
            if width != Some(r.width) {
                content.set_line_width(r.width);
                width = Some(r.width);
            }
            content.move_to(r.x1, page_h - r.y1);
            content.line_to(r.x2, page_h - r.y2);
            content.stroke();
        }
        let bytes = content.finish();
        bytes.hash(&mut hasher);
        let packed = deflate(&bytes, 6);
        pdf.stream(content_ids[i], &packed).filter(Filter::FlateDecode);

        let mut p = pdf.page(page_ids[i]);
        p.parent(pages_id).media_box(Rect::new(0.0, 0.0, page_w, page_h)).contents(content_ids[i]);
        let mut resources = p.resources();
        let mut fonts = resources.fonts();
        for (k, u) in used.iter().enumerate() {
            fonts.pair(Name(u.name.as_bytes()), font_ids[k]);
        }
        fonts.finish();
        resources.finish();
        p.finish();
    }

    // Fonts.
    for (k, u) in used.iter().enumerate() {
        write_font(&mut pdf, &mut ids, font_ids[k], book, u)?;
    }

    // Outline: level-1 headings, their level-2 headings inside.
    let outline_id =
        (!layout.outline.is_empty()).then(|| write_outline(&mut pdf, &mut ids, layout, &page_ids));

    // The figures as an attached file.
    let (y, m, d) = opts.date;
    let date = Date::new(y).month(m).day(d);
    let data_id = ids.next();
    let spec_id = ids.next();
    let packed = deflate(opts.data_json.as_bytes(), 6);
    let mut ef = pdf.embedded_file(data_id, &packed);
    ef.subtype(Name(b"application/json"));
    ef.filter(Filter::FlateDecode);
    ef.params().size(opts.data_json.len() as i32).modification_date(date);
    ef.finish();
    pdf.file_spec(spec_id)
        .path(Str(b"nianbao-data.json"))
        .unic_file(TextStr("nianbao-data.json"))
        .description(TextStr("报告数据（nianbao-data 第 1 版）"))
        .association_kind(AssociationKind::Data)
        .embedded_file_with_unicode(data_id);

    // Metadata: the document information dictionary and the same in XMP.
    let producer = format!("nianbao {}", env!("CARGO_PKG_VERSION"));
    pdf.document_info(info_id)
        .title(TextStr(opts.title))
        .author(TextStr(opts.author))
        .subject(TextStr(opts.subject))
        .creator(TextStr(&producer))
        .producer(TextStr(&producer))
        .creation_date(date)
        .modified_date(date);
    let xmp_date = xmp_writer::DateTime::date(y, m, d);
    let mut xmp = xmp_writer::XmpWriter::new();
    xmp.title([(None, opts.title)])
        .creator([opts.author])
        .description([(None, opts.subject)])
        .language([xmp_writer::LangId("zh-CN")])
        .format("application/pdf")
        .producer(&producer)
        .creator_tool(&producer)
        .create_date(xmp_date)
        .modify_date(xmp_date);
    let xmp = xmp.finish(None);
    let meta_id = ids.next();
    pdf.metadata(meta_id, xmp.as_bytes());

    let mut catalog = pdf.catalog(catalog_id);
    catalog.pages(pages_id).lang(TextStr("zh-CN")).metadata(meta_id);
    if let Some(id) = outline_id {
        catalog.outlines(id).page_mode(PageMode::UseOutlines);
    }
    catalog.names().embedded_files().names().insert(Str(b"nianbao-data.json"), spec_id);
    catalog.finish();

    let id = {
        let a = Hasher::finish(&hasher);
        a.hash(&mut hasher);
        let b = Hasher::finish(&hasher);
        [a.to_be_bytes(), b.to_be_bytes()].concat()
    };
    pdf.set_file_id((id.clone(), id));
    Ok(pdf.finish())
}

/// Writes one font: Type0 font, CID font with widths, descriptor, subset font program
/// and ToUnicode map.
fn write_font(
    pdf: &mut Pdf,
    ids: &mut Ids,
    type0_id: Ref,
    book: &FontBook,
    u: &UsedFace,
) -> Result<(), String> {
    let face = book.face(u.face);
    let (data, index) = face.data();
    let subset = subsetter::subset(data, index, &u.remapper)
        .map_err(|e| format!("无法提取字体 {} 的子集（{e:?}）", face.name))?;
    let cff = face.is_cff();
    let program: Vec<u8> = if cff {
        let sub = ttf_parser::RawFace::parse(&subset, 0)
            .map_err(|_| format!("字体 {} 的子集无法读取", face.name))?;
        let table = sub
            .table(ttf_parser::Tag::from_bytes(b"CFF "))
            .ok_or_else(|| format!("字体 {} 的子集没有 CFF 表", face.name))?;
        cff::strip_hints(table).unwrap_or_else(|| table.to_vec())
    } else {
        subset
    };

    let cid_id = ids.next();
    let descriptor_id = ids.next();
    let cmap_id = ids.next();
    let file_id = ids.next();

    let mut tag_hasher = std::hash::DefaultHasher::new();
    face.name.hash(&mut tag_hasher);
    u.remapper.remapped_gids().collect::<Vec<_>>().hash(&mut tag_hasher);
    let mut h = Hasher::finish(&tag_hasher);
    let tag: String = (0..6)
        .map(|_| {
            let c = (b'A' + (h % 26) as u8) as char;
            h /= 26;
            c
        })
        .collect();
    let ps = face.postscript_name();
    let base = format!("{tag}+{ps}");
    let type0_base = if cff { format!("{base}-Identity-H") } else { base.clone() };

    pdf.type0_font(type0_id)
        .base_font(Name(type0_base.as_bytes()))
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid_id)
        .to_unicode(cmap_id);

    let ttf = face.ttf();
    let upem = face.units_per_em();
    let to_pdf = |v: f32| v * 1000.0 / upem;
    let widths: Vec<f32> = u
        .remapper
        .remapped_gids()
        .map(|g| to_pdf(f32::from(ttf.glyph_hor_advance(ttf_parser::GlyphId(g)).unwrap_or(0))))
        .collect();
    // The most common width (1000 for Chinese characters) is the default; only the
    // others are listed, in runs of consecutive glyph ids.
    let mut counts: BTreeMap<u32, usize> = BTreeMap::new();
    for w in &widths {
        *counts.entry(w.to_bits()).or_default() += 1;
    }
    let common = counts
        .iter()
        .max_by_key(|(bits, n)| (**n, std::cmp::Reverse(**bits)))
        .map_or(0.0, |(bits, _)| f32::from_bits(*bits));
    let mut cid = pdf.cid_font(cid_id);
    cid.subtype(if cff { CidFontType::Type0 } else { CidFontType::Type2 })
        .base_font(Name(base.as_bytes()))
        .system_info(SYSTEM_INFO)
        .font_descriptor(descriptor_id)
        .default_width(common);
    if !cff {
        cid.cid_to_gid_map_predefined(Name(b"Identity"));
    }
    let mut w = cid.widths();
    let mut i = 0;
    while i < widths.len() {
        if widths[i] == common {
            i += 1;
            continue;
        }
        let start = i;
        while i < widths.len() && widths[i] != common {
            i += 1;
        }
        w.consecutive(start as u16, widths[start..i].iter().copied());
    }
    w.finish();
    cid.finish();

    let bbox = ttf.global_bounding_box();
    let ascent = to_pdf(f32::from(ttf.ascender()));
    let descent = to_pdf(f32::from(ttf.descender()));
    let cap = ttf.capital_height().map(|c| to_pdf(f32::from(c))).unwrap_or(ascent);
    let mut flags = FontFlags::SYMBOLIC;
    if ps.contains("Serif") {
        flags |= FontFlags::SERIF;
    }
    let weight = f32::from(ttf.weight().to_number());
    pdf.font_descriptor(descriptor_id)
        .name(Name(base.as_bytes()))
        .flags(flags)
        .bbox(Rect::new(
            to_pdf(f32::from(bbox.x_min)),
            to_pdf(f32::from(bbox.y_min)),
            to_pdf(f32::from(bbox.x_max)),
            to_pdf(f32::from(bbox.y_max)),
        ))
        .italic_angle(ttf.italic_angle())
        .ascent(ascent)
        .descent(descent)
        .cap_height(cap)
        .stem_v(10.0 + 0.244 * (weight / 10.0 - 50.0).max(0.0))
        .pair(Name(if cff { b"FontFile3" } else { b"FontFile2" }), file_id);

    let mut cmap = UnicodeCmap::new(Name(b"Custom"), SYSTEM_INFO);
    for (gid, text) in &u.text {
        if *gid != 0 {
            cmap.pair_with_multiple(*gid, text.chars());
        }
    }
    let cmap = deflate(&cmap.finish(), 6);
    pdf.cmap(cmap_id, &cmap).filter(Filter::FlateDecode);

    let packed = deflate(&program, 2);
    let mut stream = pdf.stream(file_id, &packed);
    stream.filter(Filter::FlateDecode);
    if cff {
        stream.pair(Name(b"Subtype"), Name(b"CIDFontType0C"));
    }
    stream.finish();
    Ok(())
}

/// Writes the outline and returns its id.
fn write_outline(pdf: &mut Pdf, ids: &mut Ids, layout: &Layout, page_ids: &[Ref]) -> Ref {
    let page_h = PAGE.height.to_pt().0;
    // Level-1 entries with the indices of their level-2 entries.
    let mut tree: Vec<(usize, Vec<usize>)> = Vec::new();
    for (i, m) in layout.outline.iter().enumerate() {
        match (m.level, tree.last_mut()) {
            (2.., Some(parent)) => parent.1.push(i),
            _ => tree.push((i, Vec::new())),
        }
    }
    let outline_id = ids.next();
    let top_ids: Vec<Ref> = tree.iter().map(|_| ids.next()).collect();
    for (k, (mark, children)) in tree.iter().enumerate() {
        let child_ids: Vec<Ref> = children.iter().map(|_| ids.next()).collect();
        let m = &layout.outline[*mark];
        let mut item = pdf.outline_item(top_ids[k]);
        item.title(TextStr(&m.title)).parent(outline_id);
        if k > 0 {
            item.prev(top_ids[k - 1]);
        }
        if k + 1 < top_ids.len() {
            item.next(top_ids[k + 1]);
        }
        if let (Some(first), Some(last)) = (child_ids.first(), child_ids.last()) {
            // Closed: a negative count.
            item.first(*first).last(*last).count(-(child_ids.len() as i32));
        }
        item.dest().page(page_ids[m.page]).xyz(0.0, page_h - m.y, None);
        item.finish();
        for (j, c) in children.iter().enumerate() {
            let m = &layout.outline[*c];
            let mut item = pdf.outline_item(child_ids[j]);
            item.title(TextStr(&m.title)).parent(top_ids[k]);
            if j > 0 {
                item.prev(child_ids[j - 1]);
            }
            if j + 1 < child_ids.len() {
                item.next(child_ids[j + 1]);
            }
            item.dest().page(page_ids[m.page]).xyz(0.0, page_h - m.y, None);
            item.finish();
        }
    }
    pdf.outline(outline_id)
        .first(top_ids[0])
        .last(*top_ids.last().expect("not empty"))
        .count(tree.len() as i32);
    outline_id
}

//! A page's content stream: the layout's glyph runs and rules, drawn where the layout
//! put them.
//!
//! One text object a page; the font, colour and rendering mode are set only where they
//! change, so a page of body text is little more than its glyph ids.

use pdf_writer::types::TextRenderingMode;
use pdf_writer::{Content, Finish, Name, Settings, Str};

use super::fonts::UsedFaces;
use crate::fonts::FontBook;
use crate::layout::Item;

/// The red of draft marks (and of anything else the layout marks red).
const RED: (f32, f32, f32) = (0.69, 0.0, 0.0);
const BLACK: (f32, f32, f32) = (0.0, 0.0, 0.0);

/// The uncompressed content stream of a page with these items. `page_h` turns the
/// layout's top-down y into PDF's bottom-up one.
pub(super) fn page_content(
    items: &[Item],
    used: &UsedFaces,
    book: &FontBook,
    page_h: f32,
) -> Vec<u8> {
    let mut content = Content::with_settings(Settings { pretty: false });
    content.begin_text();
    // (face slot, narrow variant, size) of the font set last, and (bold, red) of the
    // text drawn last.
    let mut font: Option<(usize, bool, f32)> = None;
    let mut look: Option<(bool, bool)> = None;
    for item in items {
        let Item::Text(t) = item else { continue };
        let k = used.index(t.run.face);
        let u = &used.faces[k];
        let face = book.face(u.face);
        if look != Some((t.bold, t.red)) {
            let c = if t.red { RED } else { BLACK };
            content.set_fill_rgb(c.0, c.1, c.2);
            if t.bold {
                // Level-3 headings are bold 仿宋: the glyphs get a thin outline too.
                content.set_stroke_rgb(c.0, c.1, c.2);
                content.set_line_width(t.size * 0.03);
                content.set_text_rendering_mode(TextRenderingMode::FillStroke);
            } else {
                content.set_text_rendering_mode(TextRenderingMode::Fill);
            }
            look = Some((t.bold, t.red));
        }
        content.set_text_matrix([1.0, 0.0, 0.0, 1.0, t.x, page_h - t.y]);
        let upem = face.units_per_em();
        // The glyphs in stretches of one variant: a compressed mark is drawn with the
        // face's narrow variant, which declares it half as wide.
        let glyphs = &t.run.glyphs;
        let mut at = 0;
        while at < glyphs.len() {
            let narrow = glyphs[at].narrow;
            let end =
                (at..glyphs.len()).find(|&i| glyphs[i].narrow != narrow).unwrap_or(glyphs.len());
            if font != Some((k, narrow, t.size)) {
                let name = if narrow { u.narrow_name() } else { u.name.clone() };
                content.set_font(Name(name.as_bytes()), t.size);
                font = Some((k, narrow, t.size));
            }
            let mut shown = content.show_positioned();
            let mut items = shown.items();
            let mut run: Vec<u8> = Vec::new();
            // The viewer advances by the font's widths; where the layout placed a glyph
            // elsewhere (tracking, justification), a TJ adjustment makes up the
            // difference, in thousandths of the font size.
            for g in &glyphs[at..end] {
                let cid = u.remapper.get(g.id).expect("every drawn glyph is remapped");
                run.extend_from_slice(&cid.to_be_bytes());
                let full =
                    f32::from(face.ttf().glyph_hor_advance(ttf_parser::GlyphId(g.id)).unwrap_or(0))
                        * 1000.0
                        / upem;
                let font_w = if narrow { full / 2.0 } else { full };
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
            at = end;
        }
    }
    content.end_text();
    content.set_stroke_rgb(BLACK.0, BLACK.1, BLACK.2);
    let mut width = None;
    for item in items {
        let Item::Rule(r) = item else { continue };
        if width != Some(r.width) {
            content.set_line_width(r.width);
            width = Some(r.width);
        }
        content.move_to(r.x1, page_h - r.y1);
        content.line_to(r.x2, page_h - r.y2);
        content.stroke();
    }
    content.finish().into_vec()
}

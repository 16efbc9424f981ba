//! The fonts of a PDF: which faces the pages use, their glyphs renumbered for the subsets,
//! and each written as a Type0 font with its CID font, descriptor, widths, subset program
//! and ToUnicode map.
//!
//! Only the glyphs drawn are embedded. CFF faces are subset by [`Face::cff_subset`], from
//! glyphs flattened once per process, without their stem hints (a sixth of their size,
//! and they help only screen rendering at small sizes); other faces, and CFF fonts that
//! reader does not handle, by `subsetter`.

use std::collections::{BTreeMap, BTreeSet};

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Filter, Finish, Name, Pdf, Rect, Ref, Str};
use subsetter::GlyphRemapper;

use super::deflate::{self, deflate};
use super::{Ids, PdfError, SubsetFailure};
use crate::fonts::{Face, FaceId, FontBook};
use crate::layout::{Item, Layout};
use crate::write::hash::Fnv1a128;

/// CIDs are the subset's glyph ids (`Identity-H`), so the character collection is the
/// generic `Adobe-Identity-0`.
const SYSTEM_INFO: SystemInfo =
    SystemInfo { registry: Str(b"Adobe"), ordering: Str(b"Identity"), supplement: 0 };

/// The glyphs of one face used in the document.
pub(super) struct UsedFace {
    /// The face in the font book.
    pub(super) face: FaceId,
    /// Its resource name on the pages (`F0`, `F1`, …).
    pub(super) name: String,
    /// Old glyph ids to the subset's, in order of first use.
    pub(super) remapper: GlyphRemapper,
    /// Text of each new glyph id (for ToUnicode): the first text drawn with it.
    text: BTreeMap<u16, String>,
    /// New glyph ids drawn as compressed punctuation somewhere: the face's narrow
    /// variant declares them half as wide.
    pub(super) narrow: BTreeSet<u16>,
}

impl UsedFace {
    /// The resource name of the face's narrow variant (`F0n`, …): the same font program
    /// and ToUnicode map, with the compressed marks declared half as wide, so that text
    /// extraction sees each where it is drawn and reads the line as one (a full-width
    /// box would overlap the next character).
    pub(super) fn narrow_name(&self) -> String {
        format!("{}n", self.name)
    }
}

/// The faces a layout draws with, in order of first use, so that resource names and
/// object order follow the document.
pub(super) struct UsedFaces {
    /// The faces; a face's position is its resource number.
    pub(super) faces: Vec<UsedFace>,
    /// Position of each face in `faces`.
    slot: BTreeMap<FaceId, usize>,
}

impl UsedFaces {
    /// Walks the layout's text, renumbering every glyph drawn for its face's subset.
    pub(super) fn collect(layout: &Layout) -> UsedFaces {
        let mut used = UsedFaces { faces: Vec::new(), slot: BTreeMap::new() };
        for page in &layout.pages {
            for item in &page.items {
                let Item::Text(t) = item else { continue };
                let faces = &mut used.faces;
                let k = *used.slot.entry(t.run.face).or_insert_with(|| {
                    faces.push(UsedFace {
                        face: t.run.face,
                        name: format!("F{}", faces.len()),
                        remapper: GlyphRemapper::new(),
                        text: BTreeMap::new(),
                        narrow: BTreeSet::new(),
                    });
                    faces.len() - 1
                });
                let u = &mut used.faces[k];
                for g in &t.run.glyphs {
                    let new = u.remapper.remap(g.id);
                    u.text.entry(new).or_insert_with(|| t.run.text[g.range.clone()].to_string());
                    if g.narrow {
                        u.narrow.insert(new);
                    }
                }
            }
        }
        used
    }

    /// The position of a face the layout draws with.
    pub(super) fn index(&self, face: FaceId) -> usize {
        self.slot[&face]
    }
}

/// The compressed subset font program of a face: the costly part of a font, made apart
/// from the writing so that fonts and pages can be made in parallel.
pub(super) fn packed_program(book: &FontBook, u: &UsedFace) -> Result<Vec<u8>, PdfError> {
    let program = program(book.face(u.face), &u.remapper)?;
    Ok(deflate(&program, deflate::FAST))
}

/// Writes one font: Type0 font, CID font with widths, descriptor, subset font program
/// (`packed`, from [`packed_program`]) and ToUnicode map. Object ids are taken in that
/// order after `type0_id`. With `narrow_id`, the face's narrow variant too
/// ([`UsedFace::narrow_name`]): a second Type0 and CID font over the same descriptor,
/// program and map.
pub(super) fn write_font(
    pdf: &mut Pdf,
    ids: &mut Ids,
    (type0_id, narrow_id): (Ref, Option<Ref>),
    book: &FontBook,
    u: &UsedFace,
    packed: &[u8],
) {
    let face = book.face(u.face);
    let cff = face.is_cff();

    let cid_id = ids.next();
    let descriptor_id = ids.next();
    let cmap_id = ids.next();
    let file_id = ids.next();

    let ps = face.postscript_name();
    let base = format!("{}+{ps}", subset_tag(face, &u.remapper));
    // A CFF-based Type0 font's name carries its CMap's name (PDF 32000-1 §9.7.6.1).
    let type0_base = if cff { format!("{base}-Identity-H") } else { base.clone() };

    let ttf = face.ttf();
    let upem = face.units_per_em();
    let to_pdf = |v: f32| v * 1000.0 / upem;
    let widths: Vec<f32> = u
        .remapper
        .remapped_gids()
        .map(|g| to_pdf(f32::from(ttf.glyph_hor_advance(ttf_parser::GlyphId(g)).unwrap_or(0))))
        .collect();
    let cid = CidFont { base: &base, type0_base: &type0_base, cff, descriptor_id, cmap_id };
    cid.write(pdf, type0_id, cid_id, &widths);
    if let Some(narrow_id) = narrow_id {
        let halved: Vec<f32> = widths
            .iter()
            .enumerate()
            .map(|(g, w)| if u.narrow.contains(&(g as u16)) { w / 2.0 } else { *w })
            .collect();
        let narrow_cid = ids.next();
        cid.write(pdf, narrow_id, narrow_cid, &halved);
    }

    let bbox = ttf.global_bounding_box();
    let ascent = to_pdf(f32::from(ttf.ascender()));
    let descent = to_pdf(f32::from(ttf.descender()));
    let cap = ttf.capital_height().map(|c| to_pdf(f32::from(c))).unwrap_or(ascent);
    // Symbolic: the font has characters outside the standard Latin character set.
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
        // StemV is required, but fonts do not record it: estimated from the weight class.
        .stem_v(10.0 + 0.244 * (weight / 10.0 - 50.0).max(0.0))
        .pair(Name(if cff { b"FontFile3" } else { b"FontFile2" }), file_id);

    let mut cmap = UnicodeCmap::new(Name(b"Custom"), SYSTEM_INFO);
    for (gid, text) in &u.text {
        if *gid != 0 {
            cmap.pair_with_multiple(*gid, text.chars());
        }
    }
    let cmap = deflate(&cmap.finish(), deflate::TEXT);
    pdf.cmap(cmap_id, &cmap).filter(Filter::FlateDecode);

    let mut stream = pdf.stream(file_id, packed);
    stream.filter(Filter::FlateDecode);
    if cff {
        stream.pair(Name(b"Subtype"), Name(b"CIDFontType0C"));
    }
    stream.finish();
}

/// What the Type0 and CID font dictionaries of a face share.
struct CidFont<'a> {
    base: &'a str,
    type0_base: &'a str,
    cff: bool,
    descriptor_id: Ref,
    cmap_id: Ref,
}

impl CidFont<'_> {
    /// Writes the Type0 font `type0_id` and its CID font `cid_id` with `widths` (in
    /// thousandths of an em, by new glyph id).
    fn write(&self, pdf: &mut Pdf, type0_id: Ref, cid_id: Ref, widths: &[f32]) {
        pdf.type0_font(type0_id)
            .base_font(Name(self.type0_base.as_bytes()))
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid_id)
            .to_unicode(self.cmap_id);
        let common = most_common(widths);
        let mut cid = pdf.cid_font(cid_id);
        cid.subtype(if self.cff { CidFontType::Type0 } else { CidFontType::Type2 })
            .base_font(Name(self.base.as_bytes()))
            .system_info(SYSTEM_INFO)
            .font_descriptor(self.descriptor_id)
            .default_width(common);
        if !self.cff {
            cid.cid_to_gid_map_predefined(Name(b"Identity"));
        }
        // The most common width (1000 for Chinese characters) is the default; only the
        // others are listed, in runs of consecutive glyph ids.
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
    }
}

/// The embedded font program: the subset, and for CFF faces its bare `CFF ` table
/// without hints (what `FontFile3` with `CIDFontType0C` holds).
fn program(face: &Face, remapper: &GlyphRemapper) -> Result<Vec<u8>, PdfError> {
    let fail = |reason| PdfError::Subset { font: face.name.clone(), reason };
    if face.is_cff() {
        let gids: Vec<u16> = remapper.remapped_gids().collect();
        if let Some(subset) = face.cff_subset(&gids) {
            return Ok(subset);
        }
    }
    let (data, index) = face.data();
    let subset =
        subsetter::subset(data, index, remapper).map_err(|e| fail(SubsetFailure::Subsetter(e)))?;
    if !face.is_cff() {
        return Ok(subset);
    }
    let sub =
        ttf_parser::RawFace::parse(&subset, 0).map_err(|_| fail(SubsetFailure::Unreadable))?;
    let table = sub
        .table(ttf_parser::Tag::from_bytes(b"CFF "))
        .ok_or_else(|| fail(SubsetFailure::NoCff))?;
    // A table the hint stripper does not understand is embedded with its hints.
    Ok(crate::fonts::strip_hints(table).unwrap_or_else(|| table.to_vec()))
}

/// The six capital letters before a subset's font name (PDF 32000-1 §9.6.4): a hash of
/// the face and of the glyphs kept, so the same subset gets the same tag on every run
/// and different subsets of one face (in different documents) get different ones.
fn subset_tag(face: &Face, remapper: &GlyphRemapper) -> String {
    let gids: Vec<u8> = remapper.remapped_gids().flat_map(u16::to_be_bytes).collect();
    let mut h = Fnv1a128::new().field(face.name.as_bytes()).field(&gids).value();
    (0..6)
        .map(|_| {
            let c = (b'A' + (h % 26) as u8) as char;
            h /= 26;
            c
        })
        .collect()
}

/// The most common of `widths` (the smallest on a tie), 0 for none.
fn most_common(widths: &[f32]) -> f32 {
    let mut counts: BTreeMap<u32, usize> = BTreeMap::new();
    for w in widths {
        *counts.entry(w.to_bits()).or_default() += 1;
    }
    counts
        .iter()
        .max_by_key(|(bits, n)| (**n, std::cmp::Reverse(**bits)))
        .map_or(0.0, |(bits, _)| f32::from_bits(*bits))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subset_tags_are_six_capitals_that_follow_the_glyphs() {
        let book = FontBook::bundled();
        let tag = |face: FaceId, gids: &[u16]| {
            let mut r = GlyphRemapper::new();
            for g in gids {
                r.remap(*g);
            }
            subset_tag(book.face(face), &r)
        };
        let a = tag(crate::fonts::SERIF, &[0, 5, 9]);
        assert_eq!(a.len(), 6);
        assert!(a.bytes().all(|b| b.is_ascii_uppercase()), "{a}");
        assert_eq!(a, tag(crate::fonts::SERIF, &[0, 5, 9]));
        assert_ne!(a, tag(crate::fonts::SERIF, &[0, 5, 10]));
        assert_ne!(a, tag(crate::fonts::SANS, &[0, 5, 9]));
    }

    #[test]
    fn the_default_width_is_the_most_common() {
        assert_eq!(most_common(&[]), 0.0);
        assert_eq!(most_common(&[500.0, 1000.0, 1000.0, 250.0]), 1000.0);
        // A tie goes to the smaller width, whatever the order.
        assert_eq!(most_common(&[1000.0, 500.0]), 500.0);
    }
}

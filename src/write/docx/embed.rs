//! `--embed-fonts`: the bundled open fonts, subset to the characters of the report and
//! obfuscated as ECMA-376 requires, stored in the package as `word/fonts/*.odttf`.
//!
//! Only the bundled fonts are embedded: they are under the SIL Open Font License, which
//! allows it. The official fonts (仿宋_GB2312 and the others) are commercial and are never
//! embedded; with `--embed-fonts` the document names the open fonts instead, so that it
//! looks the same on a machine that has none of them.
//!
//! The subsets are TrueType fonts written here: the glyphs' outlines (CFF curves turned
//! into quadratic ones), metrics, a `cmap` for the subset, and the source's `OS/2` and
//! `name` tables, so that the family name matches the one in the document.

use std::collections::{BTreeMap, BTreeSet};

use super::styles::{FANGSONG, HEITI, KAITI};
use crate::doc::{Block, Document, Entry};
use crate::fonts::{self, Face, FontBook};
use crate::write::hash::Fnv1a128;

/// One embedded font program.
pub(crate) struct Program {
    /// Relationship id in `word/_rels/fontTable.xml.rels`.
    pub(crate) rel_id: String,
    /// Part name under `word/fonts/`.
    pub(crate) file: String,
    /// The obfuscation key, a GUID in braces.
    pub(crate) key: String,
    /// The obfuscated font.
    pub(crate) data: Vec<u8>,
}

/// A font family as named in the document, with its embedded regular and bold faces.
pub(crate) struct Family {
    /// The family name (`Noto Serif CJK SC`).
    pub(crate) name: &'static str,
    /// The regular face.
    pub(crate) regular: Option<Program>,
    /// The bold face.
    pub(crate) bold: Option<Program>,
}

/// The characters each role of the document uses.
#[derive(Default)]
struct Chars {
    title: BTreeSet<char>,
    heading1: BTreeSet<char>,
    heading2: BTreeSet<char>,
    body_bold: BTreeSet<char>,
    body: BTreeSet<char>,
}

fn collect(doc: &Document, draft_mark: Option<&str>) -> Chars {
    let mut c = Chars::default();
    c.title.extend(doc.title.chars());
    c.heading1.extend(draft_mark.unwrap_or("").chars());
    c.body.extend(doc.byline.iter().flat_map(|b| b.chars()));
    // Page numbers: 「— N —」.
    c.body.extend("— 0123456789".chars());
    for block in &doc.blocks {
        match block {
            Block::Heading { level, number, text } => {
                let set = match level {
                    1 => &mut c.heading1,
                    2 => &mut c.heading2,
                    3 => &mut c.body_bold,
                    _ => &mut c.body,
                };
                set.extend(number.chars().chain(text.chars()));
            }
            Block::Para(t) | Block::Note(t) => c.body.extend(t.chars()),
            Block::Signature(lines) => c.body.extend(lines.iter().flat_map(|l| l.chars())),
            Block::Table(t) => {
                for e in &t.grid.entries {
                    if let Entry::Cell(cell) = e {
                        c.body.extend(cell.text.chars());
                    }
                }
            }
        }
    }
    c
}

/// The embedded families for a document: Noto Serif CJK SC (body; bold for the title and
/// level-3 headings), Noto Sans CJK SC (level-1 headings) and LXGW WenKai (level-2).
pub(crate) fn families(doc: &Document, draft_mark: Option<&str>) -> Result<Vec<Family>, String> {
    let book = FontBook::bundled();
    let chars = collect(doc, draft_mark);
    let mut n = 0;
    let mut program = |face: usize, set: &BTreeSet<char>| -> Result<Option<Program>, String> {
        if set.iter().all(|c| c.is_whitespace()) {
            return Ok(None);
        }
        n += 1;
        let font = font_program(book.face(face), set)?;
        let key = guid(&font);
        let data = obfuscate(font, &key);
        Ok(Some(Program {
            rel_id: format!("rIdFont{n}"),
            file: format!("font{n}.odttf"),
            key,
            data,
        }))
    };
    let mut bold = chars.title.clone();
    bold.extend(&chars.body_bold);
    Ok(vec![
        Family {
            name: FANGSONG.alt,
            regular: program(fonts::SERIF, &chars.body)?,
            bold: program(fonts::SERIF_B, &bold)?,
        },
        Family { name: HEITI.alt, regular: program(fonts::SANS, &chars.heading1)?, bold: None },
        Family { name: KAITI.alt, regular: program(fonts::KAI, &chars.heading2)?, bold: None },
    ]
    .into_iter()
    .filter(|f| f.regular.is_some() || f.bold.is_some())
    .collect())
}

/// A standalone TrueType font with only the glyphs of `chars`, whatever the outlines of
/// the source face: CFF outlines are converted to quadratic curves. Word embeds only
/// TrueType outlines, and LibreOffice's PDF export mishandles embedded CFF subsets.
fn font_program(face: &Face, chars: &BTreeSet<char>) -> Result<Vec<u8>, String> {
    let ttf = face.ttf();
    // New glyph ids: .notdef, then the characters' glyphs in order of their old ids.
    let mut old: Vec<u16> =
        chars.iter().filter_map(|&c| face.glyph(c).map(|(g, _)| g)).filter(|g| *g != 0).collect();
    old.push(0);
    old.sort_unstable();
    old.dedup();
    let mut map: BTreeMap<u32, u16> = BTreeMap::new();
    for &c in chars {
        if let Some(n) = face.glyph(c).and_then(|(g, _)| old.binary_search(&g).ok()) {
            map.insert(c as u32, n as u16);
        }
    }
    let mut glyf = Vec::new();
    let mut loca = vec![0u32];
    let mut hmtx = Vec::new();
    let (mut max_points, mut max_contours) = (0u16, 0u16);
    let mut bbox: Option<(i16, i16, i16, i16)> = None;
    let mut max_advance = 0u16;
    for &g in &old {
        let gid = ttf_parser::GlyphId(g);
        let advance = ttf.glyph_hor_advance(gid).unwrap_or(0);
        max_advance = max_advance.max(advance);
        let mut pen = Pen::default();
        ttf.outline_glyph(gid, &mut pen);
        pen.finish();
        let mut lsb = 0i16;
        if let Some(encoded) = encode_glyph(&pen.contours, face.is_cff()) {
            let (x0, y0, x1, y1) = encoded.bbox;
            lsb = x0;
            bbox = Some(match bbox {
                None => encoded.bbox,
                Some((a, b, c, d)) => (a.min(x0), b.min(y0), c.max(x1), d.max(y1)),
            });
            max_points = max_points.max(encoded.points);
            max_contours = max_contours.max(encoded.contours);
            glyf.extend_from_slice(&encoded.data);
            glyf.resize(glyf.len().next_multiple_of(4), 0);
        }
        loca.push(glyf.len() as u32);
        hmtx.extend_from_slice(&advance.to_be_bytes());
        hmtx.extend_from_slice(&lsb.to_be_bytes());
    }
    let n = old.len() as u16;
    let raw = ttf.raw_face();
    let table = |tag: &[u8; 4]| raw.table(ttf_parser::Tag::from_bytes(tag)).map(<[u8]>::to_vec);
    let bad = || format!("字体 {} 缺少必需的表", face.name);
    let mut head = table(b"head").filter(|t| t.len() >= 54).ok_or_else(bad)?;
    let (x0, y0, x1, y1) = bbox.unwrap_or((0, 0, 0, 0));
    for (at, v) in [(36, x0), (38, y0), (40, x1), (42, y1)] {
        head[at..at + 2].copy_from_slice(&v.to_be_bytes());
    }
    head[50..52].copy_from_slice(&1i16.to_be_bytes()); // long loca offsets
    head[52..54].copy_from_slice(&0i16.to_be_bytes());
    let mut hhea = table(b"hhea").filter(|t| t.len() >= 36).ok_or_else(bad)?;
    hhea[10..12].copy_from_slice(&max_advance.to_be_bytes());
    hhea[34..36].copy_from_slice(&n.to_be_bytes());
    let mut maxp = Vec::with_capacity(32);
    maxp.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    for v in [n, max_points, max_contours, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0] {
        maxp.extend_from_slice(&v.to_be_bytes());
    }
    let mut post = table(b"post").filter(|t| t.len() >= 32).ok_or_else(bad)?;
    post.truncate(32);
    post[..4].copy_from_slice(&0x0003_0000u32.to_be_bytes());
    let mut tables: BTreeMap<[u8; 4], Vec<u8>> = BTreeMap::new();
    tables.insert(*b"head", head);
    tables.insert(*b"hhea", hhea);
    tables.insert(*b"maxp", maxp);
    tables.insert(*b"post", post);
    tables.insert(*b"hmtx", hmtx);
    tables.insert(*b"glyf", glyf);
    tables.insert(*b"loca", loca.iter().flat_map(|o| o.to_be_bytes()).collect());
    tables.insert(*b"cmap", cmap(&map));
    for tag in [b"OS/2", b"name"] {
        if let Some(t) = table(tag) {
            tables.insert(*tag, t);
        }
    }
    Ok(write_sfnt(&0x0001_0000u32.to_be_bytes(), tables))
}

/// Outline points `(x, y, on_curve)`, one list per contour.
#[derive(Default)]
struct Pen {
    contours: Vec<Vec<(f32, f32, bool)>>,
    current: Vec<(f32, f32, bool)>,
    last: (f32, f32),
}

impl Pen {
    fn finish(&mut self) {
        let mut c = std::mem::take(&mut self.current);
        if let (Some(first), Some(last)) = (c.first().copied(), c.last().copied())
            && c.len() > 1
            && last.2
            && (first.0 - last.0).abs() < 0.01
            && (first.1 - last.1).abs() < 0.01
        {
            c.pop();
        }
        if c.len() > 1 {
            self.contours.push(c);
        }
    }

    /// A cubic curve as quadratic ones, halved until each is within a quarter unit.
    fn cubic(&mut self, p: [(f32, f32); 4], depth: u32) {
        let [p0, p1, p2, p3] = p;
        let dx = p3.0 - 3.0 * p2.0 + 3.0 * p1.0 - p0.0;
        let dy = p3.1 - 3.0 * p2.1 + 3.0 * p1.1 - p0.1;
        let err = (dx * dx + dy * dy).sqrt() * 3f32.sqrt() / 36.0;
        if err <= 0.25 || depth >= 6 {
            let qx = (3.0 * (p1.0 + p2.0) - p0.0 - p3.0) / 4.0;
            let qy = (3.0 * (p1.1 + p2.1) - p0.1 - p3.1) / 4.0;
            self.current.push((qx, qy, false));
            self.current.push((p3.0, p3.1, true));
            return;
        }
        let mid = |a: (f32, f32), b: (f32, f32)| ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
        let (a, b, c) = (mid(p0, p1), mid(p1, p2), mid(p2, p3));
        let (d, e) = (mid(a, b), mid(b, c));
        let f = mid(d, e);
        self.cubic([p0, a, d, f], depth + 1);
        self.cubic([f, e, c, p3], depth + 1);
    }
}

impl ttf_parser::OutlineBuilder for Pen {
    fn move_to(&mut self, x: f32, y: f32) {
        self.finish();
        self.current.push((x, y, true));
        self.last = (x, y);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        self.current.push((x, y, true));
        self.last = (x, y);
    }

    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.current.push((x1, y1, false));
        self.current.push((x, y, true));
        self.last = (x, y);
    }

    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.cubic([self.last, (x1, y1), (x2, y2), (x, y)], 0);
        self.last = (x, y);
    }

    fn close(&mut self) {
        self.finish();
    }
}

struct EncodedGlyph {
    data: Vec<u8>,
    bbox: (i16, i16, i16, i16),
    points: u16,
    contours: u16,
}

/// A simple TrueType glyph. CFF contours run the other way round, so they are reversed.
fn encode_glyph(contours: &[Vec<(f32, f32, bool)>], reverse: bool) -> Option<EncodedGlyph> {
    let mut pts: Vec<(i16, i16, bool)> = Vec::new();
    let mut ends: Vec<u16> = Vec::new();
    for c in contours {
        let mut c: Vec<(i16, i16, bool)> =
            c.iter().map(|&(x, y, on)| (x.round() as i16, y.round() as i16, on)).collect();
        if reverse {
            c.reverse();
            if let Some(k) = c.iter().position(|p| p.2) {
                c.rotate_left(k);
            }
        }
        pts.extend(c);
        ends.push(pts.len() as u16 - 1);
    }
    let x0 = pts.iter().map(|p| p.0).min()?;
    let x1 = pts.iter().map(|p| p.0).max()?;
    let y0 = pts.iter().map(|p| p.1).min()?;
    let y1 = pts.iter().map(|p| p.1).max()?;
    let mut d = Vec::with_capacity(12 + pts.len() * 5);
    for v in [ends.len() as i16, x0, y0, x1, y1] {
        d.extend_from_slice(&v.to_be_bytes());
    }
    ends.iter().for_each(|e| d.extend_from_slice(&e.to_be_bytes()));
    d.extend_from_slice(&0u16.to_be_bytes()); // no instructions
    pts.iter().for_each(|p| d.push(u8::from(p.2)));
    let (mut px, mut py) = (0i16, 0i16);
    for p in &pts {
        d.extend_from_slice(&p.0.wrapping_sub(px).to_be_bytes());
        px = p.0;
    }
    for p in &pts {
        d.extend_from_slice(&p.1.wrapping_sub(py).to_be_bytes());
        py = p.1;
    }
    Some(EncodedGlyph {
        data: d,
        bbox: (x0, y0, x1, y1),
        points: pts.len() as u16,
        contours: ends.len() as u16,
    })
}

/// A `cmap` with a format 4 subtable (BMP, platform 3 encoding 1) and a format 12 one
/// (all of Unicode, platform 3 encoding 10).
fn cmap(map: &BTreeMap<u32, u16>) -> Vec<u8> {
    let be16 = |v: &mut Vec<u8>, x: u16| v.extend_from_slice(&x.to_be_bytes());
    let be32 = |v: &mut Vec<u8>, x: u32| v.extend_from_slice(&x.to_be_bytes());
    // Format 4: one segment per character, then the closing 0xFFFF segment.
    let bmp: Vec<(u16, u16)> =
        map.iter().filter(|(c, _)| **c < 0xFFFF).map(|(c, g)| (*c as u16, *g)).collect();
    let seg = bmp.len() + 1;
    let mut f4 = Vec::new();
    let len = 16 + seg * 8;
    be16(&mut f4, 4);
    be16(&mut f4, len as u16);
    be16(&mut f4, 0);
    be16(&mut f4, (seg * 2) as u16);
    let pow = 1usize << (usize::BITS - 1 - seg.leading_zeros());
    be16(&mut f4, (pow * 2) as u16);
    be16(&mut f4, pow.trailing_zeros() as u16);
    be16(&mut f4, ((seg - pow) * 2) as u16);
    bmp.iter().for_each(|(c, _)| be16(&mut f4, *c));
    be16(&mut f4, 0xFFFF);
    be16(&mut f4, 0);
    bmp.iter().for_each(|(c, _)| be16(&mut f4, *c));
    be16(&mut f4, 0xFFFF);
    bmp.iter().for_each(|(c, g)| be16(&mut f4, g.wrapping_sub(*c)));
    be16(&mut f4, 1);
    (0..seg).for_each(|_| be16(&mut f4, 0));
    // Format 12: runs of consecutive characters with consecutive glyphs.
    let mut groups: Vec<(u32, u32, u32)> = Vec::new();
    for (&c, &g) in map {
        match groups.last_mut() {
            Some((start, end, first)) if *end + 1 == c && *first + (c - *start) == u32::from(g) => {
                *end = c;
            }
            _ => groups.push((c, c, u32::from(g))),
        }
    }
    let mut f12 = Vec::new();
    be16(&mut f12, 12);
    be16(&mut f12, 0);
    be32(&mut f12, (16 + 12 * groups.len()) as u32);
    be32(&mut f12, 0);
    be32(&mut f12, groups.len() as u32);
    for (s, e, g) in &groups {
        be32(&mut f12, *s);
        be32(&mut f12, *e);
        be32(&mut f12, *g);
    }
    let mut out = Vec::new();
    be16(&mut out, 0);
    be16(&mut out, 2);
    be16(&mut out, 3);
    be16(&mut out, 1);
    be32(&mut out, 20);
    be16(&mut out, 3);
    be16(&mut out, 10);
    be32(&mut out, (20 + f4.len()) as u32);
    out.extend(f4);
    out.extend(f12);
    out
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, c| {
        let mut b = [0u8; 4];
        b[..c.len()].copy_from_slice(c);
        sum.wrapping_add(u32::from_be_bytes(b))
    })
}

/// Writes an sfnt font: table directory sorted by tag, tables 4-byte aligned, checksums
/// and `head.checkSumAdjustment`.
fn write_sfnt(version: &[u8], mut tables: BTreeMap<[u8; 4], Vec<u8>>) -> Vec<u8> {
    if let Some(head) = tables.get_mut(b"head")
        && head.len() >= 12
    {
        head[8..12].fill(0);
    }
    let count = tables.len();
    let pow = 1usize << (usize::BITS - 1 - count.max(1).leading_zeros());
    let mut out = Vec::new();
    out.extend_from_slice(version);
    out.extend_from_slice(&(count as u16).to_be_bytes());
    out.extend_from_slice(&((pow * 16) as u16).to_be_bytes());
    out.extend_from_slice(&(pow.trailing_zeros() as u16).to_be_bytes());
    out.extend_from_slice(&((count - pow) as u16 * 16).to_be_bytes());
    let mut offset = 12 + 16 * count;
    let mut head_at = None;
    for (tag, data) in &tables {
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        if tag == b"head" {
            head_at = Some(offset);
        }
        offset += data.len().next_multiple_of(4);
    }
    for data in tables.values() {
        out.extend_from_slice(data);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    if let Some(at) = head_at {
        let adjust = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[at + 8..at + 12].copy_from_slice(&adjust.to_be_bytes());
    }
    out
}

/// A GUID in braces derived from the font's bytes (their FNV-1a 128 hash), so that the
/// same document gets the same key on every run and every build.
fn guid(font: &[u8]) -> String {
    let hex = format!("{:032X}", Fnv1a128::new().bytes(font).value());
    format!("{{{}-{}-{}-{}-{}}}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..])
}

/// ECMA-376 Part 1 §17.8.1 font obfuscation: the first 32 bytes are XORed with the key,
/// the GUID's 16 bytes in reverse order.
fn obfuscate(mut font: Vec<u8>, guid: &str) -> Vec<u8> {
    let hex: String = guid.chars().filter(|c| c.is_ascii_hexdigit()).collect();
    let key: Vec<u8> =
        (0..16).map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap_or(0)).collect();
    for i in 0..32.min(font.len()) {
        font[i] ^= key[15 - i % 16];
    }
    font
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subset_fonts_read_back_with_their_characters() {
        let book = FontBook::bundled();
        let chars: BTreeSet<char> = "政府信息公开（一）2024年".chars().collect();
        for id in 0..4 {
            let font = font_program(book.face(id), &chars).unwrap();
            let face = ttf_parser::Face::parse(&font, 0).unwrap();
            for c in &chars {
                assert!(face.glyph_index(*c).is_some(), "{id}: {c}");
            }
            assert!(face.glyph_index('税').is_none());
            assert!(face.tables().os2.is_some() && face.tables().glyf.is_some());
            // The outline survives the conversion.
            let gid = face.glyph_index('政').unwrap();
            let bbox = face.glyph_bounding_box(gid).unwrap();
            assert!(bbox.width() > 500 && bbox.height() > 500, "{id}: {bbox:?}");
        }
    }

    #[test]
    fn obfuscation_is_its_own_inverse() {
        let font: Vec<u8> = (0..64).collect();
        let key = guid(&font);
        assert_eq!(key.len(), 38);
        let once = obfuscate(font.clone(), &key);
        assert_ne!(once, font);
        assert_eq!(once[32..], font[32..]);
        assert_eq!(obfuscate(once, &key), font);
    }
}

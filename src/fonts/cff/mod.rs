//! CFF outlines for embedding: a CID-keyed CFF font read once, each glyph flattened
//! (subroutines inlined, hints dropped, [`charstring`]) the first time a document uses
//! it, and subsets written from those glyphs.
//!
//! A batch renders hundreds of reports with the same few thousand characters; flattening
//! each glyph once per process, instead of once per document, is what makes their font
//! subsets cheap. The subset is itself CID-keyed (`Adobe-Identity-0`, CID = the subset's
//! glyph id), as a PDF `CIDFontType0C` program must be. Fonts this does not read
//! (name-keyed CFF, unexpected structures) give `None`, and the PDF writer uses a
//! general subsetter instead.

mod charstring;
mod dict;
mod index;
mod subset;

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use charstring::Subrs;
use index::Index;

/// A CID-keyed CFF font, read for subsetting.
pub struct Cff {
    /// The font's name (Name INDEX).
    name: &'static [u8],
    /// The Top DICT entries a subset keeps as they are (FontBBox, FontMatrix).
    top_kept: Vec<u8>,
    charstrings: Index<'static>,
    global: Index<'static>,
    fd_select: FdSelect,
    fds: Vec<FontDict>,
    /// Flattened glyphs, by glyph id (`None`: the glyph does not flatten).
    glyphs: Mutex<BTreeMap<u16, Option<Arc<[u8]>>>>,
}

/// One Font DICT of the FDArray.
struct FontDict {
    /// Its FontMatrix entry, as in the font.
    matrix: Vec<u8>,
    /// Its Private DICT without the Subrs entry.
    private: Vec<u8>,
    /// Its local subroutines.
    subrs: Option<Index<'static>>,
}

/// Which Font DICT each glyph uses.
struct FdSelect {
    data: &'static [u8],
    format: u8,
}

impl Cff {
    /// Reads the `CFF ` table of a font; `None` unless it is a CID-keyed CFF this reader
    /// understands.
    pub fn read(cff: &'static [u8]) -> Option<Cff> {
        let Start { name, top, global } = Start::read(cff)?;
        let find = |op| top.iter().find(|e| e.op == op);
        find(dict::ROS)?;
        let (charstrings, _) = Index::read(cff, find(dict::CHARSTRINGS)?.offset()?)?;
        let (fd_array, _) = Index::read(cff, find(dict::FD_ARRAY)?.offset()?)?;
        let fd_select_at = find(dict::FD_SELECT)?.offset()?;
        let fd_select =
            FdSelect { data: cff.get(fd_select_at..)?, format: *cff.get(fd_select_at)? };
        if !matches!(fd_select.format, 0 | 3) {
            return None;
        }
        let top_kept = top
            .iter()
            .filter(|e| matches!(e.op, dict::FONT_BBOX | dict::FONT_MATRIX))
            .flat_map(|e| e.bytes.iter().copied())
            .collect();
        let mut fds = Vec::with_capacity(fd_array.len());
        for i in 0..fd_array.len() {
            fds.push(FontDict::read(cff, fd_array.get(i)?)?);
        }
        Some(Cff {
            name,
            top_kept,
            charstrings,
            global,
            fd_select,
            fds,
            glyphs: Mutex::new(BTreeMap::new()),
        })
    }

    /// A CFF font of the glyphs `gids`, renumbered in that order (the first should be
    /// 0, `.notdef`); `None` if a glyph does not flatten.
    pub fn subset(&self, gids: &[u16]) -> Option<Vec<u8>> {
        let mut glyphs = Vec::with_capacity(gids.len());
        {
            let mut cache = self.glyphs.lock().unwrap_or_else(|e| e.into_inner());
            for &gid in gids {
                let fd = self.fd_select.fd(gid, self.charstrings.len())?;
                let cs = cache.entry(gid).or_insert_with(|| self.flatten(gid, fd)).clone()?;
                glyphs.push((cs, fd));
            }
        }
        subset::write(self, &glyphs)
    }

    /// A glyph's charstring, flattened.
    fn flatten(&self, gid: u16, fd: usize) -> Option<Arc<[u8]>> {
        let subrs = Subrs { global: self.global, local: self.fds.get(fd)?.subrs };
        charstring::flatten(self.charstrings.get(gid as usize)?, &subrs).map(Arc::from)
    }
}

/// A CFF font without subroutines whose CharStrings INDEX is its last structure (as
/// `subsetter` writes subsets), with the hints removed from its charstrings.
pub fn strip_hints(cff: &[u8]) -> Option<Vec<u8>> {
    let Start { top, global, .. } = Start::read(cff)?;
    let charstrings_at = top.iter().find(|e| e.op == dict::CHARSTRINGS)?.offset()?;
    let (charstrings, end) = Index::read(cff, charstrings_at)?;
    if end != cff.len() {
        return None;
    }
    let subrs = Subrs { global, local: None };
    let glyphs = (0..charstrings.len())
        .map(|i| charstring::flatten(charstrings.get(i)?, &subrs))
        .collect::<Option<Vec<_>>>()?;
    let mut out = cff[..charstrings_at].to_vec();
    index::write(&mut out, glyphs.iter().map(Vec::as_slice));
    Some(out)
}

/// What every CFF font starts with: after the header, the Name INDEX (its first name),
/// the Top DICT INDEX (its first DICT, read), the String INDEX and the Global Subr INDEX.
struct Start<'a> {
    name: &'a [u8],
    top: Vec<dict::Entry<'a>>,
    global: Index<'a>,
}

impl<'a> Start<'a> {
    fn read(cff: &'a [u8]) -> Option<Start<'a>> {
        let header = *cff.get(2)? as usize;
        let (names, at) = Index::read(cff, header)?;
        let (tops, at) = Index::read(cff, at)?;
        let (_strings, at) = Index::read(cff, at)?;
        let (global, _) = Index::read(cff, at)?;
        Some(Start { name: names.get(0)?, top: dict::entries(tops.get(0)?)?, global })
    }
}

impl FontDict {
    fn read(cff: &'static [u8], dict: &'static [u8]) -> Option<FontDict> {
        let entries = dict::entries(dict)?;
        let matrix = entries
            .iter()
            .filter(|e| e.op == dict::FONT_MATRIX)
            .flat_map(|e| e.bytes.iter().copied())
            .collect();
        let private = entries.iter().find(|e| e.op == dict::PRIVATE)?;
        let (size, at) = match private.operands[..] {
            [Some(size), Some(at)] => (usize::try_from(size).ok()?, usize::try_from(at).ok()?),
            _ => return None,
        };
        let bytes = cff.get(at..at.checked_add(size)?)?;
        let entries = dict::entries(bytes)?;
        let subrs = match entries.iter().find(|e| e.op == dict::SUBRS) {
            // Local subroutines are placed relative to the Private DICT.
            Some(e) => Some(Index::read(cff, at.checked_add(e.offset()?)?)?.0),
            None => None,
        };
        let private = entries
            .iter()
            .filter(|e| e.op != dict::SUBRS)
            .flat_map(|e| e.bytes.iter().copied())
            .collect();
        Some(FontDict { matrix, private, subrs })
    }
}

impl FdSelect {
    /// The Font DICT of glyph `gid` in a font of `count` glyphs.
    fn fd(&self, gid: u16, count: usize) -> Option<usize> {
        let gid = gid as usize;
        if gid >= count {
            return None;
        }
        let d = self.data;
        if self.format == 0 {
            return d.get(1 + gid).map(|b| *b as usize);
        }
        let ranges = u16::from_be_bytes([*d.get(1)?, *d.get(2)?]) as usize;
        let first = |r: usize| -> Option<usize> {
            let at = 3 + r * 3;
            Some(u16::from_be_bytes([*d.get(at)?, *d.get(at + 1)?]) as usize)
        };
        // The last range whose first glyph is at most `gid` (range `ranges` is the
        // sentinel).
        let (mut lo, mut hi) = (0, ranges);
        while hi - lo > 1 {
            let mid = (lo + hi) / 2;
            if first(mid)? <= gid { lo = mid } else { hi = mid }
        }
        if ranges == 0 || first(lo)? > gid || gid >= first(ranges)? {
            return None;
        }
        d.get(3 + lo * 3 + 2).map(|b| *b as usize)
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use ttf_parser::cff::Table;

    use crate::fonts::FontBook;

    /// Every path command of a glyph, as text.
    struct Path(String);

    impl ttf_parser::OutlineBuilder for Path {
        fn move_to(&mut self, x: f32, y: f32) {
            write!(self.0, "M{x} {y}").unwrap();
        }
        fn line_to(&mut self, x: f32, y: f32) {
            write!(self.0, "L{x} {y}").unwrap();
        }
        fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
            write!(self.0, "Q{x1} {y1} {x} {y}").unwrap();
        }
        fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
            write!(self.0, "C{x1} {y1} {x2} {y2} {x} {y}").unwrap();
        }
        fn close(&mut self) {
            self.0.push('Z');
        }
    }

    fn outline(cff: &Table, gid: u16) -> String {
        let mut p = Path(String::new());
        // .notdef and spaces have no outline.
        let _ = cff.outline(ttf_parser::GlyphId(gid), &mut p);
        p.0
    }

    #[test]
    fn subsets_draw_every_glyph_as_the_font_does() {
        let text =
            "政府信息公开工作年度报告（一）“三安全一稳定”，《条例》第二十条 0123456789%ABC—…";
        for face in FontBook::bundled().faces().iter().filter(|f| f.is_cff()) {
            let source = face.ttf().raw_face().table(ttf_parser::Tag::from_bytes(b"CFF ")).unwrap();
            let source = Table::parse(source).unwrap();
            let mut gids = vec![0u16];
            for ch in text.chars() {
                let (gid, _) = face.glyph(ch).unwrap();
                if !gids.contains(&gid) {
                    gids.push(gid);
                }
            }
            // Twice: the second subset comes from the flattened glyphs kept by the first.
            for _ in 0..2 {
                let subset = face.cff_subset(&gids).expect("the bundled CFF faces subset");
                let table = Table::parse(&subset).expect("the subset reads");
                assert_eq!(table.number_of_glyphs(), gids.len() as u16);
                for (new, &old) in gids.iter().enumerate() {
                    assert_eq!(outline(&table, new as u16), outline(&source, old), "{}", face.name);
                }
                assert!(outline(&table, 1).starts_with('M'));
            }
            // The subset is smaller than the glyphs' share of the font (no hints).
            assert!(face.cff_subset(&gids).unwrap().len() < 300 * gids.len());
        }
    }
}

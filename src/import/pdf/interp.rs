//! The content-stream interpreter: runs a page's operators (and those of the Form
//! XObjects it draws) through the graphics and text state of PDF 32000-1 §8–9, and
//! collects glyphs with their positions and the ruling lines of paths.
//!
//! Junk is dropped here: rotated or mirrored text (watermarks, stamps), glyphs outside
//! the clip or the page, and white lines. Text marked as an `/Artifact` (Word marks
//! running headers, footers and page numbers so) is marked for the page to drop.

use std::collections::HashMap;
use std::rc::Rc;

use hayro_syntax::content::TypedIter;
use hayro_syntax::content::ops::TypedInstruction as Op;
use hayro_syntax::object::{Dict, Name, Object, ObjectIdentifier, Stream};
use hayro_syntax::page::Resources;

use super::font::Font;
use super::geom::{BoxD, Matrix};
use super::marks::{Glyph, Marks, Rule};
use super::stream::decode;

/// Deepest nesting of Form XObjects followed.
const MAX_FORM_DEPTH: usize = 12;

/// Work left for the whole document: operators, and Form XObjects drawn (each decoded
/// anew). A hostile file whose forms draw themselves over and over stops here.
pub(super) struct Budget {
    pub operators: u64,
    pub forms: u32,
}

/// Most points one path may have.
const MAX_PATH_POINTS: usize = 1_000_000;

/// A box thinner than this (points) that is filled is a ruling line, not a shaded area.
const THIN: f64 = 2.5;

#[derive(Clone)]
struct State {
    ctm: Matrix,
    clip: BoxD,
    font: Option<Rc<Font>>,
    size: f64,
    char_spacing: f64,
    word_spacing: f64,
    scale: f64,
    leading: f64,
    rise: f64,
    invisible: bool,
    stroke_white: bool,
    fill_white: bool,
}

/// A subpath in device space.
#[derive(Default)]
struct Sub {
    points: Vec<(f64, f64)>,
    closed: bool,
    curved: bool,
}

/// Fonts read once per document, by object.
#[derive(Default)]
pub(super) struct FontCache {
    read: HashMap<ObjectIdentifier, Rc<Font>>,
    /// The id of each typeface, by its name without the subset tag (LibreOffice writes
    /// one CJK face as several subsets: one typeface, one id).
    faces: HashMap<Vec<u8>, u32>,
}

struct Run<'c> {
    fonts: &'c mut FontCache,
    budget: &'c mut Budget,
    out: Marks,
    stack: Vec<State>,
    state: State,
    path: Vec<Sub>,
    /// Points in `path`, bounded so that a hostile path cannot fill the memory.
    points: usize,
    pending_clip: bool,
    tm: Matrix,
    tlm: Matrix,
    /// States saved outside the content stream being run (its `Q` cannot reach them).
    floor: usize,
    /// Depth of marked-content sequences, and the depths at which an artifact began.
    marked: usize,
    artifact_from: Vec<usize>,
}

/// Interprets one page's content with its resources; `base` maps user space to device
/// space, `page` is the visible page in device space.
pub(super) fn page(
    content: &[u8],
    resources: &Resources<'_>,
    base: Matrix,
    page: BoxD,
    fonts: &mut FontCache,
    budget: &mut Budget,
) -> Marks {
    let state = State {
        ctm: base,
        clip: page,
        font: None,
        size: 0.0,
        char_spacing: 0.0,
        word_spacing: 0.0,
        scale: 1.0,
        leading: 0.0,
        rise: 0.0,
        invisible: false,
        stroke_white: false,
        fill_white: false,
    };
    let mut run = Run {
        fonts,
        budget,
        out: Marks::default(),
        stack: Vec::new(),
        floor: 0,
        state,
        path: Vec::new(),
        points: 0,
        pending_clip: false,
        tm: Matrix::IDENTITY,
        tlm: Matrix::IDENTITY,
        marked: 0,
        artifact_from: Vec::new(),
    };
    run.content(content, resources, 0);
    run.out
}

fn white(components: &[f64]) -> bool {
    match components {
        [g] => *g >= 0.99,
        [r, g, b] => *r >= 0.99 && *g >= 0.99 && *b >= 0.99,
        [c, m, y, k] => c + m + y + k <= 0.01,
        _ => false,
    }
}

impl Run<'_> {
    fn content(&mut self, data: &[u8], resources: &Resources<'_>, depth: usize) {
        let mut ops = TypedIter::new(data);
        let base_stack = self.stack.len();
        let floor = std::mem::replace(&mut self.floor, base_stack);
        while let Some(op) = ops.next() {
            if self.budget.operators == 0 {
                break;
            }
            self.budget.operators -= 1;
            self.op(op, resources, depth);
        }
        // Unbalanced `q` inside a form must not leak out of it.
        if self.stack.len() > base_stack {
            self.stack.truncate(base_stack + 1);
            if let Some(s) = self.stack.pop() {
                self.state = s;
            }
        }
        self.floor = floor;
    }

    fn op(&mut self, op: Op<'_, '_>, resources: &Resources<'_>, depth: usize) {
        let s = &mut self.state;
        match op {
            // Nesting deeper than any real file: the state stays as it is.
            Op::SaveState(_) if self.stack.len() < 256 => self.stack.push(s.clone()),
            // A form's unbalanced `Q` must not restore the states saved outside it.
            Op::RestoreState(_) if self.stack.len() > self.floor => {
                if let Some(prev) = self.stack.pop() {
                    self.state = prev;
                }
            }
            Op::Transform(t) => {
                let m = Matrix([t.0, t.1, t.2, t.3, t.4, t.5].map(|n| n.as_f64()));
                let ctm = m.then(&s.ctm);
                if ctm.is_finite() {
                    s.ctm = ctm;
                }
            }
            Op::StrokeColorDeviceGray(g) => s.stroke_white = white(&[g.0.as_f64()]),
            Op::NonStrokeColorDeviceGray(g) => s.fill_white = white(&[g.0.as_f64()]),
            Op::StrokeColorDeviceRgb(c) => {
                s.stroke_white = white(&[c.0.as_f64(), c.1.as_f64(), c.2.as_f64()])
            }
            Op::NonStrokeColorDeviceRgb(c) => {
                s.fill_white = white(&[c.0.as_f64(), c.1.as_f64(), c.2.as_f64()])
            }
            Op::StrokeColorCmyk(c) => {
                s.stroke_white = white(&[c.0.as_f64(), c.1.as_f64(), c.2.as_f64(), c.3.as_f64()])
            }
            Op::NonStrokeColorCmyk(c) => {
                s.fill_white = white(&[c.0.as_f64(), c.1.as_f64(), c.2.as_f64(), c.3.as_f64()])
            }
            Op::StrokeColor(c) => {
                s.stroke_white = white(&c.0.iter().map(|n| n.as_f64()).collect::<Vec<_>>())
            }
            Op::NonStrokeColor(c) => {
                s.fill_white = white(&c.0.iter().map(|n| n.as_f64()).collect::<Vec<_>>())
            }
            Op::MoveTo(_)
            | Op::LineTo(_)
            | Op::RectPath(_)
            | Op::CubicTo(_)
            | Op::CubicStartTo(_)
            | Op::CubicEndTo(_)
                if self.points >= MAX_PATH_POINTS => {}
            Op::MoveTo(m) => {
                let p = s.ctm.apply(m.0.as_f64(), m.1.as_f64());
                self.points += 1;
                self.path.push(Sub { points: vec![p], ..Sub::default() });
            }
            Op::LineTo(l) => {
                let p = s.ctm.apply(l.0.as_f64(), l.1.as_f64());
                self.points += 1;
                match self.path.last_mut() {
                    Some(sub) => sub.points.push(p),
                    None => self.path.push(Sub { points: vec![p], ..Sub::default() }),
                }
            }
            Op::CubicTo(c) => self.curve(c.4.as_f64(), c.5.as_f64()),
            Op::CubicStartTo(c) => self.curve(c.2.as_f64(), c.3.as_f64()),
            Op::CubicEndTo(c) => self.curve(c.2.as_f64(), c.3.as_f64()),
            Op::ClosePath(_) => {
                if let Some(sub) = self.path.last_mut() {
                    sub.closed = true;
                }
            }
            Op::RectPath(r) => {
                let (x, y, w, h) = (r.0.as_f64(), r.1.as_f64(), r.2.as_f64(), r.3.as_f64());
                let points = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
                    .map(|(px, py)| s.ctm.apply(px, py))
                    .to_vec();
                self.points += 4;
                self.path.push(Sub { points, closed: true, curved: false });
            }
            Op::StrokePath(_) => self.paint(true, false),
            Op::CloseAndStrokePath(_) => {
                if let Some(sub) = self.path.last_mut() {
                    sub.closed = true;
                }
                self.paint(true, false)
            }
            Op::FillPathNonZero(_)
            | Op::FillPathNonZeroCompatibility(_)
            | Op::FillPathEvenOdd(_) => self.paint(false, true),
            Op::FillAndStrokeNonZero(_)
            | Op::FillAndStrokeEvenOdd(_)
            | Op::CloseFillAndStrokeNonZero(_)
            | Op::CloseFillAndStrokeEvenOdd(_) => self.paint(true, true),
            Op::EndPath(_) => self.paint(false, false),
            Op::ClipNonZero(_) | Op::ClipEvenOdd(_) => self.pending_clip = true,
            Op::BeginText(_) => {
                self.tm = Matrix::IDENTITY;
                self.tlm = Matrix::IDENTITY;
            }
            Op::EndText(_) => {}
            Op::CharacterSpacing(v) => s.char_spacing = finite(v.0.as_f64()),
            Op::WordSpacing(v) => s.word_spacing = finite(v.0.as_f64()),
            Op::HorizontalScaling(v) => s.scale = finite(v.0.as_f64()) / 100.0,
            Op::TextLeading(v) => s.leading = finite(v.0.as_f64()),
            Op::TextRise(v) => s.rise = finite(v.0.as_f64()),
            Op::TextRenderingMode(v) => s.invisible = matches!(v.0.as_i64(), 3 | 7),
            Op::TextFont(f) => {
                s.size = finite(f.1.as_f64());
                let font = resources.get_font(f.0).map(|d| font(self.fonts, &d));
                self.state.font = font;
            }
            Op::NextLine(t) => self.next_line(t.0.as_f64(), t.1.as_f64()),
            Op::NextLineAndSetLeading(t) => {
                s.leading = -finite(t.1.as_f64());
                self.next_line(t.0.as_f64(), t.1.as_f64())
            }
            Op::SetTextMatrix(t) => {
                let m = Matrix([t.0, t.1, t.2, t.3, t.4, t.5].map(|n| n.as_f64()));
                if m.is_finite() {
                    self.tm = m;
                    self.tlm = m;
                }
            }
            Op::NextLineUsingLeading(_) => {
                let l = s.leading;
                self.next_line(0.0, -l)
            }
            Op::ShowText(t) => self.show(t.0.as_bytes()),
            Op::NextLineAndShowText(t) => {
                let l = s.leading;
                self.next_line(0.0, -l);
                self.show(t.0.as_bytes())
            }
            Op::ShowTextWithParameters(t) => {
                s.word_spacing = finite(t.0.as_f64());
                s.char_spacing = finite(t.1.as_f64());
                let l = s.leading;
                self.next_line(0.0, -l);
                self.show(t.2.as_bytes())
            }
            Op::ShowTexts(items) => {
                for item in items.0.iter::<Object<'_>>() {
                    match item {
                        Object::String(t) => self.show(t.as_bytes()),
                        Object::Number(n) => {
                            let s = &self.state;
                            let tx = -finite(n.as_f64()) / 1000.0 * s.size * s.scale;
                            self.tm = Matrix::translate(tx, 0.0).then(&self.tm);
                        }
                        _ => {}
                    }
                }
            }
            Op::XObject(name) => self.x_object(name.0, resources, depth),
            Op::InlineImage(_) => self.out.images += 1,
            Op::BeginMarkedContent(tag) => self.begin_marked(tag.0, None),
            Op::BeginMarkedContentWithProperties(tag) => self.begin_marked(tag.0, Some(tag.1)),
            Op::EndMarkedContent(_) => {
                if self.artifact_from.last() == Some(&self.marked) {
                    self.artifact_from.pop();
                }
                self.marked = self.marked.saturating_sub(1);
            }
            _ => {}
        }
    }

    fn begin_marked(&mut self, tag: &Name<'_>, _props: Option<&Object<'_>>) {
        self.marked += 1;
        if tag.as_ref() == b"Artifact" {
            self.artifact_from.push(self.marked);
        }
    }

    fn curve(&mut self, x: f64, y: f64) {
        let p = self.state.ctm.apply(x, y);
        self.points += 1;
        match self.path.last_mut() {
            Some(sub) => {
                sub.points.push(p);
                sub.curved = true;
            }
            None => self.path.push(Sub { points: vec![p], closed: false, curved: true }),
        }
    }

    fn next_line(&mut self, tx: f64, ty: f64) {
        self.tlm = Matrix::translate(finite(tx), finite(ty)).then(&self.tlm);
        self.tm = self.tlm;
    }

    /// Ends the current path: its straight axis-aligned pieces become ruling lines when
    /// stroked, its thin boxes when filled; a pending clip narrows the clip box.
    fn paint(&mut self, stroke: bool, fill: bool) {
        let path = std::mem::take(&mut self.path);
        self.points = 0;
        let clip = self.state.clip;
        if stroke && !self.state.stroke_white {
            for sub in path.iter().filter(|s| !s.curved) {
                let n = sub.points.len();
                let edges = if sub.closed { n } else { n.saturating_sub(1) };
                for i in 0..edges {
                    self.segment(sub.points[i], sub.points[(i + 1) % n], &clip);
                }
            }
        }
        if fill && !self.state.fill_white {
            for sub in path.iter().filter(|s| !s.curved && s.points.len() >= 4) {
                let Some(b) = BoxD::around(&sub.points) else { continue };
                let axis_aligned = sub.points.iter().all(|&(x, y)| {
                    ((x - b.x0).abs() < 0.01 || (x - b.x1).abs() < 0.01)
                        && ((y - b.y0).abs() < 0.01 || (y - b.y1).abs() < 0.01)
                });
                if !axis_aligned {
                    continue;
                }
                if b.height() <= THIN && b.width() > THIN {
                    let y = (b.y0 + b.y1) / 2.0;
                    self.segment((b.x0, y), (b.x1, y), &clip);
                } else if b.width() <= THIN && b.height() > THIN {
                    let x = (b.x0 + b.x1) / 2.0;
                    self.segment((x, b.y0), (x, b.y1), &clip);
                }
            }
        }
        if std::mem::take(&mut self.pending_clip) {
            let points: Vec<(f64, f64)> =
                path.iter().flat_map(|s| s.points.iter().copied()).collect();
            if let Some(b) = BoxD::around(&points) {
                self.state.clip = self.state.clip.intersect(&b);
            }
        }
    }

    /// Keeps one straight piece of a path if it is horizontal or vertical, cut to the clip.
    fn segment(&mut self, (ax, ay): (f64, f64), (bx, by): (f64, f64), clip: &BoxD) {
        const FLAT: f64 = 0.5;
        let rule = if (ay - by).abs() <= FLAT && (ax - bx).abs() > FLAT {
            let at = (ay + by) / 2.0;
            if at < clip.y0 - 1.0 || at > clip.y1 + 1.0 {
                return;
            }
            Rule {
                horizontal: true,
                at,
                from: ax.min(bx).max(clip.x0),
                to: ax.max(bx).min(clip.x1),
            }
        } else if (ax - bx).abs() <= FLAT && (ay - by).abs() > FLAT {
            let at = (ax + bx) / 2.0;
            if at < clip.x0 - 1.0 || at > clip.x1 + 1.0 {
                return;
            }
            Rule {
                horizontal: false,
                at,
                from: ay.min(by).max(clip.y0),
                to: ay.max(by).min(clip.y1),
            }
        } else {
            return;
        };
        if rule.to > rule.from && rule.at.is_finite() && self.out.rules.len() < 50_000 {
            self.out.rules.push(rule);
        }
    }

    /// Shows a string: one glyph per character code, each placed by the text rendering
    /// matrix (§9.4.4), then the text matrix advanced by the glyph's width.
    fn show(&mut self, bytes: &[u8]) {
        let s = &self.state;
        let Some(font) = s.font.clone() else { return };
        let artifact = !self.artifact_from.is_empty();
        for code in font.codes(bytes) {
            let w0 = font.width(code.code);
            let trm = Matrix([s.size * s.scale, 0.0, 0.0, s.size, 0.0, s.rise])
                .then(&self.tm)
                .then(&s.ctm);
            let [a, b, c, d, _, _] = trm.0;
            // Upright horizontal text only: device y grows downwards, so the glyph's
            // up direction has d < 0.
            let upright = a > 0.0 && b.abs() <= 0.05 * a && c.abs() <= 0.05 * d.abs() && d < 0.0;
            if upright && self.out.glyphs.len() < 1_000_000 {
                let (x, y) = trm.apply(0.0, 0.0);
                let x1 = x + a * w0;
                let glyph = Glyph {
                    text: font.text(code.code),
                    font: font.id,
                    x0: x,
                    x1: x1.max(x),
                    baseline: y,
                    size: -d,
                    visible: !s.invisible,
                    artifact,
                };
                let (cx, cy) = glyph.centre();
                if glyph.size.is_finite() && glyph.size > 0.5 && s.clip.contains(cx, cy, 1.0) {
                    self.out.glyphs.push(glyph);
                }
            }
            let mut tx = w0 * s.size + s.char_spacing;
            if code.word_space {
                tx += s.word_spacing;
            }
            self.tm = Matrix::translate(tx * s.scale, 0.0).then(&self.tm);
        }
    }

    fn x_object(&mut self, name: &Name<'_>, resources: &Resources<'_>, depth: usize) {
        let Some(stream) = resources.get_x_object(name) else { return };
        let dict = stream.dict();
        match dict.get::<Name<'_>>(b"Subtype").as_deref() {
            Some(b"Image") => self.out.images += 1,
            Some(b"Form") if depth < MAX_FORM_DEPTH && self.budget.forms > 0 => {
                self.budget.forms -= 1;
                self.form(&stream, resources, depth)
            }
            _ => {}
        }
    }

    /// Draws a Form XObject (§8.10): its matrix, its box as a clip, its own resources.
    fn form(&mut self, stream: &Stream<'_>, parent: &Resources<'_>, depth: usize) {
        let Some(data) = decode(stream) else { return };
        let dict = stream.dict();
        let saved = self.state.clone();
        let saved_path = std::mem::take(&mut self.path);
        let saved_points = std::mem::take(&mut self.points);
        if let Some(m) = dict.get::<[f64; 6]>(b"Matrix") {
            let ctm = Matrix(m).then(&self.state.ctm);
            if ctm.is_finite() {
                self.state.ctm = ctm;
            }
        }
        if let Some(b) = dict.get::<[f64; 4]>(b"BBox") {
            let ctm = self.state.ctm;
            let corners = [(b[0], b[1]), (b[2], b[1]), (b[2], b[3]), (b[0], b[3])]
                .map(|(x, y)| ctm.apply(x, y));
            if let Some(bbox) = BoxD::around(&corners) {
                self.state.clip = self.state.clip.intersect(&bbox);
            }
        }
        let own = dict.get::<Dict<'_>>(b"Resources").map(Resources::new);
        let (tm, tlm) = (self.tm, self.tlm);
        self.content(&data, own.as_ref().unwrap_or(parent), depth + 1);
        self.state = saved;
        self.path = saved_path;
        self.points = saved_points;
        (self.tm, self.tlm) = (tm, tlm);
    }
}

/// A font from the cache, read on first use.
fn font(cache: &mut FontCache, dict: &Dict<'_>) -> Rc<Font> {
    if let Some(font) = dict.obj_id().and_then(|id| cache.read.get(&id)) {
        return font.clone();
    }
    // Ids from 1; 0 stands for a face without a name (Type 3 fonts, as browsers write
    // them), which is never told apart from another.
    let id = match dict.get::<Name<'_>>(b"BaseFont") {
        Some(name) => {
            let name: &[u8] = name.as_ref();
            // `ABCDEF+Name`: a subset of `Name` (PDF 32000-1 §9.6.4).
            let face = match name.get(6) {
                Some(b'+') if name[..6].iter().all(u8::is_ascii_uppercase) => &name[7..],
                _ => name,
            };
            let next = cache.faces.len() as u32 + 1;
            *cache.faces.entry(face.to_vec()).or_insert(next)
        }
        None => 0,
    };
    let font = Rc::new(Font::new(dict, id));
    if let Some(id) = dict.obj_id() {
        cache.read.insert(id, font.clone());
    }
    font
}

fn finite(v: f64) -> f64 {
    if v.is_finite() { v.clamp(-1e6, 1e6) } else { 0.0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ruling lines of a content stream on an A4 page (device space: y down).
    fn rules(content: &str) -> Vec<Rule> {
        let page = BoxD { x0: 0.0, y0: 0.0, x1: 595.0, y1: 842.0 };
        let base = Matrix([1.0, 0.0, 0.0, -1.0, 0.0, 842.0]);
        let mut budget = Budget { operators: 10_000, forms: 10 };
        let res = Resources::new(Dict::empty());
        super::page(content.as_bytes(), &res, base, page, &mut FontCache::default(), &mut budget)
            .rules
    }

    #[test]
    fn strokes_and_thin_boxes_are_rules() {
        // A stroked box: four edges.
        let r = rules("10 800 100 20 re S");
        assert_eq!(r.len(), 4);
        assert_eq!(r.iter().filter(|r| r.horizontal).count(), 2);
        // A stroked polyline; a thin filled box (Word's border); a shaded cell is none.
        let r = rules("10 700 m 110 700 l 110 600 l S 10 500 100 0.5 re f 10 300 100 40 re f");
        assert_eq!(
            r,
            [
                Rule { horizontal: true, at: 142.0, from: 10.0, to: 110.0 },
                Rule { horizontal: false, at: 110.0, from: 142.0, to: 242.0 },
                Rule { horizontal: true, at: 341.75, from: 10.0, to: 110.0 },
            ]
        );
    }

    #[test]
    fn white_slanted_curved_and_clipped_lines_are_none() {
        assert!(rules("1 1 1 RG 10 700 m 110 700 l S").is_empty());
        assert!(rules("10 700 m 110 650 l S").is_empty());
        assert!(rules("10 700 m 50 750 80 750 110 700 c S").is_empty());
        assert!(rules("q 0 0 50 50 re W n 10 700 m 110 700 l S Q").is_empty());
        // After the clip is restored, lines count again.
        assert_eq!(rules("q 0 0 50 50 re W n Q 10 700 m 110 700 l S").len(), 1);
    }
}

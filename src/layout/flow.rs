//! The flow: prepared blocks placed down the pages.
//!
//! Body lines sit on the grid of the page ([`PageSpec::line_pitch`]); a table or a note
//! leaves it, and the next line snaps back to it. Page breaks follow three rules:
//!
//! - **keep with next**: a heading goes to the next page unless the first line (or the
//!   first rows) of what follows fits under it;
//! - **note tail**: a table's note stays on the page where the table ends;
//! - **signature tail**: the signature never stands alone on a page: when it does not fit
//!   under the last paragraph, the paragraph's last two lines go to the next page with
//!   it (GB/T 9704 7.3.5).

use super::output::{Item, Mark, Page, TextItem};
use super::prepare::Prepared;
use super::setter::LineBlock;
use super::text::{Run, TextStyle};
use super::{EPS, table};
use crate::doc::page::{PageSpec, size};

/// Notes under tables: 小四 lines 18 pt apart, 4 pt below the table.
const NOTE_PITCH: f32 = size::TABLE.0 * 1.5;
const NOTE_GAP: f32 = 4.0;

/// The pages so far and the position on the last one.
pub(super) struct Flow {
    /// The page laid out on.
    pub(super) spec: PageSpec,
    /// The pages, the last one being filled.
    pub(super) pages: Vec<Page>,
    /// Distance from the top of the text block on the current page.
    pub(super) y: f32,
    /// Outline entries so far.
    pub(super) outline: Vec<Mark>,
    /// Where each table's rows went, in document order, for the tests to check
    /// pagination against (the drawn rules do not tell rows apart).
    #[cfg(test)]
    pub(super) tables: Vec<table::Placement>,
}

impl Flow {
    /// An empty first page.
    pub(super) fn new(spec: PageSpec) -> Self {
        Flow {
            spec,
            pages: vec![Page::default()],
            y: 0.0,
            outline: Vec::new(),
            #[cfg(test)]
            tables: Vec::new(),
        }
    }

    /// Places the body: each block with what must fit before it (keep) and what must
    /// follow it on its last page (tail).
    pub(super) fn place_all(&mut self, prepared: &[Prepared]) {
        for (i, p) in prepared.iter().enumerate() {
            let keep = keep_height(&prepared[i..], &self.spec);
            let tail = tail_height(prepared.get(i + 1), &self.spec);
            self.place(p, keep, tail);
        }
    }

    /// Starts a new page.
    pub(super) fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = 0.0;
    }

    /// Moves down to the next grid line (or stays on it), and to a new page when none is
    /// left on this one.
    pub(super) fn snap_to_grid(&mut self) {
        let p = self.spec.line_pitch().0;
        let k = ((self.y - EPS) / p).ceil().max(0.0);
        self.y = k * p;
        if self.y > self.spec.text_height().0 - EPS {
            self.new_page();
        }
    }

    /// Height left on the current page.
    fn room(&self) -> f32 {
        self.spec.text_height().0 - self.y
    }

    /// Adds runs to the current page; `x0` and `baseline` are from the text block's
    /// corner.
    fn push_runs(&mut self, runs: &[Run], x0: f32, baseline: f32, style: &TextStyle) {
        let page = self.pages.len() - 1;
        self.push_runs_on(page, runs, x0, baseline, style);
    }

    /// Adds runs to page `page`; `x0` and `baseline` are from the text block's corner.
    pub(super) fn push_runs_on(
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

    /// Places lines `pitch` apart from the current position, breaking pages as needed;
    /// `mark` puts the first line in the outline.
    pub(super) fn place_lines(
        &mut self,
        block: &LineBlock,
        pitch: f32,
        mark: Option<(u8, String)>,
    ) {
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

    /// Places one block. `keep` must fit from the current position or the block starts a
    /// new page; `tail` must fit after the block's last line, on the same page.
    fn place(&mut self, p: &Prepared, keep: f32, tail: f32) {
        let pitch = self.spec.line_pitch().0;
        match p {
            Prepared::Lines { block, outline, heading } => {
                self.snap_to_grid();
                // A keep taller than a page fits on none: breaking would only waste this one.
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
                // Widows and orphans: a paragraph that runs on to the next page leaves at
                // least two of its lines on each (a first line alone at a page's foot, or a
                // last line alone at the next page's top, reads as a slip).
                if split.is_none() && !heading && n > fit && fit > 0 {
                    let here = fit.min(n.saturating_sub(MIN_LINES));
                    split = if here >= MIN_LINES { Some(here) } else { Some(0) };
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
                    // The blank grid line between the text and the signature.
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
}

/// The fewest lines of a paragraph on either side of a page break.
const MIN_LINES: usize = 2;

/// The height that must fit at the current position before placing `blocks[0]`: a
/// heading keeps with the first lines (or first rows) of what follows; a paragraph
/// starts on a page only with [`MIN_LINES`] of its lines (all of them when it is too
/// short to leave that many on each side of a break).
pub(super) fn keep_height(blocks: &[Prepared], spec: &PageSpec) -> f32 {
    let pitch = spec.line_pitch().0;
    match blocks.first() {
        Some(Prepared::Lines { block, heading: true, .. }) => {
            block.lines.len() as f32 * pitch + keep_height(&blocks[1..], spec)
        }
        Some(Prepared::Lines { block, .. }) => {
            let n = block.lines.len();
            let first = if n < 2 * MIN_LINES { n } else { MIN_LINES };
            // The signature takes the paragraph's last two lines with it: a paragraph of
            // two lines or fewer goes wherever the signature goes.
            let tail = if n <= 2 { tail_height(blocks.get(1), spec) } else { 0.0 };
            first.max(1) as f32 * pitch + tail
        }
        Some(Prepared::Note(_)) => pitch,
        Some(Prepared::Table(t)) => {
            t.first_unit_height(spec.text_height().0, tail_height(blocks.get(1), spec))
        }
        Some(Prepared::Signature(b)) => (b.lines.len() + 1) as f32 * pitch,
        None => 0.0,
    }
}

/// The height that must stay on the page where the block before `next` ends: a note
/// stays on the page where its table ends, and the signature (with its blank line) on
/// the page where the text ends.
fn tail_height(next: Option<&Prepared>, spec: &PageSpec) -> f32 {
    match next {
        Some(Prepared::Note(b)) => NOTE_GAP + b.lines.len() as f32 * NOTE_PITCH,
        Some(Prepared::Signature(b)) => (b.lines.len() + 1) as f32 * spec.line_pitch().0,
        _ => 0.0,
    }
}

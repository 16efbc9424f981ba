//! Line breaking: where the lines of a paragraph end.
//!
//! Break opportunities come from [`super::text::shape`] (UAX #14 less the 避头尾 places).
//! Among them the breaker picks, for the whole paragraph at once, the breaks that put
//! the most lines exactly on the 28-character grid: a line that fills its measure is
//! best; one that fills it only by compressing its punctuation ([`super::squeeze`]) is
//! next; one that must be letter-spaced is last — the more, the worse. Choosing a
//! paragraph's breaks together (as Knuth and Plass do for Western text) lets an early
//! line take one character more by compression, so that a long unbreakable unit further
//! on (「〔2021〕30号」, 「2035年」) no longer lands at a line's end and leaves it short.
//!
//! Table cells are centred, not justified: their lines are balanced instead
//! ([`balanced`]), as few as the width allows and of about equal length, so that no
//! line of a label is left with a single character.

use std::ops::Range;

use super::squeeze;
use super::text::Ch;

const EPS: f32 = 0.01;

/// One line: the characters `range` of the shaped text (trailing spaces left out).
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// Characters on the line.
    pub range: Range<usize>,
    /// Natural width in points.
    pub width: f32,
    /// The paragraph's last line.
    pub last: bool,
}

/// The line `start..end` with its trailing spaces left out.
pub(super) fn line(chars: &[Ch], start: usize, end: usize, last: bool) -> Line {
    let mut e = end;
    while e > start + 1 && chars[e - 1].is_space() {
        e -= 1;
    }
    let width = chars[start..e].iter().map(|c| c.advance).sum();
    Line { range: start..e, width, last }
}

/// The first character of a line that follows a break at `at`: spaces there are
/// dropped.
fn skip_spaces(chars: &[Ch], mut at: usize) -> usize {
    while at < chars.len() && chars[at].is_space() {
        at += 1;
    }
    at
}

/// The end of the line starting at `start` when every line is filled greedily: the last
/// break opportunity at which the line fits at its natural width, or, for a unit longer
/// than the line, the place where it overflows.
fn greedy_end(chars: &[Ch], start: usize, avail: f32) -> usize {
    let mut w = 0.0;
    let mut last_break = None;
    for (i, c) in chars.iter().enumerate().skip(start) {
        if i > start && c.break_before {
            last_break = Some(i);
        }
        if w + c.advance > avail + EPS && !c.is_space() {
            return last_break.unwrap_or(i.max(start + 1));
        }
        w += c.advance;
    }
    chars.len()
}

/// What a non-last line costs: nothing on the grid; a little when its punctuation is
/// compressed (more, the more it is); much when it is letter-spaced, and most when the
/// spacing adds up to half a character or more (the line then visibly holds one
/// character fewer than the grid), the more so the wider. An em is `em` points.
fn cost(set: f32, avail: f32, em: f32) -> f32 {
    let d = (set - avail) / em;
    if d.abs() * em <= EPS {
        0.0
    } else if d > 0.0 {
        1.0 + d
    } else if -d < 0.4 {
        4.0 - d
    } else {
        // Growing with the square: two lines a little short are better than one line
        // spaced out to twice its width.
        20.0 + 20.0 * d * d
    }
}

/// Breaks shaped text into justified lines: the first `first_width` wide, the others
/// `width`. The breaks are chosen for the whole text to minimise the [`cost`] of its
/// lines; a line may be set narrower than its natural width by compressing its
/// punctuation, never wider than the measure. The last line is free, but one holding a
/// single character costs as much as a badly spaced line.
pub fn break_lines(chars: &[Ch], first_width: f32, width: f32) -> Vec<Line> {
    let n = chars.len();
    if n == 0 {
        return Vec::new();
    }
    let em = chars.iter().map(|c| c.half * 2.0).fold(0.0, f32::max).max(1.0);
    // best[i]: the least cost of setting chars[..i] with a break at i, and the line start
    // that achieves it; `i = 0` is the paragraph's start.
    let mut best: Vec<Option<(f32, usize)>> = vec![None; n + 1];
    best[0] = Some((0.0, 0));
    for from in 0..n {
        let Some((base, _)) = best[from] else { continue };
        let start = if from == 0 { 0 } else { skip_spaces(chars, from) };
        if start == n {
            relax(&mut best, n, base, from);
            continue;
        }
        let avail = if from == 0 { first_width } else { width };
        let mut any = false;
        // Everything from `start` on, trailing spaces included: a line never holds more
        // than a few measures of it, even in a run of spaces (which a line drops at its
        // end and so never fill it).
        let mut raw = 0.0;
        let mut growing = squeeze::Growing::new();
        for end in start + 1..=n {
            raw += chars[end - 1].advance;
            growing.push(&chars[end - 1]);
            if raw > 4.0 * avail + EPS && any {
                break;
            }
            if end < n && !chars[end].break_before {
                continue;
            }
            // Without trailing spaces the line is everything pushed so far; with them
            // (rare in Chinese text) it is measured again without them.
            let (l, sh) = if chars[end - 1].is_space() {
                let l = line(chars, start, end, end == n);
                let sh = squeeze::shape(&chars[l.range.clone()]);
                (l, sh)
            } else {
                let l = Line { range: start..end, width: raw, last: end == n };
                (l, growing.shape())
            };
            if sh.min() > avail + EPS {
                break;
            }
            any = true;
            let c = if end == n { last_cost(chars, &l) } else { cost(sh.set(), avail, em) };
            relax(&mut best, end, base + c, from);
        }
        if !any {
            // A unit longer than the line: cut where it overflows.
            let end = greedy_end(chars, start, avail);
            relax(&mut best, end, base + 40.0, from);
        }
    }
    let mut ends = Vec::new();
    let mut at = n;
    while at > 0 {
        let (_, from) = best[at].expect("every end reached is recorded");
        ends.push((from, at));
        at = from;
    }
    ends.reverse();
    let k = ends.len();
    ends.iter()
        .enumerate()
        .map(|(i, &(from, end))| {
            let start = if from == 0 { 0 } else { skip_spaces(chars, from) };
            line(chars, start, end, i + 1 == k)
        })
        .collect()
}

/// Records `cost` for a break at `at` reached from `from` if it is the best yet (ties go
/// to the earlier line start, so that the result does not hang on float noise).
fn relax(best: &mut [Option<(f32, usize)>], at: usize, cost: f32, from: usize) {
    if best[at].is_none_or(|(c, _)| cost < c - 1e-4) {
        best[at] = Some((cost, from));
    }
}

/// The last line costs nothing unless it holds one character alone (a closing mark
/// after it does not count).
fn last_cost(chars: &[Ch], l: &Line) -> f32 {
    let visible = chars[l.range.clone()].iter().filter(|c| !super::kinsoku::no_start(c.ch)).count();
    if visible <= 1 && l.range.start > 0 { 60.0 } else { 0.0 }
}

/// The most lines [`balanced`] evens out.
const BALANCED_LINES: usize = 6;

/// Breaks shaped text into as few lines `width` wide as the greedy breaker needs, then
/// moves the breaks so that the lines are as even as they can be (the longest as short
/// as possible): a centred table label reads 「一、本年新收政府信息/公开申请数量」, not
/// 「…申请/数量」. Text that has to be cut inside a unit is left as the greedy breaker
/// cuts it.
pub fn balanced(chars: &[Ch], width: f32) -> Vec<Line> {
    let greedy = greedy_within(chars, width, usize::MAX, true).unwrap_or_default();
    // Labels are a few lines; longer text (a title far too long, say) is left as the
    // greedy breaker sets it, as the search below grows with the square of its breaks.
    if greedy.len() <= 1
        || greedy.len() > BALANCED_LINES
        || greedy_within(chars, width, usize::MAX, false).is_none()
    {
        return greedy;
    }
    // Every width a line could have: the narrowest of them at which the text still
    // breaks into as many lines is the balanced setting.
    let n = chars.len();
    let mut limits: Vec<f32> = Vec::new();
    let mut starts = vec![0];
    for end in 1..=n {
        if end == n || chars[end].break_before {
            for &s in &starts {
                let l = line(chars, s, end, false);
                if l.width <= width + EPS {
                    limits.push(l.width);
                }
            }
            if end < n {
                starts.push(skip_spaces(chars, end));
            }
        }
    }
    limits.sort_by(f32::total_cmp);
    limits.dedup_by(|a, b| (*a - *b).abs() <= EPS);
    limits
        .into_iter()
        .find_map(|limit| greedy_within(chars, limit, greedy.len(), false))
        .unwrap_or(greedy)
}

/// Greedy lines no wider than `limit`, if there are at most `max` of them and, unless
/// `cut` allows it, none has to be cut inside a unit.
fn greedy_within(chars: &[Ch], limit: f32, max: usize, cut: bool) -> Option<Vec<Line>> {
    let n = chars.len();
    let mut out = Vec::new();
    let mut at = 0;
    while at < n {
        let start = if at == 0 { 0 } else { skip_spaces(chars, at) };
        if start == n {
            break;
        }
        let end = greedy_end(chars, start, limit);
        if out.len() == max || !cut && end < n && !chars[end].break_before {
            return None;
        }
        out.push(line(chars, start, end, false));
        at = end;
    }
    if let Some(l) = out.last_mut() {
        l.last = true;
    }
    Some(out)
}

//! Text lines outside tables into paragraphs: a paragraph ends where its line stops
//! short of the right margin, and a new one starts at a first-line indent, a change of
//! font size or a wider gap than the body's line pitch. Lines join without a space
//! where CJK text meets ([`super::lines::join`]).

use super::lines::{Line, join};

/// The text block's edges and line pitch, measured over the whole document.
#[derive(Clone, Copy, Debug)]
pub(super) struct Measure {
    pub left: f64,
    pub right: f64,
    /// The usual distance between the baselines of a paragraph's lines (0 if unknown).
    pub pitch: f64,
    /// The body text's font size (the most common one).
    pub body: f64,
}

/// A paragraph, with what the next page needs to know to continue it.
#[derive(Clone, Debug)]
pub(super) struct Para {
    pub text: String,
    pub size: f64,
    /// The font of its first and of its last line.
    pub font: (u32, u32),
    /// Its first line starts at the left margin (so it may continue one from before).
    pub flush_start: bool,
    /// Its last line runs to the right margin (so it may go on after a page break).
    pub open_end: bool,
}

/// The most common value, in buckets of one point (the smallest on a tie).
fn mode(values: impl Iterator<Item = f64>) -> Option<f64> {
    let mut buckets: Vec<i64> =
        values.filter(|v| v.is_finite()).map(|v| v.round() as i64).collect();
    buckets.sort_unstable();
    let mut best: Option<(usize, i64)> = None;
    for run in buckets.chunk_by(|a, b| a == b) {
        if best.is_none_or(|(n, _)| run.len() > n) {
            best = Some((run.len(), run[0]));
        }
    }
    best.map(|(_, v)| v as f64)
}

/// The left margin: the leftmost edge where a fair share of lines start (first-line
/// indents may outnumber the lines at the margin in a report of short paragraphs; a
/// stray line further left must not move it).
fn left_edge(mut x0: Vec<f64>) -> f64 {
    x0.retain(|v| v.is_finite());
    let enough = (x0.len() / 20).max(2).min(x0.len());
    let mut buckets: Vec<i64> = x0.iter().map(|v| v.round() as i64).collect();
    buckets.sort_unstable();
    buckets
        .chunk_by(|a, b| b - a <= 1)
        .find(|run| run.len() >= enough)
        .map_or(0.0, |run| run[0] as f64)
}

/// Measures the body text: the most common left and right line edges, and the most
/// common baseline distance between neighbouring lines of one size.
pub(super) fn measure(pages: &[Vec<Line>]) -> Measure {
    let all = || pages.iter().flatten();
    let left = left_edge(all().map(|l| l.x0).collect());
    let right = mode(all().filter(|l| l.x1 - l.x0 > 100.0).map(|l| l.x1)).unwrap_or(f64::MAX);
    let pitch = mode(pages.iter().flat_map(|p| {
        p.windows(2).filter_map(|w| {
            let d = w[1].baseline - w[0].baseline;
            let same = (w[0].size - w[1].size).abs() <= 0.1 * w[0].size;
            (same && d > 0.9 * w[0].size && d < 3.0 * w[0].size).then_some(d)
        })
    }))
    .unwrap_or(0.0);
    let body = mode(all().map(|l| l.size)).unwrap_or(0.0);
    Measure { left, right, pitch, body }
}

/// Punctuation that ends a sentence (and so may end a paragraph).
const TERMINAL: &str = "。！？；：.!?;:";

/// Whether a line runs on to the next: it reaches the right margin, or stops a little
/// short of it (up to three ems: a line breaker that keeps 「（组）」 whole or will not
/// start a line with 「，」 leaves such a gap) without ending a sentence.
fn reaches_margin(line: &Line, m: &Measure) -> bool {
    let short_by = (m.right - line.x1) / line.size;
    short_by <= 1.2 || short_by <= 3.0 && !line.text.ends_with(|c| TERMINAL.contains(c))
}

/// Whether a line is set centred, in type larger than the body's (a title).
fn centred_title(line: &Line, m: &Measure) -> bool {
    let centre = (m.left + m.right) / 2.0;
    line.size >= 1.15 * m.body
        && line.x0 > m.left + line.size
        && ((line.x0 + line.x1) / 2.0 - centre).abs() < line.size
}

/// Whether `line` starts a new paragraph after `prev`. Centred title lines in one font
/// and size stay together (a title broken over two lines is one title).
fn breaks(prev: &Line, line: &Line, m: &Measure) -> bool {
    let gap = line.baseline - prev.baseline;
    if centred_title(prev, m)
        && centred_title(line, m)
        && prev.font == line.font
        && (prev.size - line.size).abs() < 0.05 * line.size
        && gap > 0.0
        && gap < 2.0 * line.size
    {
        return false;
    }
    let size = line.size.max(prev.size);
    let resized = (line.size - prev.size).abs() > 0.15 * size;
    let spaced = if m.pitch > 0.0 { gap > m.pitch + 0.4 * size } else { gap > 2.0 * size };
    let indented = line.x0 > m.left + 0.9 * line.size;
    let short = !reaches_margin(prev, m);
    // A sentence that ends at the margin, then a line in another font: a heading set
    // flush left (in 黑体 after a body in 仿宋, say).
    let restyled = line.font != prev.font
        && line.font != 0
        && prev.font != 0
        && prev.text.ends_with(|c| TERMINAL.contains(c));
    resized || spaced || indented || short || restyled || gap < 0.0
}

/// The paragraphs of one run of lines (top to bottom, no table between them).
pub(super) fn paragraphs(lines: &[Line], m: &Measure) -> Vec<Para> {
    let mut out: Vec<Para> = Vec::new();
    let mut prev: Option<&Line> = None;
    for line in lines {
        let new = prev.is_none_or(|p| breaks(p, line, m));
        let open_end = reaches_margin(line, m);
        if new {
            out.push(Para {
                text: line.text.clone(),
                size: line.size,
                font: (line.font, line.font),
                flush_start: line.x0 <= m.left + 0.9 * line.size,
                open_end,
            });
        } else if let Some(p) = out.last_mut() {
            join(&mut p.text, &line.text);
            p.open_end = open_end;
            p.font.1 = line.font;
        }
        prev = Some(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, x0: f64, x1: f64, baseline: f64) -> Line {
        Line { x0, x1, baseline, size: 16.0, font: 1, text: text.into() }
    }

    #[test]
    fn indents_and_short_lines_end_paragraphs() {
        let lines = [
            line("（一）主动公开", 112.0, 240.0, 100.0),
            line("全年主动公开信息", 112.0, 522.0, 129.0),
            line("1527条。", 80.0, 150.0, 158.0),
            line("第二段开头", 112.0, 522.0, 187.0),
            line("继续", 80.0, 522.0, 216.0),
        ];
        let m = measure(&[lines.to_vec()]);
        assert_eq!((m.left, m.right, m.pitch, m.body), (80.0, 522.0, 29.0, 16.0));
        let p = paragraphs(&lines, &m);
        let texts: Vec<&str> = p.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["（一）主动公开", "全年主动公开信息1527条。", "第二段开头继续"]);
        assert!(p[2].open_end && !p[2].flush_start);
    }

    #[test]
    fn a_flush_left_heading_in_another_font_after_a_full_sentence() {
        let mut heading = line("二、年度工作重点", 80.0, 280.0, 129.0);
        heading.font = 2;
        let lines = [
            line("全年主动公开信息1527条。", 80.0, 522.0, 100.0),
            heading,
            line("正文", 80.0, 522.0, 158.0),
        ];
        let m = Measure { left: 80.0, right: 522.0, pitch: 29.0, body: 16.0 };
        let texts: Vec<String> = paragraphs(&lines, &m).into_iter().map(|p| p.text).collect();
        assert_eq!(texts, ["全年主动公开信息1527条。", "二、年度工作重点", "正文"]);
    }

    #[test]
    fn a_title_on_two_centred_lines_is_one_paragraph() {
        let big = |text: &str, x0: f64, x1: f64, baseline: f64| Line {
            size: 22.0,
            ..line(text, x0, x1, baseline)
        };
        let lines = [
            big("江川市自然资源和规划局", 180.0, 422.0, 100.0),
            big("2024年政府信息公开工作年度报告", 129.0, 473.0, 140.0),
            line("江川市自然资源和规划局办公室", 189.0, 413.0, 190.0),
            line("正文", 80.0, 522.0, 240.0),
            line("正文", 80.0, 522.0, 269.0),
        ];
        let m = Measure { left: 80.0, right: 522.0, pitch: 29.0, body: 16.0 };
        let texts: Vec<String> = paragraphs(&lines, &m).into_iter().map(|p| p.text).collect();
        assert_eq!(
            texts,
            [
                "江川市自然资源和规划局2024年政府信息公开工作年度报告",
                "江川市自然资源和规划局办公室",
                "正文正文"
            ]
        );
    }
}

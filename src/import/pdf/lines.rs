//! Glyphs into text lines, and text lines into text: the joining rules that make a CJK
//! label broken over two lines read whole again, and keep a space only where one was
//! printed (or where Latin words stand apart).

use super::marks::Glyph;

/// One line of text: glyphs on one baseline, left to right.
#[derive(Clone, Debug)]
pub(super) struct Line {
    pub x0: f64,
    pub x1: f64,
    pub baseline: f64,
    /// The largest font size on the line.
    pub size: f64,
    /// The font of most of its glyphs.
    pub font: u32,
    pub text: String,
}

impl Line {
    /// The top of the line's em box.
    pub(super) fn top(&self) -> f64 {
        self.baseline - 0.88 * self.size
    }
}

/// Whether a character is one of the ASCII letters, digits or signs between which a
/// line break or a gap stands for a space.
fn latin(c: char) -> bool {
    c.is_ascii_graphic()
}

/// Groups glyphs into lines, top to bottom. Glyphs belong to one line when their
/// baselines are within a third of the font size; a glyph drawn twice at (almost) the
/// same place (fake bold, shadows) counts once.
pub(super) fn lines(glyphs: &[&Glyph]) -> Vec<Line> {
    let mut sorted: Vec<&Glyph> = glyphs.to_vec();
    sorted.sort_by(|a, b| a.baseline.total_cmp(&b.baseline).then(a.x0.total_cmp(&b.x0)));
    let mut groups: Vec<Vec<&Glyph>> = Vec::new();
    for g in sorted {
        match groups.last_mut() {
            Some(group)
                if (g.baseline - group[0].baseline).abs() <= 0.35 * g.size.max(group[0].size) =>
            {
                group.push(g)
            }
            _ => groups.push(vec![g]),
        }
    }
    groups.into_iter().filter_map(line).collect()
}

/// One line from its glyphs.
fn line(mut glyphs: Vec<&Glyph>) -> Option<Line> {
    glyphs.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let mut kept: Vec<&Glyph> = Vec::with_capacity(glyphs.len());
    for g in glyphs {
        let twice = kept
            .iter()
            .rev()
            .take(4)
            .any(|k| k.text == g.text && (k.x0 - g.x0).abs() < 0.2 * g.size && !g.is_space());
        if !twice {
            kept.push(g);
        }
    }
    let words: Vec<&Glyph> = kept.iter().copied().filter(|g| !g.is_space()).collect();
    let first = words.first()?;
    let last = words.last()?;
    let size = words.iter().map(|g| g.size).fold(0.0, f64::max);
    let mut text = String::new();
    let mut prev: Option<&Glyph> = None;
    for g in kept {
        if g.is_space() {
            text.push(' ');
            continue;
        }
        if let Some(p) = prev {
            let gap = g.x0 - p.x1;
            let both_latin = p.text.chars().last().is_some_and(latin)
                && g.text.chars().next().is_some_and(latin);
            // Latin words without a printed space stand apart by a fifth of an em at
            // least; CJK text never gets a space from spacing alone, unless the gap is
            // a column's width (text laid out in columns without rules).
            let threshold = if both_latin { 0.2 } else { 1.5 };
            if gap > threshold * g.size.max(p.size) {
                text.push(' ');
            }
        }
        text.push_str(&g.text);
        prev = Some(g);
    }
    let mut fonts: Vec<u32> = words.iter().map(|g| g.font).collect();
    fonts.sort_unstable();
    let font = fonts.chunk_by(|a, b| a == b).max_by_key(|run| run.len()).map_or(0, |run| run[0]);
    Some(Line {
        font,
        x0: first.x0,
        x1: last.x1,
        baseline: words.iter().map(|g| g.baseline).sum::<f64>() / words.len() as f64,
        size,
        text: squeeze(&text),
    })
}

/// Runs of white space as one space, trimmed.
pub(super) fn squeeze(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Appends the next line of a paragraph: no space where either side is CJK (or any
/// non-Latin character), one space between Latin words.
pub(super) fn join(text: &mut String, next: &str) {
    let space = text.chars().last().is_some_and(latin) && next.chars().next().is_some_and(latin);
    if space && !text.ends_with('-') {
        text.push(' ');
    }
    text.push_str(next);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(text: &str, x0: f64, baseline: f64) -> Glyph {
        Glyph {
            text: text.into(),
            font: 1,
            x0,
            x1: x0 + 10.0,
            baseline,
            size: 10.0,
            visible: true,
            artifact: false,
        }
    }

    #[test]
    fn cjk_lines_join_without_space_and_latin_with_one() {
        let mut t = "申请".to_owned();
        join(&mut t, "人");
        join(&mut t, "ABC");
        assert_eq!(t, "申请人ABC");
        let mut t = "Word".to_owned();
        join(&mut t, "PDF");
        assert_eq!(t, "Word PDF");
    }

    #[test]
    fn glyphs_make_lines_top_down_and_drop_doubles() {
        let glyphs =
            [g("下", 0.0, 30.0), g("上", 10.0, 10.0), g("一", 0.0, 11.0), g("一", 0.5, 11.0)];
        let refs: Vec<&Glyph> = glyphs.iter().collect();
        let l = lines(&refs);
        assert_eq!(l.iter().map(|l| l.text.as_str()).collect::<Vec<_>>(), ["一上", "下"]);
    }

    #[test]
    fn a_wide_gap_between_latin_words_is_a_space() {
        let glyphs = [g("a", 0.0, 10.0), g("b", 13.0, 10.0), g("中", 30.0, 10.0)];
        let refs: Vec<&Glyph> = glyphs.iter().collect();
        assert_eq!(lines(&refs)[0].text, "a b中");
    }
}

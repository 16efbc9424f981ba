//! The head of the first page: the draft mark, the title and the byline.
//!
//! The title is set in 2号 type, centred, on lines 35 pt apart: off the grid, which the
//! byline and the body return to. A long title breaks where it reads best
//! ([`title_lines`]), not wherever the line fills.

use super::flow::Flow;
use super::metrics::Metrics;
use super::setter::{LineBlock, Setter};
use super::text::{self, Align, TextStyle};
use super::{EPS, LayoutError};
use crate::doc::Document;
use crate::doc::page::size;
use crate::fonts::Role;

/// Title lines are set 35 pt apart.
const TITLE_PITCH: f32 = 35.0;

/// Places the draft mark (if any) in red, the title, the byline and one blank grid line
/// before the body.
pub(super) fn place<M: Metrics + ?Sized>(
    flow: &mut Flow,
    setter: &Setter<M>,
    doc: &Document,
    draft_mark: Option<&str>,
) -> Result<(), LayoutError> {
    let pitch = setter.spec.line_pitch().0;
    if let Some(mark) = draft_mark {
        let style = TextStyle { red: true, ..setter.style(Role::Heading1, size::BODY) };
        let block = setter.lines(mark, style, Align::Center, 0.0)?;
        flow.place_lines(&block, pitch, None);
    }
    let style = setter.style(Role::Title, size::TITLE);
    let mut lines = Vec::new();
    for part in title_lines(setter, doc, &style)? {
        lines.extend(setter.lines(&part, style, Align::Center, 0.0)?.lines);
    }
    let block = LineBlock { lines, style, narrow: Vec::new() };
    flow.place_lines(&block, TITLE_PITCH, None);
    if let Some(byline) = &doc.byline {
        let style = setter.style(Role::Body, size::BODY);
        let b = setter.lines(byline, style, Align::Center, 0.0)?;
        flow.snap_to_grid();
        flow.place_lines(&b, pitch, None);
    }
    // One blank grid line before the body.
    flow.y += pitch;
    Ok(())
}

/// The title in lines. It is kept on one line when it fits; otherwise it breaks after
/// the agency's name (「…局」/「2024年政府信息公开工作年度报告」), and a part that is
/// still too long is split in two halves of about equal length at a place where a line
/// may break, so that no line holds only one or two characters.
pub(super) fn title_lines<M: Metrics + ?Sized>(
    setter: &Setter<M>,
    doc: &Document,
    style: &TextStyle,
) -> Result<Vec<String>, LayoutError> {
    let width = setter.spec.text_width().0;
    let fits = |s: &str| -> Result<bool, LayoutError> {
        Ok(text::width(&setter.shape(s, style)?) <= width + EPS)
    };
    if fits(&doc.title)? {
        return Ok(vec![doc.title.clone()]);
    }
    let parts: Vec<&str> = match doc.title_parts() {
        Some((a, b)) => vec![a, b],
        None => vec![&doc.title],
    };
    let mut out = Vec::new();
    for part in parts {
        if fits(part)? {
            out.push(part.to_string());
            continue;
        }
        let chars = setter.shape(part, style)?;
        let total = text::width(&chars);
        // The break opportunity nearest the middle that leaves both halves at least three
        // characters long and each within the line.
        let best = (3..chars.len().saturating_sub(2))
            .filter(|&i| chars[i].break_before)
            .filter(|&i| text::width(&chars[..i]) <= width && text::width(&chars[i..]) <= width)
            .min_by(|&a, &b| {
                let da = (text::width(&chars[..a]) - total / 2.0).abs();
                let db = (text::width(&chars[..b]) - total / 2.0).abs();
                da.total_cmp(&db)
            });
        match best {
            Some(i) => {
                out.push(chars[..i].iter().map(|c| c.ch).collect());
                out.push(chars[i..].iter().map(|c| c.ch).collect());
            }
            // Longer than two lines: ordinary line breaking.
            None => out.push(part.to_string()),
        }
    }
    Ok(out)
}

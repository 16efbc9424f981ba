//! Page numbers: 「— N —」 in 4号宋体 under the text block, right on odd pages and left
//! on even ones (the outer edge of a printed spread), one character in from the edge.

use super::LayoutError;
use super::flow::Flow;
use super::metrics::Metrics;
use super::output::{Item, TextItem};
use super::setter::Setter;
use super::text::{self, Align};
use crate::doc::page::size;
use crate::fonts::Role;
use crate::units::{Mm, Pt};

/// The dashes of the page number sit 7 mm below the text block.
const NUMBER_DROP: Mm = Mm(7.0);

/// Adds its number to every page of the flow.
pub(super) fn number<M: Metrics + ?Sized>(
    flow: &mut Flow,
    setter: &Setter<M>,
) -> Result<(), LayoutError> {
    let style = setter.style(Role::PageNumber, size::PAGE_NUMBER);
    let spec = flow.spec;
    let one_char = size::PAGE_NUMBER.0;
    for i in 0..flow.pages.len() {
        let label = format!("— {} —", i + 1);
        let chars = setter.shape(&label, &style)?;
        let w = text::width(&chars);
        let line = text::Line { range: 0..chars.len(), width: w, last: true };
        let runs = text::place(&chars, &line, 0.0, w, Align::Justify);
        let x = if i % 2 == 0 { spec.text_width().0 - one_char - w } else { one_char };
        let baseline = spec.text_height().0 + NUMBER_DROP.to_pt().0 + 0.38 * size::PAGE_NUMBER.0;
        let (Pt(left), Pt(top)) = spec.text_origin();
        for run in runs {
            flow.pages[i].items.push(Item::Text(TextItem {
                x: left + x + run.x,
                y: top + baseline,
                size: style.size,
                bold: false,
                red: false,
                run,
            }));
        }
    }
    Ok(())
}

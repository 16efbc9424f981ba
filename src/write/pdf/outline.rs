//! The outline (bookmarks): one entry for each level-1 heading, with its level-2
//! headings inside, closed, so a reader sees the report's sections at a glance.

use pdf_writer::{Finish, Pdf, Ref, TextStr};

use super::Ids;
use crate::doc::page::PAGE;
use crate::layout::Layout;

/// Writes the outline of a layout that has headings, and returns its id.
pub(super) fn write_outline(
    pdf: &mut Pdf,
    ids: &mut Ids,
    layout: &Layout,
    page_ids: &[Ref],
) -> Ref {
    let page_h = PAGE.height.to_pt().0;
    // Level-1 entries with the indices of their level-2 entries.
    let mut tree: Vec<(usize, Vec<usize>)> = Vec::new();
    for (i, m) in layout.outline.iter().enumerate() {
        match (m.level, tree.last_mut()) {
            (2.., Some(parent)) => parent.1.push(i),
            _ => tree.push((i, Vec::new())),
        }
    }
    let outline_id = ids.next();
    let top_ids: Vec<Ref> = tree.iter().map(|_| ids.next()).collect();
    for (k, (mark, children)) in tree.iter().enumerate() {
        let child_ids: Vec<Ref> = children.iter().map(|_| ids.next()).collect();
        let m = &layout.outline[*mark];
        let mut item = pdf.outline_item(top_ids[k]);
        item.title(TextStr(&m.title)).parent(outline_id);
        if k > 0 {
            item.prev(top_ids[k - 1]);
        }
        if k + 1 < top_ids.len() {
            item.next(top_ids[k + 1]);
        }
        if let (Some(first), Some(last)) = (child_ids.first(), child_ids.last()) {
            // Closed: a negative count.
            item.first(*first).last(*last).count(-(child_ids.len() as i32));
        }
        item.dest().page(page_ids[m.page]).xyz(0.0, page_h - m.y, None);
        item.finish();
        for (j, c) in children.iter().enumerate() {
            let m = &layout.outline[*c];
            let mut item = pdf.outline_item(child_ids[j]);
            item.title(TextStr(&m.title)).parent(top_ids[k]);
            if j > 0 {
                item.prev(child_ids[j - 1]);
            }
            if j + 1 < child_ids.len() {
                item.next(child_ids[j + 1]);
            }
            item.dest().page(page_ids[m.page]).xyz(0.0, page_h - m.y, None);
            item.finish();
        }
    }
    pdf.outline(outline_id)
        .first(top_ids[0])
        .last(*top_ids.last().expect("not empty"))
        .count(tree.len() as i32);
    outline_id
}

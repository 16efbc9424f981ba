//! The HTML writer: one self-contained page (no network requests), semantic tables,
//! print CSS for A4 with GB/T 9704 margins, and a layout that reads well on a phone.

use std::fmt::Write as _;
use std::sync::OnceLock;

use crate::doc::page::{PAGE, size};
use crate::units::{Mm, Pt};

use crate::doc::{Block, Document, Table};
use crate::layout::Narrowed;

use super::escape as esc;

/// The style sheet, with the print geometry filled in from [`PAGE`].
fn style() -> &'static str {
    static STYLE: OnceLock<String> = OnceLock::new();
    STYLE.get_or_init(|| {
        let pt = |p: Pt| format!("{}pt", (p.0 * 100.0).round() / 100.0);
        let mm = |m: Mm| format!("{}mm", m.0);
        include_str!("html.css")
            .replace(
                "$MARGINS",
                &format!(
                    "{} {} {} {}",
                    mm(PAGE.top),
                    mm(PAGE.right),
                    mm(PAGE.bottom),
                    mm(PAGE.left)
                ),
            )
            .replace("$LINE_PITCH", &pt(PAGE.line_pitch()))
            .replace("$TRACKING", &pt(PAGE.body_tracking()))
            .replace("$PAGE_NUMBER_DROP", &mm(Mm(7.0)))
            .replace("$PAGE_NUMBER", &pt(size::PAGE_NUMBER))
            .replace("$BODY", &pt(size::BODY))
            .replace("$TITLE", &pt(size::TITLE))
            .replace("$TABLE_SMALL", &pt(size::TABLE_SMALL))
            .replace("$TABLE", &pt(size::TABLE))
    })
}

/// Writes the page; the punctuation marks in `narrowed` are set half width in print, as
/// the PDF sets them, so that the browser's printed lines are the PDF's.
pub fn html(doc: &Document, narrowed: &Narrowed) -> String {
    let draft = doc.meta.draft_mark.as_deref();
    let mut o = String::with_capacity(32 * 1024);
    let title = esc(&doc.title);
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"nianbao\">\n<title>{}{title}</title>\n<style>\n{}</style>\n\
         <script type=\"application/json\" id=\"nianbao-data\">\n{}\n</script>\n</head>\n",
        esc(&doc.lang),
        if draft.is_some() { "【草稿】" } else { "" },
        style(),
        doc.meta.data_json
    );
    o.push_str(if draft.is_some() { "<body class=\"draft\">\n" } else { "<body>\n" });
    o.push_str("<main class=\"report\">\n");
    if let Some(mark) = draft {
        let _ = writeln!(o, "<p class=\"draft-mark\" role=\"note\">{}</p>", esc(mark));
    }
    let _ = writeln!(o, "<h1>{}</h1>", title_spans(doc));
    if let Some(b) = &doc.byline {
        let _ = writeln!(o, "<p class=\"byline\">{}</p>", esc(b));
    }
    for (i, block) in doc.blocks.iter().enumerate() {
        let marks = narrowed.marks(i);
        match block {
            Block::Heading { level, number, text } => {
                let h = level + 1;
                let _ = writeln!(o, "<h{h}>{}</h{h}>", marked(&format!("{number}{text}"), marks));
            }
            Block::Para(text) => {
                let _ = writeln!(o, "<p>{}</p>", marked(text, marks));
            }
            Block::Note(text) => {
                let _ = writeln!(o, "<p class=\"note\">{}</p>", marked(text, marks));
            }
            Block::Signature(lines) => {
                // GB/T 9704 §7.3.5.1: the date four characters in from the right, the
                // agency centred over it.
                o.push_str("<div class=\"signature\">\n");
                let indents =
                    crate::doc::signature_right_indents(lines, crate::doc::estimated_width);
                for (l, right) in lines.iter().zip(indents) {
                    let _ = writeln!(o, "<p style=\"padding-right: {right}em\">{}</p>", esc(l));
                }
                o.push_str("</div>\n");
            }
            Block::Table(t) => table(&mut o, t),
        }
    }
    o.push_str("</main>\n</body>\n</html>\n");
    o
}

/// `text` escaped, each mark at a byte offset in `marks` in a `<span class="n">`, which
/// the print style sets half width.
fn marked(text: &str, marks: &[usize]) -> String {
    let mut out = String::with_capacity(text.len() + marks.len() * 24);
    for (piece, narrow) in super::pieces(text, marks) {
        if narrow {
            let _ = write!(out, "<span class=\"n\">{}</span>", esc(piece));
        } else {
            out.push_str(&esc(piece));
        }
    }
    out
}

/// The title with a break opportunity between the agency and the rest: each part is kept
/// whole, so a narrow screen breaks the title where it reads well.
fn title_spans(doc: &Document) -> String {
    match doc.title_parts() {
        Some((agency, rest)) => format!(
            "<span class=\"title-part\">{}</span><span class=\"title-part\">{}</span>",
            esc(agency),
            esc(rest)
        ),
        None => esc(&doc.title),
    }
}

fn table(o: &mut String, t: &Table) {
    let label = if t.title.is_empty() { &t.id } else { &t.title };
    let _ = writeln!(
        o,
        "<div class=\"table-wrap\" role=\"region\" aria-label=\"{}\" tabindex=\"0\">",
        esc(label)
    );
    let class = if t.small { "t-small" } else { "t-normal" };
    let _ = writeln!(o, "<table class=\"{class} t-{}\">", esc(&t.id));
    let total: u32 = t.widths.iter().sum();
    o.push_str("<colgroup>");
    for w in &t.widths {
        let pct = f64::from(*w) * 100.0 / f64::from(total.max(1));
        let _ = write!(o, "<col style=\"width:{pct:.2}%\">");
    }
    o.push_str("</colgroup>\n");
    let g = &t.grid;
    for r in 0..g.rows {
        if r == 0 && t.head_rows > 0 {
            o.push_str("<thead>\n");
        }
        if r == t.head_rows {
            o.push_str("<tbody>\n");
        }
        let all_headers = g.row_cells(r).all(|(_, cell)| cell.header);
        // A heading row inside the body (table 二's article-and-item lines and their
        // column heads): print keeps it with the rows under it.
        if r >= t.head_rows && all_headers && g.row_cells(r).next().is_some() {
            o.push_str("<tr class=\"sub\">");
        } else {
            o.push_str("<tr>");
        }
        for (c, cell) in g.row_cells(r) {
            let mut attrs = String::new();
            if cell.rowspan.get() > 1 {
                let _ = write!(attrs, " rowspan=\"{}\"", cell.rowspan);
            }
            if cell.colspan.get() > 1 {
                let _ = write!(attrs, " colspan=\"{}\"", cell.colspan);
            }
            if let Some(n) = cell.indent {
                // Flush left after the indentation (0.35em is the cell's own padding).
                let _ = write!(attrs, " style=\"text-align:left;padding-left:{}.35em\"", n);
            }
            // A label of known words breaks only between them (`keep-all` and `<wbr>`):
            // never 「自然/人」 in a narrow column.
            let text = match crate::format::words::words(&cell.text) {
                Some(words) => {
                    attrs.push_str(" class=\"words\"");
                    words.iter().map(|w| esc(w)).collect::<Vec<_>>().join("<wbr>")
                }
                None => esc(&cell.text),
            };
            if cell.header {
                let scope = if r < t.head_rows || all_headers {
                    if cell.colspan.get() > 1 { "colgroup" } else { "col" }
                } else if c < t.label_cols {
                    if cell.rowspan.get() > 1 { "rowgroup" } else { "row" }
                } else {
                    "col"
                };
                let _ = write!(o, "<th scope=\"{scope}\"{attrs}>{text}</th>");
            } else {
                let _ = write!(o, "<td{attrs}>{text}</td>");
            }
        }
        o.push_str("</tr>\n");
        if r + 1 == t.head_rows {
            o.push_str("</thead>\n");
        }
    }
    if t.head_rows < g.rows {
        o.push_str("</tbody>\n");
    }
    o.push_str("</table>\n</div>\n");
}

//! The layout as text, one line per drawn item: what the snapshot test compares, and a
//! readable view of where everything went.

use std::fmt;

use super::output::{Item, Layout};

impl fmt::Display for Layout {
    /// One line per drawn item, coordinates rounded to 0.1 pt.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, page) in self.pages.iter().enumerate() {
            writeln!(f, "page {}", i + 1)?;
            for item in &page.items {
                match item {
                    Item::Text(t) => {
                        let w: f32 = t.run.glyphs.iter().map(|g| g.advance).sum();
                        writeln!(
                            f,
                            "  text {:.1},{:.1} w{:.1} f{}{}{} {} {:?}",
                            t.x,
                            t.y,
                            w,
                            t.run.face,
                            if t.bold { " bold" } else { "" },
                            if t.red { " red" } else { "" },
                            t.size,
                            t.run.text
                        )?;
                    }
                    Item::Rule(r) => {
                        writeln!(f, "  rule {:.1},{:.1} {:.1},{:.1}", r.x1, r.y1, r.x2, r.y2)?
                    }
                }
            }
        }
        for m in &self.outline {
            writeln!(f, "outline {} p{} {:.1} {:?}", m.level, m.page + 1, m.y, m.title)?;
        }
        Ok(())
    }
}

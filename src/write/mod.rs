//! Writing: a [`crate::doc::Document`] (and, for PDF, its [`crate::layout`]) → bytes.
//!
//! Writers only walk what they are given; they decide nothing about the content.

pub mod docx;
mod hash;
pub mod html;
pub mod pdf;

/// Escapes text for HTML or XML element content and attribute values; characters XML
/// does not allow are dropped.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Characters XML 1.0 does not allow are dropped rather than written.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            '\u{fffe}' | '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

//! `word/fontTable.xml` and, with embedded fonts, `word/_rels/fontTable.xml.rels`: the
//! fonts the document names, and where the embedded ones are.

use super::embed::Family;
use super::roles::ROLE_FONTS;
use super::xml::{DECL, OFFICE_REL, REL_NS, W_NS};

/// The font table: the official fonts with the open fonts nianbao bundles as alternates,
/// or, with embedded fonts, the open fonts and their embedded programs.
pub(super) fn font_table(embedded: &[Family]) -> String {
    let mut s = String::from(DECL);
    s.push_str(&format!("<w:fonts {W_NS}>"));
    if embedded.is_empty() {
        for f in &ROLE_FONTS {
            s.push_str(&format!(
                "<w:font w:name=\"{}\"><w:altName w:val=\"{}\"/><w:charset w:val=\"86\"/><w:family w:val=\"auto\"/><w:pitch w:val=\"variable\"/></w:font>",
                f.written(false),
                f.written(true)
            ));
        }
    }
    for fam in embedded {
        s.push_str(&format!(
            "<w:font w:name=\"{}\"><w:charset w:val=\"86\"/><w:family w:val=\"auto\"/><w:pitch w:val=\"variable\"/>",
            fam.name
        ));
        for (kind, font) in [("embedRegular", &fam.regular), ("embedBold", &fam.bold)] {
            if let Some(f) = font {
                s.push_str(&format!(
                    "<w:{kind} r:id=\"{}\" w:fontKey=\"{}\" w:subsetted=\"true\"/>",
                    f.rel_id, f.key
                ));
            }
        }
        s.push_str("</w:font>");
    }
    s.push_str("<w:font w:name=\"Times New Roman\"><w:charset w:val=\"00\"/><w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font>");
    s.push_str("</w:fonts>");
    s
}

/// `word/_rels/fontTable.xml.rels`: the embedded font programs.
pub(super) fn font_rels(families: &[Family]) -> String {
    let mut s = format!("{DECL}<Relationships xmlns=\"{REL_NS}\">");
    for p in families.iter().flat_map(Family::programs) {
        s.push_str(&format!(
            "<Relationship Id=\"{}\" Type=\"{OFFICE_REL}/font\" Target=\"fonts/{}\"/>",
            p.rel_id, p.file
        ));
    }
    s.push_str("</Relationships>");
    s
}

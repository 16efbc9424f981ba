//! `word/styles.xml`: named styles for every role of the report, so an editor can restyle
//! the whole document at once. Their fonts and weights come from [`super::roles`].

use super::roles::{self, Setting};
use super::xml::{DECL, W_NS};
use crate::doc::page::{PAGE, size};
use crate::units::Pt;

/// A type size in half-points, as `w:sz` takes it.
fn half_points(size: Pt) -> u32 {
    (size.0 * 2.0).round() as u32
}

/// The run fonts of a setting: Times New Roman for Latin text, the role's font for
/// Chinese.
fn rfonts(setting: Setting, open: bool) -> String {
    format!(
        "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"{}\" w:cs=\"Times New Roman\"/>",
        roles::font(setting.role).written(open)
    )
}

/// A paragraph style in a setting; `rpr_extra` comes after the font and weight.
fn para_style(
    open: bool,
    id: &str,
    name: &str,
    ppr: &str,
    setting: Setting,
    rpr_extra: &str,
    half_points: u32,
) -> String {
    let bold = if setting.is_bold(open) { "<w:b/><w:bCs/>" } else { "" };
    // No extra space between Chinese and Latin letters or digits (Word's 「自动调整中文
    // 与西文/数字的间距」), as in the PDF, so that a line holds the same characters.
    // `w:overflowPunct` on: Word's and WPS's default (a mark that does not fit may hang
    // into the margin; with the marks the PDF sets half width set so in the DOCX too,
    // their lines are the PDF's and nothing needs to hang). LibreOffice (7.4, and its
    // importer to this day) reads the value inverted: "on" switches its hanging
    // punctuation off, so its marks stay inside the margin and it moves a character to
    // the next line instead (measured: scripts/print_fidelity.py). These go before the
    // spacing, indents and alignment (ECMA-376 order of pPr).
    let at = ["<w:snapToGrid", "<w:spacing", "<w:ind", "<w:jc", "<w:outlineLvl"]
        .iter()
        .filter_map(|t| ppr.find(t))
        .min()
        .unwrap_or(ppr.len());
    let ppr = format!(
        "{}<w:overflowPunct/><w:autoSpaceDE w:val=\"0\"/><w:autoSpaceDN w:val=\"0\"/>{}",
        &ppr[..at],
        &ppr[at..]
    );
    format!(
        "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{}{bold}{rpr_extra}<w:sz w:val=\"{half_points}\"/><w:szCs w:val=\"{half_points}\"/></w:rPr></w:style>",
        rfonts(setting, open)
    )
}

/// The styles part.
pub(super) fn styles(open: bool) -> String {
    let mut s = String::from(DECL);
    s.push_str(&format!("<w:styles {W_NS}>"));
    // Defaults: 3号仿宋 (16 pt = 32 half-points), zh-CN. The body and notes are justified
    // (GB/T 9704); LibreOffice 7.4 keeps every punctuation mark of every justified line
    // of every example (checked by extracting the text of its PDFs). 28 characters fill the
    // 156 mm line at 15.79 pt each, so characters are set 0.25 pt closer (w:spacing -5,
    // in twentieths of a point). This is used instead of a character grid (docGrid
    // charSpace), which LibreOffice misreads and spreads lines to about 20 characters.
    let (tracking, body) = (PAGE.body_tracking_twips().0, half_points(size::BODY));
    // The line grid and the two-character first-line indent, in twips.
    let pitch = PAGE.line_pitch_twips().0;
    let half_pitch = pitch / 2;
    let indent = (size::BODY * 2.0).to_twip().0;
    s.push_str(&format!(
        "<w:docDefaults><w:rPrDefault><w:rPr>{}<w:spacing w:val=\"{tracking}\"/><w:kern w:val=\"2\"/><w:sz w:val=\"{body}\"/><w:szCs w:val=\"{body}\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl/></w:pPr></w:pPrDefault></w:docDefaults>",
        rfonts(roles::BODY, open)
    ));
    s.push_str("<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>");
    s.push_str("<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>");
    // Title: 2号方正小标宋简体 (22 pt), centred, its lines 35 pt apart off the line grid
    // (LibreOffice would give each of them two grid lines), a blank grid line after it.
    s.push_str(&para_style(open, "ReportTitle", "报告标题", &format!("<w:keepNext/><w:snapToGrid w:val=\"0\"/><w:spacing w:after=\"{pitch}\" w:line=\"700\" w:lineRule=\"exact\"/><w:jc w:val=\"center\"/><w:outlineLvl w:val=\"0\"/>"), roles::TITLE, "", half_points(size::TITLE)));
    s.push_str(&para_style(
        open,
        "ReportByline",
        "编制单位",
        &format!("<w:spacing w:after=\"{half_pitch}\"/><w:jc w:val=\"center\"/>"),
        roles::BODY,
        "",
        body,
    ));
    s.push_str(&para_style(open, "Heading1Gw", "一级标题", &format!("<w:keepNext/><w:ind w:firstLineChars=\"200\" w:firstLine=\"{indent}\"/><w:outlineLvl w:val=\"1\"/>"), roles::heading(1), "", body));
    s.push_str(&para_style(open, "Heading2Gw", "二级标题", &format!("<w:keepNext/><w:ind w:firstLineChars=\"200\" w:firstLine=\"{indent}\"/><w:outlineLvl w:val=\"2\"/>"), roles::heading(2), "", body));
    s.push_str(&para_style(open, "Heading3Gw", "三级标题", &format!("<w:keepNext/><w:ind w:firstLineChars=\"200\" w:firstLine=\"{indent}\"/><w:outlineLvl w:val=\"3\"/>"), roles::heading(3), "", body));
    s.push_str(&para_style(open, "Heading4Gw", "四级标题", &format!("<w:keepNext/><w:ind w:firstLineChars=\"200\" w:firstLine=\"{indent}\"/><w:outlineLvl w:val=\"4\"/>"), roles::heading(4), "", body));
    s.push_str(&para_style(
        open,
        "BodyGw",
        "正文（公文）",
        &format!(
            "<w:ind w:firstLineChars=\"200\" w:firstLine=\"{indent}\"/><w:jc w:val=\"both\"/>"
        ),
        roles::BODY,
        "",
        body,
    ));
    s.push_str(&para_style(open, "TableTextGw", "表格文字", "<w:snapToGrid w:val=\"0\"/><w:spacing w:line=\"300\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/>", roles::BODY, "", half_points(size::TABLE)));
    s.push_str(&para_style(open, "TableSmallGw", "表格文字（小）", "<w:snapToGrid w:val=\"0\"/><w:spacing w:line=\"280\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/>", roles::BODY, "", half_points(size::TABLE_SMALL)));
    s.push_str(&para_style(open, "NoteGw", "表注", "<w:snapToGrid w:val=\"0\"/><w:spacing w:before=\"60\" w:line=\"360\" w:lineRule=\"auto\"/><w:jc w:val=\"both\"/>", roles::BODY, "", half_points(size::TABLE)));
    s.push_str(&para_style(
        open,
        "SignatureGw",
        "落款",
        &format!("<w:keepNext/><w:keepLines/><w:ind w:right=\"{indent}\"/><w:jc w:val=\"right\"/>"),
        roles::BODY,
        "",
        body,
    ));
    s.push_str(&para_style(
        open,
        "DraftMarkGw",
        "草稿标记",
        "<w:jc w:val=\"center\"/>",
        roles::DRAFT_MARK,
        "<w:color w:val=\"B00000\"/>",
        body,
    ));
    s.push_str(&para_style(
        open,
        "PageNumberGw",
        "页码",
        "<w:snapToGrid w:val=\"0\"/>",
        roles::PAGE_NUMBER,
        "",
        half_points(size::PAGE_NUMBER),
    ));
    s.push_str("</w:styles>");
    s
}

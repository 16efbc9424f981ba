//! `word/styles.xml`, `word/fontTable.xml` and `word/settings.xml`: named styles for every
//! role of the report, so an editor can restyle the whole document at once.

use super::xml::{DECL, W_NS};

/// A font role: the official East Asian name and an open alternative.
pub(super) struct FontRole {
    pub(super) name: &'static str,
    pub(super) alt: &'static str,
}

pub(super) const FANGSONG: FontRole = FontRole { name: "仿宋_GB2312", alt: "Noto Serif CJK SC" };
pub(super) const XIAOBIAOSONG: FontRole =
    FontRole { name: "方正小标宋简体", alt: "Noto Serif CJK SC" };
pub(super) const HEITI: FontRole = FontRole { name: "黑体", alt: "Noto Sans CJK SC" };
pub(super) const KAITI: FontRole = FontRole { name: "楷体_GB2312", alt: "LXGW WenKai" };
pub(super) const SONGTI: FontRole = FontRole { name: "宋体", alt: "Noto Serif CJK SC" };

impl FontRole {
    /// The name written into the document: the official font, or with embedded fonts
    /// the open one that is embedded.
    pub(super) fn written(&self, open: bool) -> &'static str {
        if open { self.alt } else { self.name }
    }
}

fn rfonts(f: &FontRole, open: bool) -> String {
    format!(
        "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"{}\" w:cs=\"Times New Roman\"/>",
        f.written(open)
    )
}

fn para_style(
    open: bool,
    id: &str,
    name: &str,
    ppr: &str,
    font: &FontRole,
    rpr_extra: &str,
    half_points: u32,
) -> String {
    format!(
        "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{}{rpr_extra}<w:sz w:val=\"{half_points}\"/><w:szCs w:val=\"{half_points}\"/></w:rPr></w:style>",
        rfonts(font, open)
    )
}

/// The styles part.
pub(super) fn styles(open: bool) -> String {
    let mut s = String::from(DECL);
    s.push_str(&format!("<w:styles {W_NS}>"));
    // Defaults: 3号仿宋 (16 pt = 32 half-points), zh-CN, left-aligned: LibreOffice drops a
    // full-width comma that ends a justified line (seen with 7.x and Noto CJK), so the
    // body is not justified; an editor can justify it in one step. 28 characters fill the
    // 156 mm line at 15.79 pt each, so characters are set 0.2 pt closer (w:spacing -4,
    // in twentieths of a point). This is used instead of a character grid (docGrid
    // charSpace), which LibreOffice misreads and spreads lines to about 20 characters.
    s.push_str(&format!(
        "<w:docDefaults><w:rPrDefault><w:rPr>{}<w:spacing w:val=\"-4\"/><w:kern w:val=\"2\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl w:val=\"0\"/></w:pPr></w:pPrDefault></w:docDefaults>",
        rfonts(&FANGSONG, open)
    ));
    s.push_str("<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>");
    s.push_str("<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>");
    // Title: 2号方正小标宋简体 (22 pt), centred, a blank grid line after it.
    s.push_str(&para_style(open, "ReportTitle", "报告标题", "<w:keepNext/><w:spacing w:after=\"579\" w:line=\"700\" w:lineRule=\"exact\"/><w:jc w:val=\"center\"/><w:outlineLvl w:val=\"0\"/>", &XIAOBIAOSONG, if open { "<w:b/><w:bCs/>" } else { "" }, 44));
    s.push_str(&para_style(
        open,
        "ReportByline",
        "编制单位",
        "<w:spacing w:after=\"289\"/><w:jc w:val=\"center\"/>",
        &FANGSONG,
        "",
        32,
    ));
    s.push_str(&para_style(open, "Heading1Gw", "一级标题", "<w:keepNext/><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/><w:outlineLvl w:val=\"1\"/>", &HEITI, "", 32));
    s.push_str(&para_style(open, "Heading2Gw", "二级标题", "<w:keepNext/><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/><w:outlineLvl w:val=\"2\"/>", &KAITI, "", 32));
    s.push_str(&para_style(open, "Heading3Gw", "三级标题", "<w:keepNext/><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/><w:outlineLvl w:val=\"3\"/>", &FANGSONG, "<w:b/><w:bCs/>", 32));
    s.push_str(&para_style(open, "Heading4Gw", "四级标题", "<w:keepNext/><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/><w:outlineLvl w:val=\"4\"/>", &FANGSONG, "", 32));
    s.push_str(&para_style(
        open,
        "BodyGw",
        "正文（公文）",
        "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>",
        &FANGSONG,
        "",
        32,
    ));
    s.push_str(&para_style(open, "TableTextGw", "表格文字", "<w:snapToGrid w:val=\"0\"/><w:spacing w:line=\"300\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/>", &FANGSONG, "", 24));
    s.push_str(&para_style(open, "TableSmallGw", "表格文字（小）", "<w:snapToGrid w:val=\"0\"/><w:spacing w:line=\"280\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/>", &FANGSONG, "", 21));
    s.push_str(&para_style(open, "NoteGw", "表注", "<w:snapToGrid w:val=\"0\"/><w:spacing w:before=\"60\" w:line=\"360\" w:lineRule=\"auto\"/>", &FANGSONG, "", 24));
    s.push_str(&para_style(
        open,
        "SignatureGw",
        "落款",
        "<w:keepNext/><w:keepLines/><w:ind w:right=\"640\"/><w:jc w:val=\"right\"/>",
        &FANGSONG,
        "",
        32,
    ));
    s.push_str(&para_style(
        open,
        "DraftMarkGw",
        "草稿标记",
        "<w:jc w:val=\"center\"/>",
        &HEITI,
        "<w:color w:val=\"B00000\"/>",
        32,
    ));
    s.push_str(&para_style(
        open,
        "PageNumberGw",
        "页码",
        "<w:snapToGrid w:val=\"0\"/>",
        &SONGTI,
        "",
        28,
    ));
    s.push_str("</w:styles>");
    s
}

/// The font table: the official fonts with the open fonts nianbao bundles as alternates,
/// or, with embedded fonts, the open fonts and their embedded programs.
pub(super) fn font_table(embedded: &[super::embed::Family]) -> String {
    let mut s = String::from(DECL);
    s.push_str(&format!("<w:fonts {W_NS}>"));
    if embedded.is_empty() {
        for f in [&FANGSONG, &XIAOBIAOSONG, &HEITI, &KAITI, &SONGTI] {
            s.push_str(&format!(
                "<w:font w:name=\"{}\"><w:altName w:val=\"{}\"/><w:charset w:val=\"86\"/><w:family w:val=\"auto\"/><w:pitch w:val=\"variable\"/></w:font>",
                f.name, f.alt
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

/// Settings: odd and even footers differ (page numbers right on odd pages, left on even).
pub(super) fn settings(embed: bool) -> String {
    let embed = if embed { "<w:embedTrueTypeFonts/><w:saveSubsetFonts/>" } else { "" };
    format!(
        "{DECL}<w:settings {W_NS}><w:zoom w:percent=\"100\"/>{embed}<w:defaultTabStop w:val=\"420\"/><w:evenAndOddHeaders/><w:drawingGridVerticalSpacing w:val=\"579\"/><w:displayHorizontalDrawingGridEvery w:val=\"0\"/><w:characterSpacingControl w:val=\"compressPunctuation\"/><w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/><w:doNotLeaveBackslashAlone/><w:ulTrailSpace/><w:doNotExpandShiftReturn/><w:adjustLineHeightInTable/><w:useFELayout/><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat><w:themeFontLang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:settings>"
    )
}

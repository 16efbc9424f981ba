//! `import::pdf::read` on a PDF drawn operator by operator with the habits of Word's
//! export and of the junk found in published PDFs, each checked by what comes back:
//! an Identity-H CID font with `/W` widths and a ToUnicode CMap, a Latin font with word
//! spacing, `TJ` kerning, a compressed content stream, a heading drawn in a Form XObject,
//! table borders as thin filled boxes with a cell spanning two rows and a label on two
//! lines, a rotated watermark, clipped and off-page text, a running header, page numbers,
//! a footer marked as an artifact, and a paragraph that runs on to the next page; and a
//! CID font without ToUnicode, read through its embedded TrueType program.

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Filter, Finish, Name, Pdf, Rect, Ref, Str};

use nianbao::import::{Block, Cell, pdf};

/// Every CJK character the pages show; a character's CID is its index here plus one.
const CHARS: &str = "江川市自然资源和规划局全年主动公开政府信息一千五百余条其中策文件及解读六十三\
                     条规划示一百八均以格式发布。二、情况内容本制件数现行有效新增合计章继续写完这段内部资料隐藏";

const SYSTEM: SystemInfo =
    SystemInfo { registry: Str(b"Adobe"), ordering: Str(b"Identity"), supplement: 0 };

/// A string of the CJK font: the CIDs as a hex string.
fn cjk(text: &str) -> String {
    let mut out = String::from("<");
    for ch in text.chars() {
        let cid =
            CHARS.chars().position(|c| c == ch).unwrap_or_else(|| panic!("{ch} not in CHARS")) + 1;
        out.push_str(&format!("{cid:04X}"));
    }
    out.push('>');
    out
}

/// A line of CJK text at (x, y), 16 pt, each glyph kerned a little (as Word's
/// justification does) — which must not become spaces.
fn line(x: f32, y: f32, text: &str) -> String {
    let glyphs: Vec<String> = text.chars().map(|c| cjk(&c.to_string())).collect();
    format!("BT /F1 16 Tf 1 0 0 1 {x} {y} Tm [{}] TJ ET\n", glyphs.join(" -12 "))
}

/// Word draws a border as a thin filled box.
fn border(x0: f32, y0: f32, x1: f32, y1: f32) -> String {
    let (w, h) = if y0 == y1 { (x1 - x0, 0.5) } else { (0.5, y1 - y0) };
    format!("{x0} {y0} {w} {h} re f\n")
}

fn cell(x: f32, y: f32, text: &str) -> String {
    format!("BT /F1 12 Tf {x} {y} Td {} Tj ET\n", cjk(text))
}

fn digits(x: f32, y: f32, text: &str) -> String {
    format!("BT /F2 12 Tf {x} {y} Td ({text}) Tj ET\n")
}

/// The two pages' content streams.
fn pages() -> [String; 2] {
    let header =
        "BT /F1 10.5 Tf 72 800 Td ".to_owned() + &cjk("江川市自然资源和规划局") + " Tj ET\n";
    let mut one = header.clone();
    // A watermark at 45 degrees, drawn first as Word does.
    one += &format!(
        "BT /F1 60 Tf 0.7071 0.7071 -0.7071 0.7071 150 300 Tm {} Tj ET\n",
        cjk("内部资料")
    );
    // First paragraph: indented first line running to the right margin (72 + 28 ems of
    // 16 pt = 520), second line from the margin, with Latin words and word spacing.
    one += &line(104.0, 740.0, "全年主动公开政府信息一千五百余条其中政策文件及解读六十");
    one += &format!(
        "BT /F1 16 Tf 72 711 Td {} Tj /F2 16 Tf 3 Tw (Word PDF) Tj 0 Tw /F1 16 Tf {} Tj ET\n",
        cjk("三条规划公示一百一十八条均以"),
        cjk("格式发布。")
    );
    // The heading, in a form.
    one += "q 1 0 0 1 104 670 cm /Fm1 Do Q\n";
    // The table: 3 columns, the first header cell over two rows, 现行有效件数 on two lines.
    for (y, x0) in [(640.0, 72.0), (610.0, 200.0), (580.0, 72.0), (550.0, 72.0)] {
        one += &border(x0, y, 520.0, y);
    }
    for x in [72.0, 200.0, 360.0, 520.0] {
        one += &border(x, 550.0, x, 640.25);
    }
    one += &cell(100.0, 605.0, "信息内容");
    one += &cell(240.0, 620.0, "本年制发件数");
    one += &cell(400.0, 627.0, "现行有效");
    one += &cell(400.0, 614.0, "件数");
    one += &cell(240.0, 590.0, "本年新增");
    one += &cell(400.0, 590.0, "合计");
    one += &cell(110.0, 560.0, "规章");
    one += &digits(270.0, 560.0, "5");
    one += &digits(430.0, 560.0, "20");
    // Clipped away, and off the page.
    one += &format!("q 0 0 10 10 re W n BT /F1 12 Tf 300 300 Td {} Tj ET Q\n", cjk("隐藏"));
    one += &format!("BT /F1 12 Tf -400 300 Td {} Tj ET\n", cjk("隐藏"));
    // A paragraph that runs on to the next page.
    one += &line(104.0, 520.0, "全年主动公开政府信息一千五百余条其中政策文件及解读六十");
    one += &line(72.0, 491.0, "示一百一十八条均以格式发布其中政策文件及解读六十三条规划");
    one += "BT /F2 10.5 Tf 285 40 Td (- 1 -) Tj ET\n";
    let mut two = header;
    two += &line(72.0, 760.0, "继续写完这段。");
    two += "BT /F2 10.5 Tf 285 40 Td (- 2 -) Tj ET\n";
    // A footer on this page only, marked as an artifact, as tagged PDFs mark them.
    two += &format!(
        "/Artifact <</Type /Pagination /Subtype /Footer>> BDC BT /F1 9 Tf 400 60 Td {} Tj ET EMC\n",
        cjk("内部资料")
    );
    [one, two]
}

/// The whole PDF.
fn drawn() -> Vec<u8> {
    let mut pdf = Pdf::new();
    let (catalog, tree, f1, cid, desc, cmap, f2, form) = (
        Ref::new(1),
        Ref::new(2),
        Ref::new(3),
        Ref::new(4),
        Ref::new(5),
        Ref::new(6),
        Ref::new(7),
        Ref::new(8),
    );
    pdf.catalog(catalog).pages(tree);
    let page_ids = [Ref::new(10), Ref::new(12)];
    pdf.pages(tree).kids(page_ids).count(2);
    pdf.type0_font(f1)
        .base_font(Name(b"SimSun"))
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid)
        .to_unicode(cmap);
    let n = CHARS.chars().count();
    let mut c = pdf.cid_font(cid);
    c.subtype(CidFontType::Type2)
        .base_font(Name(b"SimSun"))
        .system_info(SYSTEM)
        .font_descriptor(desc)
        .default_width(500.0);
    c.widths().consecutive(1, std::iter::repeat_n(1000.0, n));
    c.finish();
    pdf.font_descriptor(desc)
        .name(Name(b"SimSun"))
        .flags(FontFlags::SYMBOLIC)
        .bbox(Rect::new(0.0, -140.0, 1000.0, 860.0))
        .italic_angle(0.0)
        .ascent(860.0)
        .descent(-140.0)
        .cap_height(700.0)
        .stem_v(80.0);
    let mut map = UnicodeCmap::new(Name(b"Custom"), SYSTEM);
    for (i, ch) in CHARS.chars().enumerate() {
        map.pair(i as u16 + 1, ch);
    }
    pdf.cmap(cmap, &map.finish());
    // A Latin font: every code 600 wide.
    pdf.type1_font(f2)
        .base_font(Name(b"Courier"))
        .encoding_predefined(Name(b"WinAnsiEncoding"))
        .first_char(32)
        .widths(std::iter::repeat_n(600.0, 95));
    let heading = format!("BT /F1 16 Tf 0 0 Td {} Tj ET", cjk("二、主动公开政府信息情况"));
    let mut fx = pdf.form_xobject(form, heading.as_bytes());
    fx.bbox(Rect::new(0.0, -10.0, 400.0, 30.0));
    fx.resources().fonts().pair(Name(b"F1"), f1);
    fx.finish();
    for (i, content) in pages().iter().enumerate() {
        let (page, stream) = (page_ids[i], Ref::new(page_ids[i].get() + 1));
        let mut p = pdf.page(page);
        p.parent(tree).media_box(Rect::new(0.0, 0.0, 595.0, 842.0)).contents(stream);
        let mut res = p.resources();
        res.fonts().pair(Name(b"F1"), f1).pair(Name(b"F2"), f2);
        res.x_objects().pair(Name(b"Fm1"), form);
        res.finish();
        p.finish();
        // The first page's content compressed, as every real PDF has it.
        if i == 0 {
            let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
            std::io::Write::write_all(&mut z, content.as_bytes()).unwrap();
            pdf.stream(stream, &z.finish().unwrap()).filter(Filter::FlateDecode);
        } else {
            pdf.stream(stream, content.as_bytes());
        }
    }
    pdf.finish()
}

fn c(row: usize, col: usize, rowspan: usize, colspan: usize, text: &str) -> Cell {
    Cell { row, col, rowspan, colspan, text: text.to_owned() }
}

#[test]
fn a_drawn_pdf_reads_as_written() {
    let read = pdf::read(&drawn()).unwrap();
    let mut blocks = read.blocks.iter();
    let mut para = |want: &str| match blocks.next() {
        Some(Block::Paragraph(p)) => assert_eq!(p, want),
        other => panic!("expected 「{want}」, got {other:?}"),
    };
    para(
        "全年主动公开政府信息一千五百余条其中政策文件及解读六十三条规划公示一百一十八条均以Word PDF格式发布。",
    );
    para("二、主动公开政府信息情况");
    let Some(Block::Table(table)) = read.blocks.get(2) else { panic!("{:?}", read.blocks) };
    assert_eq!(table.place, "第 1 页");
    assert_eq!(
        table.cells,
        [
            c(0, 0, 2, 1, "信息内容"),
            c(0, 1, 1, 1, "本年制发件数"),
            c(0, 2, 1, 1, "现行有效件数"),
            c(1, 1, 1, 1, "本年新增"),
            c(1, 2, 1, 1, "合计"),
            c(2, 0, 1, 1, "规章"),
            c(2, 1, 1, 1, "5"),
            c(2, 2, 1, 1, "20"),
        ]
    );
    let Some(Block::Paragraph(last)) = read.blocks.get(3) else { panic!("{:?}", read.blocks) };
    assert_eq!(
        last,
        "全年主动公开政府信息一千五百余条其中政策文件及解读六十示一百一十八条均以格式发布其中政策文件及解读六十三条规划继续写完这段。"
    );
    assert_eq!(read.blocks.len(), 4, "{:?}", read.blocks);
    assert_eq!(read.embedded, None);
}

// A CID font without ToUnicode (some converters still write them): the text comes from
// the embedded TrueType program's own cmap, glyph by glyph.
#[test]
fn a_cid_font_without_to_unicode_reads_through_its_embedded_cmap() {
    let program =
        std::fs::read(crate::support::root().join("fonts/LXGWWenKai-Regular.ttf")).unwrap();
    let face = ttf_parser::Face::parse(&program, 0).unwrap();
    let text = "一、本年新收政府信息公开申请数量";
    let gids: String = text
        .chars()
        .map(|ch| format!("{:04X}", face.glyph_index(ch).unwrap_or_else(|| panic!("{ch}")).0))
        .collect();
    let mut pdf = Pdf::new();
    let (catalog, tree, page, content, f1, cid, desc, file) = (
        Ref::new(1),
        Ref::new(2),
        Ref::new(3),
        Ref::new(4),
        Ref::new(5),
        Ref::new(6),
        Ref::new(7),
        Ref::new(8),
    );
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree).kids([page]).count(1);
    let mut p = pdf.page(page);
    p.parent(tree).media_box(Rect::new(0.0, 0.0, 595.0, 842.0)).contents(content);
    p.resources().fonts().pair(Name(b"F1"), f1);
    p.finish();
    pdf.stream(content, format!("BT /F1 16 Tf 100 700 Td <{gids}> Tj ET").as_bytes());
    pdf.type0_font(f1)
        .base_font(Name(b"LXGWWenKai"))
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid);
    pdf.cid_font(cid)
        .subtype(CidFontType::Type2)
        .base_font(Name(b"LXGWWenKai"))
        .system_info(SYSTEM)
        .font_descriptor(desc)
        .default_width(1000.0)
        .cid_to_gid_map_predefined(Name(b"Identity"));
    pdf.font_descriptor(desc)
        .name(Name(b"LXGWWenKai"))
        .flags(FontFlags::SYMBOLIC)
        .bbox(Rect::new(0.0, -140.0, 1000.0, 860.0))
        .italic_angle(0.0)
        .ascent(860.0)
        .descent(-140.0)
        .cap_height(700.0)
        .stem_v(80.0)
        .font_file2(file);
    pdf.stream(file, &program);
    let read = pdf::read(&pdf.finish()).unwrap();
    assert_eq!(read.blocks, [Block::Paragraph(text.to_owned())]);
}

//! `nianbao import`: published reports read back by their labels — the five seeds in
//! their portal styles (figures equal to the examples cell by cell), every example
//! rendered by nianbao and read back (same figures, headings and paragraphs), the
//! embedded data read exactly, and hand-made variants in the styles portals publish.

use std::path::Path;

use nianbao::build::{self, Templates, data::data};
use nianbao::doc::{Block, Document};
use nianbao::fonts::FontBook;
use nianbao::import::{self, Import, Kind};
use nianbao::load::{Loaded, load, load_source};
use nianbao::source::SourceFile;
use nianbao::write::{docx, html};

use crate::support::{nianbao, root};

/// Every figure of a report (the `nianbao-data` JSON without agency and date).
fn figures(loaded: &Loaded) -> serde_json::Value {
    let mut v = serde_json::to_value(data(&loaded.report)).unwrap();
    let m = v.as_object_mut().unwrap();
    for k in ["agency", "level", "publication_date", "schema", "version"] {
        m.remove(k);
    }
    v
}

fn example(name: &str) -> Loaded {
    load(&root().join("examples").join(format!("{name}.yaml"))).unwrap()
}

fn from_yaml(i: &Import) -> Loaded {
    load_source(SourceFile::new("imported.yaml", i.yaml.clone())).unwrap_or_else(|e| {
        panic!("imported YAML does not load:\n{}\n{}", i.yaml, e.render(Path::new("imported.yaml")))
    })
}

fn import_file(path: &Path, embedded: bool) -> Import {
    let bytes = std::fs::read(path).unwrap();
    let ext = path.extension().and_then(|e| e.to_str());
    let (kind, p) = import::read(&bytes, ext).unwrap();
    let im = import::understand(&p, embedded).unwrap();
    import::to_yaml(im, "test", kind).unwrap()
}

// The seeds, retyped in their own portal styles (labels, figures, separators and quirks
// as published; every sentence our own): the imported figures equal the examples'.
#[test]
fn seeds_import_to_the_examples_figures() {
    // (fixture, example, places listed as unread or doubtful)
    let cases: [(&str, &[&str]); 5] = [
        ("hengyang-minzheng-2020", &["机关名称"]),
        (
            "sanming-meilie-2020",
            &["二、主动公开政府信息情况 政府集中采购 采购总金额", "机关名称", "发布日期"],
        ),
        ("leiyang-2017", &["附表 5.其他方式回应事件数"]),
        ("yiyang-shenpi-2022", &["发布日期"]),
        ("qingyuan-minzheng-2020", &["机关名称", "发布日期"]),
    ];
    for (name, listed) in cases {
        let path = root().join(format!("tests/fixtures/import/seeds/{name}.txt"));
        let i = import_file(&path, true);
        let places: Vec<&str> = i.imported.problems.iter().map(|p| p.place.as_str()).collect();
        assert_eq!(places, listed, "{name}: listed problems\n{}", i.yaml);
        let got = from_yaml(&i);
        assert_eq!(figures(&got), figures(&example(name)), "{name}: figures\n{}", i.yaml);
        // The same through the command line's loader (check and batch use it).
        assert_eq!(figures(&load(&path).unwrap()), figures(&example(name)), "{name}");
    }
}

// Seed quirks kept: the blank cells of 清远 stay blank (the example typed 0 for them),
// the truncated 「本年新」 headers are read in the official order, the bare
// procurement amount of 三明 is read without inventing a unit note, signed changes keep
// their sign.
#[test]
fn seed_quirks_are_kept_as_printed() {
    let q =
        import_file(&root().join("tests/fixtures/import/seeds/qingyuan-minzheng-2020.txt"), true);
    assert!(
        q.yaml.contains("new_received:                    [~, ~, ~, ~, ~, ~, 0]"),
        "{}",
        q.yaml
    );
    assert!(q.yaml.contains("licensing:           [144, +36, 180]"), "{}", q.yaml);
    assert!(q.yaml.contains("amount: 20.268490"), "{}", q.yaml);
    assert!(q.yaml.contains("unit: 万元"), "{}", q.yaml);
    let h =
        import_file(&root().join("tests/fixtures/import/seeds/hengyang-minzheng-2020.txt"), true);
    assert!(h.imported.notes.iter().any(|n| n.contains("表头被截短")), "{:?}", h.imported.notes);
    // check reports the blanks of the published report (R5), as for a typed YAML.
    let run = nianbao(&["check", "tests/fixtures/import/seeds/qingyuan-minzheng-2020.txt"]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(run.stdout.contains("R5"), "{}", run.all());
    assert!(run.stdout.contains("qingyuan-minzheng-2020.txt"), "{}", run.all());
}

/// The formats every example is rendered to and read back from.
const ROUND_TRIP: &[Kind] = &[Kind::Html, Kind::Docx, Kind::Pdf];

fn rendered(doc: &Document, kind: Kind) -> Vec<u8> {
    // The marks set half width, as `render` writes them (runs and spans of their own).
    let narrowed = nianbao::layout::narrowed(doc, FontBook::bundled()).unwrap();
    match kind {
        Kind::Html => html::html(doc, &narrowed).into_bytes(),
        Kind::Docx => {
            docx::docx(doc, &narrowed, &docx::DocxOptions { embed_fonts: false }).unwrap()
        }
        Kind::Pdf => {
            let source = SourceFile::new(Path::new("test.yaml"), String::new());
            nianbao::pipeline::pdf_of(doc, FontBook::bundled(), &source).unwrap()
        }
        Kind::Text => unreachable!("nianbao writes no text"),
    }
}

/// The title, headings, paragraphs and notes of a document, in order.
fn text_of(doc: &Document) -> Vec<String> {
    let mut out = vec![doc.title.clone()];
    out.extend(doc.byline.clone());
    for b in &doc.blocks {
        match b {
            Block::Heading { number, text, .. } => out.push(format!("{number}{text}")),
            Block::Para(t) | Block::Note(t) => out.push(t.clone()),
            Block::Signature(lines) => out.extend(lines.iter().cloned()),
            Block::Table(_) => out.push("[表格]".into()),
        }
    }
    out
}

fn examples() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path().file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

// Every example rendered by nianbao and read back from its tables (not its embedded
// data): the same figures, and a document with the same headings and paragraphs.
#[test]
fn rendered_examples_read_back_from_their_tables() {
    let templates = Templates::builtin().unwrap();
    for name in examples() {
        let original = example(&name);
        let doc = build::document(&original.report, &templates).unwrap();
        for &kind in ROUND_TRIP {
            let bytes = rendered(&doc, kind);
            let (got_kind, p) = import::read(&bytes, None).unwrap();
            assert_eq!(got_kind, kind);
            let im = import::understand(&p, false).unwrap();
            assert!(!im.embedded);
            assert!(im.problems.is_empty(), "{name} {kind:?}: {:?}", im.problems);
            let i = import::to_yaml(im, "test", kind).unwrap();
            let back = from_yaml(&i);
            assert_eq!(figures(&back), figures(&original), "{name} {kind:?}: figures\n{}", i.yaml);
            let again = build::document(&back.report, &templates).unwrap();
            assert_eq!(text_of(&again), text_of(&doc), "{name} {kind:?}: text\n{}", i.yaml);
        }
    }
}

// A file nianbao made is read from its embedded data: exactly, and said so.
#[test]
fn embedded_data_is_read_exactly() {
    let templates = Templates::builtin().unwrap();
    for name in examples() {
        let original = example(&name);
        let doc = build::document(&original.report, &templates).unwrap();
        for &kind in ROUND_TRIP {
            let (_, p) = import::read(&rendered(&doc, kind), None).unwrap();
            assert!(p.embedded.is_some(), "{name} {kind:?}");
            let im = import::understand(&p, true).unwrap();
            assert!(im.embedded, "{name} {kind:?}");
            let i = import::to_yaml(im, "test", kind).unwrap();
            assert!(i.yaml.contains("内嵌的 nianbao-data"), "{}", i.yaml);
            assert_eq!(figures(&from_yaml(&i)), figures(&original), "{name} {kind:?}");
            assert_eq!(from_yaml(&i).report.agency.name, original.report.agency.name);
        }
    }
}

// Word's 「另存为网页」 with mso styles, nested spans and <o:p>; table 三 with 总计 first,
// 法人或其他组织 over two header rows, split over two tables by a page break; a blank
// cell, a 「/」, a missing row: every other cell exact, the rest listed by their labels.
#[test]
fn word_html_variant_maps_by_labels() {
    let path = root().join("tests/fixtures/import/variants/word-2021.html");
    let i = import_file(&path, true);
    let im = &i.imported;
    assert_eq!(im.agency.as_deref(), Some("江川市林业局"));
    assert_eq!(im.year, 2022);
    assert_eq!(im.publication_date.map(|d| d.iso()).as_deref(), Some("2023-01-18"));
    let row = |k: &str| im.figures[k].iter().map(|v| v.yaml()).collect::<Vec<_>>().join(",");
    // 总计 printed first: mapped by the header.
    assert_eq!(row("applications.new_received"), "5,1,0,0,0,0,6");
    assert_eq!(row("applications.results.granted"), "3,1,0,0,0,0,4");
    // After the page break (second table).
    assert_eq!(row("applications.results.unable.not_held"), "2,0,0,0,0,~,2");
    assert_eq!(row("applications.carried_forward"), "0,0,/,0,0,0,0");
    assert_eq!(row("proactive.regulations"), "1,0,4");
    assert_eq!(row("proactive.fees"), "12.5");
    assert_eq!(row("review_litigation.review"), "1,0,0,0,1");
    let places: Vec<&str> = im.problems.iter().map(|p| p.place.as_str()).collect();
    assert_eq!(
        places,
        ["三、收到和处理政府信息公开申请情况 （三）不予公开 8.属于行政查询事项"],
        "{}",
        i.yaml
    );
    assert!(
        i.yaml.contains("（三）不予公开 8.属于行政查询事项：表格里没有找到这一行"),
        "{}",
        i.yaml
    );
    from_yaml(&i);
    assert!(i.yaml.contains("  - 2022年，江川市林业局依照条例"), "{}", i.yaml);
    // A source line break inside a sentence (Word wraps its HTML) is no space.
    assert!(i.yaml.contains("明确一名副局长分管，办公室具体承办。"), "{}", i.yaml);
    assert!(i.yaml.contains("- heading: 加强组织领导"), "{}", i.yaml);
    // import: exit 1, the cell listed; the file written whole.
    let out = std::env::temp_dir().join(format!("nianbao-import-{}.yaml", std::process::id()));
    let run = nianbao(&["import", path.to_str().unwrap(), "-o", out.to_str().unwrap(), "--force"]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(run.stderr.contains("8.属于行政查询事项"), "{}", run.all());
    assert!(std::fs::read_to_string(&out).unwrap().starts_with("# 江川市林业局2022年"));
    let _ = std::fs::remove_file(out);
    // check of the page itself: the unread row is warning F2, with its labels.
    let run = nianbao(&["check", path.to_str().unwrap()]);
    let f2 =
        run.stdout.lines().find(|l| l.contains("F2")).unwrap_or_else(|| panic!("{}", run.all()));
    assert!(f2.contains("8.属于行政查询事项"), "{}", run.all());
    // The R5 of the blank row points at the imported YAML's line, and says so.
    assert!(run.stdout.contains("word-2021.html（导入的 YAML）:"), "{}", run.all());
}

// What is not a report is refused with exit 2 and a reason; nothing is written.
#[test]
fn not_a_report_is_refused() {
    let dir = std::env::temp_dir().join(format!("nianbao-import-refuse-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cases: [(&str, &[u8], &str); 4] = [
        ("note.txt", "会议纪要\n今天开会。\n".as_bytes(), "不像是一份年度报告"),
        ("old.doc", &[0xD0, 0xCF, 0x11, 0xE0, 0, 0], "旧版 Word"),
        ("page.html", b"<meta charset=big5><body>\xb3\xf8\xa7\x69\xff</body>", "BIG5"),
        ("scan.pdf", b"%PDF-1.4\n", "PDF"),
    ];
    for (name, bytes, reason) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = dir.join(format!("{name}.yaml"));
        let run = nianbao(&["import", path.to_str().unwrap(), "-o", out.to_str().unwrap()]);
        assert_eq!(run.code, 2, "{name}: {}", run.all());
        assert!(run.stderr.contains(reason), "{name}: {}", run.all());
        assert!(!out.exists(), "{name}");
    }
    let _ = std::fs::remove_dir_all(dir);
}

// init --from a published report carries over like a YAML.
#[test]
fn init_from_a_published_report() {
    let run = nianbao(&["init", "--from", "tests/fixtures/import/seeds/yiyang-shenpi-2022.txt"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(run.stdout.contains("year: 2023"), "{}", run.stdout);
    assert!(run.stdout.contains("name: 益阳市行政审批服务局"), "{}", run.stdout);
}

/// A DOCX as Word writes one: `document.xml` and `numbering.xml` in a package.
fn docx_package(body: &str) -> Vec<u8> {
    use std::io::Write;
    let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document {w}><w:body>{body}<w:sectPr/></w:body></w:document>"
    );
    let lvl = |i: usize, fmt: &str, text: &str| {
        format!(
            "<w:lvl w:ilvl=\"{i}\"><w:start w:val=\"1\"/><w:numFmt w:val=\"{fmt}\"/><w:lvlText w:val=\"{text}\"/></w:lvl>"
        )
    };
    let numbering = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:numbering {w}><w:abstractNum w:abstractNumId=\"7\">{}{}</w:abstractNum><w:num w:numId=\"3\"><w:abstractNumId w:val=\"7\"/></w:num></w:numbering>",
        lvl(0, "chineseCounting", "%1、"),
        lvl(1, "chineseCounting", "（%2）")
    );
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let opts = zip::write::SimpleFileOptions::default();
    for (name, text) in [("word/document.xml", document), ("word/numbering.xml", numbering)] {
        zip.start_file(name, opts).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    out.into_inner()
}

fn wp(text: &str) -> String {
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

/// A paragraph numbered automatically at `level` (the number is not in its text).
fn wnum(level: usize, text: &str) -> String {
    format!(
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"3\"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"
    )
}

/// A table cell: text, columns spanned, vertical merge (`Some(true)` starts one,
/// `Some(false)` continues it).
fn wtc(text: &str, span: usize, merge: Option<bool>) -> String {
    let mut pr = String::new();
    if span > 1 {
        pr.push_str(&format!("<w:gridSpan w:val=\"{span}\"/>"));
    }
    match merge {
        Some(true) => pr.push_str("<w:vMerge w:val=\"restart\"/>"),
        Some(false) => pr.push_str("<w:vMerge/>"),
        None => {}
    }
    // A label broken over two paragraphs of the cell.
    let (a, b) =
        text.split_at(text.char_indices().nth(text.chars().count() / 2).map_or(0, |(i, _)| i));
    format!(
        "<w:tc><w:tcPr>{pr}</w:tcPr><w:p><w:r><w:t>{a}</w:t></w:r></w:p><w:p><w:r><w:t>{b}</w:t></w:r></w:p></w:tc>"
    )
}

fn wtbl(rows: &[String]) -> String {
    format!(
        "<w:tbl>{}</w:tbl>",
        rows.iter().map(|r| format!("<w:tr>{r}</w:tr>")).collect::<String>()
    )
}

// A DOCX as agencies write them (2019 format): headings numbered by Word (the numbers
// are not in the text), labels broken over two lines of a cell, group labels merged
// down with vMerge, spans with gridSpan, table 三 split in two by a page break.
#[test]
fn word_docx_variant_maps_by_labels() {
    use nianbao::format::common::{APP_COLUMNS, LEGAL_PERSONS, REVIEW_COLUMNS, SECTIONS};
    let spec = nianbao::format::Format::F2019.spec();
    let mut body = String::new();
    body.push_str("<w:p><w:r><w:t>江川市民政局</w:t><w:br/><w:t>2020年政府信息公开工作年度报告</w:t></w:r></w:p>");
    body.push_str(&wnum(0, SECTIONS[0].title));
    body.push_str(&wp("2020年，本局按条例做好公开工作。"));
    body.push_str(&wnum(1, "健全制度"));
    body.push_str(&wp("修订了公开指南。"));
    body.push_str(&wnum(0, SECTIONS[1].title));
    // Table 二: every figure its row number times ten plus its column.
    let mut rows = Vec::new();
    let mut n = 0;
    for g in spec.proactive {
        rows.push(wtc(g.item, 4, None));
        let mut head = wtc(nianbao::format::common::CONTENT_HEADER, 1, None);
        for c in g.columns {
            head.push_str(&wtc(c.label, c.span as usize, None));
        }
        rows.push(head);
        for r in g.rows {
            n += 1;
            let mut row = wtc(r.label, 1, None);
            for (i, c) in g.columns.iter().enumerate() {
                // The procurement amount with its unit in the cell, as agencies print it.
                let unit = if r.unit && i == 1 { "万元" } else { "" };
                row.push_str(&wtc(&format!("{}{unit}", n * 10 + i), c.span as usize, None));
            }
            rows.push(row);
        }
    }
    body.push_str(&wtbl(&rows));
    body.push_str(&wnum(0, SECTIONS[2].title));
    let mut head = vec![
        format!("{}{}", wtc("（本列数据的勾稽关系）", 3, Some(true)), wtc("申请人情况", 7, None)),
        format!(
            "{}{}{}{}",
            wtc("", 3, Some(false)),
            wtc(APP_COLUMNS[0].0, 1, Some(true)),
            wtc(LEGAL_PERSONS, 5, None),
            wtc(APP_COLUMNS[6].0, 1, Some(true))
        ),
    ];
    let mut third = format!("{}{}", wtc("", 3, Some(false)), wtc("", 1, Some(false)));
    for c in &APP_COLUMNS[1..6] {
        third.push_str(&wtc(c.0, 1, None));
    }
    third.push_str(&wtc("", 1, Some(false)));
    head.push(third);
    let mut parts: Vec<Vec<String>> = vec![head.clone(), head];
    let mut last_group: Option<&str> = None;
    for (i, r) in spec.applications.iter().enumerate() {
        let part = usize::from(i >= 10);
        let mut row = String::new();
        match r.group {
            Some(g) => {
                let starts = last_group != Some(g) || (i == 10);
                row.push_str(&wtc(if starts { g } else { "" }, 2, Some(starts)));
                row.push_str(&wtc(r.label, 1, None));
            }
            None => row.push_str(&wtc(r.label, 3, None)),
        }
        last_group = r.group;
        for c in 0..7 {
            row.push_str(&wtc(&format!("{}", i * 7 + c), 1, None));
        }
        parts[part].push(row);
    }
    body.push_str(&wtbl(&parts[0]));
    body.push_str("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
    body.push_str(&wtbl(&parts[1]));
    body.push_str(&wnum(0, SECTIONS[3].title));
    let mut heads = String::new();
    for c in REVIEW_COLUMNS.iter().chain(&REVIEW_COLUMNS).chain(&REVIEW_COLUMNS) {
        heads.push_str(&wtc(c, 1, None));
    }
    let figures: String = (0..15).map(|i| wtc(&i.to_string(), 1, None)).collect();
    body.push_str(&wtbl(&[heads, figures]));
    body.push_str(&wnum(0, SECTIONS[4].title));
    body.push_str(&wp("栏目更新不够及时。"));
    body.push_str(&wnum(0, SECTIONS[5].title));
    body.push_str(&wp("无。"));
    body.push_str(&wp("江川市民政局"));
    body.push_str(&wp("2021年1月20日"));
    let bytes = docx_package(&body);
    let (kind, p) = import::read(&bytes, Some("docx")).unwrap();
    assert_eq!(kind, Kind::Docx);
    let im = import::understand(&p, true).unwrap();
    assert!(im.problems.is_empty(), "{:?}", im.problems);
    assert_eq!(im.agency.as_deref(), Some("江川市民政局"));
    assert_eq!(im.year, 2020);
    assert_eq!(im.publication_date.map(|d| d.iso()).as_deref(), Some("2021-01-20"));
    let row = |k: &str| im.figures[k].iter().map(|v| v.yaml()).collect::<Vec<_>>().join(",");
    assert_eq!(row("proactive.regulations"), "10,11,12");
    assert_eq!(row("proactive.fees"), "70,71");
    assert_eq!(row("proactive.procurement"), "80,81");
    assert_eq!(im.procurement_unit.as_deref(), Some("万元"));
    for (i, r) in spec.applications.iter().enumerate() {
        let want: Vec<String> = (0..7).map(|c| (i * 7 + c).to_string()).collect();
        assert_eq!(row(&format!("applications.{}", r.key)), want.join(","), "{}", r.label);
    }
    assert_eq!(row("review_litigation.litigation_after_review"), "10,11,12,13,14");
    let i = import::to_yaml(im, "test.docx", kind).unwrap();
    assert!(i.yaml.contains("  - heading: 健全制度"), "{}", i.yaml);
    assert!(i.yaml.contains("other_matters:") && i.yaml.contains("  content: []"), "{}", i.yaml);
    from_yaml(&i);
}

// Copied text with tab-separated rows: 总计 printed first, 法人或其他组织 over its five
// columns on the next line, the 2019 row label in a 2021 table, a thousands separator,
// a 「—」 kept as printed, numbered subheadings in section 五.
#[test]
fn tab_separated_text_variant() {
    let path = root().join("tests/fixtures/import/variants/tabs-2021.txt");
    let i = import_file(&path, true);
    let im = &i.imported;
    assert!(im.problems.is_empty(), "{:?}", im.problems);
    let row = |k: &str| im.figures[k].iter().map(|v| v.yaml()).collect::<Vec<_>>().join(",");
    assert_eq!(row("applications.new_received"), "0,1,0,0,0,0,1");
    assert_eq!(row("applications.results.granted"), "2,1,0,0,0,0,3");
    assert_eq!(row("proactive.normative_documents"), "3,1,12");
    assert_eq!(row("proactive.licensing"), "1204");
    assert_eq!(row("proactive.coercion"), "—");
    assert_eq!(row("review_litigation.review"), "0,1,0,0,1");
    assert!(im.notes.iter().any(|n| n.contains("列顺序与官方表格不同")), "{:?}", im.notes);
    assert!(i.yaml.contains("  - heading: 存在的问题"), "{}", i.yaml);
    let run = nianbao(&["import", "tests/fixtures/import/variants/tabs-2021.txt"]);
    assert_eq!(run.code, 0, "{}", run.all());
    // check names the placeholder by its labels (R5) and the source file.
    let run = nianbao(&["check", "tests/fixtures/import/variants/tabs-2021.txt"]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(run.stdout.contains("行政强制"), "{}", run.all());
    assert!(run.stdout.contains("tabs-2021.txt"), "{}", run.all());
}

// Hostile files end in a reason or a result, quickly: a cell spanning a hundred million
// rows and columns, tables nested ten thousand deep, a DOCX whose XML is cut off.
#[test]
fn hostile_files_are_bounded() {
    let started = std::time::Instant::now();
    let mut page = String::from("<table>");
    for _ in 0..2000 {
        page.push_str("<tr><td rowspan=99999999 colspan=99999999>x</td><td>1</td></tr>");
    }
    page.push_str("</table>");
    page.push_str(&"<table><tr><td>".repeat(10_000));
    let (_, p) = import::read(page.as_bytes(), Some("html")).unwrap();
    assert!(import::understand(&p, true).is_err());
    let cut = docx_package("<w:p><w:r><w:t>截断");
    let cut = &cut[..cut.len() / 2];
    assert!(import::read(cut, Some("docx")).is_err());
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}

// PDFs made the way agencies make them — a word processor's export of the report (here
// LibreOffice's, of nianbao's DOCX), table 三 over several pages with its header
// repeated and its group labels blank on continuation pages: every cell read, figures
// equal to the example's.
#[test]
fn word_processor_pdfs_import_to_the_examples_figures() {
    for (file, example_name) in [
        ("jiangchuan-2024-libreoffice.pdf", "jiangchuan-ziranziyuan-2024"),
        ("leiyang-2017-libreoffice.pdf", "leiyang-2017-corrected"),
    ] {
        let i = import_file(&root().join("tests/fixtures/import/pdf").join(file), true);
        assert!(!i.imported.embedded, "{file}");
        assert!(i.imported.problems.is_empty(), "{file}: {:?}", i.imported.problems);
        assert_eq!(figures(&from_yaml(&i)), figures(&example(example_name)), "{file}\n{}", i.yaml);
    }
}

// Word's 「另存为网页」 on a Chinese system writes GB2312, and older portals serve GBK: the
// page reads as its UTF-8 copy does.
#[test]
fn gbk_pages_read_as_their_utf8_copies() {
    let path = root().join("tests/fixtures/import/variants/word-2021.html");
    let utf8 = std::fs::read_to_string(&path).unwrap();
    let gbk_text = utf8.replace("charset=utf-8", "charset=gb2312");
    let (gbk, _, unmappable) = encoding_rs::GB18030.encode(&gbk_text);
    assert!(!unmappable);
    let (_, a) = import::read(utf8.as_bytes(), Some("html")).unwrap();
    let (_, b) = import::read(&gbk, Some("html")).unwrap();
    assert_eq!(a.blocks, b.blocks);
    // Copied text saved by Notepad as 「ANSI」 (GBK) too.
    let seed = root().join("tests/fixtures/import/seeds/yiyang-shenpi-2022.txt");
    let text = std::fs::read_to_string(seed).unwrap();
    let (gbk, _, _) = encoding_rs::GB18030.encode(&text);
    let (_, a) = import::read(text.as_bytes(), Some("txt")).unwrap();
    let (_, b) = import::read(&gbk, Some("txt")).unwrap();
    assert_eq!(a.blocks, b.blocks);
}

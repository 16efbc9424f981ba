//! `nianbao render --to pdf`: every font embedded and subset, a file qpdf finds sound, the
//! report's words and figures extracted by pdftotext in reading order, no line starting
//! with closing punctuation, metadata, outline, the attached figures, and the same bytes
//! every time.

use std::path::{Path, PathBuf};
use std::process::Command;

use nianbao::build::{self, Templates};
use nianbao::doc::{Block, Document, Entry};
use nianbao::fonts::FontBook;
use nianbao::layout;

use crate::examples::EXAMPLES;
use crate::support::{TempDir, external, nianbao, root, snapshot};

fn render_pdf(name: &str, dir: &Path, extra: &[&str]) -> PathBuf {
    let file = format!("examples/{name}.yaml");
    let mut args = vec!["render", &file, "--to", "pdf", "-o", dir.to_str().unwrap()];
    args.extend_from_slice(extra);
    let run = nianbao(&args);
    assert_eq!(run.code, 0, "{name}: {}", run.stderr);
    dir.join(format!("{name}.pdf"))
}

fn document(name: &str) -> Document {
    let loaded = nianbao::load(&root().join(format!("examples/{name}.yaml"))).unwrap();
    build::document(&loaded.report, &Templates::load(None).unwrap()).unwrap()
}

fn tool(name: &str, args: &[&str]) -> Option<(bool, String)> {
    let path = external(name)?;
    let out = Command::new(path).args(args).output().unwrap();
    let text =
        format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    Some((out.status.success(), text))
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

const CLOSING: &str = "，。、；：？！）》」』”’〕】";

/// Checks one PDF against its document with the poppler tools and qpdf.
fn check_pdf(name: &str, pdf: &Path, doc: &Document) {
    check_pdf_with(name, pdf, doc, &[]);
}

/// [`check_pdf`], with extra options for pdftotext (`-raw`: content-stream order, for a
/// table whose flush-left labels pdftotext would otherwise read as a column of their own).
fn check_pdf_with(name: &str, pdf: &Path, doc: &Document, pdftotext: &[&str]) {
    let p = pdf.to_str().unwrap();
    if let Some((ok, fonts)) = tool("pdffonts", &[p]) {
        assert!(ok, "{name}: pdffonts failed\n{fonts}");
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(rows.len() >= 4, "{name}: fonts\n{fonts}");
        for row in rows {
            let cols: Vec<&str> = row.split_whitespace().collect();
            let n = cols.len();
            // … emb sub uni object-id generation
            assert_eq!(&cols[n - 5..n - 2], ["yes", "yes", "yes"], "{name}: {row}");
        }
    }
    if let Some((ok, out)) = tool("qpdf", &["--check", p]) {
        assert!(ok && out.contains("No syntax or stream encoding errors"), "{name}: {out}");
    }
    let args: Vec<&str> = pdftotext.iter().copied().chain([p, "-"]).collect();
    let Some((ok, text)) = tool("pdftotext", &args) else { return };
    assert!(ok, "{name}: pdftotext failed");
    for line in text.lines() {
        let first = line.trim_start().chars().next();
        assert!(
            !first.is_some_and(|c| CLOSING.contains(c)),
            "{name}: a line starts with closing punctuation: {line:?}"
        );
    }
    // Page numbers interrupt a paragraph that runs on to the next page.
    let body: String = text
        .lines()
        .filter(|l| {
            let l = squash(l);
            let digits = l.strip_prefix('—').and_then(|l| l.strip_suffix('—'));
            !digits.is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
        })
        .collect::<Vec<_>>()
        .join("\n");
    let flat = squash(&body);
    assert!(flat.contains(&squash(&doc.title)), "{name}: title");
    let mut numbers: Vec<String> = Vec::new();
    for block in &doc.blocks {
        match block {
            Block::Heading { number, text, .. } => {
                assert!(flat.contains(&squash(&format!("{number}{text}"))), "{name}: {text}")
            }
            Block::Para(t) | Block::Note(t) => {
                assert!(flat.contains(&squash(t)), "{name}: paragraph missing: {t}")
            }
            Block::Signature(lines) => {
                for l in lines {
                    assert!(flat.contains(&squash(l)), "{name}: {l}");
                }
            }
            Block::Table(t) => {
                for e in &t.grid.entries {
                    // (The figure cell of a group row of the 附表 is empty.)
                    if let Entry::Cell(c) = e
                        && !c.header
                        && !c.text.trim().is_empty()
                    {
                        numbers.push(c.text.trim().to_string());
                    }
                }
            }
        }
    }
    // Every figure of every table, in reading order (row by row, left to right).
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let mut at = 0;
    for n in &numbers {
        match tokens[at..].iter().position(|t| t == n) {
            Some(k) => at += k + 1,
            None => panic!("{name}: figure {n:?} missing or out of order after token {at}"),
        }
    }
}

// Every example: fonts embedded and subset, qpdf clean, words and figures extracted in
// order, no line led by closing punctuation; and the same bytes from a second run.
#[test]
fn pdf_of_every_example() {
    let (a, b) = (TempDir::new("pdf-a"), TempDir::new("pdf-b"));
    for (name, _) in EXAMPLES {
        let pdf = render_pdf(name, &a.0, &[]);
        check_pdf(name, &pdf, &document(name));
        let again = render_pdf(name, &b.0, &[]);
        assert_eq!(std::fs::read(&pdf).unwrap(), std::fs::read(&again).unwrap(), "{name}: bytes");
    }
    // Seed 003 (益阳市行政审批服务局 2022): well under the 235 KB other tools give.
    let size = std::fs::metadata(a.path("yiyang-shenpi-2022.pdf")).unwrap().len();
    assert!(size < 150_000, "yiyang-shenpi-2022.pdf is {size} bytes");
}

// The 2008 example: the same checks (every heading, paragraph, and every unit and figure
// of the 附表 in reading order), its header row repeated on each page of the 附表, and
// the same bytes from a second run.
#[test]
fn pdf_of_the_2008_example() {
    let name = "leiyang-2017-corrected";
    let (a, b) = (TempDir::new("pdf-2008-a"), TempDir::new("pdf-2008-b"));
    let pdf = render_pdf(name, &a.0, &[]);
    check_pdf_with(name, &pdf, &document(name), &["-raw"]);
    let again = render_pdf(name, &b.0, &[]);
    assert_eq!(std::fs::read(&pdf).unwrap(), std::fs::read(&again).unwrap(), "{name}: bytes");
    let Some((ok, text)) = tool("pdftotext", &[pdf.to_str().unwrap(), "-"]) else { return };
    assert!(ok);
    let pages: Vec<&str> = text.split('\u{c}').filter(|p| p.contains("统计数")).collect();
    assert!(pages.len() >= 2, "the 附表 spans pages, its header on each:\n{text}");
    for page in &pages {
        assert!(page.contains("统计指标") && page.contains("单位"), "{page}");
    }
}

// Title, author, subject, language and dates come from the report; the six sections are
// in the outline; the figures are attached as nianbao-data.json.
#[test]
fn pdf_metadata_outline_and_data() {
    let dir = TempDir::new("pdf-meta");
    let pdf = render_pdf("jiangchuan-ziranziyuan-2024", &dir.0, &[]);
    let p = pdf.to_str().unwrap();
    if let Some((ok, info)) = tool("pdfinfo", &[p]) {
        assert!(ok, "{info}");
        for want in [
            "Title:           江川市自然资源和规划局2024年政府信息公开工作年度报告",
            "Author:          江川市自然资源和规划局",
            "Subject:         2024年度政府信息公开工作年度报告",
            "CreationDate:    Tue Jan 21 00:00:00 2025 UTC",
            "Page size:       595.276 x 841.89 pts (A4)",
        ] {
            assert!(info.contains(want), "missing {want:?} in\n{info}");
        }
    }
    if let Some((ok, json)) = tool("qpdf", &["--json", "--json-key=outlines", p]) {
        assert!(ok, "{json}");
        for section in ["一、总体情况", "二、主动公开政府信息情况", "六、其他需要报告的事项"]
        {
            assert!(json.contains(section), "outline lacks {section}\n{json}");
        }
    }
    if let Some((ok, list)) = tool("pdfdetach", &["-list", p]) {
        assert!(ok && list.contains("nianbao-data.json"), "{list}");
        let out = dir.path("data.json");
        let (ok, msg) = tool("pdfdetach", &["-save", "1", "-o", out.to_str().unwrap(), p]).unwrap();
        assert!(ok, "{msg}");
        let attached: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
        let html =
            std::fs::read_to_string(render_html("jiangchuan-ziranziyuan-2024", &dir.0).as_path())
                .unwrap();
        let start = html.find("<script type=\"application/json\" id=\"nianbao-data\">").unwrap();
        let body = &html[start..];
        let json = &body[body.find('>').unwrap() + 1..body.find("</script>").unwrap()];
        let embedded: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(attached, embedded, "the PDF and the HTML carry different figures");
        assert_eq!(attached["agency"], "江川市自然资源和规划局");
    }
}

fn render_html(name: &str, dir: &Path) -> PathBuf {
    let file = format!("examples/{name}.yaml");
    let run = nianbao(&["render", &file, "--to", "html", "-o", dir.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    dir.join(format!("{name}.html"))
}

// The laid-out pages of one example, as text: the grid, the title's lines, table rules
// and the repeated header rows are all visible here.
#[test]
fn layout_snapshot() {
    let doc = document("hengyang-minzheng-2020");
    let pages = layout::layout(&doc, FontBook::bundled()).unwrap();
    snapshot("layout/hengyang-minzheng-2020.txt", &pages.to_string());
    // GB/T 9704: body lines on a 22-line grid, 28 characters to a full line.
    let body_lines: Vec<_> = pages.pages[0]
        .items
        .iter()
        .filter_map(|i| match i {
            layout::Item::Text(t) if t.size == 16.0 => Some(t.y),
            _ => None,
        })
        .collect();
    let pitch = nianbao::doc::page::PAGE.line_pitch().0;
    for w in body_lines.windows(2) {
        let steps = (w[1] - w[0]) / pitch;
        assert!((steps - steps.round()).abs() < 0.01, "off the grid: {w:?}");
    }
    // The table of 三 continues on a second page with its three header rows repeated.
    let header = "（本列数据的勾稽关系为：";
    let pages_with_header = pages
        .pages
        .iter()
        .filter(|p| {
            p.items
                .iter()
                .any(|i| matches!(i, layout::Item::Text(t) if t.run.text.starts_with(header)))
        })
        .count();
    assert!(pages_with_header >= 2, "header rows not repeated");
    // Page numbers: odd pages on the right, even on the left.
    let number_x = |page: &layout::Page| {
        page.items.iter().rev().find_map(|i| match i {
            layout::Item::Text(t) if t.size == 14.0 => Some(t.x),
            _ => None,
        })
    };
    let (odd, even) = (number_x(&pages.pages[0]).unwrap(), number_x(&pages.pages[1]).unwrap());
    assert!(odd > 400.0 && even < 120.0, "page numbers at {odd} and {even}");
}

// A draft (--force on a report with errors) carries the red mark in the PDF too.
#[test]
fn pdf_draft_mark() {
    let dir = TempDir::new("pdf-draft");
    let file = "tests/fixtures/invalid/r1-column.yaml";
    let run = nianbao(&["render", file, "--to", "pdf", "--force", "-o", dir.0.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let pdf = dir.path("r1-column.pdf");
    if let Some((_, text)) = tool("pdftotext", &[pdf.to_str().unwrap(), "-"]) {
        assert!(text.contains("草稿：数据未通过校验"), "{text}");
    }
}

// A character no bundled font has stops the PDF with its place in the YAML; an agency's
// own font file can take over a role.
#[test]
fn pdf_missing_glyph_and_own_fonts() {
    let dir = TempDir::new("pdf-fonts");
    let src = std::fs::read_to_string(root().join("examples/yiyang-shenpi-2022.yaml")).unwrap();
    let odd = src.replacen("全面落实", "全面\u{10FFFD}落实", 1);
    assert_ne!(odd, src);
    let yaml = dir.path("odd.yaml");
    std::fs::write(&yaml, odd).unwrap();
    let run =
        nianbao(&["render", yaml.to_str().unwrap(), "--to", "pdf", "-o", dir.0.to_str().unwrap()]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("错误[P1]：字符「\u{10FFFD}」（U+10FFFD）在所有字体里都没有"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("odd.yaml:"), "{}", run.stderr);
    assert!(run.stderr.contains("--font 正文=字体文件"), "{}", run.stderr);
    assert!(!dir.path("odd.pdf").exists());

    // The body set in LXGW WenKai instead of Noto Serif CJK.
    let pdf =
        render_pdf("yiyang-shenpi-2022", &dir.0, &["--font", "正文=fonts/LXGWWenKai-Regular.ttf"]);
    if let Some((_, fonts)) = tool("pdffonts", &[pdf.to_str().unwrap()]) {
        assert!(fonts.contains("LXGWWenKai"), "{fonts}");
    }
    // Not a font, and not a role.
    let run = nianbao(&[
        "render",
        "examples/yiyang-shenpi-2022.yaml",
        "--to",
        "pdf",
        "--font",
        "正文=README.md",
        "-o",
        dir.0.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("README.md") && run.stderr.contains("无法读取字体"),
        "{}",
        run.stderr
    );
    let run = nianbao(&["render", "examples/yiyang-shenpi-2022.yaml", "--font", "脚注=a.ttf"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("「脚注」不是字体的用途"), "{}", run.stderr);
}

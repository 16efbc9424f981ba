//! `nianbao render --to docx`: a package that LibreOffice and python-docx open, with the
//! official tables, the same words as the other outputs, and the same bytes every time.

use std::io::Read;
use std::process::Command;

use crate::examples::EXAMPLES;
use crate::support::{TempDir, external, nianbao, snapshot};

fn render_docx(name: &str, dir: &std::path::Path) -> std::path::PathBuf {
    render_docx_with(name, dir, &[])
}

fn render_docx_with(name: &str, dir: &std::path::Path, extra: &[&str]) -> std::path::PathBuf {
    let file = format!("examples/{name}.yaml");
    let mut args = vec!["render", &file, "--to", "docx", "-o", dir.to_str().unwrap()];
    args.extend_from_slice(extra);
    let run = nianbao(&args);
    assert_eq!(run.code, 0, "{name}: {}", run.stderr);
    dir.join(format!("{name}.docx"))
}

fn part(docx: &std::path::Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(docx).unwrap()).unwrap();
    let mut text = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut text).unwrap();
    text
}

/// `word/document.xml` with one block element per line, for a readable snapshot.
fn pretty(xml: &str) -> String {
    let mut out = xml.to_owned();
    for tag in
        ["<w:body>", "<w:p>", "<w:tbl>", "<w:tr>", "<w:tc>", "<w:sectPr>", "</w:tbl>", "</w:body>"]
    {
        out = out.replace(tag, &format!("\n{tag}"));
    }
    out + "\n"
}

// Every example gives the same bytes twice; one example's document.xml is snapshotted;
// the parts carry the language, styles, repeated headers, page-number fields, metadata
// and the figures.
#[test]
fn docx_package() {
    let (a, b) = (TempDir::new("docx-a"), TempDir::new("docx-b"));
    for (name, _) in EXAMPLES {
        let (x, y) = (render_docx(name, &a.0), render_docx(name, &b.0));
        assert_eq!(std::fs::read(&x).unwrap(), std::fs::read(&y).unwrap(), "{name}: bytes differ");
    }
    let docx = a.path("yiyang-shenpi-2022.docx");
    let document = part(&docx, "word/document.xml");
    snapshot("docx/yiyang-shenpi-2022.document.xml", &pretty(&document));
    assert!(document.contains("<w:tblHeader/>"));
    // Rows keep with the next (w:keepNext in their paragraphs): the sub-heading rows of
    // table 二 with their rows, and so on; a table's last row keeps with nothing.
    let sub_heading = document.find("第二十条第（八）项").unwrap();
    assert!(
        document[..sub_heading].ends_with("<w:keepNext/></w:pPr><w:r><w:t xml:space=\"preserve\">")
    );
    for table in document.split("</w:tbl>").filter(|t| t.contains("<w:tbl>")) {
        let last_row = &table[table.rfind("<w:tr>").unwrap()..];
        assert!(!last_row.contains("<w:keepNext/>"), "{last_row}");
    }
    assert!(
        document.contains("<w:vMerge w:val=\"restart\"/>")
            && document.contains("<w:gridSpan w:val=\"7\"/>")
    );
    assert!(
        document
            .contains("<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1588\"")
    );
    let styles = part(&docx, "word/styles.xml");
    assert!(
        styles.contains("w:eastAsia=\"仿宋_GB2312\"")
            && styles.contains("w:eastAsia=\"方正小标宋简体\"")
    );
    assert!(styles.contains("w:firstLineChars=\"200\"") && styles.contains("w:eastAsia=\"zh-CN\""));
    // The body is justified (GB/T 9704), with no extra space between Chinese and digits
    // in every style, and w:overflowPunct on (LibreOffice reads it as "hang nothing").
    let body = &styles[styles.find("w:styleId=\"BodyGw\"").unwrap()..];
    let body = &body[..body.find("</w:style>").unwrap()];
    assert!(body.contains("<w:jc w:val=\"both\"/>"), "{body}");
    assert_eq!(
        styles
            .matches("<w:overflowPunct/><w:autoSpaceDE w:val=\"0\"/><w:autoSpaceDN w:val=\"0\"/>")
            .count(),
        styles.matches("w:customStyle=\"1\"").count()
    );
    assert!(part(&docx, "word/footer1.xml").contains(" PAGE "));
    assert!(part(&docx, "word/settings.xml").contains("<w:evenAndOddHeaders/>"));
    let core = part(&docx, "docProps/core.xml");
    assert!(
        core.contains("<dc:title>益阳市行政审批服务局2022年政府信息公开工作年度报告</dc:title>")
    );
    assert!(core.contains("<dc:creator>益阳市行政审批服务局</dc:creator>"));
    assert!(core.contains(">2023-01-16T00:00:00Z</dcterms:created>"));
    let data = part(&docx, "customXml/item1.xml");
    assert!(data.contains("&quot;schema&quot;: &quot;nianbao-data&quot;"), "{data}");
}

const PY_TABLES: &str = r#"
import sys, docx
d = docx.Document(sys.argv[1])
for t in d.tables:
    print(len(t.rows), len(t.columns))
"#;

// The 2008 example: the same bytes every time; the 附表 has its header row repeated,
// its items indented and flush left; python-docx finds it with 1 + 65 rows × 3 columns.
#[test]
fn docx_of_the_2008_example() {
    let name = "leiyang-2017-corrected";
    let (a, b) = (TempDir::new("docx-2008-a"), TempDir::new("docx-2008-b"));
    let (x, y) = (render_docx(name, &a.0), render_docx(name, &b.0));
    assert_eq!(std::fs::read(&x).unwrap(), std::fs::read(&y).unwrap(), "bytes differ");
    let document = part(&x, "word/document.xml");
    assert!(document.contains("<w:tblHeader/>"));
    // A table's last row keeps with nothing.
    for table in document.split("</w:tbl>").filter(|t| t.contains("<w:tbl>")) {
        let last_row = &table[table.rfind("<w:tr>").unwrap()..];
        assert!(!last_row.contains("<w:keepNext/>"), "{last_row}");
    }
    assert!(document.contains("<w:ind w:left=\"720\"/><w:jc w:val=\"left\"/>"));
    assert!(document.contains("政府信息公开情况统计表"));
    let Some(python) = external("python3") else { return };
    let probe = Command::new(&python).args(["-c", "import docx"]).output().unwrap();
    if !probe.status.success() {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "python-docx is required under CI");
        return;
    }
    let out = Command::new(&python).args(["-c", PY_TABLES, x.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "66 3\n");
}

// python-docx opens every example and finds the three official tables with their
// official numbers of rows and columns.
#[test]
fn python_docx_reads_the_tables() {
    let Some(python) = external("python3") else { return };
    let probe = Command::new(&python).args(["-c", "import docx"]).output().unwrap();
    if !probe.status.success() {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "python-docx is required under CI");
        eprintln!("skipped: python-docx is not installed");
        return;
    }
    let tmp = TempDir::new("pydocx");
    for (name, _) in EXAMPLES {
        let docx = render_docx(name, &tmp.0);
        let out =
            Command::new(&python).args(["-c", PY_TABLES, docx.to_str().unwrap()]).output().unwrap();
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let shapes = String::from_utf8(out.stdout).unwrap();
        // 二: 2021 has 14 rows, 2019 has 18 rows, both 4 columns; 三: 3 header rows + 25
        // (2021) or 23 (2019) rows × 10 columns; 四: 4 rows × 15 columns.
        let expected =
            if name.contains("2020") { "18 4\n26 10\n4 15\n" } else { "14 4\n28 10\n4 15\n" };
        assert_eq!(shapes, expected, "{name}");
    }
}

// LibreOffice converts every example to PDF without error, and the text of that PDF has
// every heading, every paragraph and every table number.
#[test]
fn libreoffice_converts_with_all_text() {
    let Some(soffice) = external("soffice") else { return };
    let Some(pdftotext) = external("pdftotext") else { return };
    let tmp = TempDir::new("lo");
    let profile = tmp.path("profile");
    for (name, _) in EXAMPLES {
        let docx = render_docx(name, &tmp.0);
        let out = Command::new(&soffice)
            .arg(format!("-env:UserInstallation=file://{}", profile.display()))
            .args([
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp.0.to_str().unwrap(),
                docx.to_str().unwrap(),
            ])
            .output()
            .unwrap();
        let pdf = tmp.path(&format!("{name}.pdf"));
        assert!(
            out.status.success() && pdf.exists(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = Command::new(&pdftotext).args([pdf.to_str().unwrap(), "-"]).output().unwrap();
        // Page numbers (— 3 —) stand between the halves of a paragraph split by a page break.
        let text: String = String::from_utf8(text.stdout)
            .unwrap()
            .lines()
            .filter(|l| !(l.trim().starts_with('—') && l.trim().ends_with('—')))
            .flat_map(str::split_whitespace)
            .collect();
        let html = nianbao(&[
            "render",
            &format!("examples/{name}.yaml"),
            "--to",
            "html",
            "-o",
            tmp.0.to_str().unwrap(),
        ]);
        assert_eq!(html.code, 0);
        let page = std::fs::read_to_string(tmp.path(&format!("{name}.html"))).unwrap();
        let body = &page[page.find("<main").unwrap()..];
        for (open, close) in [
            ("<h2>", "</h2>"),
            ("<h3>", "</h3>"),
            ("<p>", "</p>"),
            ("<td>", "</td>"),
            ("<td colspan=\"3\">", "</td>"),
        ] {
            for piece in body.split(open).skip(1) {
                let inner = &piece[..piece.find(close).unwrap()];
                // The text without the spans of marks set half width in print.
                let mut bare = String::new();
                let mut in_tag = false;
                for c in inner.chars() {
                    match c {
                        '<' => in_tag = true,
                        '>' => in_tag = false,
                        c if !in_tag => bare.push(c),
                        _ => {}
                    }
                }
                let want: String = bare
                    .replace("&amp;", "&")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .split_whitespace()
                    .collect();
                assert!(text.contains(&want), "{name}: «{want}» missing from LibreOffice's PDF");
            }
        }
    }
}

// The figures survive an open-and-save in LibreOffice (the custom XML part is kept).
#[test]
fn figures_survive_a_libreoffice_save() {
    let Some(soffice) = external("soffice") else { return };
    let tmp = TempDir::new("lo-save");
    let docx = render_docx("yiyang-shenpi-2022", &tmp.0);
    let saved = tmp.path("saved");
    let out = Command::new(&soffice)
        .arg(format!("-env:UserInstallation=file://{}", tmp.path("profile").display()))
        .args([
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            saved.to_str().unwrap(),
            docx.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let data = part(&saved.join("yiyang-shenpi-2022.docx"), "customXml/item1.xml");
    assert!(data.contains("urn:nianbao:data:1") && data.contains("nianbao-data"), "{data}");
}

// --embed-fonts: the package carries obfuscated subsets of the bundled fonts, and
// LibreOffice on a machine with no CJK font (only its own symbol font) draws the report
// with them. Without embedding, the same machine has no font for the text at all.
#[test]
fn embedded_fonts_are_used_without_installed_fonts() {
    let (dir, again) = (TempDir::new("docx-embed"), TempDir::new("docx-embed-again"));
    let docx = render_docx_with("yiyang-shenpi-2022", &dir.0, &["--embed-fonts"]);
    let same = render_docx_with("yiyang-shenpi-2022", &again.0, &["--embed-fonts"]);
    assert_eq!(
        std::fs::read(&docx).unwrap(),
        std::fs::read(same).unwrap(),
        "bytes differ between runs"
    );
    let fonts = part(&docx, "word/fontTable.xml");
    for family in ["Noto Serif CJK SC", "Noto Sans CJK SC", "LXGW WenKai"] {
        assert!(fonts.contains(&format!("w:name=\"{family}\"")), "{fonts}");
    }
    assert!(fonts.contains("<w:embedBold r:id=") && fonts.contains("w:subsetted=\"true\""));
    assert!(!fonts.contains("仿宋_GB2312"), "official fonts are named instead of embedded ones");
    assert!(part(&docx, "word/settings.xml").contains("<w:embedTrueTypeFonts/>"));
    assert!(part(&docx, "[Content_Types].xml").contains("Extension=\"odttf\""));
    assert!(part(&docx, "word/styles.xml").contains("w:eastAsia=\"Noto Serif CJK SC\""));
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&docx).unwrap()).unwrap();
    let odttf: Vec<String> =
        zip.file_names().filter(|n| n.ends_with(".odttf")).map(str::to_owned).collect();
    assert_eq!(odttf.len(), 4, "{odttf:?}");
    let mut first = Vec::new();
    zip.by_name(&odttf[0]).unwrap().read_to_end(&mut first).unwrap();
    assert!(first.len() < 1_000_000, "a subset, not the whole font: {} bytes", first.len());

    let (Some(soffice), Some(pdffonts)) = (external("soffice"), external("pdffonts")) else {
        return;
    };
    let conf = dir.path("fonts.conf");
    std::fs::write(
        &conf,
        format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig><dir>/usr/share/fonts/truetype/libreoffice</dir><cachedir>{}</cachedir></fontconfig>\n",
            dir.path("fc-cache").display()
        ),
    )
    .unwrap();
    let out = Command::new(&soffice)
        .env("FONTCONFIG_FILE", &conf)
        .arg(format!("-env:UserInstallation=file://{}", dir.path("profile").display()))
        .args(["--headless", "--convert-to", "pdf", "--outdir", dir.0.to_str().unwrap()])
        .arg(&docx)
        .output()
        .unwrap();
    let pdf = dir.path("yiyang-shenpi-2022.pdf");
    assert!(out.status.success() && pdf.exists(), "{}", String::from_utf8_lossy(&out.stderr));
    let listed = Command::new(pdffonts).arg(&pdf).output().unwrap();
    let listed = String::from_utf8_lossy(&listed.stdout);
    for ps in [
        "NotoSerifCJKsc-Regular",
        "NotoSerifCJKsc-Bold",
        "NotoSansCJKsc-Regular",
        "LXGWWenKai-Regular",
    ] {
        assert!(listed.contains(ps), "LibreOffice did not use the embedded {ps}:\n{listed}");
    }
}

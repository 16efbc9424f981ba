//! `import::pdf::read`: every example rendered to PDF by nianbao and read back (each table's
//! grid holds the official labels and the YAML's figures at their slots, the headings and
//! paragraphs come back in order, the attached figures are found); PDFs made from
//! nianbao's DOCX by LibreOffice, as agencies make them from Word (fixtures, with table 三
//! over three pages); and what must be refused without a panic: a scan, garbage, a cut
//! file, an encrypted file.

use std::path::{Path, PathBuf};
use std::process::Command;

use nianbao::build::{self, Templates};
use nianbao::doc::{self, Document, Entry};
use nianbao::import::{Block, Published, Table, pdf};

use crate::examples::{EXAMPLES, OLD_EXAMPLES};
use crate::support::{TempDir, external, nianbao, root};

/// Where the PDF fixtures are; `README.md` there says how each was made.
fn fixture(name: &str) -> Vec<u8> {
    let path = root().join("tests/fixtures/import/pdf").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn document(name: &str) -> Document {
    let loaded = nianbao::load(&root().join(format!("examples/{name}.yaml"))).unwrap();
    build::document(&loaded.report, &Templates::load(None).unwrap()).unwrap()
}

/// Renders an example to PDF (with `--force` for the one kept with its errors); says
/// whether it is a draft.
fn render(name: &str, dir: &Path) -> (PathBuf, bool) {
    let file = format!("examples/{name}.yaml");
    let run = nianbao(&["render", &file, "--to", "pdf", "--force", "-o", dir.to_str().unwrap()]);
    assert!(run.code == 0 || run.code == 1, "{name}: {}", run.stderr);
    (dir.join(format!("{name}.pdf")), run.code == 1)
}

/// Each row of a table as the texts of the distinct cells it crosses, left to right:
/// independent of how finely a piece of the table is divided into columns.
fn rows(table: &Table) -> Vec<Vec<String>> {
    (0..table.rows())
        .map(|r| {
            let mut seen: Vec<usize> = Vec::new();
            for c in 0..table.cols() {
                let i = table.cells.iter().position(|cell| Some(cell) == table.at(r, c)).unwrap();
                if !seen.contains(&i) {
                    seen.push(i);
                }
            }
            seen.iter().map(|&i| table.cells[i].text.clone()).collect()
        })
        .collect()
}

/// The same of a table nianbao drew.
fn doc_rows(grid: &doc::Grid) -> Vec<Vec<String>> {
    let text = |i: usize| match &grid.entries[i] {
        Entry::Cell(c) => c.text.clone(),
        Entry::Merged { parent } => match &grid.entries[*parent] {
            Entry::Cell(c) => c.text.clone(),
            Entry::Merged { .. } => unreachable!(),
        },
    };
    let id = |i: usize| match &grid.entries[i] {
        Entry::Cell(_) => i,
        Entry::Merged { parent } => *parent,
    };
    (0..grid.rows)
        .map(|r| {
            let mut seen: Vec<usize> = Vec::new();
            for c in 0..grid.cols {
                let i = id(r * grid.cols + c);
                if !seen.contains(&i) {
                    seen.push(i);
                }
            }
            seen.into_iter().map(text).collect()
        })
        .collect()
}

/// The tables and paragraphs of a published report.
fn split(p: &Published) -> (Vec<&Table>, Vec<&str>) {
    let mut tables = Vec::new();
    let mut paras = Vec::new();
    for b in &p.blocks {
        match b {
            Block::Table(t) => tables.push(t),
            Block::Paragraph(s) => paras.push(s.as_str()),
        }
    }
    (tables, paras)
}

/// Checks the tables read against the document's: each document table is the next table
/// read, continued by the tables after it when a page break cut it (their repeated header
/// rows dropped). A continued row may leave blank the label of a cell that spans rows from
/// the page before, as Word and LibreOffice draw it.
fn check_tables(name: &str, doc: &Document, read: &[&Table]) {
    let mut pieces = read.iter();
    for block in &doc.blocks {
        let doc::Block::Table(t) = block else { continue };
        let expected = doc_rows(&t.grid);
        let first = pieces.next().unwrap_or_else(|| panic!("{name}: table {} missing", t.id));
        let mut got: Vec<(Vec<String>, bool)> =
            rows(first).into_iter().map(|r| (r, false)).collect();
        let mut places = vec![first.place.clone()];
        while got.len() < expected.len() {
            let Some(next) = pieces.next() else { break };
            places.push(next.place.clone());
            let mut more = rows(next);
            if more.len() > t.head_rows && more[..t.head_rows] == expected[..t.head_rows] {
                more.drain(..t.head_rows);
            }
            got.extend(more.into_iter().map(|r| (r, true)));
        }
        assert_eq!(got.len(), expected.len(), "{name}: table {} ({places:?}) rows", t.id);
        for (i, ((row, continued), want)) in got.iter().zip(&expected).enumerate() {
            let blank_ok = |k: usize| *continued && row[..=k].iter().all(String::is_empty);
            let same = row.len() == want.len()
                && row.iter().zip(want).enumerate().all(|(k, (a, b))| a == b || blank_ok(k));
            assert!(
                same,
                "{name}: table {} ({places:?}) row {i}:\n  read {row:?}\n  want {want:?}",
                t.id
            );
        }
        // A table read whole has exactly the drawn grid: slots, spans and texts.
        if places.len() == 1 {
            let mut want = Vec::new();
            for (i, e) in t.grid.entries.iter().enumerate() {
                if let Entry::Cell(c) = e {
                    let span = (usize::from(c.rowspan.get()), usize::from(c.colspan.get()));
                    want.push((i / t.grid.cols, i % t.grid.cols, span.0, span.1, c.text.clone()));
                }
            }
            let have: Vec<_> = first
                .cells
                .iter()
                .map(|c| (c.row, c.col, c.rowspan, c.colspan, c.text.clone()))
                .collect();
            assert_eq!(have, want, "{name}: table {} grid", t.id);
        }
    }
    assert!(pieces.next().is_none(), "{name}: more tables read than drawn");
}

/// The paragraphs the document prints, in order: title, byline, headings with their
/// numbers, paragraphs, notes and the signature's lines.
fn doc_paragraphs(doc: &Document, draft: bool) -> Vec<String> {
    let mut out: Vec<String> = draft.then(|| doc::DRAFT_MARK.to_owned()).into_iter().collect();
    out.push(doc.title.clone());
    out.extend(doc.byline.clone());
    for b in &doc.blocks {
        match b {
            doc::Block::Heading { number, text, .. } => out.push(format!("{number}{text}")),
            doc::Block::Para(p) | doc::Block::Note(p) => out.push(p.clone()),
            doc::Block::Signature(lines) => out.extend(lines.iter().cloned()),
            doc::Block::Table(_) => {}
        }
    }
    out
}

/// Checks the paragraphs read against the document's (with the mark above the title of
/// a draft). The title, which the PDF sets on two centred lines, may come back as two
/// paragraphs.
fn check_paragraphs(name: &str, doc: &Document, read: &[&str], draft: bool) {
    let want = doc_paragraphs(doc, draft);
    let t = usize::from(draft);
    let mut got: Vec<String> = read.iter().map(|s| s.to_string()).collect();
    if got.len() > t + 1 && got[t] != want[t] && format!("{}{}", got[t], got[t + 1]) == want[t] {
        let second = got.remove(t + 1);
        got[t].push_str(&second);
    }
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g, w, "{name}: paragraph {i}");
    }
    assert_eq!(got.len(), want.len(), "{name}: paragraphs\n{got:#?}");
}

/// The figures of a row of the YAML (`key: [1, 2, 3]`), as written.
fn yaml_row(name: &str, key: &str) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(root().join(format!("examples/{name}.yaml"))).unwrap();
    let line = text.lines().find(|l| l.trim_start().starts_with(&format!("{key}:")))?;
    let list = line.split_once('[')?.1.split_once(']')?.0;
    Some(list.split(',').map(|s| s.trim().to_owned()).collect())
}

// Every example, rendered by nianbao and read back: the same tables (labels, figures,
// spans), the same headings and paragraphs in the same order, the attached figures.
#[test]
fn examples_read_back_from_nianbao_pdf() {
    let dir = TempDir::new("import-pdf-examples");
    let names = EXAMPLES.iter().map(|e| e.0).chain(OLD_EXAMPLES.iter().map(|e| e.0));
    for name in names {
        let (path, draft) = render(name, &dir.0);
        let bytes = std::fs::read(&path).unwrap();
        let published = pdf::read(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let doc = document(name);
        let (tables, paras) = split(&published);
        check_tables(name, &doc, &tables);
        check_paragraphs(name, &doc, &paras, draft);
        // The figures as the YAML has them, in the row of 本年新收 of table 三 (the 2019
        // and 2021 formats).
        if let Some(figures) = yaml_row(name, "new_received") {
            let row = tables
                .iter()
                .flat_map(|t| rows(t))
                .find(|r| r[0].starts_with("一、本年新收"))
                .unwrap_or_else(|| panic!("{name}: no 本年新收 row"));
            assert_eq!(row[1..=figures.len()], figures[..], "{name}: 本年新收");
        }
        let json = published.embedded.unwrap_or_else(|| panic!("{name}: no nianbao-data"));
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert!(value.is_object(), "{name}: {json}");
    }
}

/// Reads a LibreOffice fixture and checks it against its example.
fn check_fixture(file: &str, name: &str) -> Published {
    let published = pdf::read(&fixture(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    let doc = document(name);
    let (tables, paras) = split(&published);
    check_tables(file, &doc, &tables);
    check_paragraphs(file, &doc, &paras, false);
    assert_eq!(published.embedded, None, "{file}");
    published
}

// A report as agencies publish it: written in a word processor and exported to PDF
// (LibreOffice from nianbao's DOCX: CJK fonts as simple Type 1 subsets with ToUnicode,
// borders stroked cell by cell). Table 三 runs over pages 5 to 7 with its header
// repeated; table 二's last row falls on page 5.
#[test]
fn a_word_processor_pdf_with_table_three_over_three_pages() {
    let published = check_fixture("jiangchuan-2024-libreoffice.pdf", "jiangchuan-ziranziyuan-2024");
    let places: Vec<&str> = published
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t.place.as_str()),
            Block::Paragraph(_) => None,
        })
        .collect();
    assert_eq!(places, ["第 4 页", "第 5 页", "第 5 页", "第 6 页", "第 7 页", "第 7 页"]);
}

// The 2008 format from a word processor: the narrative and the one statistics table.
#[test]
fn a_word_processor_pdf_of_the_2008_format() {
    check_fixture("leiyang-2017-libreoffice.pdf", "leiyang-2017-corrected");
}

/// A scanned report as a scanner writes it: two A4 pages, each one grey image (a
/// page of ruled "text" lines and a table's grid, 100 dpi) and nothing else.
fn scan() -> Vec<u8> {
    use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref};
    let (w, h) = (827u32, 1169u32);
    let mut pixels = vec![255u8; (w * h) as usize];
    for y in 0..h {
        for x in 0..w {
            let text =
                (150..700).contains(&y) && y % 40 < 14 && (100..720).contains(&x) && x % 17 < 13;
            let rule = (750..1050).contains(&y)
                && (100..=720).contains(&x)
                && ((y - 750) % 30 == 0 || (x - 100) % 124 == 0);
            if text || rule {
                pixels[(y * w + x) as usize] = 40;
            }
        }
    }
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut z, &pixels).unwrap();
    let packed = z.finish().unwrap();
    let mut pdf = Pdf::new();
    let (catalog, tree) = (Ref::new(1), Ref::new(2));
    pdf.catalog(catalog).pages(tree);
    let pages: Vec<Ref> = (0..2).map(|i| Ref::new(10 + 3 * i)).collect();
    pdf.pages(tree).kids(pages.iter().copied()).count(2);
    for &page in &pages {
        let (image, content) = (Ref::new(page.get() + 1), Ref::new(page.get() + 2));
        let mut p = pdf.page(page);
        p.parent(tree).media_box(Rect::new(0.0, 0.0, 595.0, 842.0)).contents(content);
        p.resources().x_objects().pair(Name(b"Im1"), image);
        p.finish();
        let mut img = pdf.image_xobject(image, &packed);
        img.filter(Filter::FlateDecode);
        img.width(w as i32).height(h as i32).bits_per_component(8);
        img.color_space().device_gray();
        img.finish();
        let mut c = Content::new();
        c.save_state()
            .transform([595.0, 0.0, 0.0, 842.0, 0.0, 0.0])
            .x_object(Name(b"Im1"))
            .restore_state();
        pdf.stream(content, &c.finish());
    }
    pdf.finish()
}

// A report's web page printed to PDF by a browser, as evaluators keep portal pages:
// Chromium writes Type 3 fonts without names, whose ToUnicode maps many characters to
// look-alike radicals (⼀ for 一, ⻅ for 见) and 「—」 to U+2015; tables break where the
// browser's pages do. Paragraphs and tables come back as nianbao drew them.
#[test]
fn a_browser_printed_web_page() {
    let Some(chromium) = external("chromium") else { return };
    let dir = TempDir::new("import-pdf-browser");
    let name = "jiangchuan-ziranziyuan-2024";
    let file = format!("examples/{name}.yaml");
    let run = nianbao(&["render", &file, "--to", "html", "-o", dir.0.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let printed = dir.path("printed.pdf");
    let out = Command::new(chromium)
        .args(crate::support::CHROMIUM)
        .args(["--no-pdf-header-footer"])
        .arg(format!("--print-to-pdf={}", printed.display()))
        .arg(format!("file://{}", dir.path(&format!("{name}.html")).display()))
        .output()
        .expect("run chromium");
    let bytes = std::fs::read(&printed).unwrap_or_else(|e| {
        panic!("chromium wrote no PDF ({e}): {}", String::from_utf8_lossy(&out.stderr))
    });
    let published = pdf::read(&bytes).unwrap();
    let doc = document(name);
    let (tables, paras) = split(&published);
    check_tables("printed page", &doc, &tables);
    check_paragraphs("printed page", &doc, &paras, false);
}

// A scan (one image a page, no text) is refused, saying what to do.
#[test]
fn a_scan_is_refused() {
    let err = pdf::read(&scan()).unwrap_err();
    assert!(err.0.contains("扫描件") && err.0.contains("Word"), "{err}");
}

// Not a PDF, an empty file, a PDF cut short: refused with a message, never a panic.
#[test]
fn garbage_and_cut_files_are_refused() {
    let not_pdf = pdf::read("年报 2024\n一、总体情况".as_bytes()).unwrap_err();
    assert!(not_pdf.0.contains("不是 PDF"), "{not_pdf}");
    assert!(pdf::read(b"").is_err());
    assert!(pdf::read(b"%PDF-1.7\n").is_err());
    let whole = fixture("leiyang-2017-libreoffice.pdf");
    for cut in [100, 1000, whole.len() / 3, whole.len() / 2, whole.len() - 200] {
        let err = pdf::read(&whole[..cut]).unwrap_err();
        assert!(err.0.contains("不完整") || err.0.contains("损坏"), "cut at {cut}: {err}");
    }
}

// Bytes changed all over a real PDF: whatever comes back, no panic, no hang.
#[test]
fn damaged_pdfs_never_panic() {
    let whole = fixture("leiyang-2017-libreoffice.pdf");
    // A fixed linear congruential sequence: the same damage every run.
    let mut seed: u64 = 0x2024_1231;
    let mut next = || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    for _ in 0..60 {
        let mut bytes = whole.clone();
        for _ in 0..1 + next() % 20 {
            let at = next() % bytes.len();
            bytes[at] = match next() % 4 {
                0 => b'0',
                1 => b' ',
                2 => b'[',
                _ => (next() % 256) as u8,
            };
        }
        let _ = pdf::read(&bytes);
    }
}

/// A PDF written by hand: objects only, no usable cross-reference table (the reader must
/// rebuild it).
fn by_hand(objects: &[&str]) -> Vec<u8> {
    let mut out = String::from("%PDF-1.7\n");
    for (i, o) in objects.iter().enumerate() {
        out += &format!("{} 0 obj\n{o}\nendobj\n", i + 1);
    }
    out += "xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Root 1 0 R /Size 99 >>\nstartxref\n999999\n%%EOF\n";
    out.into_bytes()
}

fn stream(dict: &str, data: &str) -> String {
    format!("<< {dict} /Length {} >>\nstream\n{data}\nendstream", data.len())
}

// Structures that would loop or explode: a page tree that contains itself, a form that
// draws itself, twelve forms each drawing the next four times (16 million drawings), a
// page of a million path operators. Each ends within seconds with a message.
#[test]
fn hostile_structures_end_quickly() {
    let start = std::time::Instant::now();
    let catalog = "<< /Type /Catalog /Pages 2 0 R >>";
    let page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /X 5 0 R >> >> >>";
    let form = |next: usize| {
        stream(
            &format!(
                "/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources << /XObject << /X {next} 0 R >> >>"
            ),
            "0 0 m 50 0 l S /X Do /X Do /X Do /X Do",
        )
    };
    let looped = by_hand(&[
        catalog,
        "<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>",
        page,
        &stream("", "/X Do /X Do /X Do /X Do"),
        &form(5),
    ]);
    assert!(pdf::read(&looped).is_err());
    let mut chain: Vec<String> = vec![
        catalog.into(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(),
        page.into(),
        stream("", "/X Do"),
    ];
    chain.extend((5..17).map(|i| form(i + 1)));
    let chain: Vec<&str> = chain.iter().map(String::as_str).collect();
    let err = pdf::read(&by_hand(&chain)).unwrap_err();
    assert!(err.0.contains("过于复杂"), "{err}");
    let paths = "0 0 m 100 0 l S ".repeat(500_000);
    let many = by_hand(&[
        catalog,
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        &stream("", &paths),
    ]);
    assert!(pdf::read(&many).is_err());
    let limit = if cfg!(debug_assertions) { 60 } else { 5 };
    assert!(start.elapsed().as_secs() < limit, "{:?}", start.elapsed());
}

// Encrypted with an opening password: refused, saying so. Encrypted with only an owner
// password (printing or copying restricted, as portals often publish): read as usual.
#[test]
fn encrypted_pdfs() {
    let Some(qpdf) = external("qpdf") else { return };
    let dir = TempDir::new("import-pdf-encrypted");
    let plain = root().join("tests/fixtures/import/pdf/leiyang-2017-libreoffice.pdf");
    let encrypt = |user: &str, out: &Path| {
        let ok = Command::new(&qpdf)
            .args(["--encrypt", user, "owner-secret", "256", "--"])
            .arg(&plain)
            .arg(out)
            .status()
            .unwrap()
            .success();
        assert!(ok, "qpdf --encrypt");
        std::fs::read(out).unwrap()
    };
    let locked = encrypt("user-secret", &dir.path("locked.pdf"));
    let err = pdf::read(&locked).unwrap_err();
    assert!(err.0.contains("加密"), "{err}");
    let restricted = encrypt("", &dir.path("restricted.pdf"));
    let read = pdf::read(&restricted).unwrap();
    assert_eq!(read, pdf::read(&fixture("leiyang-2017-libreoffice.pdf")).unwrap());
}

// A report of three tables reads in well under 100 ms (a debug build is some five times
// slower than a release build; the benchmark `cargo bench --bench import` has the figure).
#[test]
fn a_three_table_report_reads_quickly() {
    let bytes = fixture("jiangchuan-2024-libreoffice.pdf");
    let mut best = std::time::Duration::MAX;
    for _ in 0..3 {
        let t = std::time::Instant::now();
        pdf::read(&bytes).unwrap();
        best = best.min(t.elapsed());
    }
    let limit = if cfg!(debug_assertions) { 2000 } else { 100 };
    assert!(best.as_millis() < limit, "{best:?}");
}

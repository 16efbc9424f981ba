//! Import speed: `cargo bench --bench import`.
//!
//! Renders every example to HTML, DOCX and PDF (in memory), takes the seed-style text
//! files and the word-processor PDFs of the tests, and imports 100 reports from them in
//! turn — read, map by labels, write
//! the YAML and read it back, as `nianbao import` does — several times. Prints the
//! median time of the 100 and, per kind, the median time of one report. Medians,
//! because the machine is shared.

use std::path::{Path, PathBuf};
use std::time::Instant;

use nianbao::build::{self, Templates};
use nianbao::layout::Narrowed;
use nianbao::load::{import_bytes, load};
use nianbao::write::{docx, html};

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let templates = Templates::builtin().expect("templates");
    // (name, bytes) of every report to import.
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut examples: Vec<PathBuf> = std::fs::read_dir(root.join("examples"))
        .expect("examples")
        .map(|e| e.expect("entry").path())
        .collect();
    examples.sort();
    for path in &examples {
        let loaded = load(path).expect("example loads");
        let doc = build::document(&loaded.report, &templates).expect("document");
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        files.push((format!("{stem}.html"), html::html(&doc, &Narrowed::none()).into_bytes()));
        let d = docx::docx(&doc, &Narrowed::none(), &docx::DocxOptions { embed_fonts: false })
            .expect("docx");
        files.push((format!("{stem}.docx"), d));
        let source = nianbao::source::SourceFile::new(path, String::new());
        let fonts = nianbao::fonts::FontBook::bundled();
        let pdf = nianbao::pipeline::pdf_of(&doc, fonts, &source).expect("pdf");
        files.push((format!("{stem}.pdf"), pdf));
    }
    for name in ["jiangchuan-2024-libreoffice.pdf", "leiyang-2017-libreoffice.pdf"] {
        let path = root.join("tests/fixtures/import/pdf").join(name);
        files.push((name.to_owned(), std::fs::read(path).expect("pdf fixture")));
    }
    let mut seeds: Vec<PathBuf> = std::fs::read_dir(root.join("tests/fixtures/import/seeds"))
        .expect("seeds")
        .map(|e| e.expect("entry").path())
        .collect();
    seeds.sort();
    for path in &seeds {
        let name = path.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        files.push((name, std::fs::read(path).expect("seed")));
    }

    let one = |name: &str, bytes: &[u8]| {
        let t = Instant::now();
        import_bytes(bytes, Path::new(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        t.elapsed().as_secs_f64() * 1000.0
    };
    // Warm up.
    for (name, bytes) in &files {
        one(name, bytes);
    }
    let mut batches = Vec::new();
    let mut per_kind: std::collections::BTreeMap<String, Vec<f64>> = Default::default();
    for _ in 0..7 {
        let t = Instant::now();
        for i in 0..100 {
            let (name, bytes) = &files[i % files.len()];
            let ms = one(name, bytes);
            let kind = Path::new(name).extension().map(|e| e.to_string_lossy().into_owned());
            per_kind.entry(kind.unwrap_or_default()).or_default().push(ms);
        }
        batches.push(t.elapsed().as_secs_f64());
    }
    batches.sort_by(f64::total_cmp);
    println!("import: 100 reports (HTML, DOCX, PDF and text, cycling over {} files)", files.len());
    println!("  median of 7 runs: {:.3} s for 100 reports", batches[batches.len() / 2]);
    for (kind, mut v) in per_kind {
        v.sort_by(f64::total_cmp);
        println!(
            "  one .{kind} report: median {:.1} ms, slowest {:.1} ms ({} imports)",
            v[v.len() / 2],
            v[v.len() - 1],
            v.len()
        );
    }
}

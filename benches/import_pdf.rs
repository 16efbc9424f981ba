//! Import speed, PDF reader: `cargo bench --bench import_pdf`.
//!
//! The examples that check without errors, rendered to PDF by nianbao once, and the
//! word-processor PDFs of `tests/fixtures/import/pdf/`; each read by
//! `import::pdf::read` 31 times (the median per file), then 100 reports read in turn
//! in one process (the median of 7 rounds, per report).
//!
//! Medians, because the machine is shared: compare figures from the same run.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use nianbao::build::Templates;
use nianbao::fonts::FontBook;
use nianbao::import::pdf;

mod support;
use support::{clean_examples, median, ms, pdf_of};

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let examples = clean_examples(&root);
    let templates = Templates::load(None).unwrap();
    let fonts = FontBook::bundled();
    let mut files: Vec<(String, Vec<u8>)> = examples
        .iter()
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            (format!("{name} (nianbao)"), pdf_of(p, &templates, fonts))
        })
        .collect();
    let fixtures = root.join("tests/fixtures/import/pdf");
    let mut word: Vec<PathBuf> = std::fs::read_dir(&fixtures)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    word.sort();
    for p in word {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        files.push((name, std::fs::read(&p).unwrap()));
    }

    for (name, bytes) in &files {
        let published = pdf::read(bytes).expect("reads");
        let tables = published
            .blocks
            .iter()
            .filter(|b| matches!(b, nianbao::import::Block::Table(_)))
            .count();
        let runs: Vec<Duration> = (0..31)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(pdf::read(bytes).unwrap());
                t.elapsed()
            })
            .collect();
        println!(
            "{name}: {} KB, {} blocks, {tables} tables: median {}",
            bytes.len() / 1000,
            published.blocks.len(),
            ms(median(runs))
        );
    }

    let batch: Vec<&Vec<u8>> = files.iter().map(|f| &f.1).cycle().take(100).collect();
    let rounds: Vec<Duration> = (0..7)
        .map(|_| {
            let t = Instant::now();
            for bytes in &batch {
                std::hint::black_box(pdf::read(bytes).unwrap());
            }
            t.elapsed()
        })
        .collect();
    let m = median(rounds);
    println!(
        "100 reports read in one process, 1 thread: median {} in all, {} per report",
        ms(m),
        ms(m / 100)
    );
}

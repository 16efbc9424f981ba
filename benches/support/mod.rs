//! What the PDF benchmarks share: medians, milliseconds, the examples that check
//! without errors, and YAML to PDF bytes through the pipeline.

use std::path::{Path, PathBuf};
use std::time::Duration;

use nianbao::build::Templates;
use nianbao::diag::Severity;
use nianbao::fonts::FontBook;
use nianbao::pipeline::{self, Target};

/// The median of measured times.
pub fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// A time in milliseconds, for printing.
pub fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// The examples that render without `--force` (`leiyang-2017` is kept as published,
/// with its errors, beside its corrected copy), sorted.
pub fn clean_examples(root: &Path) -> Vec<PathBuf> {
    let mut examples: Vec<PathBuf> = std::fs::read_dir(root.join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    examples.sort();
    examples.retain(|p| {
        let loaded = pipeline::load(p).expect("example loads");
        !pipeline::check(&loaded, None).iter().any(|d| d.severity == Severity::Error)
    });
    examples
}

/// YAML text to PDF bytes, through the pipeline `nianbao render --to pdf` calls.
pub fn pdf_of(path: &Path, templates: &Templates, fonts: &FontBook) -> Vec<u8> {
    let loaded = pipeline::load(path).expect("example loads");
    let diagnostics = pipeline::check(&loaded, None);
    let opts = pipeline::Options {
        templates,
        fonts,
        targets: &[Target::Pdf],
        force: false,
        docx: Default::default(),
    };
    let mut rendered = pipeline::render(&loaded, &diagnostics, &opts).expect("pdf");
    rendered.outputs.pop().expect("one output").1
}

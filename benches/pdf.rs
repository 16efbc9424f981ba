//! PDF speed: `cargo bench --bench pdf`.
//!
//! 1. One report in a fresh process: `nianbao render … --to pdf`, started 31 times; the
//!    median wall time (process start, font loading, checks, layout, PDF, writing).
//! 2. 100 reports in one process, YAML text to PDF bytes (the examples that check
//!    without errors, in turn),
//!    on one thread and on two; the median of 7 rounds, per report.
//!
//! Medians, because the machine is shared: compare figures from the same run.

use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

use nianbao::build::Templates;
use nianbao::fonts::FontBook;

mod support;
use support::{clean_examples, median, ms, pdf_of};

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let examples = clean_examples(&root);
    let out = std::env::temp_dir().join(format!("nianbao-bench-{}", std::process::id()));
    std::fs::create_dir_all(&out).unwrap();

    // `-- --in-process`: part 2 on one thread only (for profiling and CPU-time counts).
    let in_process = std::env::args().any(|a| a == "--in-process");

    // 1. Fresh process.
    let one = root.join("examples/yiyang-shenpi-2022.yaml");
    let mut runs = Vec::new();
    for _ in 0..if in_process { 0 } else { 31 } {
        let t = Instant::now();
        let status = Command::new(env!("CARGO_BIN_EXE_nianbao"))
            .args(["render", one.to_str().unwrap(), "--to", "pdf", "-o", out.to_str().unwrap()])
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap();
        runs.push(t.elapsed());
        assert!(status.success());
    }
    if !in_process {
        let size = std::fs::metadata(out.join("yiyang-shenpi-2022.pdf")).unwrap().len();
        println!(
            "one report, fresh process (yiyang-shenpi-2022, {} KB PDF): median {}",
            size / 1000,
            ms(median(runs))
        );
    }

    // 2. 100 reports in one process.
    let templates = Templates::load(None).unwrap();
    let fonts = FontBook::bundled();
    let batch: Vec<&PathBuf> = examples.iter().cycle().take(100).collect();
    pdf_of(batch[0], &templates, fonts); // fonts parsed once, as in a batch run
    for threads in if in_process { &[1usize][..] } else { &[1, 2] } {
        let threads = *threads;
        let mut rounds = Vec::new();
        for _ in 0..7 {
            let t = Instant::now();
            std::thread::scope(|s| {
                for chunk in batch.chunks(batch.len().div_ceil(threads)) {
                    let templates = &templates;
                    s.spawn(move || {
                        for path in chunk {
                            std::hint::black_box(pdf_of(path, templates, fonts));
                        }
                    });
                }
            });
            rounds.push(t.elapsed());
        }
        let m = median(rounds);
        println!(
            "100 reports in one process, {threads} thread{}: median {} in all, {} per report",
            if threads == 1 { "" } else { "s" },
            ms(m),
            ms(m / 100)
        );
    }
    let _ = std::fs::remove_dir_all(&out);
}

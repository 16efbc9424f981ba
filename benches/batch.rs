//! Batch speed and memory: `cargo bench --bench batch`.
//!
//! Generates N department reports (`nianbao::batch::sample`), then runs the release
//! binary `nianbao batch DIR -o OUT -q` several times under `/usr/bin/time` and prints
//! the median wall time and the median peak resident memory:
//!
//! 1. 200 reports × PDF, HTML and DOCX (the acceptance figure: < 2 s, < 300 MB);
//! 2. 1 000 reports × all three (peak memory should stay within 10 % of 1.);
//! 3. 200 reports × PDF only, per report (the figure to compare with Typst's batch,
//!    `benches/typst_compare.py`).
//!
//! `cargo bench --bench batch -- generate DIR N` only writes the N reports into DIR.
//! Medians, because the machine is shared: compare figures from the same run.

use std::path::{Path, PathBuf};
use std::process::Command;

fn generate(dir: &Path, n: usize) {
    std::fs::create_dir_all(dir).unwrap();
    for i in 0..n {
        std::fs::write(
            dir.join(format!("dept-{i:04}.yaml")),
            nianbao::batch::sample::department(i),
        )
        .unwrap();
    }
}

/// One run: wall seconds, peak RSS in MB and CPU seconds (user + system), from GNU time.
fn timed(args: &[&str]) -> (f64, f64, f64) {
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%e %M %U %S"])
        .arg(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .output()
        .expect("run /usr/bin/time");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let last = stderr.lines().last().unwrap_or("");
    let mut it = last.split_whitespace();
    let wall: f64 = it.next().and_then(|s| s.parse().ok()).unwrap_or(f64::NAN);
    let kb: f64 = it.next().and_then(|s| s.parse().ok()).unwrap_or(f64::NAN);
    let user: f64 = it.next().and_then(|s| s.parse().ok()).unwrap_or(f64::NAN);
    let sys: f64 = it.next().and_then(|s| s.parse().ok()).unwrap_or(f64::NAN);
    (wall, kb / 1024.0, user + sys)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn measure(label: &str, dir: &Path, out: &Path, to: &str, runs: usize, per: Option<usize>) -> f64 {
    let mut walls = Vec::new();
    let mut mems = Vec::new();
    let mut cpus = Vec::new();
    for _ in 0..runs {
        let _ = std::fs::remove_dir_all(out);
        let (w, m, c) =
            timed(&["batch", dir.to_str().unwrap(), "-o", out.to_str().unwrap(), "--to", to, "-q"]);
        walls.push(w);
        mems.push(m);
        cpus.push(c);
    }
    let (w, m, c) = (median(walls), median(mems), median(cpus));
    match per {
        Some(n) => println!(
            "{label}: {:.2} s wall, {:.1} ms / report, CPU {:.1} ms / report, peak {:.0} MB (median of {runs})",
            w,
            w * 1000.0 / n as f64,
            c * 1000.0 / n as f64,
            m
        ),
        None => println!("{label}: {w:.2} s wall, peak {m:.0} MB (median of {runs})"),
    }
    m
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    if args.first().map(String::as_str) == Some("generate") {
        let dir = PathBuf::from(args.get(1).expect("generate DIR N"));
        let n = args.get(2).and_then(|n| n.parse().ok()).expect("generate DIR N");
        generate(&dir, n);
        return;
    }
    if !Path::new("/usr/bin/time").exists() {
        println!("skipped: /usr/bin/time (GNU time) is not installed");
        return;
    }
    let base = std::env::temp_dir().join(format!("nianbao-batch-bench-{}", std::process::id()));
    let (d200, d1000, out) = (base.join("200"), base.join("1000"), base.join("out"));
    generate(&d200, 200);
    generate(&d1000, 1000);
    let m200 = measure("200 reports × pdf,html,docx", &d200, &out, "pdf,html,docx", 7, Some(200));
    let m1000 =
        measure("1000 reports × pdf,html,docx", &d1000, &out, "pdf,html,docx", 3, Some(1000));
    println!("peak memory, 1000 vs 200: {:+.1} %", (m1000 / m200 - 1.0) * 100.0);
    measure("200 reports × pdf", &d200, &out, "pdf", 7, Some(200));
    let _ = std::fs::remove_dir_all(&base);
}

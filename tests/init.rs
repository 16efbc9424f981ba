//! `nianbao init`: scaffolds that pass `check`, fresh or from last year's file.

use crate::support::{TempDir, nianbao, nianbao_in, root, snapshot};

// A fresh scaffold of every format passes check (warnings only for empty narrative).
#[test]
fn scaffolds_pass_check() {
    let tmp = TempDir::new("init");
    for format in ["2021", "2019", "2008"] {
        let out = tmp.path(&format!("x{format}.yaml"));
        let run = nianbao(&["init", "--format", format, "-o", out.to_str().unwrap()]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let run = nianbao(&["check", out.to_str().unwrap()]);
        assert_eq!(run.code, 0, "{}", run.stdout);
        assert!(!run.stdout.contains("错误"), "{}", run.stdout);
    }
}

// The scaffold is the same bytes every time, and matches the snapshot.
#[test]
fn scaffold_text() {
    for format in ["2021", "2019", "2008"] {
        let year = match format {
            "2021" => "2024",
            "2019" => "2020",
            _ => "2017",
        };
        let args = ["init", "--format", format, "--year", year, "--agency", "某某市某某局"];
        let a = nianbao(&args);
        let b = nianbao(&args);
        assert_eq!(a.code, 0);
        assert_eq!(a.stdout, b.stdout);
        snapshot(&format!("init/{format}.yaml"), &a.stdout);
    }
}

// Every line of the scaffold that sets a value carries a Chinese comment.
#[test]
fn every_field_is_commented() {
    for format in ["2021", "2019", "2008"] {
        let run = nianbao(&["init", "--format", format, "--year", "2024"]);
        for line in run.stdout.lines() {
            let t = line.trim_start();
            if t.is_empty()
                || t.starts_with('#')
                || t.starts_with("- heading:")
                || t.starts_with("content:")
            {
                continue;
            }
            assert!(line.contains(" # "), "no comment on: {line}");
        }
    }
}

// init --from starts this year's file from last year's: year + 1, 上年结转 from 结转下年度,
// 现行有效件数 carried on, narrative emptied; the result passes check, also with --previous.
#[test]
fn init_from_previous_year() {
    let tmp = TempDir::new("from");
    let out = tmp.path("2024.yaml");
    let prev = "examples/jiangchuan-ziranziyuan-2023.yaml";
    let run = nianbao(&["init", "--from", prev, "-o", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("year: 2024 "));
    assert!(text.contains("name: 江川市自然资源和规划局"));
    let prev_text = std::fs::read_to_string(root().join(prev)).unwrap();
    let row = |t: &str, key: &str| -> String {
        let line = t.lines().find(|l| l.trim_start().starts_with(key)).unwrap();
        let inner = &line[line.find('[').unwrap() + 1..line.find(']').unwrap()];
        inner.split(',').take(6).map(str::trim).collect::<Vec<_>>().join(", ")
    };
    assert_eq!(row(&text, "carried_over:"), row(&prev_text, "carried_forward:"));
    let run = nianbao(&["check", "--previous", prev, out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    for rule in ["W1", "W2"] {
        assert!(!run.stdout.contains(&format!("[{rule}]")), "{}", run.stdout);
    }
}

// init refuses to overwrite a file unless --force, and then writes it whole.
#[test]
fn init_does_not_overwrite() {
    let tmp = TempDir::new("overwrite");
    let out = tmp.path("a.yaml");
    std::fs::write(&out, "keep me").unwrap();
    let run = nianbao(&["init", "-o", out.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("已存在"), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    let run = nianbao(&["init", "--force", "--year", "2024", "-o", out.to_str().unwrap()]);
    assert_eq!(run.code, 0);
    assert!(std::fs::read_to_string(&out).unwrap().starts_with("# 某某市某某局2024年"));
    let leftovers: Vec<_> = std::fs::read_dir(&tmp.0).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "a temporary file was left behind");
}

// --from with an unreadable file, or a year before 2008, exits with 2 and says why.
#[test]
fn init_rejects_bad_input() {
    let run = nianbao(&["init", "--from", "tests/fixtures/invalid/r5-negative.yaml"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("无法读取"), "{}", run.stderr);
    let run = nianbao(&["init", "--year", "2007"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("2008 年"), "{}", run.stderr);
    let tmp = TempDir::new("nodir");
    let run = nianbao_in(&tmp.0, &["init", "-o", "no/such/dir/x.yaml"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("无法写入"), "{}", run.stderr);
}

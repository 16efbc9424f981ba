//! `nianbao check` on the fixtures: exit codes, rule ids and the full text (snapshots).
//!
//! Each fixture states its scenario and expectation in its first lines:
//! `# expect: exit=1 R1` (exit code, then every rule id that must appear and no other),
//! and optionally `# args: --previous …`.

use std::collections::BTreeSet;

use crate::support::{TempDir, external, nianbao, root, rule_ids, snapshot};

struct Expect {
    exit: i32,
    codes: BTreeSet<String>,
    args: Vec<String>,
}

fn expectation(path: &std::path::Path) -> Expect {
    let bytes = std::fs::read(path).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    let line = |tag: &str| {
        text.split(['\n', '\r']).find_map(|l| l.split_once(tag).map(|(_, r)| r.trim().to_owned()))
    };
    let name = path.file_name().unwrap().to_string_lossy();
    // Files that cannot carry a header comment.
    let expect = match name.as_ref() {
        "empty.yaml" => "exit=2 Y2".to_owned(),
        "utf16.yaml" | "zip-given.yaml" => "exit=2 F1".to_owned(),
        _ => line("# expect:").unwrap_or_else(|| "exit=0".to_owned()),
    };
    let mut parts = expect.split_whitespace();
    let exit = parts.next().and_then(|e| e.strip_prefix("exit=")).unwrap().parse().unwrap();
    Expect {
        exit,
        codes: parts.map(str::to_owned).collect(),
        args: line("# args:")
            .map(|a| a.split_whitespace().map(str::to_owned).collect())
            .unwrap_or_default(),
    }
}

fn run_fixtures(dir: &str) {
    let mut entries: Vec<_> =
        std::fs::read_dir(root().join(dir)).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    assert!(entries.len() > 10, "fixtures missing in {dir}");
    let mut failures = Vec::new();
    for path in entries {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let rel = format!("{dir}/{name}.yaml");
        let expect = expectation(&path);
        let mut args: Vec<&str> = vec!["check"];
        args.extend(expect.args.iter().map(String::as_str));
        args.push(&rel);
        let run = nianbao(&args);
        if run.code != expect.exit {
            failures.push(format!(
                "{rel}: exit {} (expected {})\n{}",
                run.code,
                expect.exit,
                run.all()
            ));
        }
        let codes: BTreeSet<String> = rule_ids(&run.stdout).into_iter().collect();
        if codes != expect.codes {
            failures.push(format!(
                "{rel}: rules {codes:?} (expected {:?})\n{}",
                expect.codes,
                run.all()
            ));
        }
        let group = dir.trim_start_matches("tests/fixtures/");
        snapshot(&format!("check/{group}/{name}.txt"), &run.transcript(&args));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

// Every invalid fixture gives its exit code, its rule ids, and the exact text.
#[test]
fn invalid_fixtures() {
    run_fixtures("tests/fixtures/invalid");
}

// Every valid fixture passes, with exactly the warnings it deserves.
#[test]
fn valid_fixtures() {
    run_fixtures("tests/fixtures/valid");
}

// One bad file among several never stops the others; the exit code is the worst.
#[test]
fn many_files_are_all_checked() {
    let run = nianbao(&[
        "check",
        "tests/fixtures/valid/base-2021.yaml",
        "tests/fixtures/invalid/empty.yaml",
        "tests/fixtures/invalid/r1-column.yaml",
        "tests/fixtures/valid/base-2019.yaml",
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.contains("tests/fixtures/valid/base-2019.yaml：通过"), "{}", run.stdout);
    assert!(run.stdout.contains("tests/fixtures/invalid/r1-column.yaml：未通过（1 个错误）"));
    assert!(run.stdout.contains("共 4 个文件：2 个通过，1 个未通过，1 个无法校验"));
}

// A file that does not exist is reported, not a crash.
#[test]
fn missing_file() {
    let run = nianbao(&["check", "tests/fixtures/no-such-file.yaml"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stdout.contains("无法读取文件 tests/fixtures/no-such-file.yaml（文件不存在）"),
        "{}",
        run.stdout
    );
}

// --format json gives rule id, severity, message, file, line and column.
#[test]
fn json_output() {
    let run = nianbao(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/invalid/r1-column.yaml",
        "tests/fixtures/valid/w9-late.yaml",
    ]);
    assert_eq!(run.code, 1);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    assert_eq!(v["version"], 2);
    assert_eq!(v["files"][0]["status"], "errors");
    assert_eq!(v["files"][1]["status"], "ok");
    let d = &v["diagnostics"][0];
    assert_eq!(d["rule"], "R1");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["file"], "tests/fixtures/invalid/r1-column.yaml");
    assert_eq!(d["line"], 52);
    assert_eq!(d["column"], 37);
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("三、收到和处理政府信息公开申请情况「自然人」列不平衡")
    );
    // Every other cell of the balance is a labelled place with its figure.
    let secondary: Vec<&str> =
        d["secondary"].as_array().unwrap().iter().map(|l| l["text"].as_str().unwrap()).collect();
    assert!(secondary.contains(&"二、上年结转 0"), "{secondary:?}");
    assert_eq!(d["primary"]["text"], "一、本年新收 3");
    assert_eq!(v["diagnostics"][1]["rule"], "W9");
    assert_eq!(v["diagnostics"][1]["severity"], "warning");
    snapshot("check-json.txt", &run.stdout);
}

// --previous with several files is a usage error.
#[test]
fn previous_needs_one_file() {
    let run = nianbao(&[
        "check",
        "--previous",
        "tests/fixtures/valid/previous-2023.yaml",
        "tests/fixtures/valid/base-2021.yaml",
        "tests/fixtures/valid/base-2019.yaml",
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--previous 只能配合一个文件使用"));
}

// Bad usage exits with 2 and a Chinese message, never a backtrace.
#[test]
fn bad_usage() {
    let run = nianbao(&["check", "--colour", "x.yaml"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.starts_with("用法错误："), "{}", run.stderr);
    let run = nianbao(&["check"]);
    assert_eq!(run.code, 2);
    let run = nianbao(&["--help"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("校验一个或多个 YAML 文件"));
}

// Every rule of the catalogue has at least one fixture that expects it.
#[test]
fn every_rule_has_a_fixture() {
    let run = nianbao(&["rules"]);
    let ids: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| !l.starts_with(' '))
        .filter_map(|l| l.split(' ').next())
        .collect();
    assert!(ids.len() >= 12, "{}", run.stdout);
    let mut expected = String::new();
    for dir in ["tests/fixtures/invalid", "tests/fixtures/valid", "tests/fixtures/batch"] {
        for e in std::fs::read_dir(root().join(dir)).unwrap() {
            let bytes = std::fs::read(e.unwrap().path()).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            if let Some(line) = text.lines().find(|l| l.starts_with("# expect:")) {
                expected.push_str(line);
                expected.push(' ');
            }
        }
    }
    // P1 is found while rendering (tests/pdf.rs), F2 on published reports
    // (tests/import.rs), I1 only by a defect in nianbao itself.
    for id in ids.into_iter().filter(|id| !["P1", "F2", "I1"].contains(id)) {
        assert!(expected.split_whitespace().any(|w| w == id), "rule {id} has no fixture");
    }
}

// README and docs stay true: the rule table lists every rule, and the input-format page
// contains the current 2021 scaffold.
#[test]
fn docs_match_the_program() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let run = nianbao(&["rules"]);
    for line in run.stdout.lines().filter(|l| !l.starts_with(' ')) {
        let id = line.split(' ').next().unwrap();
        assert!(readme.contains(&format!("| {id} |")), "README lacks rule {id}");
    }
    let docs = std::fs::read_to_string(root().join("docs/input-format.md")).unwrap();
    let scaffold =
        nianbao(&["init", "--format", "2021", "--year", "2024", "--agency", "某某市某某局"]);
    assert!(docs.contains(&scaffold.stdout), "docs/input-format.md has an outdated scaffold");
    let r1 = std::fs::read_to_string(root().join("tests/snapshots/check/invalid/r1-column.txt"))
        .unwrap();
    let shown = readme.split("```text\n").nth(1).unwrap().split("```").next().unwrap();
    assert!(r1.contains(shown), "README's sample message differs from the R1 snapshot");
}

// The one-cell fix is an edit a tool can apply: the cell's YAML path, the value written
// and the value that balances everything, at the cell's place, which is where the
// finding points.
#[test]
fn json_carries_the_fix_as_an_edit() {
    let run =
        nianbao(&["check", "--format", "json", "tests/fixtures/invalid/r1-r2-r3-one-cell.yaml"]);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    let with_fix: Vec<&serde_json::Value> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| !d["fixes"].as_array().unwrap().is_empty())
        .collect();
    assert_eq!(with_fix.len(), 1);
    let fix = &with_fix[0]["fixes"][0];
    assert_eq!(fix["path"], "applications.results.granted[0]");
    assert_eq!((fix["from"].as_str(), fix["to"].as_str()), (Some("3"), Some("4")));
    assert_eq!(fix["span"]["line"], with_fix[0]["line"]);
    assert_eq!(fix["span"]["column"], with_fix[0]["column"]);
}

// No English text of a parser or the system reaches the user: every message, note and
// hint of every fixture is Chinese (YAML keys and values quoted from the file aside).
#[test]
fn no_english_in_any_message() {
    let english = [
        "expected",
        "found",
        "scanning",
        "did not",
        "invalid",
        "unknown",
        "error",
        "line ",
        "column",
        "while ",
        "mapping",
        "sequence",
        "scalar",
        "indentation",
        "os error",
        "permission",
        "denied",
        "not allowed",
        "recursion",
        "limit",
        "magic",
    ];
    let mut bad = Vec::new();
    for dir in ["tests/snapshots/check/invalid", "tests/snapshots/check/valid"] {
        for e in std::fs::read_dir(root().join(dir)).unwrap() {
            let path = e.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            for line in text.lines() {
                let t = line.trim_start();
                let message = t.starts_with("错误") || t.starts_with("警告") || t.starts_with("= ");
                // Quoted keys and values (`…`, 「…」) are the user's own words.
                let mut plain = String::new();
                let mut quoted = false;
                for c in t.chars() {
                    match c {
                        '`' => quoted = !quoted,
                        '「' => quoted = true,
                        '」' => quoted = false,
                        _ if !quoted => plain.push(c),
                        _ => {}
                    }
                }
                let lower = plain.to_lowercase();
                if message && english.iter().any(|w| lower.contains(w)) {
                    bad.push(format!("{}: {line}", path.display()));
                }
            }
        }
    }
    assert!(bad.is_empty(), "English in messages:\n{}", bad.join("\n"));
}

/// Every fixture's and example's `check --format json` output validates against the
/// published JSON Schema (`docs/diagnostics.schema.json`), checked with the Python
/// `jsonschema` package (an implementation independent of ours); and copies broken on
/// purpose do not, so the schema is not vacuous.
#[test]
fn json_output_matches_its_schema() {
    let mut files: Vec<String> = Vec::new();
    for dir in ["tests/fixtures/valid", "tests/fixtures/invalid", "examples"] {
        for entry in std::fs::read_dir(root().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "yaml") {
                files.push(path.strip_prefix(root()).unwrap().to_string_lossy().into_owned());
            }
        }
    }
    files.sort();
    let mut args = vec!["check", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    let run = nianbao(&args);
    assert_eq!(run.code, 2, "some fixtures are unreadable: {}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    assert_eq!(v["files"].as_array().unwrap().len(), files.len(), "one entry per file");

    let Some(python) = external("python3") else { return };
    let has = std::process::Command::new(&python).args(["-c", "import jsonschema"]).status();
    if !has.is_ok_and(|s| s.success()) {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "jsonschema is required under CI");
        eprintln!("skipped: the Python jsonschema package is not installed");
        return;
    }
    let t = TempDir::new("json-schema");
    std::fs::write(t.path("out.json"), &run.stdout).unwrap();
    let script = r#"
import copy, json, sys, jsonschema
schema = json.load(open(sys.argv[1], encoding="utf-8"))
out = json.load(open(sys.argv[2], encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
v = jsonschema.Draft202012Validator(schema)
for e in v.iter_errors(out):
    print("invalid:", list(e.absolute_path), e.message[:300])
def broken(change):
    o = copy.deepcopy(out); change(o); return o
d = lambda o: next(x for x in o["diagnostics"] if x["primary"] and x["rule"])
cases = {
  "rule": lambda o: d(o).update(rule="r1"),
  "extra": lambda o: d(o).update(extra=1),
  "line": lambda o: d(o).update(line=None),
  "severity": lambda o: d(o).update(severity="fatal"),
  "status": lambda o: next(f for f in o["files"] if f["status"] == "errors").update(status="ok"),
  "span": lambda o: d(o)["primary"].pop("bytes"),
  "version": lambda o: o.update(version=1),
}
for name, change in cases.items():
    if v.is_valid(broken(change)):
        print("accepted broken copy:", name)
print("checked", len(out["files"]), len(out["diagnostics"]))
"#;
    let out = std::process::Command::new(&python)
        .args(["-c", script])
        .arg(root().join("docs/diagnostics.schema.json"))
        .arg(t.path("out.json"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        text.trim(),
        format!("checked {} {}", files.len(), v["diagnostics"].as_array().unwrap().len())
    );
}

// A file with ten structural mistakes in different places lists all ten in one run, each
// at its own line (not the first only, and not knock-on errors of the first).
#[test]
fn ten_mistakes_in_one_run() {
    let run = nianbao(&["check", "--format", "json", "tests/fixtures/invalid/ten-mistakes.yaml"]);
    assert_eq!(run.code, 2);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    let lines: Vec<u64> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["line"].as_u64().expect("each at a line"))
        .collect();
    assert_eq!(lines, [16, 17, 20, 36, 42, 53, 86, 95, 102, 107]);
}

// A report checked as printed, with blank cells, gets the same R1–R4 (R6) verdicts as its
// copy with every blank filled with 0 — the evaluators' convention — plus the R5 that
// names the blanks. (A blank total is the one exception: it is derived from its parts,
// so its copy filled with 0 would add a second finding for the same defect; there only R1
// is compared.)
#[test]
fn blanks_give_the_verdicts_of_the_zero_filled_copy() {
    let verdicts = |path: &str, only_r1: bool| -> (Vec<(String, u64)>, Vec<[usize; 2]>) {
        let run = nianbao(&["check", "--format", "json", path]);
        let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
        let mut rules = Vec::new();
        let mut blanks = Vec::new();
        for d in v["diagnostics"].as_array().unwrap() {
            let rule = d["rule"].as_str().unwrap().to_owned();
            if rule == "R5" {
                let labels =
                    std::iter::once(&d["primary"]).chain(d["secondary"].as_array().unwrap());
                for l in labels
                    .filter(|l| l["text"] == "空白" || l["text"].as_str().unwrap().contains("空"))
                {
                    let b = l["bytes"].as_array().unwrap();
                    blanks.push([b[0].as_u64().unwrap() as usize, b[1].as_u64().unwrap() as usize]);
                }
            } else if ["R1", "R6"].contains(&rule.as_str())
                || (!only_r1 && ["R2", "R3", "R4"].contains(&rule.as_str()))
            {
                rules.push((rule, d["line"].as_u64().unwrap()));
            }
        }
        blanks.sort();
        blanks.dedup();
        (rules, blanks)
    };
    let t = TempDir::new("zero-filled");
    let mut compared = 0;
    for (name, only_r1) in [
        ("r5-blank-cell", false),
        ("r5-placeholder", false),
        ("r5-blank-columns", false),
        ("r5-blank-total", true),
        ("r5-blank-2008", false),
    ] {
        let path = format!("tests/fixtures/invalid/{name}.yaml");
        let (as_printed, blanks) = verdicts(&path, only_r1);
        assert!(!blanks.is_empty(), "{name}: no blank located");
        let mut text = std::fs::read_to_string(root().join(&path)).unwrap();
        for [a, b] in blanks.iter().rev() {
            let pad = if text[..*a].ends_with(':') { " 0" } else { "0" };
            text.replace_range(*a..*b, pad);
        }
        let copy = t.path(&format!("{name}.yaml"));
        std::fs::write(&copy, &text).unwrap();
        let (filled, left) = verdicts(copy.to_str().unwrap(), only_r1);
        assert!(left.is_empty(), "{name}: blanks left after filling: {left:?}");
        assert_eq!(as_printed, filled, "{name}: verdicts differ from the zero-filled copy");
        compared += as_printed.len();
    }
    assert!(compared > 0, "no balance verdict was compared");
}

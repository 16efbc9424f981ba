//! `nianbao batch`: a folder of generated reports with a broken and an unbalanced one,
//! the overview page in a real browser, the summaries, names, roll-ups, pairing with
//! last year, `--deny`, exit codes and output that does not depend on thread timing.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use nianbao::batch::sample;

use crate::support::{TempDir, external, nianbao, root};

/// Writes `n` generated departments into `dir`, plus extra files.
fn city(dir: &Path, n: usize, extra: &[(&str, String)]) {
    std::fs::create_dir_all(dir).unwrap();
    for i in 0..n {
        std::fs::write(dir.join(format!("dept-{i:03}.yaml")), sample::department(i)).unwrap();
    }
    for (name, text) in extra {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

/// A generated report with its first new application raised by 900 (R1 fails).
fn unbalanced(i: usize) -> String {
    sample::department(i).replacen("  new_received: [", "  new_received: [900", 1)
}

const MALFORMED: &str = "year: 2024\nagency: [\n";

/// Every file under `dir`, relative path → bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                let rel = p.strip_prefix(base).unwrap().to_string_lossy().into_owned();
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

// The acceptance scenario in small: every good report is rendered, the unbalanced and
// the malformed file are named on stderr with their messages, in index.html and in the
// summaries, and the exit code is 2 (a file could not be read).
#[test]
fn a_city_with_a_broken_and_an_unbalanced_file() {
    let t = TempDir::new("batch-city");
    let input = t.path("in");
    city(
        &input,
        12,
        &[("sub/zz-unbalanced.yaml", unbalanced(40)), ("zz-malformed.yaml", MALFORMED.into())],
    );
    let out = t.path("out");
    let run = nianbao(&["batch", s(&input), "-o", s(&out)]);
    assert_eq!(run.code, 2, "{}", run.all());
    let last = run.stderr.lines().last().unwrap();
    assert!(
        last.starts_with("未通过 2 份：")
            && last.contains("zz-unbalanced.yaml")
            && last.contains("zz-malformed.yaml"),
        "{last}"
    );
    assert!(run.stderr.contains("错误[R1]"), "{}", run.stderr);
    assert!(run.stderr.contains("YAML 格式错误"), "{}", run.stderr);
    assert!(run.stderr.contains("进度：14/14 份"), "{}", run.stderr);
    // Every good report in all three formats, named after the agency.
    for i in 0..12 {
        let name = sample::agency(i);
        for ext in ["pdf", "html", "docx"] {
            let p = out.join(&name).join(format!("{name}.{ext}"));
            assert!(p.is_file(), "{} missing", p.display());
        }
    }
    let unbalanced_name = sample::agency(40);
    assert!(!out.join(&unbalanced_name).join(format!("{unbalanced_name}.pdf")).exists());

    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("zz-malformed.yaml") && index.contains("无法读取"));
    assert!(index.contains("zz-unbalanced.yaml") && index.contains("有错误"));
    assert!(index.contains("列不平衡"), "the R1 message is in the page");
    assert!(!index.contains("http://") && !index.contains("https://"), "no network");

    let csv = std::fs::read_to_string(out.join("summary.csv")).unwrap();
    assert!(csv.starts_with('\u{feff}'), "CSV has a BOM for Excel and WPS");
    // Records end with CRLF; a field may hold line feeds (several findings).
    assert_eq!(csv.matches("\r\n").count(), 1 + 14);
    let header = csv.lines().next().unwrap();
    for label in
        [nianbao::format::common::APP_COLUMNS[0].0, nianbao::format::common::REVIEW_COLUMNS[0]]
    {
        assert!(header.contains(label), "header lacks {label}");
    }
    assert!(csv.contains("zz-malformed.yaml") && csv.contains("无法读取"));
    assert!(csv.contains("错误[R1]"));

    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("summary.json")).unwrap()).unwrap();
    let reports = json["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 14);
    assert_eq!(json["totals"]["reports"], 13);
    let first = &reports[0];
    assert_eq!(first["status"], "pass");
    let columns = json["columns"].as_array().unwrap();
    let at = columns.iter().position(|c| c["key"] == "applications.new_received.total").unwrap();
    assert!(first["figures"][at].as_i64().is_some());
    assert_eq!(first["figures"].as_array().unwrap().len(), columns.len());

    // The workbook: the same rows, a totals row and a frozen header.
    let mut zip = zip::ZipArchive::new(std::fs::File::open(out.join("summary.xlsx")).unwrap())
        .expect("summary.xlsx is a zip");
    let mut sheet = String::new();
    zip.by_name("xl/worksheets/sheet1.xml").unwrap().read_to_string(&mut sheet).unwrap();
    assert!(sheet.contains("state=\"frozen\""), "frozen header");
    assert_eq!(sheet.matches("<row ").count(), 1 + 14 + 1, "header, reports, totals");
    assert!(sheet.contains("合计") && sheet.contains("zz-malformed.yaml"));
    openpyxl_reads(&out.join("summary.xlsx"), 14);
}

/// Opens the workbook with openpyxl (a reader independent of ours): the sheet, its rows,
/// the frozen header and the totals row.
fn openpyxl_reads(path: &Path, reports: usize) {
    let Some(python) = external("python3") else { return };
    let has = Command::new(&python).args(["-c", "import openpyxl"]).status().unwrap();
    if !has.success() {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "openpyxl is required under CI");
        eprintln!("skipped: openpyxl is not installed");
        return;
    }
    let script = "import sys, openpyxl\nws = openpyxl.load_workbook(sys.argv[1]).active\nprint(ws.title, ws.max_row, ws.freeze_panes, ws.cell(ws.max_row, 1).value, ws.cell(1, 1).font.b)";
    let out = Command::new(&python).args(["-c", script]).arg(path).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        text.trim(),
        format!("汇总 {} C2 合计 True", reports + 2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn exit_codes_and_deny() {
    let t = TempDir::new("batch-exit");
    let good = t.path("good");
    city(&good, 3, &[]);
    let run = nianbao(&["batch", s(&good), "-o", s(&t.path("o1")), "--to", "html", "-q"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert_eq!(run.stderr.lines().last(), Some("全部通过"));
    assert!(!run.stderr.contains("进度"), "--quiet shows no progress");

    // A quoted pattern, as on Windows where the shell does not expand it.
    let pattern = format!("{}/dept-00*.yaml", s(&good));
    let run = nianbao(&["batch", &pattern, "-o", s(&t.path("o7")), "--to", "html", "-q"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(run.stderr.contains("共 3 份"), "{}", run.stderr);

    let bad = t.path("bad");
    city(&bad, 2, &[("zz.yaml", unbalanced(7))]);
    let run = nianbao(&["batch", s(&bad), "-o", s(&t.path("o2")), "--to", "html"]);
    assert_eq!(run.code, 1, "{}", run.all());

    // A late report passes with a warning, and fails with --deny W9.
    let late = t.path("late");
    city(
        &late,
        0,
        &[(
            "late.yaml",
            sample::department(3)
                .replace("publication_date: 2025-01-", "publication_date: 2025-03-"),
        )],
    );
    let run = nianbao(&["batch", s(&late), "-o", s(&t.path("o3")), "--to", "html"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(run.stderr.contains("警告[W9]"));
    let run = nianbao(&["batch", s(&late), "-o", s(&t.path("o4")), "--to", "html", "--deny", "w9"]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(run.stderr.lines().last().unwrap().contains("late.yaml"));
    let run = nianbao(&["batch", s(&late), "-o", s(&t.path("o5")), "--deny", "R1"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("只能写警告编号"), "{}", run.stderr);
    let run = nianbao(&["batch", s(&t.path("nothing-here")), "-o", s(&t.path("o6"))]);
    assert_eq!(run.code, 2);

    // An output folder that cannot be written: exit 2, the file named.
    let blocked = t.path("blocked");
    std::fs::write(&blocked, "a file, not a folder").unwrap();
    let run = nianbao(&["batch", s(&good), "-o", s(&blocked), "--to", "html"]);
    assert_eq!(run.code, 2, "{}", run.all());
}

// Two inputs of one agency both survive, deterministically; unsafe agency names become
// safe folder names.
#[test]
fn names_are_safe_and_unique() {
    let t = TempDir::new("batch-names");
    let input = t.path("in");
    let evil = sample::department(1).replace(&sample::agency(1), "../CON");
    city(
        &input,
        0,
        &[("a.yaml", sample::department(0)), ("b.yaml", sample::department(0)), ("c.yaml", evil)],
    );
    let out = t.path("out");
    let run = nianbao(&["batch", s(&input), "-o", s(&out), "--to", "html"]);
    assert_eq!(run.code, 0, "{}", run.all());
    let name = sample::agency(0);
    assert!(out.join(&name).join(format!("{name}.html")).is_file());
    assert!(out.join(format!("{name}-2")).join(format!("{name}-2.html")).is_file());
    assert!(out.join("_CON").join("_CON.html").is_file(), "{:?}", tree(&out).keys());
    assert!(!t.0.join("CON").exists());
}

// The same inputs give the same bytes, on one thread or two, in every output.
#[test]
fn output_does_not_depend_on_threads() {
    let t = TempDir::new("batch-determinism");
    let input = t.path("in");
    city(&input, 8, &[("zz.yaml", unbalanced(9)), ("zz-malformed.yaml", MALFORMED.into())]);
    let run1 = nianbao(&["batch", s(&input), "-o", s(&t.path("o1")), "-j", "1"]);
    let run2 = nianbao(&["batch", s(&input), "-o", s(&t.path("o2")), "-j", "2"]);
    assert_eq!(run1.code, 2);
    assert_eq!(run1.stderr.replace("o1", "o2"), run2.stderr);
    let (a, b) = (tree(&t.path("o1")), tree(&t.path("o2")));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (k, v) in &a {
        assert!(v == &b[k], "{k} differs between -j 1 and -j 2");
    }
}

// A report declaring `scope: 汇总` is checked cell by cell against the others (W10),
// with both numbers and its place in the YAML; `check` alone does not know the others.
#[test]
fn rollup_is_checked_against_the_others() {
    let t = TempDir::new("batch-rollup");
    let run = nianbao(&["batch", "tests/fixtures/batch", "-o", s(&t.path("out")), "--to", "html"]);
    assert_eq!(run.code, 0, "{}", run.all());
    let w10: Vec<&str> = run.stderr.lines().filter(|l| l.starts_with("警告[W10]")).collect();
    assert_eq!(w10.len(), 1, "{}", run.stderr);
    assert!(w10[0].contains("是 5") && w10[0].contains("之和是 4"), "{}", w10[0]);
    assert!(run.stderr.contains("rollup-government.yaml:"), "located in the YAML");
    let run = nianbao(&["batch", "tests/fixtures/batch", "-o", s(&t.path("o2")), "--deny", "W10"]);
    assert_eq!(run.code, 1);
    let check = nianbao(&["check", "tests/fixtures/batch/rollup-government.yaml"]);
    assert_eq!(check.code, 0, "{}", check.all());
}

// --previous pairs by agency name (then by file stem) and runs W1 for everyone;
// agencies without last year's file are listed.
#[test]
fn previous_year_is_paired_by_agency() {
    let t = TempDir::new("batch-previous");
    let input = t.path("2024");
    city(&input, 3, &[]);
    let prev = t.path("2023");
    // Last year's report of department 0: carried forward differs from this year's
    // carried over, so W1 fires; department 1 has none.
    let last = sample::department(0)
        .replace("year: 2024", "year: 2023")
        .replace("publication_date: 2025-", "publication_date: 2024-")
        .replace("  carried_forward: [", "  carried_forward: [77");
    city(
        &prev,
        0,
        &[
            ("renamed.yaml", last),
            (
                "dept-002-2023.yaml",
                sample::department(2)
                    .replace("year: 2024", "year: 2023")
                    .replace("publication_date: 2025-", "publication_date: 2024-")
                    .replace(&sample::agency(2), "改了名字的局"),
            ),
        ],
    );
    let run = nianbao(&[
        "batch",
        s(&input),
        "-o",
        s(&t.path("out")),
        "--to",
        "html",
        "--previous",
        s(&prev),
    ]);
    assert!(run.stderr.contains("警告[W1]"), "{}", run.stderr);
    assert!(run.stderr.contains("没有找到上一年度报告的机关（1 个"), "{}", run.stderr);
    assert!(run.stderr.contains(&sample::agency(1)));
}

// `check` takes folders like `batch`, and its JSON carries each report's figures.
#[test]
fn check_takes_folders_and_reports_figures() {
    let run = nianbao(&["check", "tests/fixtures/batch", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.all());
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 3);
    assert_eq!(files[0]["data"]["schema"], "nianbao-data");
    assert!(files[0]["data"]["applications"]["rows"]["new_received"].is_array());
}

// Generated reports are valid and varied.
#[test]
fn generated_reports_pass_and_differ() {
    let mut names = std::collections::BTreeSet::new();
    for i in 0..300 {
        let text = sample::department(i);
        let file = nianbao::source::SourceFile::new(format!("gen-{i}.yaml"), text);
        let loaded = nianbao::load::load_source(file).unwrap_or_else(|e| panic!("{i}: {e:?}"));
        let diags = nianbao::pipeline::check(&loaded, None);
        assert!(diags.is_empty(), "report {i}: {diags:?}");
        names.insert(loaded.report.agency.name);
    }
    assert_eq!(names.len(), 300, "agency names are unique");
}

/// Loads `page` in headless Chromium with `script` run after the page's own, and
/// returns the DOM afterwards.
fn browser_dom(chromium: &Path, page: &Path, script: &str) -> String {
    let html = std::fs::read_to_string(page).unwrap();
    let probe = "<script>window.addEventListener('error',function(e){document.documentElement.setAttribute('data-error',String(e.message));});</script>";
    let html = html.replacen("<head>", &format!("<head>{probe}"), 1).replacen(
        "</body>",
        &format!("<script>{script}</script></body>"),
        1,
    );
    let test_page: PathBuf = page.with_file_name("probe.html");
    std::fs::write(&test_page, html).unwrap();
    let out = Command::new(chromium)
        .args(crate::support::CHROMIUM)
        .args(["--virtual-time-budget=2000", "--dump-dom"])
        .arg(format!("file://{}", test_page.display()))
        .output()
        .expect("run chromium");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

// The overview in a real browser: it loads without errors, sorting by a column and
// filtering by text and status work.
#[test]
fn overview_sorts_and_filters_in_a_browser() {
    let Some(chromium) = external("chromium") else { return };
    let t = TempDir::new("batch-browser");
    let input = t.path("in");
    city(
        &input,
        5,
        &[("zz-unbalanced.yaml", unbalanced(30)), ("zz-malformed.yaml", MALFORMED.into())],
    );
    let out = t.path("out");
    let run = nianbao(&["batch", s(&input), "-o", s(&out), "--to", "html", "-q"]);
    assert_eq!(run.code, 2);
    let script = r#"
var th=document.querySelectorAll('#reports th');
th[6].click(); th[6].click();
var first=document.querySelector('#reports tbody tr').getAttribute('data-status');
var q=document.getElementById('q'); q.value='zz-malformed'; q.dispatchEvent(new Event('input'));
var visible=Array.prototype.filter.call(document.querySelectorAll('#reports tbody tr'),function(r){return !r.hidden;}).length;
q.value=''; q.dispatchEvent(new Event('input'));
var st=document.getElementById('status'); st.value='pass'; st.dispatchEvent(new Event('change'));
var passing=Array.prototype.filter.call(document.querySelectorAll('#reports tbody tr'),function(r){return !r.hidden;}).length;
document.body.setAttribute('data-result', first+'|'+visible+'|'+passing+'|'+document.getElementById('shown').textContent);
"#;
    let dom = browser_dom(&chromium, &out.join("index.html"), script);
    assert!(dom.contains("data-ready=\"1\""), "the page's script ran:\n{dom}");
    let error = dom.split("data-error=\"").nth(1).map(|e| e.split('"').next().unwrap_or(""));
    assert_eq!(error, None, "script error");
    // Sorted by the number of findings, descending: the unbalanced file (R1 and more)
    // or the malformed one comes first, not a passing report.
    let result = dom.split("data-result=\"").nth(1).and_then(|r| r.split('"').next()).unwrap();
    let parts: Vec<&str> = result.split('|').collect();
    assert_ne!(parts[0], "pass", "{result}");
    assert_eq!(parts[1], "1", "filter by text: {result}");
    assert_eq!(parts[2], "5", "filter by status: {result}");
    assert_eq!(parts[3], "显示 5 / 7 份");
    assert!(dom.contains("<svg"), "the chart is inline SVG");
}

#[test]
fn help_lists_the_batch_options() {
    let run = nianbao(&["batch", "--help"]);
    assert_eq!(run.code, 0);
    for opt in ["--previous", "--deny", "--jobs", "--quiet", "--to", "--force"] {
        assert!(run.stdout.contains(opt), "{opt}");
    }
    let _ = root();
}

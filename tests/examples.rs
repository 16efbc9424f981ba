//! The bundled examples: each passes `check` with exactly the warnings it deserves, and a
//! one-number change that breaks R1 is reported with the table, column, values and line.

use crate::support::{TempDir, nianbao, root, rule_ids};

/// Every example and the warnings it must give (in order of appearance).
pub const EXAMPLES: &[(&str, &[&str])] = &[
    // Seed 000: 处理决定数量 = 上一年项目数量 + 本年增/减 in 行政许可 and 行政处罚.
    ("hengyang-minzheng-2020", &["W7", "W7"]),
    // Seed 001: a district government, published before 31 March.
    ("sanming-meilie-2020", &[]),
    // Seed 003: no 信息处理费 statement in 六.
    ("yiyang-shenpi-2022", &["W4"]),
    // Seed 004: W7 in 行政许可, 其他对外管理服务事项 and 行政处罚.
    ("qingyuan-minzheng-2020", &["W7", "W7", "W7"]),
    // Invented, with non-zero figures everywhere, and its previous year.
    ("jiangchuan-ziranziyuan-2023", &[]),
    ("jiangchuan-ziranziyuan-2024", &[]),
];

/// The examples of the 2008 format (the old 条例), with the exit code and the findings
/// `check` must give (in order of appearance).
pub const OLD_EXAMPLES: &[(&str, i32, &[&str])] = &[
    // The figures of 耒阳市 2017 as published: 申请答复数 7 against sub-items summing to 14,
    // 行政复议数量 and 行政诉讼数量 1 against sub-items of 0, published 2017-03-15.
    ("leiyang-2017", 1, &["D1", "R6", "R6", "R6"]),
    // The same with the sums made to hold and dated 2018.
    ("leiyang-2017-corrected", 0, &[]),
];

// Each example passes with the warnings listed above, and no example is left unlisted.
#[test]
fn examples_pass_with_their_warnings() {
    let mut on_disk: Vec<String> = std::fs::read_dir(root().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = EXAMPLES.iter().map(|(n, _)| (*n).to_owned()).collect();
    listed.extend(OLD_EXAMPLES.iter().map(|(n, _, _)| (*n).to_owned()));
    listed.sort();
    assert_eq!(on_disk, listed, "examples/ and the EXAMPLES table differ");
    for (name, warnings) in EXAMPLES {
        let run = nianbao(&["check", &format!("examples/{name}.yaml")]);
        assert_eq!(run.code, 0, "{name}\n{}", run.stdout);
        assert_eq!(rule_ids(&run.stdout), *warnings, "{name}\n{}", run.stdout);
    }
    for (name, code, findings) in OLD_EXAMPLES {
        let run = nianbao(&["check", &format!("examples/{name}.yaml")]);
        assert_eq!(run.code, *code, "{name}\n{}", run.stdout);
        assert_eq!(rule_ids(&run.stdout), *findings, "{name}\n{}", run.stdout);
    }
}

// The 耒阳 2017 example: each sum that does not add up and the impossible date, at the
// YAML line of the parent cell (the date), naming the items and both numbers.
#[test]
fn leiyang_2017_findings_point_at_their_lines() {
    let file = "examples/leiyang-2017.yaml";
    let text = std::fs::read_to_string(root().join(file)).unwrap();
    let line_of = |prefix: &str, nth: usize| {
        text.lines()
            .enumerate()
            .filter(|(_, l)| l.trim_start().starts_with(prefix))
            .nth(nth)
            .unwrap()
            .0
            + 1
    };
    let run = nianbao(&["check", file]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let blocks: Vec<&str> = run.stdout.split("\n\n").collect();
    let expect = [
        ("错误[D1]", line_of("publication_date:", 0), "2017年3月15日"),
        ("错误[R6]", line_of("answered:", 0), "「（三）申请答复数」7 不等于其下 8 项之和"),
        ("错误[R6]", line_of("total:", 0), "「四、行政复议数量」1 不等于其下 3 项之和"),
        ("错误[R6]", line_of("total:", 1), "「五、行政诉讼数量」1 不等于其下 3 项之和"),
    ];
    for (i, (head, line, words)) in expect.iter().enumerate() {
        let b = blocks[i];
        assert!(b.starts_with(head) && b.contains(words), "{b}");
        assert!(b.contains(&format!("{file}:{line}:")), "line {line}:\n{b}");
    }
    assert!(blocks[1].contains("= 14，相差 7"), "{}", blocks[1]);
}

// Changing one figure of the corrected 2008 example breaks R6 at that sum, and the
// one-cell fix names the cell and the value that restores it.
#[test]
fn changing_one_number_breaks_r6() {
    let tmp = TempDir::new("r6");
    let text =
        std::fs::read_to_string(root().join("examples/leiyang-2017-corrected.yaml")).unwrap();
    let text = text.replacen("    received: 7\n", "    received: 8\n", 1);
    let path = tmp.path("changed.yaml");
    std::fs::write(&path, text).unwrap();
    let run = nianbao(&["check", path.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert_eq!(rule_ids(&run.stdout), ["R6"], "{}", run.stdout);
    assert!(
        run.stdout.contains("「（一）收到申请数」8 不等于其下 4 项之和 0 + 0 + 7 + 0 = 7，相差 1"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("若将「（一）收到申请数」由 8 改为 7"), "{}", run.stdout);
}

// The invented report and its previous year agree on 结转 and 现行有效件数 (W1, W2).
#[test]
fn previous_year_agrees() {
    let run = nianbao(&[
        "check",
        "--previous",
        "examples/jiangchuan-ziranziyuan-2023.yaml",
        "examples/jiangchuan-ziranziyuan-2024.yaml",
    ]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(rule_ids(&run.stdout).is_empty(), "{}", run.stdout);
}

// Raising the first number of 一、本年新收 in any example breaks R1 in the 自然人 column:
// exit 1, and the message names the table, the column, both sides and the YAML line.
#[test]
fn changing_one_number_breaks_r1() {
    let tmp = TempDir::new("r1");
    for (name, _) in EXAMPLES {
        let text = std::fs::read_to_string(root().join(format!("examples/{name}.yaml"))).unwrap();
        let (line_no, line) = text
            .lines()
            .enumerate()
            .find(|(_, l)| l.trim_start().starts_with("new_received:"))
            .unwrap_or_else(|| panic!("{name} has no new_received row"));
        let open = line.find('[').unwrap();
        let digits: String = line[open + 1..].chars().take_while(char::is_ascii_digit).collect();
        let old: i64 = digits.parse().unwrap();
        let changed = format!("{}{}{}", &line[..=open], old + 1, &line[open + 1 + digits.len()..]);
        let text = text.replacen(line, &changed, 1);
        let path = tmp.path(&format!("{name}.yaml"));
        std::fs::write(&path, text).unwrap();
        let run = nianbao(&["check", path.to_str().unwrap()]);
        assert_eq!(run.code, 1, "{name}\n{}", run.stdout);
        let r1 = run
            .stdout
            .split("\n\n")
            .find(|block| block.starts_with("错误[R1]"))
            .unwrap_or_else(|| panic!("{name}: no R1 error\n{}", run.stdout));
        assert!(r1.contains("三、收到和处理政府信息公开申请情况「自然人」列不平衡"), "{r1}");
        assert!(r1.contains(&format!("第一项加第二项 {} + ", old + 1)), "{r1}");
        assert!(r1.contains("第三项（七）总计加第四项"), "{r1}");
        assert!(r1.contains("相差 1"), "{r1}");
        assert!(r1.contains(&format!("{name}.yaml:{}:{}", line_no + 1, open + 2)), "{r1}");
    }
}

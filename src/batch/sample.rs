//! Generated department reports for the tests and the benchmark: valid (every balance
//! holds, published on time), varied (names, figures, text lengths) and reproducible
//! (the `i`-th report is always the same).
//!
//! The YAML keys come from the format catalogue, so a generated file always matches the
//! current input format.

use std::fmt::Write as _;

use crate::format::{Format, Json, RowKind, ValueKind};

/// Bureaus of a city, combined with districts for more than their number of reports.
const BUREAUS: &[&str] = &[
    "发展和改革委员会",
    "教育局",
    "科学技术局",
    "工业和信息化局",
    "公安局",
    "民政局",
    "司法局",
    "财政局",
    "人力资源和社会保障局",
    "自然资源和规划局",
    "生态环境局",
    "住房和城乡建设局",
    "交通运输局",
    "水利局",
    "农业农村局",
    "商务局",
    "文化广电旅游局",
    "卫生健康委员会",
    "退役军人事务局",
    "应急管理局",
    "审计局",
    "市场监督管理局",
    "统计局",
    "医疗保障局",
    "林业局",
    "城市管理局",
    "行政审批服务局",
    "体育局",
    "人民防空办公室",
    "数据资源局",
];

const DISTRICTS: &[&str] = &["", "东城区", "西城区", "南山区", "北湖区", "江北区", "高新区"];

const SENTENCES: &[&str] = &[
    "本年度按照政务公开工作要点，做到应公开尽公开。",
    "围绕群众关心的重点领域，及时发布政策文件和办事指南。",
    "依申请公开办理流程进一步规范，答复均在法定期限内作出。",
    "政府信息管理制度持续完善，公开前审查和保密审查同步进行。",
    "门户网站栏目设置得到优化，信息检索更加便捷。",
    "政策解读采用图解、问答等多种形式，便于公众理解。",
    "监督保障方面，将政务公开纳入年度绩效考核，开展业务培训两次。",
];

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next() % n }
    }
}

/// The agency name of the `i`-th generated department.
pub fn agency(i: usize) -> String {
    let district = DISTRICTS[(i / BUREAUS.len()) % DISTRICTS.len()];
    let round = i / (BUREAUS.len() * DISTRICTS.len());
    let suffix = if round == 0 { String::new() } else { format!("第{}分局", round + 1) };
    format!("江川市{district}{}{suffix}", BUREAUS[i % BUREAUS.len()])
}

fn paragraphs(rng: &mut Rng, out: &mut String, indent: &str) {
    let n = 1 + rng.below(3);
    for _ in 0..n {
        let mut p = String::new();
        for _ in 0..1 + rng.below(4) {
            p.push_str(SENTENCES[rng.below(SENTENCES.len() as u64) as usize]);
        }
        let _ = writeln!(out, "{indent}- {p}");
    }
}

/// The YAML of the `i`-th generated department report (year 2024, 2021 format).
pub fn department(i: usize) -> String {
    let mut rng = Rng(i as u64 ^ 0x6e69_616e_6261_6f00);
    let year = 2024;
    let spec = Format::for_year(year).unwrap_or(Format::for_year(2021).expect("a format")).spec();
    let mut y = String::new();
    let _ = writeln!(
        y,
        "# 生成的测试报告 {i}\nyear: {year}\nagency:\n  name: {}\n  level: department",
        agency(i)
    );
    let _ = writeln!(y, "publication_date: {}-01-{:02}", year + 1, 10 + rng.below(20));
    y.push_str("overview:\n");
    for heading in ["主动公开", "依申请公开", "政府信息管理", "平台建设", "监督保障"]
    {
        let _ = writeln!(y, "  - heading: {heading}\n    content:");
        paragraphs(&mut rng, &mut y, "      ");
    }
    // 二: every row of the catalogue, in its shape.
    let scale = 1 + rng.below(20);
    y.push_str("proactive:\n");
    for group in spec.proactive {
        for row in group.rows {
            let values: Vec<String> = group
                .columns
                .iter()
                .map(|c| match c.kind {
                    ValueKind::Money => format!("{}.{:02}", rng.below(5000), rng.below(100)),
                    _ => (rng.below(40) * scale).to_string(),
                })
                .collect();
            match row.json {
                Json::Scalar => {
                    let _ = writeln!(y, "  {}: {}", row.key, values[0]);
                }
                _ => {
                    // Documents in force are never fewer than those issued this year.
                    let mut v = values;
                    if v.len() == 3 {
                        let issued: u64 = v[0].parse().unwrap_or(0);
                        v[2] = (issued + rng.below(50)).to_string();
                    }
                    let _ = writeln!(y, "  {}: [{}]", row.key, v.join(", "));
                }
            }
        }
    }
    // 三: per column, new + carried over = results + carried forward.
    let results: Vec<&str> =
        spec.applications.iter().filter(|r| r.kind == RowKind::Result).map(|r| r.key).collect();
    let mut cells = vec![[0u64; 6]; results.len()];
    let (mut new, mut over, mut forward) = ([0u64; 6], [0u64; 6], [0u64; 6]);
    for c in 0..6 {
        let size = if c == 0 { 60 } else { 8 };
        new[c] = rng.below(size) * scale / 2;
        over[c] = rng.below(4);
        forward[c] = rng.below((new[c] + over[c]).min(5) + 1);
        let mut left = new[c] + over[c] - forward[c];
        while left > 0 {
            let take = 1 + rng.below(left.min(12));
            // Mostly granted or partly granted, the rest spread over the other results;
            // never the fee row, whose count W4 ties to the fee notices.
            let r = match rng.below(10) {
                0..=4 => 0,
                5..=6 => 1,
                _ => rng.below(results.len() as u64) as usize,
            };
            let r = if results[r].ends_with("fee_unpaid") { 0 } else { r };
            cells[r][c] += take;
            left -= take;
        }
    }
    let list = |v: &[u64; 6]| v.iter().map(u64::to_string).collect::<Vec<_>>().join(", ");
    y.push_str("applications:\n");
    let _ = writeln!(y, "  new_received: [{}]", list(&new));
    let _ = writeln!(y, "  carried_over: [{}]", list(&over));
    let mut open: Vec<&str> = Vec::new();
    for (key, v) in results.iter().zip(&cells) {
        let parts: Vec<&str> = key.split('.').collect();
        let (parents, leaf) = parts.split_at(parts.len() - 1);
        let common = open.iter().zip(parents).take_while(|(a, b)| a == b).count();
        open.truncate(common);
        for p in &parents[common..] {
            let _ = writeln!(y, "{}{p}:", "  ".repeat(open.len() + 1));
            open.push(p);
        }
        let _ = writeln!(y, "{}{}: [{}]", "  ".repeat(open.len() + 1), leaf[0], list(v));
    }
    let _ = writeln!(y, "  carried_forward: [{}]", list(&forward));
    // 四.
    y.push_str("review_litigation:\n");
    for key in ["review", "litigation_direct", "litigation_after_review"] {
        let v: Vec<String> = (0..4).map(|_| rng.below(4).to_string()).collect();
        let _ = writeln!(y, "  {key}: [{}]", v.join(", "));
    }
    y.push_str("problems:\n  - heading: 存在的主要问题\n    content:\n");
    paragraphs(&mut rng, &mut y, "      ");
    y.push_str("  - heading: 改进情况\n    content:\n");
    paragraphs(&mut rng, &mut y, "      ");
    y.push_str("other_matters:\n");
    if spec.reports_fees {
        y.push_str("  information_fees:\n    fee_notices_count: 0\n    fee_notices_amount_yuan: 0\n    fees_collected_yuan: 0\n");
    }
    y.push_str("  content: []\n");
    y
}

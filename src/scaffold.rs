//! `nianbao init`: a complete, commented YAML file to fill in.
//!
//! The file is generated from the same table definitions the checker uses, so its keys
//! and labels cannot drift from the model. Every figure is 0 (or carried over from last
//! year's report), and the result passes `check`.

use std::fmt::Write as _;

use std::collections::BTreeMap;

use crate::format::common::{
    APP_COLUMNS, APP_TOTAL, LEGAL_PERSONS, RESULTS, REVIEW_COLUMNS, REVIEW_GROUPS, REVIEW_TOTAL,
    SECTIONS, section,
};
use crate::format::{ColRole, FORMATS, Format, Json, RowDef, RowKind, ValueKind};
use crate::model::{Date, Level, Report};

/// What a scaffold is made from.
#[derive(Clone, Debug)]
pub struct Scaffold {
    /// Format of the new report.
    pub format: Format,
    /// Report year.
    pub year: i32,
    /// Agency full name.
    pub agency: String,
    /// Agency level.
    pub level: Level,
    /// 编制单位.
    pub issuing_office: Option<String>,
    /// Planned publication date.
    pub publication_date: Date,
    /// Carried over, per applicant column (last year's carried forward).
    pub carried_over: [i64; 6],
    /// Documents in force at the end of last year, by row key of table 二 (formats that
    /// count them).
    pub in_force: BTreeMap<&'static str, i64>,
    /// Whether the figures come from last year's report (changes the comments).
    pub from_previous: Option<String>,
    /// Figures and text to write instead of zeros and empty parts (`nianbao import`).
    pub fill: Option<Fill>,
}

/// A narrative block to write: a paragraph, or a subheading with what follows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Narr {
    /// A paragraph.
    Para(String),
    /// A subheading (without its number) and its content.
    Headed(String, Vec<Narr>),
}

/// What an imported report fills in: every figure as a YAML scalar (a number, `~` for a
/// blank, a quoted placeholder), the narrative, and the comment lines that say where it
/// came from and what could not be read.
#[derive(Clone, Debug, Default)]
pub struct Fill {
    /// Comment lines for the top of the file (without `# `).
    pub header: Vec<String>,
    /// Figures by key (`proactive.regulations`, `applications.results.granted`,
    /// `review_litigation.review`, `statistics.applications.received`), each row's cells in
    /// the catalogue's column order.
    pub figures: BTreeMap<String, Vec<String>>,
    /// The unit of the procurement amount (2019 format).
    pub procurement_unit: Option<String>,
    /// 信息处理费: notices, their amount, collected (2021 format), when stated.
    pub information_fees: Option<[String; 3]>,
    /// The report's own preface.
    pub preface: Vec<Narr>,
    /// Narrative parts by YAML key.
    pub parts: BTreeMap<String, Vec<Narr>>,
    /// Headings of the parts that differ from the usual ones (2008 format).
    pub headings: BTreeMap<String, String>,
    /// Notes under table 二.
    pub proactive_remarks: Vec<Narr>,
    /// Notes under table 四 (or under the 附表).
    pub remarks: Vec<Narr>,
}

impl Fill {
    /// The cells of a row, or blanks when the import has none.
    fn row(&self, key: &str, width: usize) -> Vec<String> {
        match self.figures.get(key) {
            Some(v) => v.clone(),
            None => vec!["~".to_owned(); width],
        }
    }
}

impl Scaffold {
    /// A fresh scaffold for `year`.
    pub fn new(format: Format, year: i32, agency: String) -> Scaffold {
        Scaffold {
            format,
            year,
            agency,
            level: Level::Department,
            issuing_office: None,
            publication_date: Date { year: year + 1, month: 1, day: 20 },
            carried_over: [0; 6],
            in_force: BTreeMap::new(),
            from_previous: None,
            fill: None,
        }
    }

    /// This year's scaffold started from last year's report.
    pub fn from_previous(prev: &Report, path: &str) -> Scaffold {
        let year = prev.year + 1;
        let format = Format::for_year(i64::from(year)).unwrap_or(FORMATS[0].format);
        let mut s = Scaffold::new(format, year, prev.agency.name.clone());
        s.level = prev.agency.level;
        s.issuing_office = prev.agency.issuing_office.clone();
        let d = prev.publication_date;
        s.publication_date = Date::new(d.year + 1, d.month, d.day).unwrap_or(Date {
            year: d.year + 1,
            month: d.month,
            day: 28,
        });
        // A report of the 2008 format has no table 三 or 二 to carry figures from.
        let Some(six) = prev.six() else {
            s.from_previous = Some(path.to_owned());
            return s;
        };
        let a = &six.applications;
        let fwd = a.row_of(RowKind::CarriedForward);
        for (col, v) in s.carried_over.iter_mut().enumerate() {
            *v = a.value(fwd, col);
        }
        let counts_in_force = |key: &str| {
            format
                .spec()
                .proactive_rows()
                .any(|(g, r)| r.key == key && g.columns.iter().any(|c| c.role == ColRole::InForce))
        };
        for row in &six.proactive.rows {
            if let Some(n) = row.by_role(ColRole::InForce).and_then(|v| v.count())
                && counts_in_force(row.spec.key)
            {
                s.in_force.insert(row.spec.key, n.value);
            }
        }
        s.from_previous = Some(path.to_owned());
        s
    }

    /// The YAML text.
    pub fn render(&self) -> String {
        let mut o = String::new();
        if !self.format.spec().annex.is_empty() {
            self.head(&mut o);
            self.annexed(&mut o);
            return o;
        }
        self.header(&mut o);
        self.proactive(&mut o);
        self.applications(&mut o);
        review(&mut o, self.fill.as_ref());
        self.closing(&mut o);
        o
    }

    fn header(&self, o: &mut String) {
        self.head(o);
        match self.fill.as_ref().filter(|f| !f.preface.is_empty()) {
            Some(f) => {
                o.push_str("\npreface:                         # 前言：原报告自己的前言\n");
                narrative(o, &f.preface, 2);
                o.push('\n');
            }
            None => o.push_str(
                "
# preface: |                     # 前言（可选）：不写时自动生成法律依据、六个部分和统计期限
#   根据《中华人民共和国政府信息公开条例》……

",
            ),
        }
        let overview = format!(
            "overview:                        # {}（小标题自动编号为（一）（二）……）",
            SECTIONS[section::OVERVIEW].heading()
        );
        if let Some(f) = &self.fill {
            part(o, &overview, f.parts.get("overview"));
            return;
        }
        let _ = writeln!(o, "{overview}");
        o.push_str(
            "  - heading: 主动公开
    content: []                  # 在 [] 里写段落，或改为多行：- 第一段……
  - heading: 依申请公开
    content: []
  - heading: 政府信息管理
    content: []
  - heading: 政府信息公开平台建设
    content: []
  - heading: 监督保障
    content: []

",
        );
    }

    /// The top of the file: year, format, agency, publication date.
    fn head(&self, o: &mut String) {
        let f = self.format.name();
        let y = self.year;
        let _ = writeln!(
            o,
            "# {}{y}年政府信息公开工作年度报告 —— nianbao 输入文件（{f} 格式）",
            self.agency
        );
        if let Some(fill) = &self.fill {
            for line in &fill.header {
                if line.is_empty() {
                    o.push_str("#\n");
                } else {
                    let _ = writeln!(o, "# {line}");
                }
            }
        }
        if let Some(p) = &self.from_previous {
            let _ =
                writeln!(o, "# 由上一年度报告 {p} 生成：机关信息、上年结转已带入，正文已清空。");
        }
        let rows = if self.format.spec().annex.is_empty() {
            "#   - 表格每行按官方表格的列顺序填写；“总计”可以不写（自动合计），写了就会被核对。\n"
        } else {
            "#   - 附表每项写一个数；合计项（收到申请数、申请答复数等）要等于其下各分项之和。\n"
        };
        o.push_str(
            "#
# 填写说明：
#   - 数字直接写，不加引号、不带单位；没有的填 0，不要留空，也不要写“/”或“—”。
",
        );
        o.push_str(rows);
        o.push_str(
            "#   - 小标题不要自己编号：nianbao 自动生成（一）、1.、（1）。
#   - 写完后运行：nianbao check 本文件.yaml
#   - 编辑器提示：nianbao schema > nianbao.schema.json，并在本文件第一行写
#     # yaml-language-server: $schema=./nianbao.schema.json

",
        );
        let _ = writeln!(
            o,
            "year: {y}                       # 报告年度（统计期为 {y}年1月1日至12月31日）"
        );
        let _ = writeln!(
            o,
            "# format: {f}                   # 报告格式：不写时按年度自动确定（2021 年起 2021 格式）"
        );
        o.push_str("agency:                          # 报告机关\n");
        let _ = writeln!(o, "  name: {}    # 机关全称", yaml_str(&self.agency));
        let level = self.level.key();
        let _ = writeln!(
            o,
            "  level: {level}   # 机关层级：department（县级以上人民政府部门）、government（县级以上地方人民政府）、township（乡镇、街道）"
        );
        match &self.issuing_office {
            Some(office) => {
                let _ = writeln!(o, "  issuing_office: {}   # 编制单位（可选）", yaml_str(office));
            }
            None => o.push_str("  # issuing_office: 某某市人民政府办公室   # 编制单位（可选）\n"),
        }
        match self.format.spec().deadlines.first() {
            Some(d) if !self.format.spec().annex.is_empty() => {
                let _ = writeln!(
                    o,
                    "  # deadline: {}-03-20   # 本地规定的发布截止日期（可选；不写时按{}）",
                    y + 1,
                    d.basis
                );
            }
            _ => {
                let _ = writeln!(
                    o,
                    "  # deadline: {}-01-28   # 本地规定的发布截止日期（可选；不写时按《条例》第四十九条）",
                    y + 1
                );
            }
        }
        let _ = writeln!(o, "publication_date: {}   # 发布日期", self.publication_date.iso());
    }

    fn proactive(&self, o: &mut String) {
        let _ =
            writeln!(o, "proactive:{}# {}", pad(10, 33), SECTIONS[section::PROACTIVE].heading());
        for group in self.format.spec().proactive {
            let columns: Vec<&str> = group.columns.iter().map(|c| c.label).collect();
            let lists = group.rows.iter().any(|r| r.json == Json::Array);
            if lists {
                let signed = group.columns.iter().any(|c| c.kind == ValueKind::Signed);
                let head = format!("  # {}", group.item);
                let _ = writeln!(
                    o,
                    "{head}{}[{}]{}",
                    pad(width(&head), 32),
                    columns.join(", "),
                    if signed { "；增减可写 +3 或 -2" } else { "" }
                );
            }
            for row in group.rows {
                match row.json {
                    Json::Array => {
                        let filled = self
                            .fill
                            .as_ref()
                            .map(|f| f.row(&format!("proactive.{}", row.key), group.columns.len()));
                        let values: Vec<String> = group
                            .columns
                            .iter()
                            .enumerate()
                            .map(|(i, c)| match c.role {
                                _ if filled.is_some() => filled
                                    .as_ref()
                                    .and_then(|f| f.get(i).cloned())
                                    .unwrap_or_else(|| "~".to_owned()),
                                ColRole::InForce => {
                                    self.in_force.get(row.key).copied().unwrap_or(0).to_string()
                                }
                                _ => "0".to_owned(),
                            })
                            .collect();
                        let key = format!("  {}:", row.key);
                        let list = format!("[{}]", values.join(", "));
                        let _ = writeln!(
                            o,
                            "{key}{}{list}{}# {}",
                            pad(key.len(), 23),
                            pad(list.len(), 12).max("   ".into()),
                            row.label
                        );
                    }
                    Json::Scalar => {
                        let col = &group.columns[0];
                        let label = match (col.kind, col.label.strip_suffix('）')) {
                            (ValueKind::Money, Some(open)) => format!("{open}，可带小数）"),
                            (ValueKind::Money, None) => format!("{}（可带小数）", col.label),
                            _ => col.label.to_owned(),
                        };
                        let value = self.fill.as_ref().map_or("0".to_owned(), |f| {
                            f.row(&format!("proactive.{}", row.key), 1).swap_remove(0)
                        });
                        let key = format!("  {}: {value}", row.key);
                        let _ = writeln!(
                            o,
                            "{key}{}# {} {}：{label}",
                            pad(key.len(), 35),
                            group.item,
                            row.label,
                        );
                    }
                    Json::Object(keys) => {
                        let _ = writeln!(
                            o,
                            "  {}:{}# {} {}",
                            row.key,
                            pad(row.key.len() + 3, 35),
                            group.item,
                            row.label
                        );
                        let filled = self
                            .fill
                            .as_ref()
                            .map(|f| f.row(&format!("proactive.{}", row.key), keys.len()));
                        for (i, (k, c)) in keys.iter().zip(group.columns).enumerate() {
                            let value = filled.as_ref().map_or("0".to_owned(), |f| {
                                f.get(i).cloned().unwrap_or("~".into())
                            });
                            let line = format!("    {k}: {value}");
                            let hint = if c.kind == ValueKind::Money && row.unit {
                                "（数字，单位见下一行）"
                            } else {
                                ""
                            };
                            let _ = writeln!(o, "{line}{}# {}{hint}", pad(line.len(), 35), c.label);
                        }
                        if row.unit {
                            let unit = self
                                .fill
                                .as_ref()
                                .and_then(|f| f.procurement_unit.clone())
                                .unwrap_or_else(|| "万元".to_owned());
                            let line = format!("    unit: {}", yaml_str(&unit));
                            let line = line.as_str();
                            let _ = writeln!(
                                o,
                                "{line}{}# {}的单位：万元 或 元",
                                pad(width(line), 35),
                                columns.last().copied().unwrap_or("")
                            );
                        }
                    }
                }
            }
        }
        if self.in_force.values().any(|&v| v != 0) {
            let in_force = self
                .format
                .spec()
                .proactive
                .iter()
                .flat_map(|g| g.columns)
                .find(|c| c.role == ColRole::InForce)
                .map_or("", |c| c.label);
            let _ = writeln!(o, "  # {in_force}已按上年报告带入；本年有制发、废止时请同时调整。");
        }
        if let Some(f) = self.fill.as_ref().filter(|f| !f.proactive_remarks.is_empty()) {
            o.push_str("  remarks:                       # 表格下方的说明\n");
            narrative(o, &f.proactive_remarks, 4);
        }
        o.push('\n');
    }

    fn applications(&self, o: &mut String) {
        let cols: Vec<&str> = APP_COLUMNS[..APP_TOTAL].iter().map(|c| c.0).collect();
        let total = APP_COLUMNS[APP_TOTAL].0;
        let _ = writeln!(
            o,
            "applications:{}# {}",
            pad(13, 33),
            SECTIONS[section::APPLICATIONS].heading()
        );
        let _ = writeln!(o, "  # 每行依次为：{}[, {total}]", cols.join(", "));
        let _ = writeln!(
            o,
            "  # （{}至{}为“{LEGAL_PERSONS}”；{total}可不写，自动合计）",
            cols[1],
            cols[APP_TOTAL - 1]
        );
        let total = self
            .format
            .spec()
            .applications
            .iter()
            .find(|r| r.kind == RowKind::Total)
            .map_or("", |r| r.short);
        let _ = writeln!(o, "  # 勾稽关系：每一列 一 + 二 = 三{total} + 四");
        let rows = self.format.spec().applications;
        let mut open_groups: Vec<&str> = Vec::new();
        for def in rows {
            let parts: Vec<&str> = def.key.split('.').collect();
            let (parents, leaf) = parts.split_at(parts.len() - 1);
            // Close groups that end before this row, open the ones it starts.
            let common = open_groups.iter().zip(parents).take_while(|(a, b)| a == b).count();
            open_groups.truncate(common);
            for (depth, p) in parents.iter().enumerate().skip(common) {
                let indent = "  ".repeat(depth + 1);
                let comment = group_comment(p, def);
                let _ =
                    writeln!(o, "{indent}{p}:{}# {comment}", pad(indent.len() + p.len() + 1, 33));
                open_groups.push(p);
            }
            let indent = "  ".repeat(parents.len() + 1);
            let values = self.row_values(def);
            let key = format!("{indent}{}:", leaf[0]);
            if def.kind == RowKind::Total && self.fill.is_some() {
                let _ =
                    writeln!(o, "{key}{}{values}   # {}", pad(key.chars().count(), 35), def.label);
                continue;
            }
            if def.kind == RowKind::Total {
                let _ = writeln!(
                    o,
                    "{indent}# total: [0, 0, 0, 0, 0, 0]     # {}（可选：不写时自动合计，写了则核对）",
                    def.label
                );
                continue;
            }
            let _ = writeln!(o, "{key}{}{values}   # {}", pad(key.chars().count(), 35), def.label);
        }
        if self.from_previous.is_some() && self.carried_over != [0; 6] {
            let fwd = rows.iter().find(|r| r.kind == RowKind::CarriedForward);
            let fwd = fwd.map_or("", |r| r.label.trim_start_matches("四、"));
            let _ = writeln!(
                o,
                "  # 上年结转已按上年报告的“{fwd}”带入；结转下年度暂按同数填写以保持平衡，\n  # 办结后请填入办理结果并调整结转下年度。"
            );
        }
        o.push('\n');
    }

    fn row_values(&self, def: &RowDef) -> String {
        if let Some(f) = &self.fill {
            return format!(
                "[{}]",
                f.row(&format!("applications.{}", def.key), APP_COLUMNS.len()).join(", ")
            );
        }
        let v = match def.kind {
            RowKind::CarriedOver | RowKind::CarriedForward => self.carried_over,
            _ => [0; 6],
        };
        format!("[{}]", v.iter().map(i64::to_string).collect::<Vec<_>>().join(", "))
    }

    fn closing(&self, o: &mut String) {
        if let Some(f) = &self.fill {
            let problems =
                format!("problems:{}# {}", pad(9, 33), SECTIONS[section::PROBLEMS].heading());
            part(o, &problems, f.parts.get("problems"));
            let _ = writeln!(
                o,
                "other_matters:{}# {}",
                pad(14, 33),
                SECTIONS[section::OTHER_MATTERS].heading()
            );
            match (&f.information_fees, self.format.spec().reports_fees) {
                (Some([n, amount, collected]), true) => {
                    let _ = writeln!(o, "  information_fees:               # 信息处理费");
                    let _ = writeln!(o, "    fee_notices_count: {n}          # 发出收费通知的件数");
                    let _ = writeln!(o, "    fee_notices_amount_yuan: {amount}    # 收费通知的总金额（元）");
                    let _ = writeln!(o, "    fees_collected_yuan: {collected}        # 实际收取的金额（元）");
                }
                (None, true) => o.push_str(
                    "  # information_fees:             # 信息处理费：原报告没有按格式说明，核实后填写
  #   fee_notices_count: 0
  #   fee_notices_amount_yuan: 0
  #   fees_collected_yuan: 0
",
                ),
                _ => {}
            }
            let content = f.parts.get("other_matters").filter(|b| !b.is_empty());
            match content {
                Some(b) => {
                    o.push_str("  content:\n");
                    narrative(o, b, 4);
                }
                None => o.push_str("  content: []\n"),
            }
            o.push_str(
                "
# acknowledged:                   # 已核实并接受的警告（可选）：警告编号: 理由
#   W9: 经本级政务公开办同意延期发布
",
            );
            return;
        }
        let _ = writeln!(o, "problems:{}# {}", pad(9, 33), SECTIONS[section::PROBLEMS].heading());
        o.push_str(
            "  - heading: 存在的主要问题
    content: []
  - heading: 改进情况
    content: []

",
        );
        let _ = writeln!(
            o,
            "other_matters:{}# {}",
            pad(14, 33),
            SECTIONS[section::OTHER_MATTERS].heading()
        );
        if self.format.spec().reports_fees {
            o.push_str(
                "  information_fees:               # 信息处理费（据此自动生成说明句；都为 0 时写 0）
    fee_notices_count: 0          # 发出收费通知的件数
    fee_notices_amount_yuan: 0    # 收费通知的总金额（元）
    fees_collected_yuan: 0        # 实际收取的金额（元）
  content: []                     # 本部分的其他内容（可选），例如 建议提案办理结果公开情况

# acknowledged:                   # 已核实并接受的警告（可选）：警告编号: 理由
#   W9: 经本级政务公开办同意延期发布
",
            );
        } else {
            o.push_str(
                "  content: []                     # 可选；不写时印“无”

# acknowledged:                   # 已核实并接受的警告（可选）：警告编号: 理由
#   W9: 经本级政务公开办同意延期发布
",
            );
        }
    }
}

impl Scaffold {
    /// The parts and the 附表 of the 2008 format, from its catalogue.
    fn annexed(&self, o: &mut String) {
        let spec = self.format.spec();
        let fill = self.fill.as_ref();
        match fill.filter(|f| !f.preface.is_empty()) {
            Some(f) => {
                o.push_str("\npreface:                         # 编制说明：原报告自己的\n");
                narrative(o, &f.preface, 2);
            }
            None => o.push_str(
                "
# preface: |                     # 编制说明（可选）：不写时自动生成法律依据、各个部分和统计期限
#   本报告根据《中华人民共和国政府信息公开条例》……
",
            ),
        }
        match fill.filter(|f| !f.headings.is_empty()) {
            Some(f) => {
                o.push_str(
                    "\nheadings:                         # 与常用标题不同的部分标题（原报告的）\n",
                );
                for (k, h) in &f.headings {
                    let _ = writeln!(o, "  {k}: {}", yaml_str(h));
                }
                o.push('\n');
            }
            None => o.push_str(
                "
# headings:                      # 各部分标题与下面的常用标题不同时填写（可选，不写编号）
#   review: 行政复议和行政诉讼情况

",
            ),
        }
        for (key, p) in spec.parts.iter().filter(|(k, _)| *k != "annex") {
            if let Some(f) = fill {
                let line = format!("{key}:{}# {}", pad(key.len() + 1, 33), p.heading());
                part(o, &line, f.parts.get(*key));
                continue;
            }
            let part = p;
            let line = format!("{key}: []");
            let _ = writeln!(
                o,
                "{line}{}# {}（在 [] 里写段落；不写时印“无”）",
                pad(line.len(), 33),
                part.heading()
            );
        }
        let annex = spec.parts.last().map(|(_, p)| p.heading()).unwrap_or_default();
        let _ = writeln!(
            o,
            "\nstatistics:{}# {annex}：每项一个数，没有的填 0；金额单位为万元，可带小数",
            pad(11, 33)
        );
        let mut open: Option<&str> = None;
        // A group row of the first level names the YAML group that follows it.
        let mut pending: Option<&str> = None;
        for row in spec.annex {
            if row.key.is_empty() {
                if row.indent == 0 {
                    pending = Some(row.label);
                } else {
                    let _ = writeln!(o, "    # {}", row.label);
                }
                continue;
            }
            let (group, leaf) =
                row.key.split_once('.').map_or((None, row.key), |(g, l)| (Some(g), l));
            let indent = if group.is_some() { "    " } else { "  " };
            if group != open {
                if let Some(g) = group {
                    let line = format!("  {g}:");
                    let label = pending.take().unwrap_or(row.label);
                    let _ = writeln!(o, "{line}{}# {label}", pad(line.len(), 35));
                }
                open = group;
            }
            let value = fill.map_or("0".to_owned(), |f| {
                f.row(&format!("statistics.{}", row.key), 1).swap_remove(0)
            });
            let line = format!("{indent}{leaf}: {value}");
            let sums = if row.sum_of.is_empty() { "" } else { "（等于下面各分项之和）" };
            let _ = writeln!(
                o,
                "{line}{}# {}（{}）{sums}",
                pad(line.len(), 35),
                row.label,
                row.unit.label()
            );
        }
        match fill.filter(|f| !f.remarks.is_empty()) {
            Some(f) => {
                o.push_str("  remarks:                       # 表格下方的说明\n");
                narrative(o, &f.remarks, 4);
            }
            None => o.push_str(
                "  # remarks: []                  # 表格下方的说明（可选），例如某个数字包含哪些渠道\n",
            ),
        }
        o.push_str(
            "
# acknowledged:                   # 已核实并接受的警告（可选）：警告编号: 理由
#   W9: 经本级政务公开办同意延期发布
",
        );
    }
}

fn review(o: &mut String, fill: Option<&Fill>) {
    let _ =
        writeln!(o, "review_litigation:{}# {}", pad(18, 33), SECTIONS[section::REVIEW].heading());
    let _ = writeln!(
        o,
        "  # 每组依次为：{}[, {total}]（{total}可不写）",
        REVIEW_COLUMNS[..REVIEW_TOTAL].join(", "),
        total = REVIEW_COLUMNS[REVIEW_TOTAL]
    );
    for g in &REVIEW_GROUPS {
        let key = format!("  {}:", g.key);
        let values = match fill {
            Some(f) => {
                f.row(&format!("review_litigation.{}", g.key), REVIEW_COLUMNS.len()).join(", ")
            }
            None => "0, 0, 0, 0".to_owned(),
        };
        let _ =
            writeln!(o, "{key}{}[{values}]   # {}", pad(key.len(), 27), g.label.replace('—', "："));
    }
    match fill.filter(|f| !f.remarks.is_empty()) {
        Some(f) => {
            o.push_str("  remarks:                       # 表格下方的注\n");
            narrative(o, &f.remarks, 4);
            o.push('\n');
        }
        None => o.push_str(
            "  # remarks: 行政复议、行政诉讼数量含上年度结转数量。   # 表格下方的注（可选）\n\n",
        ),
    }
}

fn group_comment(key: &str, def: &RowDef) -> &'static str {
    match key {
        "results" => RESULTS,
        _ => def.group.unwrap_or(""),
    }
}

/// Columns a text takes in a terminal or an editor (CJK characters take two).
fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

fn pad(used: usize, to: usize) -> String {
    " ".repeat(to.saturating_sub(used).max(1))
}

/// A narrative part: its key line, then its blocks (or `[]`).
fn part(o: &mut String, line: &str, blocks: Option<&Vec<Narr>>) {
    match blocks.filter(|b| !b.is_empty()) {
        Some(b) => {
            let _ = writeln!(o, "{line}");
            narrative(o, b, 2);
        }
        None => {
            let (key, comment) = line.split_once('#').unwrap_or((line, ""));
            let key = format!("{} []", key.trim_end());
            let _ = writeln!(o, "{key}{}#{comment}", pad(width(&key), 33));
        }
    }
    o.push('\n');
}

/// Narrative blocks as a YAML list indented by `indent`.
fn narrative(o: &mut String, blocks: &[Narr], indent: usize) {
    let pad = " ".repeat(indent);
    for b in blocks {
        match b {
            Narr::Para(t) => {
                let _ = writeln!(o, "{pad}- {}", yaml_str(t));
            }
            Narr::Headed(h, content) => {
                let _ = writeln!(o, "{pad}- heading: {}", yaml_str(h));
                if content.is_empty() {
                    let _ = writeln!(o, "{pad}  content: []");
                } else {
                    let _ = writeln!(o, "{pad}  content:");
                    narrative(o, content, indent + 4);
                }
            }
        }
    }
}

/// A scalar safe to write unquoted in YAML, or a double-quoted string.
pub fn yaml_str(s: &str) -> String {
    const WORDS: [&str; 11] =
        ["true", "false", "null", "yes", "no", "on", "off", "y", "n", "~", "-"];
    let plain = !s.is_empty()
        && !s.contains(':')
        && !s.contains('#')
        && !s.chars().any(char::is_control)
        && !WORDS.contains(&s.to_ascii_lowercase().as_str())
        && !s.starts_with(char::is_whitespace)
        && !s.starts_with([
            ' ', '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"',
            '%', '@', '`',
        ])
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(' ')
        && s.parse::<f64>().is_err();
    if plain { s.to_owned() } else { serde_json::to_string(s).unwrap_or_default() }
}

//! The catalogue of rules. Each entry reads as a row of a table: id, severity, the
//! official wording of what must hold, and the function that checks it.

use super::{Context, balance, blanks, text, warnings, zeros};
use crate::diag::{Diagnostic, Severity};
use crate::format::common::{
    APP_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS, SECTIONS, app_column, section,
};
use crate::format::{FORMATS, RowKind, f2008, f2021};

/// One rule of the catalogue.
pub struct Rule {
    /// Stable id used in messages, JSON output and `acknowledged:`.
    pub id: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// Short Chinese title.
    pub title: &'static str,
    /// What must hold, in the official labels (written from the format catalogue).
    pub description: fn() -> String,
    /// The check, or `None` for rules checked while reading the file (R5, N1).
    pub check: Option<fn(&Context, &mut Vec<Diagnostic>)>,
}

/// Every rule nianbao knows, in the order of the domain specification.
pub const RULES: &[Rule] = &[
    Rule {
        id: "R1",
        severity: Severity::Error,
        title: "申请数量收支平衡",
        description: describe_r1,
        check: Some(balance::r1),
    },
    Rule {
        id: "R2",
        severity: Severity::Error,
        title: "总计列等于各列之和",
        description: describe_r2,
        check: Some(balance::r2),
    },
    Rule {
        id: "R3",
        severity: Severity::Error,
        title: "办理结果总计等于各项之和",
        description: describe_r3,
        check: Some(balance::r3),
    },
    Rule {
        id: "R4",
        severity: Severity::Error,
        title: "复议诉讼总计等于分项之和",
        description: describe_r4,
        check: Some(balance::r4),
    },
    Rule {
        id: "R5",
        severity: Severity::Error,
        title: "单元格是非负整数",
        description: describe_r5,
        check: Some(blanks::r5),
    },
    Rule {
        id: "R6",
        severity: Severity::Error,
        title: "附表合计等于分项之和",
        description: describe_r6,
        check: Some(balance::r6),
    },
    Rule {
        id: "D1",
        severity: Severity::Error,
        title: "发布日期在统计年度之后",
        description: describe_d1,
        check: Some(warnings::d1),
    },
    Rule {
        id: "W1",
        severity: Severity::Warning,
        title: "上年结转与上年报告一致",
        description: describe_w1,
        check: Some(warnings::w1),
    },
    Rule {
        id: "W2",
        severity: Severity::Warning,
        title: "有效文件数前后衔接",
        description: describe_w2,
        check: Some(warnings::w2),
    },
    Rule {
        id: "W4",
        severity: Severity::Warning,
        title: "信息处理费前后一致",
        description: describe_w4,
        check: Some(warnings::w4),
    },
    Rule {
        id: "W7",
        severity: Severity::Warning,
        title: "决定数不是项目数",
        description: describe_w7,
        check: Some(warnings::w7),
    },
    Rule {
        id: "W8",
        severity: Severity::Warning,
        title: "报告格式与年度相符",
        description: describe_w8,
        check: Some(warnings::w8),
    },
    Rule {
        id: "W9",
        severity: Severity::Warning,
        title: "按期发布",
        description: describe_w9,
        check: Some(warnings::w9),
    },
    Rule {
        id: "W10",
        severity: Severity::Warning,
        title: "汇总报告等于各报告之和",
        description: describe_w10,
        check: None,
    },
    Rule {
        id: "N1",
        severity: Severity::Warning,
        title: "不要手写编号",
        description: describe_n1,
        check: None,
    },
    Rule {
        id: "N2",
        severity: Severity::Warning,
        title: "正文不能为空",
        description: describe_n2,
        check: Some(warnings::n2),
    },
    Rule {
        id: "N3",
        severity: Severity::Warning,
        title: "字体里没有的字",
        description: describe_n3,
        check: Some(text::n3),
    },
    Rule {
        id: "N4",
        severity: Severity::Warning,
        title: "YAML 与原意不符的写法",
        description: describe_n4,
        check: None,
    },
    Rule {
        id: "N5",
        severity: Severity::Warning,
        title: "表格全为 0 而正文写了数量",
        description: describe_n5,
        check: Some(zeros::n5),
    },
    Rule {
        id: "F1",
        severity: Severity::Error,
        title: "文件可以读取",
        description: describe_f1,
        check: None,
    },
    Rule {
        id: "F2",
        severity: Severity::Warning,
        title: "导入的报告每格都已读出",
        description: describe_f2,
        check: None,
    },
    Rule {
        id: "Y1",
        severity: Severity::Error,
        title: "YAML 写法正确",
        description: describe_y1,
        check: None,
    },
    Rule {
        id: "Y2",
        severity: Severity::Error,
        title: "键和类型符合报告格式",
        description: describe_y2,
        check: None,
    },
    Rule {
        id: "Y3",
        severity: Severity::Error,
        title: "取值有效",
        description: describe_y3,
        check: None,
    },
    Rule {
        id: "P1",
        severity: Severity::Error,
        title: "字符可以印出",
        description: describe_p1,
        check: None,
    },
    Rule {
        id: "I1",
        severity: Severity::Error,
        title: "nianbao 内部一致",
        description: describe_i1,
        check: None,
    },
];

fn quoted_row(kind: RowKind) -> String {
    let row = f2021::SPEC.applications.iter().find(|r| r.kind == kind).map_or("", |r| r.short);
    format!("“{row}”")
}

fn applications_title() -> String {
    SECTIONS[section::APPLICATIONS].heading()
}

fn describe_r1() -> String {
    let cols: Vec<&str> = APP_COLUMNS.iter().map(|c| c.0).collect();
    let total = f2021::SPEC.applications.iter().find(|r| r.kind == RowKind::Total);
    format!(
        "{}：每一列（{}）的{}加{}，等于“{}{}”加{}。",
        applications_title(),
        cols.join("、"),
        quoted_row(RowKind::Received),
        quoted_row(RowKind::CarriedOver),
        crate::format::common::RESULTS,
        total.map_or("", |r| r.short),
        quoted_row(RowKind::CarriedForward),
    )
}

fn describe_r2() -> String {
    let total = app_column(crate::format::common::APP_TOTAL);
    let parts: Vec<&str> =
        APP_COLUMNS[..crate::format::common::APP_TOTAL].iter().map(|c| c.0).collect();
    format!(
        "{}：每一行的“{total}”等于{}之和（{total}不填时自动合计）。",
        applications_title(),
        parts.join("、")
    )
}

fn describe_r3() -> String {
    let total = f2021::SPEC.applications.iter().find(|r| r.kind == RowKind::Total);
    let total = total.map_or("", |r| r.short);
    format!(
        "{}：每一列的“{total}”等于（一）至（六）各项办理结果之和（{total}不填时自动合计）。",
        applications_title()
    )
}

fn describe_r4() -> String {
    let groups: Vec<&str> =
        REVIEW_GROUPS.iter().map(|g| g.label.rsplit('—').next().unwrap_or(g.label)).collect();
    let n = REVIEW_COLUMNS.len() - 1;
    format!(
        "{}：{}三组，各组“{}”等于{}之和。",
        SECTIONS[section::REVIEW].heading(),
        groups.join("、"),
        REVIEW_COLUMNS[n],
        REVIEW_COLUMNS[..n].join("、")
    )
}

fn describe_r5() -> String {
    "表格中每个单元格都要填写：件数是非负整数，金额是非负数；空白和“/”“—”“无”是错误（按 0 计算，其他规则照常核对，退出码 1）；带引号的数字、数字后带单位读不成数字（退出码 2）。".into()
}

fn describe_r6() -> String {
    let label =
        |key: &str| f2008::annex_row(key).map_or("", |r| r.label.trim_start_matches("其中："));
    let sums: Vec<String> = f2008::ANNEX
        .iter()
        .filter(|r| !r.sum_of.is_empty())
        .map(|r| {
            let items: Vec<&str> = r.sum_of.iter().map(|k| label(k)).collect();
            format!("{} = {}", r.label, items.join(" + "))
        })
        .collect();
    format!("2008 格式（2018 年及以前的报告）附表《{}》：{}。", f2008::ANNEX_TITLE, sums.join("；"))
}

fn describe_d1() -> String {
    "报告在统计年度结束后发布：发布日期不早于次年 1 月 1 日。".into()
}

fn describe_w1() -> String {
    let label =
        |kind| f2021::SPEC.applications.iter().find(|r| r.kind == kind).map_or("", |r| r.label);
    format!(
        "本年“{}”各列等于上一年度报告的“{}”（需 --previous 上年文件）。",
        label(RowKind::CarriedOver),
        label(RowKind::CarriedForward)
    )
}

/// The formats a rule applies to, e.g. `2021 格式`.
fn formats_of(id: &str) -> String {
    let names: Vec<&str> = FORMATS.iter().filter(|s| s.applies(id)).map(|s| s.name).collect();
    format!("{} 格式", names.join("、"))
}

/// The first column label of the given role in a format where the rule applies.
fn column_of(id: &str, role: crate::format::ColRole) -> (&'static str, &'static str) {
    FORMATS
        .iter()
        .filter(|s| s.applies(id))
        .flat_map(|s| s.proactive.iter())
        .find_map(|g| g.columns.iter().find(|c| c.role == role).map(|c| (g.item, c.label)))
        .unwrap_or(("", ""))
}

fn describe_w2() -> String {
    use crate::format::ColRole as R;
    let (item, in_force) = column_of("W2", R::InForce);
    let (_, issued) = column_of("W2", R::Issued);
    let (_, repealed) = column_of("W2", R::Repealed);
    format!(
        "{item}：本年{in_force} = 上年{in_force} + {issued} − {repealed}，且{repealed}不超过上年{in_force}与{issued}之和（{}，需 --previous 上年文件）。",
        formats_of("W2")
    )
}

fn describe_w4() -> String {
    let row = f2021::SPEC.applications.iter().find(|r| r.key == f2021::FEE_UNPAID_ROW);
    let words = row.map_or("", |r| {
        let w = r.label.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
        w.split('、').next().unwrap_or(w)
    });
    format!(
        "{}第六部分应报告信息处理费；“{words}”的件数不超过发出收费通知件数；实际收取金额不超过收费通知金额，有收取则应有收费通知。",
        formats_of("W4")
    )
}

fn describe_w7() -> String {
    use crate::format::ColRole as R;
    let items: Vec<&str> = FORMATS
        .iter()
        .filter(|s| s.applies("W7"))
        .flat_map(|s| s.proactive.iter())
        .filter(|g| g.columns.iter().any(|c| c.role == R::Decisions))
        .map(|g| g.item.trim_start_matches("第二十条第").trim_end_matches('项'))
        .collect();
    let (_, decisions) = column_of("W7", R::Decisions);
    let (_, last) = column_of("W7", R::LastYear);
    let (_, delta) = column_of("W7", R::Delta);
    format!(
        "{}第二十条第{}项：“{decisions}”是本年作出的决定数，不是“{last}”加“{delta}”；两者恰好相等时多半是填错了列。",
        formats_of("W7"),
        items.join("")
    )
}

fn describe_w8() -> String {
    let parts: Vec<String> = FORMATS
        .iter()
        .map(|s| {
            let years = if *s.years.end() >= 9999 {
                format!("{} 年及以后", s.years.start())
            } else {
                let ys: Vec<String> = s.years.clone().map(|y| y.to_string()).collect();
                format!("{} 年", ys.join("、"))
            };
            let number = s.notice.rsplit('（').next().unwrap_or("").trim_end_matches('）');
            format!("{years}的报告用 {} 格式（{number}）", s.name)
        })
        .collect();
    format!("{}。", parts.join("，"))
}

fn describe_w9() -> String {
    "县级以上人民政府部门于次年 1 月 31 日前、县级以上地方人民政府于次年 3 月 31 日前发布（条例第四十九条）；乡镇按 1 月 31 日计；2008 格式（2018 年及以前）各级行政机关于次年 3 月 31 日前发布（旧条例第三十一条）；agency.deadline 可写本地更早的期限。".into()
}

fn describe_w10() -> String {
    format!(
        "agency.scope 写为 汇总 的报告（例如本级人民政府汇总各部门），{}、{}、{}的每一格等于同一批（nianbao batch）中同一年度、同一格式的其他报告之和（只在批量检查时核对）。",
        SECTIONS[section::PROACTIVE].number.trim_end_matches('、'),
        SECTIONS[section::APPLICATIONS].number.trim_end_matches('、'),
        SECTIONS[section::REVIEW].number.trim_end_matches('、'),
    )
}

fn describe_n1() -> String {
    "小标题和段落不要以（一）、1.、一、等编号开头：nianbao 按层级自动编号，手写编号会重复或错位（读取文件时检查）。".into()
}

fn describe_n3() -> String {
    "报告里的每个字都要能用内置字体印出：内置字体都没有的字（多半是误输入，或是生僻字、私用区的字）会让 PDF 无法生成；确实需要时用 render --font 指定含有它的字体。".into()
}

fn describe_n4() -> String {
    "YAML 会读成别的意思的写法：列表的「-」后面没有空格（「-」会印进报告），段落同一行「 #」后面的文字（被当作注释丢掉），机关名称还是模板里的「某某」（读取文件时检查）。".into()
}

fn describe_n5() -> String {
    "表格二、三、四的每一格都是 0，正文却写了「12 件」「3 次」这样的数量：多半是表格还没有填写。"
        .into()
}

fn describe_f1() -> String {
    "文件存在、不超过大小上限，是 UTF-8 编码的 YAML 文本，或者可以导入的已发布报告（网页、Word 文档、有文字层的 PDF、复制的文字），而不是 UTF-16 文本、扫描件或压缩包（读取文件时检查；不通过时退出码为 2）。".into()
}

fn describe_f2() -> String {
    "直接检查已发布的报告（网页、Word、PDF、文字）时，表格的每一格都按官方行列名称读了出来；读不出或有疑问的格子逐一列出（导入时检查；用 nianbao import 导出 YAML 后核对）。".into()
}

fn describe_y1() -> String {
    "YAML 的写法正确：半角冒号、逗号、空格和数字，缩进只用半角空格且对齐，括号闭合，不用标签、锚点和别名（读取文件时检查；退出码 2）。".into()
}

fn describe_y2() -> String {
    "键和值的类型符合报告格式：没有未知的键、重复的键，必填的键都在，表格写成数字列表，文字写成文字（读取文件时检查；退出码 2）。".into()
}

fn describe_y3() -> String {
    "取值有效：年度、日期、机关层级可以识别，文字和小标题不为空，小标题不超过三层，acknowledged 只确认警告并写明理由。".into()
}

fn describe_p1() -> String {
    "报告里的每个字都能用所选字体印出（生成 PDF 时检查）。".into()
}

fn describe_i1() -> String {
    "nianbao 自身的格式目录与读入的文件结构一致；出现这条错误说明 nianbao 有缺陷，请报告。".into()
}

fn describe_n2() -> String {
    format!(
        "{}和{}要有正文段落，不能只有小标题（《条例》第五十条规定的内容不能遗漏）；一、五、六里每个小标题下都要有正文，否则报告里只印出一个孤零零的小标题。",
        SECTIONS[section::OVERVIEW].heading(),
        SECTIONS[section::PROBLEMS].heading()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique() {
        let mut ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), RULES.len());
    }

    #[test]
    fn error_rules_start_with_r_or_d() {
        for r in RULES {
            let is_error = r.severity == Severity::Error;
            let reading = ["F", "Y", "P", "I"].iter().any(|p| r.id.starts_with(p));
            let checked = r.id.starts_with('R') || r.id.starts_with('D');
            // F2, cells an import could not read, is the one warning found while reading.
            assert_eq!(is_error, checked || (reading && r.id != "F2"), "{}", r.id);
            assert!(!reading || r.check.is_none(), "{} is found while reading", r.id);
        }
    }
}

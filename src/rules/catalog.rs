//! The catalogue of rules. Each entry reads as a row of a table: id, severity, the
//! official wording of what must hold, and the function that checks it.

use super::{Context, balance, warnings};
use crate::diag::{Diagnostic, Severity};

/// One rule of the catalogue.
pub struct Rule {
    /// Stable id used in messages, JSON output and `acknowledged:`.
    pub id: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// Short Chinese title.
    pub title: &'static str,
    /// What must hold, in the official labels.
    pub description: &'static str,
    /// The check, or `None` for rules checked while reading the file (R5, N1).
    pub check: Option<fn(&Context, &mut Vec<Diagnostic>)>,
}

/// Every rule nianbao knows, in the order of the domain specification.
pub const RULES: &[Rule] = &[
    Rule {
        id: "R1",
        severity: Severity::Error,
        title: "申请数量收支平衡",
        description: "三、收到和处理政府信息公开申请情况：每一列（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计）的“一、本年新收”加“二、上年结转”，等于“三、本年度办理结果（七）总计”加“四、结转下年度继续办理”。",
        check: Some(balance::r1),
    },
    Rule {
        id: "R2",
        severity: Severity::Error,
        title: "总计列等于各列之和",
        description: "三、收到和处理政府信息公开申请情况：每一行的“总计”等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他之和（总计不填时自动合计）。",
        check: Some(balance::r2),
    },
    Rule {
        id: "R3",
        severity: Severity::Error,
        title: "（七）总计等于各办理结果之和",
        description: "三、收到和处理政府信息公开申请情况：每一列的“（七）总计”等于（一）至（六）各项办理结果之和（（七）总计不填时自动合计）。",
        check: Some(balance::r3),
    },
    Rule {
        id: "R4",
        severity: Severity::Error,
        title: "复议诉讼总计等于分项之和",
        description: "四、政府信息公开行政复议、行政诉讼情况：行政复议、未经复议直接起诉、复议后起诉三组，各组“总计”等于结果维持、结果纠正、其他结果、尚未审结之和。",
        check: Some(balance::r4),
    },
    Rule {
        id: "R5",
        severity: Severity::Error,
        title: "单元格是非负整数",
        description: "表格中每个单元格都要填写：件数是非负整数，金额是非负数；空白、“/”“—”、带引号的数字、数字后带单位都不行（读取文件时检查，退出码 2）。",
        check: None,
    },
    Rule {
        id: "D1",
        severity: Severity::Error,
        title: "发布日期在统计年度之后",
        description: "报告在统计年度结束后发布：发布日期不早于次年 1 月 1 日。",
        check: Some(warnings::d1),
    },
    Rule {
        id: "W1",
        severity: Severity::Warning,
        title: "上年结转与上年报告一致",
        description: "本年“二、上年结转政府信息公开申请数量”各列等于上一年度报告的“四、结转下年度继续办理”（需 --previous 上年文件）。",
        check: Some(warnings::w1),
    },
    Rule {
        id: "W2",
        severity: Severity::Warning,
        title: "现行有效件数前后衔接",
        description: "第二十条第（一）项：本年现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数，且本年废止件数不超过上年现行有效件数与本年制发件数之和（2021 格式，需 --previous 上年文件）。",
        check: Some(warnings::w2),
    },
    Rule {
        id: "W4",
        severity: Severity::Warning,
        title: "信息处理费前后一致",
        description: "2021 格式第六部分应报告信息处理费；“申请人逾期未按收费通知要求缴纳费用”的件数不超过发出收费通知件数；实际收取金额不超过收费通知金额，有收取则应有收费通知。",
        check: Some(warnings::w4),
    },
    Rule {
        id: "W7",
        severity: Severity::Warning,
        title: "处理决定数量不是项目数量",
        description: "2019 格式第二十条第（五）（六）项：“处理决定数量”是本年作出的决定数，不是“上一年项目数量”加“本年增/减”；两者恰好相等时多半是填错了列。",
        check: Some(warnings::w7),
    },
    Rule {
        id: "W8",
        severity: Severity::Warning,
        title: "报告格式与年度相符",
        description: "2021 年及以后的报告用 2021 格式（国办公开办函〔2021〕30号），2019、2020 年的报告用 2019 格式（国办公开办函〔2019〕60号）。",
        check: Some(warnings::w8),
    },
    Rule {
        id: "W9",
        severity: Severity::Warning,
        title: "按期发布",
        description: "县级以上人民政府部门于次年 1 月 31 日前、县级以上地方人民政府于次年 3 月 31 日前发布（条例第四十九条）；乡镇按 1 月 31 日计；agency.deadline 可写本地更早的期限。",
        check: Some(warnings::w9),
    },
    Rule {
        id: "N1",
        severity: Severity::Warning,
        title: "不要手写编号",
        description: "小标题和段落不要以（一）、1.、一、等编号开头：nianbao 按层级自动编号，手写编号会重复或错位（读取文件时检查）。",
        check: None,
    },
    Rule {
        id: "N2",
        severity: Severity::Warning,
        title: "正文不能为空",
        description: "一、总体情况和五、存在的主要问题及改进情况要有正文段落，不能只有小标题（《条例》第五十条规定的内容不能遗漏）。",
        check: Some(warnings::n2),
    },
];

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
            assert_eq!(is_error, r.id.starts_with('R') || r.id.starts_with('D'), "{}", r.id);
        }
    }
}

//! Where the labels of the official tables may break: each label of table 三 (both
//! formats) and the headers of table 四, written with `|` between the words a line may
//! end after.
//!
//! The label columns of table 三 are narrow (three characters for the results label and
//! the group labels), so a breaker that may cut between any two Han characters
//! prints 「自然/人」 or 「三、/本年/度办/理结/果」. The words here are those of the
//! official labels (国办公开办函〔2021〕30号, 〔2019〕60号); a one-character word is
//! joined to its neighbour (「无正当」, 「其政府」) and a number to its first word
//! (「1.属于」), so that no line of a label holds a single character or a bare number.

use super::common::APP_COLUMNS;

/// The labels, segmented. Removing the `|` gives the label exactly as the catalogue
/// writes it (a test checks this).
pub const SEGMENTED: &[&str] = &[
    // Table 三: the header.
    "（本列|数据的|勾稽|关系为：|第一项|加第二项|之和，|等于|第三项|加第四项|之和）",
    "申请人|情况",
    "法人|或其他|组织",
    // One word each: read from the catalogue, as they have nowhere to break.
    APP_COLUMNS[0].0,
    APP_COLUMNS[5].0,
    APP_COLUMNS[6].0,
    "商业|企业",
    "科研|机构",
    "社会|公益|组织",
    "法律|服务|机构",
    // Table 三: the rows.
    "一、|本年|新收|政府|信息|公开|申请|数量",
    "二、|上年|结转|政府|信息|公开|申请|数量",
    "三、|本年度|办理|结果",
    "（一）|予以|公开",
    "（二）|部分|公开|（区分|处理的，|只计|这一|情形，|不计|其他|情形）",
    "（三）|不予|公开",
    "1.属于|国家|秘密",
    "2.其他|法律|行政|法规|禁止|公开",
    "3.危及|“三安全|一稳定”",
    "4.保护|第三方|合法|权益",
    "5.属于|三类|内部|事务|信息",
    "6.属于|四类|过程性|信息",
    "7.属于|行政|执法|案卷",
    "8.属于|行政|查询|事项",
    "（四）|无法|提供",
    "1.本机关|不掌握|相关|政府|信息",
    "2.没有|现成|信息|需要|另行|制作",
    "3.补正后|申请|内容|仍不|明确",
    "（五）|不予|处理",
    "1.信访|举报|投诉类|申请",
    "2.重复|申请",
    "3.要求|提供|公开|出版物",
    "4.无正当|理由|大量|反复|申请",
    "5.要求|行政|机关|确认|或重新|出具|已获取|信息",
    "（六）|其他|处理",
    "1.申请人|无正当|理由|逾期|不补正、|行政|机关|不再|处理|其政府|信息|公开|申请",
    "2.申请人|逾期|未按|收费|通知|要求|缴纳|费用、|行政|机关|不再|处理|其政府|信息|公开|申请",
    "3.其他",
    "（七）|总计",
    "四、|结转|下年度|继续|办理",
    // Table 四: the headers.
    "行政|复议",
    "行政|诉讼",
    "未经|复议|直接|起诉",
    "复议后|起诉",
    "结果|维持",
    "结果|纠正",
    "其他|结果",
    "尚未|审结",
];

/// The places (byte offsets into `label`) where a line of `label` may end, if it is one
/// of the segmented labels; `None` for any other text, which breaks where UAX #14 lets
/// it.
pub fn breaks(label: &str) -> Option<Vec<usize>> {
    SEGMENTED.iter().find(|s| same(s, label)).map(|s| {
        let mut out = Vec::new();
        let mut at = 0;
        for c in s.chars() {
            if c == '|' {
                out.push(at);
            } else {
                at += c.len_utf8();
            }
        }
        out
    })
}

/// The words of `label`, in order, if it is one of the segmented labels.
pub fn words(label: &str) -> Option<Vec<&str>> {
    let breaks = breaks(label)?;
    let mut out = Vec::with_capacity(breaks.len() + 1);
    let mut at = 0;
    for b in breaks.into_iter().chain([label.len()]) {
        out.push(&label[at..b]);
        at = b;
    }
    Some(out)
}

/// Whether `segmented` with its `|` left out is `label`.
fn same(segmented: &str, label: &str) -> bool {
    segmented.chars().filter(|&c| c != '|').eq(label.chars())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::FORMATS;
    use crate::format::common::{self, REVIEW_COLUMNS};

    #[test]
    fn every_label_of_table_three_and_of_the_headers_of_table_four_is_segmented() {
        let mut labels: Vec<&str> = vec![
            common::APPLICATIONS_NOTE,
            common::APPLICANTS,
            common::LEGAL_PERSONS,
            common::RESULTS,
            common::REVIEW,
            common::LITIGATION,
        ];
        labels.extend(APP_COLUMNS.iter().map(|c| c.0));
        labels.extend(REVIEW_COLUMNS.iter().filter(|c| **c != "总计"));
        labels.extend(common::LITIGATION_KINDS);
        for spec in FORMATS.iter().filter(|s| !s.applications.is_empty()) {
            for row in spec.applications {
                labels.push(row.label);
                labels.extend(row.group);
            }
        }
        for label in &labels {
            assert!(breaks(label).is_some(), "{label} has no words");
        }
        // And nothing else: every segmented label is one of them.
        for s in SEGMENTED {
            let plain: String = s.chars().filter(|&c| c != '|').collect();
            assert!(labels.contains(&plain.as_str()), "{s} is no label of the catalogue");
        }
    }

    #[test]
    fn breaks_are_byte_offsets_between_the_words() {
        use crate::format::common;
        assert_eq!(breaks(common::RESULTS), Some(vec![6, 15, 21]));
        assert_eq!(breaks(APP_COLUMNS[0].0), Some(vec![]));
        assert_eq!(breaks("本年新收"), None);
    }
}

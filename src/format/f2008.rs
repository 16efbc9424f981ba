//! The format before 2019 (《中华人民共和国政府信息公开条例》, 国务院令第492号, in force
//! 2008-05-01), report years 2008 to 2018: no national table format, but a narrative in
//! usual parts and a statistics table (附表, 政府信息公开情况统计表) with its units and
//! its parent = Σ children sums (domain notes, 耒阳市 2017).

use super::common::proactive_row::{NORMATIVE_ISSUED_2008, NORMATIVE_PUBLISHED_2008};
use super::common::{SECTIONS, Section, section};
use super::{Deadline, Format, FormatSpec};

/// The unit column of a row of the 附表.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnnexUnit {
    /// A group row: "——" in the unit column, no figure.
    Group,
    /// A count in this unit (条, 件, 次, 篇, 个, 人, 人次).
    Count(&'static str),
    /// An amount of money in 万元.
    Money,
}

/// One row of the 附表.
#[derive(Debug)]
pub struct AnnexRow {
    /// Path of the figure in the YAML under `statistics` (and its key in the JSON data);
    /// empty for a group row.
    pub key: &'static str,
    /// The label, as printed.
    pub label: &'static str,
    /// The unit column.
    pub unit: AnnexUnit,
    /// How far the label is indented, in characters (shows the hierarchy).
    pub indent: u8,
    /// Keys of the rows this row is the sum of (rule R6); empty when it is no sum.
    pub sum_of: &'static [&'static str],
}

impl AnnexUnit {
    /// The text of the unit column.
    pub fn label(self) -> &'static str {
        match self {
            AnnexUnit::Group => "——",
            AnnexUnit::Count(u) => u,
            AnnexUnit::Money => "万元",
        }
    }
}

/// What the 附表 is called in section headings and messages.
pub const ANNEX_NAME: &str = "附表";
/// The title of the 附表.
pub const ANNEX_TITLE: &str = "政府信息公开情况统计表";
/// The header of the 附表: item, unit, figure.
pub const ANNEX_HEADER: [&str; 3] = ["统计指标", "单位", "统计数"];
/// Relative column widths of the 附表.
pub const ANNEX_WIDTHS: [u32; 3] = [70, 12, 18];

const fn group(label: &'static str, indent: u8) -> AnnexRow {
    AnnexRow { key: "", label, unit: AnnexUnit::Group, indent, sum_of: &[] }
}

const fn n(key: &'static str, label: &'static str, unit: &'static str, indent: u8) -> AnnexRow {
    AnnexRow { key, label, unit: AnnexUnit::Count(unit), indent, sum_of: &[] }
}

const fn sum(
    key: &'static str,
    label: &'static str,
    unit: &'static str,
    indent: u8,
    sum_of: &'static [&'static str],
) -> AnnexRow {
    AnnexRow { key, label, unit: AnnexUnit::Count(unit), indent, sum_of }
}

const fn money(key: &'static str, label: &'static str, indent: u8) -> AnnexRow {
    AnnexRow { key, label, unit: AnnexUnit::Money, indent, sum_of: &[] }
}

const CORRECTED: &str = "（二）被依法纠错数";
const OTHER_CASES: &str = "（三）其他情形数";

/// The 附表, row by row, in its official order.
pub const ANNEX: [AnnexRow; 65] = [
    group("一、主动公开情况", 0),
    n(
        "proactive.published",
        "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）",
        "条",
        1,
    ),
    n("proactive.normative_published", NORMATIVE_PUBLISHED_2008, "条", 2),
    n("proactive.normative_issued", NORMATIVE_ISSUED_2008, "件", 5),
    group("（二）通过不同渠道和方式公开政府信息的情况", 1),
    n("proactive.gazette", "1.政府公报公开政府信息数", "条", 2),
    n("proactive.website", "2.政府网站公开政府信息数", "条", 2),
    n("proactive.weibo", "3.政务微博公开政府信息数", "条", 2),
    n("proactive.wechat", "4.政务微信公开政府信息数", "条", 2),
    n("proactive.other_channels", "5.其他方式公开政府信息数", "条", 2),
    group("二、回应解读情况", 0),
    n(
        "responses.hot_topics",
        "（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）",
        "次",
        1,
    ),
    group("（二）通过不同渠道和方式回应解读的情况", 1),
    n("responses.press_conferences", "1.参加或举办新闻发布会总次数", "次", 2),
    n("responses.press_conferences_leaders", "其中：主要负责同志参加新闻发布会次数", "次", 3),
    n("responses.online_interviews", "2.政府网站在线访谈次数", "次", 2),
    n("responses.online_interviews_leaders", "其中：主要负责同志参加政府网站在线访谈次数", "次", 3),
    n("responses.interpretations", "3.政策解读稿件发布数", "篇", 2),
    n("responses.weibo_wechat", "4.微博微信回应事件数", "次", 2),
    n("responses.other_channels", "5.其他方式回应事件数", "次", 2),
    group("三、依申请公开情况", 0),
    sum(
        "applications.received",
        "（一）收到申请数",
        "件",
        1,
        &[
            "applications.in_person",
            "applications.fax",
            "applications.online",
            "applications.letter",
        ],
    ),
    n("applications.in_person", "1.当面申请数", "件", 2),
    n("applications.fax", "2.传真申请数", "件", 2),
    n("applications.online", "3.网络申请数", "件", 2),
    n("applications.letter", "4.信函申请数", "件", 2),
    sum(
        "applications.completed",
        "（二）申请办结数",
        "件",
        1,
        &["applications.on_time", "applications.extended"],
    ),
    n("applications.on_time", "1.按时办结数", "件", 2),
    n("applications.extended", "2.延期办结数", "件", 2),
    sum(
        "applications.answered",
        "（三）申请答复数",
        "件",
        1,
        &[
            "applications.already_public",
            "applications.granted",
            "applications.partially_granted",
            "applications.refused",
            "applications.not_this_agency",
            "applications.not_exist",
            "applications.to_amend",
            "applications.other_route",
        ],
    ),
    n("applications.already_public", "1.属于已主动公开范围数", "件", 2),
    n("applications.granted", "2.同意公开答复数", "件", 2),
    n("applications.partially_granted", "3.同意部分公开答复数", "件", 2),
    sum(
        "applications.refused",
        "4.不同意公开答复数",
        "件",
        2,
        &[
            "applications.state_secret",
            "applications.trade_secret",
            "applications.privacy",
            "applications.security_stability",
            "applications.not_government_information",
            "applications.other_law",
        ],
    ),
    n("applications.state_secret", "其中：涉及国家秘密", "件", 3),
    n("applications.trade_secret", "涉及商业秘密", "件", 6),
    n("applications.privacy", "涉及个人隐私", "件", 6),
    n("applications.security_stability", "危及国家安全、公共安全、经济安全和社会稳定", "件", 6),
    n("applications.not_government_information", "不是《条例》所指政府信息", "件", 6),
    n("applications.other_law", "法律法规规定的其他情形", "件", 6),
    n("applications.not_this_agency", "5.不属于本行政机关公开数", "件", 2),
    n("applications.not_exist", "6.申请信息不存在数", "件", 2),
    n("applications.to_amend", "7.告知作出更改补充数", "件", 2),
    n("applications.other_route", "8.告知通过其他途径办理数", "件", 2),
    sum(
        "review.total",
        "四、行政复议数量",
        "件",
        0,
        &["review.upheld", "review.corrected", "review.other"],
    ),
    n("review.upheld", "（一）维持具体行政行为数", "件", 1),
    n("review.corrected", CORRECTED, "件", 1),
    n("review.other", OTHER_CASES, "件", 1),
    sum(
        "litigation.total",
        "五、行政诉讼数量",
        "件",
        0,
        &["litigation.upheld", "litigation.corrected", "litigation.other"],
    ),
    n("litigation.upheld", "（一）维持具体行政行为或者驳回原告诉讼请求数", "件", 1),
    n("litigation.corrected", CORRECTED, "件", 1),
    n("litigation.other", OTHER_CASES, "件", 1),
    n("complaints", "六、举报投诉数量", "件", 0),
    money("fees_wan_yuan", "七、依申请公开信息收取的费用", 0),
    group("八、机构建设和保障经费情况", 0),
    n("organisation.bodies", "（一）政府信息公开工作专门机构数", "个", 1),
    n("organisation.reading_points", "（二）设置政府信息公开查阅点数", "个", 1),
    sum(
        "organisation.staff",
        "（三）从事政府信息公开工作人员数",
        "人",
        1,
        &["organisation.full_time", "organisation.part_time"],
    ),
    n("organisation.full_time", "1.专职人员数（不包括政府公报及政府网站工作人员数）", "人", 2),
    n("organisation.part_time", "2.兼职人员数", "人", 2),
    money(
        "organisation.budget_wan_yuan",
        "（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）",
        1,
    ),
    group("九、政府信息公开会议和培训情况", 0),
    n("meetings.meetings", "（一）召开政府信息公开工作会议或专题会议数", "次", 1),
    n("meetings.training_sessions", "（二）举办各类培训班数", "次", 1),
    n("meetings.trainees", "（三）接受培训人员数", "人次", 1),
];

/// The parts of the narrative, with the usual headings (耒阳市 2017) as the defaults:
/// each part's YAML key, and its number and title. The last part is the 附表.
pub const PARTS: [(&str, Section); 11] = [
    ("overview", Section { number: "一、", title: "概述", part: "概述" }),
    (
        "proactive",
        Section {
            number: "二、",
            title: SECTIONS[section::PROACTIVE].title,
            part: SECTIONS[section::PROACTIVE].part,
        },
    ),
    (
        "responses",
        Section {
            number: "三、", title: "回应关切及政策解读情况", part: "回应关切及政策解读情况"
        },
    ),
    ("applications", Section { number: "四、", title: "依申请公开情况", part: "依申请公开情况" }),
    ("consultations", Section { number: "五、", title: "咨询处理情况", part: "咨询处理情况" }),
    (
        "review",
        Section {
            number: "六、",
            title: "行政复议、诉讼和申诉情况",
            part: "行政复议、诉讼和申诉情况",
        },
    ),
    (
        "fees",
        Section {
            number: "七、",
            title: "政府信息公开的收费及减免情况",
            part: "政府信息公开的收费及减免情况",
        },
    ),
    (
        "organisation",
        Section {
            number: "八、", title: "机构建设和经费保障情况", part: "机构建设和经费保障情况"
        },
    ),
    (
        "meetings",
        Section {
            number: "九、",
            title: "政府信息公开会议和培训情况",
            part: "政府信息公开会议和培训情况",
        },
    ),
    (
        "problems",
        Section {
            number: "十、", title: "主要问题和改进措施", part: "主要问题和改进措施"
        },
    ),
    ("annex", Section { number: "十一、", title: ANNEX_NAME, part: ANNEX_NAME }),
];

/// The deadline of the old 条例: every organ by 31 March of the following year.
pub const DEADLINES_2008: [Deadline; 3] = [
    Deadline { level: "government", by: (3, 31), basis: OLD_BASIS },
    Deadline { level: "department", by: (3, 31), basis: OLD_BASIS },
    Deadline { level: "township", by: (3, 31), basis: OLD_BASIS },
];

const OLD_BASIS: &str = "旧《条例》第三十一条（各级行政机关每年3月31日前）";

/// The format of the old 条例.
pub const SPEC: FormatSpec = FormatSpec {
    format: Format::F2008,
    name: "2008",
    notice: "《中华人民共和国政府信息公开条例》（国务院令第492号）",
    years: 2008..=2018,
    only_keys: &[
        "statistics",
        "headings",
        "responses",
        "consultations",
        "organisation",
        "meetings",
    ],
    proactive: &[],
    proactive_note: None,
    applications: &[],
    reports_fees: false,
    rules: &["R6", "R5", "D1", "W8", "W9", "N1", "N3", "N4"],
    deadlines: &DEADLINES_2008,
    template: "report-2008.xml",
    parts: &PARTS,
    annex: &ANNEX,
};

/// The row of the 附表 with YAML key `key`.
pub fn annex_row(key: &str) -> Option<&'static AnnexRow> {
    ANNEX.iter().find(|r| !r.key.is_empty() && r.key == key)
}

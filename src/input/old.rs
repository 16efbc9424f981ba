//! The YAML file of the 2008 format (the old 条例, report years 2008 to 2018), mirrored
//! exactly (`deny_unknown_fields`): the parts of the narrative, their headings when they
//! differ from the usual ones, and the figures of the 附表.
//!
//! The doc comments of these types are the descriptions in `nianbao schema`, so they are
//! written in Chinese for the people who fill in the file.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

use super::Sp;
use super::cell::{Count, Money};
use super::narrative::Narrative;
use super::report::AgencyInput;

/// 2008 格式（旧《条例》，2018 年及以前的报告）的完整输入。
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Input2008 {
    /// 报告格式：2008（2008 至 2018 年的报告）。不写时按 year 自动确定。
    #[serde(default)]
    pub format: Option<Sp<u32>>,
    /// 报告年度，例如 2017（统计期为该年 1 月 1 日至 12 月 31 日）。
    pub year: Sp<i64>,
    /// 报告机关。
    pub agency: AgencyInput,
    /// 发布日期，写作 2018-03-15 或 2018年3月15日。
    pub publication_date: Sp<String>,
    /// 编制说明（可选）。不写时自动生成：法律依据、各个部分、统计期限。
    #[serde(default)]
    pub preface: Option<Narrative>,
    /// 各部分的标题与常用标题不同时填写（可选），例如 review: 行政复议和行政诉讼情况。
    #[serde(default)]
    pub headings: Headings2008,
    /// 说明取自格式目录（src/format）。
    #[serde(default)]
    pub overview: Option<Narrative>,
    /// 说明取自格式目录（src/format）。
    #[serde(default)]
    pub proactive: Option<Narrative>,
    /// 说明取自格式目录（src/format）。
    #[serde(default)]
    pub responses: Option<Narrative>,
    /// 说明取自格式目录（src/format）。
    #[serde(default)]
    pub applications: Option<Narrative>,
    /// 说明取自格式目录（src/format）。
    #[serde(default)]
    pub consultations: Option<Narrative>,
    /// 说明取自格式目录（src/format）。
    #[serde(default)]
    pub review: Option<Narrative>,
    /// 说明取自格式目录（src/format）。
    #[serde(default)]
    pub fees: Option<Narrative>,
    /// 说明取自格式目录（src/format）。
    #[serde(default)]
    pub organisation: Option<Narrative>,
    /// 说明取自格式目录（src/format）。
    #[serde(default)]
    pub meetings: Option<Narrative>,
    /// 说明取自格式目录（src/format）。
    #[serde(default)]
    pub problems: Option<Narrative>,
    /// 说明取自格式目录（src/format）。
    pub statistics: Statistics2008,
    /// 已核实并接受的警告：警告编号 → 理由，例如 W9: "经本级政务公开办同意延期发布"。错误不能确认。
    #[serde(default)]
    pub acknowledged: BTreeMap<Sp<String>, Sp<String>>,
}

/// 各部分的标题（不含编号，编号自动生成）；不写的部分用常用标题。
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Headings2008 {
    /// 说明取自格式目录（src/format）。
    pub overview: Option<Sp<String>>,
    /// 说明取自格式目录（src/format）。
    pub proactive: Option<Sp<String>>,
    /// 说明取自格式目录（src/format）。
    pub responses: Option<Sp<String>>,
    /// 说明取自格式目录（src/format）。
    pub applications: Option<Sp<String>>,
    /// 说明取自格式目录（src/format）。
    pub consultations: Option<Sp<String>>,
    /// 说明取自格式目录（src/format）。
    pub review: Option<Sp<String>>,
    /// 说明取自格式目录（src/format）。
    pub fees: Option<Sp<String>>,
    /// 说明取自格式目录（src/format）。
    pub organisation: Option<Sp<String>>,
    /// 说明取自格式目录（src/format）。
    pub meetings: Option<Sp<String>>,
    /// 说明取自格式目录（src/format）。
    pub problems: Option<Sp<String>>,
    /// 说明取自格式目录（src/format）。
    pub annex: Option<Sp<String>>,
}

impl Headings2008 {
    /// The headings in the order of the catalogue's parts.
    pub fn in_order(&self) -> [Option<&Sp<String>>; 11] {
        [
            self.overview.as_ref(),
            self.proactive.as_ref(),
            self.responses.as_ref(),
            self.applications.as_ref(),
            self.consultations.as_ref(),
            self.review.as_ref(),
            self.fees.as_ref(),
            self.organisation.as_ref(),
            self.meetings.as_ref(),
            self.problems.as_ref(),
            self.annex.as_ref(),
        ]
    }
}

impl Input2008 {
    /// The narrative parts in the order of the catalogue's parts (the 附表 last, without
    /// text of its own).
    pub fn parts_in_order(&self) -> [Option<&Narrative>; 10] {
        [
            self.overview.as_ref(),
            self.proactive.as_ref(),
            self.responses.as_ref(),
            self.applications.as_ref(),
            self.consultations.as_ref(),
            self.review.as_ref(),
            self.fees.as_ref(),
            self.organisation.as_ref(),
            self.meetings.as_ref(),
            self.problems.as_ref(),
        ]
    }
}

/// 说明取自格式目录（src/format）。
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Statistics2008 {
    /// 说明取自格式目录（src/format）。
    pub proactive: AnnexProactive,
    /// 说明取自格式目录（src/format）。
    pub responses: AnnexResponses,
    /// 说明取自格式目录（src/format）。
    pub applications: AnnexApplications,
    /// 说明取自格式目录（src/format）。
    pub review: AnnexCases,
    /// 说明取自格式目录（src/format）。
    pub litigation: AnnexLitigation,
    /// 说明取自格式目录（src/format）。
    pub complaints: Count,
    /// 说明取自格式目录（src/format）。
    pub fees_wan_yuan: Money,
    /// 说明取自格式目录（src/format）。
    pub organisation: AnnexOrganisation,
    /// 说明取自格式目录（src/format）。
    pub meetings: AnnexMeetings,
    /// 表格下方的说明（可选），例如某个数字包含哪些渠道。
    #[serde(default)]
    pub remarks: Option<Narrative>,
}

/// 说明取自格式目录（src/format）。
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnnexProactive {
    /// 说明取自格式目录（src/format）。
    pub published: Count,
    /// 说明取自格式目录（src/format）。
    pub normative_published: Count,
    /// 说明取自格式目录（src/format）。
    pub normative_issued: Count,
    /// 说明取自格式目录（src/format）。
    pub gazette: Count,
    /// 说明取自格式目录（src/format）。
    pub website: Count,
    /// 说明取自格式目录（src/format）。
    pub weibo: Count,
    /// 说明取自格式目录（src/format）。
    pub wechat: Count,
    /// 说明取自格式目录（src/format）。
    pub other_channels: Count,
}

/// 说明取自格式目录（src/format）。
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnnexResponses {
    /// 说明取自格式目录（src/format）。
    pub hot_topics: Count,
    /// 说明取自格式目录（src/format）。
    pub press_conferences: Count,
    /// 说明取自格式目录（src/format）。
    pub press_conferences_leaders: Count,
    /// 说明取自格式目录（src/format）。
    pub online_interviews: Count,
    /// 说明取自格式目录（src/format）。
    pub online_interviews_leaders: Count,
    /// 说明取自格式目录（src/format）。
    pub interpretations: Count,
    /// 说明取自格式目录（src/format）。
    pub weibo_wechat: Count,
    /// 说明取自格式目录（src/format）。
    pub other_channels: Count,
}

/// 说明取自格式目录（src/format）。
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnnexApplications {
    /// 说明取自格式目录（src/format）。
    pub received: Count,
    /// 说明取自格式目录（src/format）。
    pub in_person: Count,
    /// 说明取自格式目录（src/format）。
    pub fax: Count,
    /// 说明取自格式目录（src/format）。
    pub online: Count,
    /// 说明取自格式目录（src/format）。
    pub letter: Count,
    /// 说明取自格式目录（src/format）。
    pub completed: Count,
    /// 说明取自格式目录（src/format）。
    pub on_time: Count,
    /// 说明取自格式目录（src/format）。
    pub extended: Count,
    /// 说明取自格式目录（src/format）。
    pub answered: Count,
    /// 说明取自格式目录（src/format）。
    pub already_public: Count,
    /// 说明取自格式目录（src/format）。
    pub granted: Count,
    /// 说明取自格式目录（src/format）。
    pub partially_granted: Count,
    /// 说明取自格式目录（src/format）。
    pub refused: Count,
    /// 说明取自格式目录（src/format）。
    pub state_secret: Count,
    /// 说明取自格式目录（src/format）。
    pub trade_secret: Count,
    /// 说明取自格式目录（src/format）。
    pub privacy: Count,
    /// 说明取自格式目录（src/format）。
    pub security_stability: Count,
    /// 说明取自格式目录（src/format）。
    pub not_government_information: Count,
    /// 说明取自格式目录（src/format）。
    pub other_law: Count,
    /// 说明取自格式目录（src/format）。
    pub not_this_agency: Count,
    /// 说明取自格式目录（src/format）。
    pub not_exist: Count,
    /// 说明取自格式目录（src/format）。
    pub to_amend: Count,
    /// 说明取自格式目录（src/format）。
    pub other_route: Count,
}

/// 说明取自格式目录（src/format）。
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnnexCases {
    /// 说明取自格式目录（src/format）。
    pub total: Count,
    /// 说明取自格式目录（src/format）。
    pub upheld: Count,
    /// 说明取自格式目录（src/format）。
    pub corrected: Count,
    /// 说明取自格式目录（src/format）。
    pub other: Count,
}

// The same four items as `AnnexCases`: a type of its own, for descriptions of its own.
/// 说明取自格式目录（src/format）。
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnnexLitigation {
    /// 说明取自格式目录（src/format）。
    pub total: Count,
    /// 说明取自格式目录（src/format）。
    pub upheld: Count,
    /// 说明取自格式目录（src/format）。
    pub corrected: Count,
    /// 说明取自格式目录（src/format）。
    pub other: Count,
}

/// 说明取自格式目录（src/format）。
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnnexOrganisation {
    /// 说明取自格式目录（src/format）。
    pub bodies: Count,
    /// 说明取自格式目录（src/format）。
    pub reading_points: Count,
    /// 说明取自格式目录（src/format）。
    pub staff: Count,
    /// 说明取自格式目录（src/format）。
    pub full_time: Count,
    /// 说明取自格式目录（src/format）。
    pub part_time: Count,
    /// 说明取自格式目录（src/format）。
    pub budget_wan_yuan: Money,
}

/// 说明取自格式目录（src/format）。
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnnexMeetings {
    /// 说明取自格式目录（src/format）。
    pub meetings: Count,
    /// 说明取自格式目录（src/format）。
    pub training_sessions: Count,
    /// 说明取自格式目录（src/format）。
    pub trainees: Count,
}

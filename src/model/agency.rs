//! The reporting agency and its level.

use super::Date;
use crate::source::Span;

/// The level of the reporting agency; it decides the deadline (条例 第四十九条).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// 县级以上人民政府部门: publish by 31 January.
    Department,
    /// 县级以上地方人民政府: publish by 31 March.
    Government,
    /// 乡镇人民政府、街道办事处: deadline set locally, usually with the departments.
    Township,
}

impl Level {
    /// The key written in `agency.level`.
    pub fn key(self) -> &'static str {
        match self {
            Level::Department => "department",
            Level::Government => "government",
            Level::Township => "township",
        }
    }

    /// The Chinese name.
    pub fn label(self) -> &'static str {
        match self {
            Level::Department => "县级以上人民政府部门",
            Level::Government => "县级以上地方人民政府",
            Level::Township => "乡镇人民政府（街道办事处）",
        }
    }
}

/// The reporting agency.
#[derive(Clone, Debug)]
pub struct Agency {
    /// Full name.
    pub name: String,
    /// Level.
    pub level: Level,
    /// 编制单位, if different from the agency.
    pub issuing_office: Option<String>,
    /// A local deadline earlier than the statutory one.
    pub deadline: Option<(Date, Span)>,
    /// Where `scope: 汇总` declares the tables the sum of the batch's other reports.
    pub summary: Option<Span>,
}

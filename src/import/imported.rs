//! What an import found: the report's facts, figures and narrative, and every cell it
//! could not read or doubts, named by its official table, row and column.

use std::collections::BTreeMap;

use super::value::Value;
use crate::format::Format;
use crate::model::{Date, Level};
use crate::scaffold::Narr;

/// A published report read back.
#[derive(Clone, Debug)]
pub struct Imported {
    /// Its format, recognised from its labels.
    pub format: Format,
    /// Report year.
    pub year: i32,
    /// The agency.
    pub agency: Option<String>,
    /// The agency's level (from its name).
    pub level: Level,
    /// 编制单位, when printed under the title.
    pub issuing_office: Option<String>,
    /// The publication date, when printed.
    pub publication_date: Option<Date>,
    /// Figures by scaffold key (`applications.results.granted`), each row's cells in the
    /// catalogue's column order.
    pub figures: BTreeMap<String, Vec<Value>>,
    /// The unit of the procurement amount (2019 format).
    pub procurement_unit: Option<String>,
    /// 信息处理费 (2021 format), when the report states it in nianbao's words.
    pub information_fees: Option<[String; 3]>,
    /// The preface, when the report has its own.
    pub preface: Vec<Narr>,
    /// The narrative parts by YAML key (`overview`, `problems` …).
    pub parts: BTreeMap<&'static str, Vec<Narr>>,
    /// Part headings that differ from the catalogue's (2008 format), by YAML key.
    pub headings: BTreeMap<&'static str, String>,
    /// Notes printed under table 二 (2019, 2021 formats).
    pub proactive_remarks: Vec<Narr>,
    /// Notes printed under table 四, or under the 附表.
    pub remarks: Vec<Narr>,
    /// Cells and facts not read, or read with a doubt.
    pub problems: Vec<Problem>,
    /// Other things the reader should know (a header truncated, columns reordered).
    pub notes: Vec<String>,
    /// Whether the figures came from nianbao's embedded data.
    pub embedded: bool,
}

/// A cell or fact not read, or doubtful.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where: the official table, row and column labels.
    pub place: String,
    /// What is wrong and what to do.
    pub what: String,
}

impl Imported {
    /// Lists a problem.
    pub fn problem(&mut self, place: impl Into<String>, what: impl Into<String>) {
        self.problems.push(Problem { place: place.into(), what: what.into() });
    }
}

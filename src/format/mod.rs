//! The catalogue: every official fact of each report format, written once, as data.
//!
//! A format is a [`FormatSpec`]: the official document that prescribes it, the years it
//! serves, its tables (rows with their YAML keys, full and short labels, columns, merges
//! and header rows), the keys only it has, the rules that apply to it and its deadline
//! rule. What the 2019 and 2021 formats share — the six sections, table 三 (all but the
//! rows of （六）) and table 四 — is in [`common`]; each format's own facts are in its
//! file ([`f2021`], [`f2019`]). Everything else in nianbao (messages, the scaffold, the
//! schema descriptions, the official tables in the document, the JSON data) reads the
//! labels from here.
//!
//! A new format is a new file here with its [`FormatSpec`], listed in [`FORMATS`], plus
//! its serde mirror in `input` and its lowering in `model`.

pub mod common;
pub mod f2008;
pub mod f2019;
pub mod f2021;
pub mod numbering;
mod proactive;
mod rows;
pub mod words;

pub use common::{Deadline, Section};
pub use proactive::{ColRole, ColSpec, ItemGroup, ItemRowSpec, Json, ValueKind};
pub use rows::{RowDef, RowKind};

/// Which official format a report uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum Format {
    /// 国办公开办函〔2019〕60号, report years 2019 and 2020.
    #[serde(rename = "2019")]
    F2019,
    /// 国办公开办函〔2021〕30号, report years 2021 onward.
    #[serde(rename = "2021")]
    F2021,
    /// The old 条例 (国务院令第492号), report years 2008 to 2018: narrative and 附表.
    #[serde(rename = "2008")]
    F2008,
}

/// Every format nianbao reads, newest first.
pub const FORMATS: &[&FormatSpec] = &[&f2021::SPEC, &f2019::SPEC, &f2008::SPEC];

impl Format {
    /// The format's catalogue.
    pub fn spec(self) -> &'static FormatSpec {
        match self {
            Format::F2019 => &f2019::SPEC,
            Format::F2021 => &f2021::SPEC,
            Format::F2008 => &f2008::SPEC,
        }
    }

    /// The format the regulations prescribe for a report year (domain §1.5), if any.
    pub fn for_year(year: i64) -> Option<Format> {
        FORMATS.iter().find(|s| s.years.contains(&year)).map(|s| s.format)
    }

    /// The format written as `format: NNNN`, if nianbao knows it.
    pub fn from_name(n: i64) -> Option<Format> {
        FORMATS.iter().find(|s| s.name.parse::<i64>() == Ok(n)).map(|s| s.format)
    }

    /// "2008", "2019" or "2021".
    pub fn name(self) -> &'static str {
        self.spec().name
    }
}

/// One report format, as data.
#[derive(Debug)]
pub struct FormatSpec {
    /// The format.
    pub format: Format,
    /// Its name in `format:` and in messages.
    pub name: &'static str,
    /// The official document that prescribes it, as the preface cites it.
    pub notice: &'static str,
    /// Report years it serves.
    pub years: std::ops::RangeInclusive<i64>,
    /// YAML keys no other format has (for the hint when a file mixes formats).
    pub only_keys: &'static [&'static str],
    /// Section 二: its item groups, rows and columns.
    pub proactive: &'static [ItemGroup],
    /// A note printed under table 二, `{}` replaced by the unit of the row that has one.
    pub proactive_note: Option<&'static str>,
    /// Table 三's rows, in order.
    pub applications: &'static [RowDef],
    /// Whether section 六 reports the 信息处理费 (2021 format).
    pub reports_fees: bool,
    /// Ids of the rules that apply to reports of this format.
    pub rules: &'static [&'static str],
    /// When reports of this format are due.
    pub deadlines: &'static [Deadline],
    /// The root template of its document.
    pub template: &'static str,
    /// Its own narrative parts (YAML key and default heading), when it does not have the
    /// six sections of [`common::SECTIONS`] (2008 format).
    pub parts: &'static [(&'static str, Section)],
    /// Its statistics table (附表), when it has one instead of tables 二 to 四 (2008 format).
    pub annex: &'static [f2008::AnnexRow],
}

impl FormatSpec {
    /// Whether rule `id` applies to this format.
    pub fn applies(&self, id: &str) -> bool {
        self.rules.contains(&id)
    }

    /// The rows of table 二, in order, with the item each belongs to.
    pub fn proactive_rows(
        &self,
    ) -> impl Iterator<Item = (&'static ItemGroup, &'static ItemRowSpec)> {
        self.proactive.iter().flat_map(|g| g.rows.iter().map(move |r| (g, r)))
    }
}

#[cfg(test)]
mod tests;

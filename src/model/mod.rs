//! The report as the rest of nianbao sees it: one typed model for every format.
//!
//! Built from the YAML mirror by [`lower`]; every number keeps the span it was read from,
//! and totals the user left out are derived on demand, so the rules and the renderers
//! never see a blank. The labels of the tables are not here: they are in the format's
//! catalogue ([`crate::format`]), which every table points at.

mod agency;
mod annex;
mod date;
mod lower;
mod narrative;
mod tables;
mod values;

use std::collections::BTreeMap;

pub use crate::format::{RowDef, RowKind};
pub use agency::{Agency, Level};
pub use annex::{Annex, AnnexFigure, Annexed, Part};
pub use date::Date;
pub use lower::lower;
pub use narrative::{Item, numbering_prefix};
pub use tables::{Applications, Proactive, ProactiveRow, Review};
pub use values::{Amount, Blank, MoneyUnit, Num, Value};

use crate::format::{Format, FormatSpec};
use crate::source::Span;

/// The information-processing fees (信息处理费) stated in section 六, in 元.
#[derive(Clone, Debug)]
pub struct Fees {
    /// Fee notices issued, if stated.
    pub notices: Option<Num>,
    /// Their total amount, if stated.
    pub notices_amount: Option<Amount>,
    /// Amount actually collected, if stated.
    pub collected: Option<Amount>,
    /// Span of the `information_fees` block.
    pub span: Span,
}

/// A warning the agency accepted, with its reason.
#[derive(Clone, Debug)]
pub struct Ack {
    /// Why the agency accepts it.
    pub reason: String,
    /// Where the rule id is written.
    pub span: Span,
    /// Where the reason is written.
    pub reason_span: Span,
}

impl Report {
    /// The catalogue of the report's format.
    pub fn spec(&self) -> &'static FormatSpec {
        self.format.spec()
    }

    /// The six sections and tables 二 to 四 (2019 and 2021 formats).
    pub fn six(&self) -> Option<&Six> {
        match &self.body {
            Body::Six(s) => Some(s),
            Body::Annexed(_) => None,
        }
    }

    /// The parts and the 附表 (2008 format).
    pub fn annexed(&self) -> Option<&Annexed> {
        match &self.body {
            Body::Annexed(a) => Some(a),
            Body::Six(_) => None,
        }
    }
}

/// What the formats report differently.
#[derive(Clone, Debug)]
pub enum Body {
    /// The six sections of 条例 第五十条 with tables 二 to 四 (2019 and 2021 formats).
    Six(Box<Six>),
    /// The narrative parts and the 附表 of the old 条例 (2008 format).
    Annexed(Box<Annexed>),
}

/// The six sections and their tables.
#[derive(Clone, Debug)]
pub struct Six {
    /// 一、总体情况.
    pub overview: Vec<Item>,
    /// Where 一 is in the YAML.
    pub overview_span: Span,
    /// Where 五 is in the YAML.
    pub problems_span: Span,
    /// 二 table.
    pub proactive: Proactive,
    /// Text under table 二.
    pub proactive_remarks: Vec<Item>,
    /// 三 table.
    pub applications: Applications,
    /// Text under table 三.
    pub applications_remarks: Vec<Item>,
    /// 四 table.
    pub review: Review,
    /// Note under table 四.
    pub review_remarks: Vec<Item>,
    /// Section 五 (problems and improvements).
    pub problems: Vec<Item>,
    /// 六 free text.
    pub other_matters: Vec<Item>,
    /// 六 信息处理费 (2021 format), if reported.
    pub fees: Option<Fees>,
    /// Where section 六 is in the YAML.
    pub other_matters_span: Span,
}

impl Six {
    /// Every narrative of the six sections, in the order they are printed: 一, the texts
    /// under tables 二、三、四, 五 and 六.
    pub fn narratives(&self) -> [&[Item]; 6] {
        [
            &self.overview,
            &self.proactive_remarks,
            &self.applications_remarks,
            &self.review_remarks,
            &self.problems,
            &self.other_matters,
        ]
    }
}

/// One report, format-independent where the formats agree.
#[derive(Clone, Debug)]
pub struct Report {
    /// Format in use.
    pub format: Format,
    /// Where `format:` was written, if it was.
    pub format_span: Option<Span>,
    /// Report year.
    pub year: i32,
    /// Where `year:` was written.
    pub year_span: Span,
    /// The agency.
    pub agency: Agency,
    /// Where the agency name was written.
    pub agency_span: Span,
    /// Publication date.
    pub publication_date: Date,
    /// Where it was written.
    pub date_span: Span,
    /// Preface override.
    pub preface: Option<Vec<Item>>,
    /// What the formats report differently: six sections and tables 二 to 四, or the
    /// parts and the 附表 of the old 条例.
    pub body: Body,
    /// Acknowledged warnings, as written: rule id (trimmed, upper case) → reason.
    pub acknowledged: BTreeMap<String, Ack>,
    /// The cells left blank (rule R5 names them; they count as 0, a blank total as
    /// derived).
    pub blanks: Vec<Blank>,
}

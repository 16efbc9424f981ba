//! The report as the rest of nianbao sees it: one typed model for every format.
//!
//! Built from the YAML mirror by [`lower`]; every number keeps the span it was read from,
//! and totals the user left out are derived on demand, so the rules and the renderers
//! never see a blank.

mod date;
mod lower;
mod narrative;

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::format::common::{APP_TOTAL, REVIEW_TOTAL};

pub use crate::format::{RowDef, RowKind};
pub use date::Date;
pub use lower::lower;
pub use narrative::{Item, numbering_prefix};

use crate::format::{ColRole, Format, FormatSpec, ItemGroup, ItemRowSpec};
use crate::source::Span;

/// A count read from the YAML.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Num {
    /// The value (non-negative except signed changes of table 二).
    pub value: i64,
    /// Where it was written.
    pub span: Span,
}

/// An amount of money read from the YAML, exact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Amount {
    /// The value, with the scale the user wrote (`12.50` keeps two places).
    pub value: Decimal,
    /// Where it was written.
    pub span: Span,
}

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
}

/// Table 三: the applications grid.
#[derive(Clone, Debug)]
pub struct Applications {
    /// Row definitions of the format.
    pub rows: &'static [RowDef],
    /// Cells as given; `None` = derived (the total column, or the whole total row).
    pub cells: Vec<[Option<Num>; 7]>,
    /// Span of each row in the YAML (the key of a derived row's parent when absent).
    pub row_spans: Vec<Span>,
}

impl Applications {
    /// The value of a cell, derived when not given.
    pub fn value(&self, row: usize, col: usize) -> i64 {
        if let Some(n) = self.cells[row][col] {
            return n.value;
        }
        if col == APP_TOTAL {
            return (0..APP_TOTAL).map(|c| self.value(row, c)).sum();
        }
        self.result_rows().map(|r| self.value(r, col)).sum()
    }

    /// Indices of the result rows that the total row sums.
    pub fn result_rows(&self) -> impl Iterator<Item = usize> + '_ {
        self.rows.iter().enumerate().filter(|(_, r)| r.kind == RowKind::Result).map(|(i, _)| i)
    }

    /// Index of the row with YAML key `key`.
    pub fn row_by_key(&self, key: &str) -> Option<usize> {
        self.rows.iter().position(|r| r.key == key)
    }

    /// Index of the first row of a kind.
    pub fn row_of(&self, kind: RowKind) -> usize {
        self.rows.iter().position(|r| r.kind == kind).unwrap_or(0)
    }

    /// Where a cell is in the YAML: its own span, or its row's when derived.
    pub fn span(&self, row: usize, col: usize) -> Span {
        self.cells[row][col].map_or(self.row_spans[row], |n| n.span)
    }
}

/// Table 四: the three groups of administrative review and litigation.
#[derive(Clone, Debug)]
pub struct Review {
    /// Cells of the three groups (review, litigation direct and after review); the
    /// total column `None` = derived.
    pub groups: [[Option<Num>; 5]; 3],
    /// Span of each group row in the YAML.
    pub spans: [Span; 3],
}

impl Review {
    /// The value of a cell, the 总计 derived when not given.
    pub fn value(&self, group: usize, col: usize) -> i64 {
        match self.groups[group][col] {
            Some(n) => n.value,
            None => (0..REVIEW_TOTAL).map(|c| self.value(group, c)).sum(),
        }
    }

    /// Where a cell is in the YAML.
    pub fn span(&self, group: usize, col: usize) -> Span {
        self.groups[group][col].map_or(self.spans[group], |n| n.span)
    }
}

/// Table 二: its rows in the order of the format's catalogue.
#[derive(Clone, Debug)]
pub struct Proactive {
    /// The rows.
    pub rows: Vec<ProactiveRow>,
}

/// One row of table 二.
#[derive(Clone, Debug)]
pub struct ProactiveRow {
    /// The item of 第二十条 it belongs to (its columns).
    pub group: &'static ItemGroup,
    /// The row.
    pub spec: &'static ItemRowSpec,
    /// One value per column of the group.
    pub values: Vec<Value>,
    /// The unit of its money, for rows that state one.
    pub unit: Option<MoneyUnit>,
}

impl ProactiveRow {
    /// The value in the column of `role`, if the row has one.
    pub fn by_role(&self, role: ColRole) -> Option<&Value> {
        self.group.columns.iter().position(|c| c.role == role).map(|i| &self.values[i])
    }
}

/// A cell of table 二.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value {
    /// A count, or a signed change.
    Count(Num),
    /// An amount of money.
    Money(Amount),
}

impl Value {
    /// The count, for count cells.
    pub fn count(&self) -> Option<Num> {
        match self {
            Value::Count(n) => Some(*n),
            Value::Money(_) => None,
        }
    }
}

/// A unit of money.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum MoneyUnit {
    /// 元.
    #[serde(rename = "元")]
    Yuan,
    /// 万元.
    #[serde(rename = "万元")]
    Wan,
}

impl MoneyUnit {
    /// The unit written `元` or `万元`.
    pub fn parse(s: &str) -> Option<MoneyUnit> {
        match s {
            "万元" => Some(MoneyUnit::Wan),
            "元" => Some(MoneyUnit::Yuan),
            _ => None,
        }
    }

    /// The Chinese unit.
    pub fn label(self) -> &'static str {
        match self {
            MoneyUnit::Yuan => "元",
            MoneyUnit::Wan => "万元",
        }
    }
}

/// 信息处理费 of the 2021 format, in 元.
#[derive(Clone, Debug)]
pub struct Fees {
    /// Fee notices issued.
    pub notices: Num,
    /// Their total amount.
    pub notices_amount: Amount,
    /// Amount actually collected.
    pub collected: Amount,
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
    /// Acknowledged warnings, as written: rule id (trimmed, upper case) → reason.
    pub acknowledged: BTreeMap<String, Ack>,
}

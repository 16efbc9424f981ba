//! Values as read from the YAML, each with its place: counts, amounts, table-二 cells and
//! units of money.

use rust_decimal::Decimal;

use crate::source::Span;

/// A count read from the YAML.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Num {
    /// The value (non-negative except signed changes of table 二).
    pub value: i64,
    /// Where it was written.
    pub span: Span,
    /// Left blank in the YAML (`~`, nothing, or a placeholder such as `/` or `—`): counted
    /// as 0 (a blank total as derived) by the rules, which say so, and printed blank.
    pub blank: bool,
}

impl Num {
    /// A figure as written.
    pub fn new(value: i64, span: Span) -> Num {
        Num { value, span, blank: false }
    }
}

/// A cell left blank, for the message that names it (rule R5).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Blank {
    /// Where.
    pub span: Span,
    /// The table, as messages name it.
    pub table: String,
    /// The row, in the official labels.
    pub row: String,
    /// The column, in the official labels (empty for a single-value row).
    pub col: String,
}

/// An amount of money read from the YAML, exact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Amount {
    /// The value, with the scale the user wrote (`12.50` keeps two places).
    pub value: Decimal,
    /// Where it was written.
    pub span: Span,
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

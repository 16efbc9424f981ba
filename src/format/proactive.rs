//! The shape of table 二 (proactive disclosure): items of 条例 第二十条, each with its
//! value columns and rows.
//!
//! The table is printed group by group: a row naming the item across the table, a header
//! row (信息内容 and the value columns, each spanning its columns), then one row per
//! [`ItemRowSpec`] with its values under the same spans.

/// One item of 第二十条 as a group of table 二.
#[derive(Debug)]
pub struct ItemGroup {
    /// The item of 第二十条 (its number, as printed).
    pub item: &'static str,
    /// Its value columns.
    pub columns: &'static [ColSpec],
    /// Its rows.
    pub rows: &'static [ItemRowSpec],
}

/// A value column of an item group.
#[derive(Debug)]
pub struct ColSpec {
    /// The header, as printed.
    pub label: &'static str,
    /// How many of the table's value columns it spans.
    pub span: u16,
    /// What its cells hold.
    pub kind: ValueKind,
    /// What it means to the rules.
    pub role: ColRole,
}

/// A column (for the catalogue's tables).
pub(super) const fn col(label: &'static str, span: u16, kind: ValueKind, role: ColRole) -> ColSpec {
    ColSpec { label, span, kind, role }
}

/// What a cell holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    /// A non-negative count.
    Count,
    /// A signed change (`+3`, `-2`).
    Signed,
    /// A non-negative amount of money, exact.
    Money,
}

/// What a column means to the rules that look at table 二.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColRole {
    /// Nothing a rule looks at.
    Plain,
    /// Documents issued this year.
    Issued,
    /// Documents repealed this year.
    Repealed,
    /// Documents in force at the end of the year.
    InForce,
    /// Items at the end of last year.
    LastYear,
    /// Change of the items this year.
    Delta,
    /// Decisions made this year.
    Decisions,
}

/// How a row appears in the `nianbao-data` JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Json {
    /// One value.
    Scalar,
    /// A list of the values.
    Array,
    /// An object with these keys for the values, and `unit` for the row's unit.
    Object(&'static [&'static str]),
}

/// One row of table 二.
#[derive(Debug)]
pub struct ItemRowSpec {
    /// The YAML key under `proactive`.
    pub key: &'static str,
    /// The label, as printed.
    pub label: &'static str,
    /// The key in the `nianbao-data` JSON.
    pub data_key: &'static str,
    /// The shape in the JSON.
    pub json: Json,
    /// Whether the row states the unit of its money (`unit: 万元`).
    pub unit: bool,
}

impl ItemGroup {
    /// The number of value cells of each row.
    pub fn width(&self) -> usize {
        self.columns.len()
    }
}

//! Numeric cells as the user typed them.
//!
//! A cell is read leniently (any scalar) so that one wrong cell does not stop the reading
//! of the rest of the file: `lower` then reports every bad cell at once (rule R5), with
//! the exact text the user wrote taken from the source.

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use super::Sp;

/// Any scalar where a number is expected.
#[derive(Clone, Debug, PartialEq)]
pub enum Raw {
    /// An integer.
    Int(i64),
    /// A number with a fraction (exact text is re-read from the source).
    Float(f64),
    /// Text (quoted, or not a number).
    Text(String),
    /// Nothing: `key:` or `~`.
    Null,
    /// `true` / `false`.
    Bool(bool),
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Raw;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("一个数字")
            }
            fn visit_i64<E>(self, v: i64) -> Result<Raw, E> {
                Ok(Raw::Int(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Raw, E> {
                i64::try_from(v).map(Raw::Int).map_err(|_| E::custom("数字太大"))
            }
            fn visit_i128<E: de::Error>(self, v: i128) -> Result<Raw, E> {
                i64::try_from(v).map(Raw::Int).map_err(|_| E::custom("数字太大"))
            }
            fn visit_u128<E: de::Error>(self, v: u128) -> Result<Raw, E> {
                i64::try_from(v).map(Raw::Int).map_err(|_| E::custom("数字太大"))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Raw, E> {
                Ok(Raw::Float(v))
            }
            fn visit_str<E>(self, v: &str) -> Result<Raw, E> {
                Ok(Raw::Text(v.to_owned()))
            }
            fn visit_string<E>(self, v: String) -> Result<Raw, E> {
                Ok(Raw::Text(v))
            }
            fn visit_unit<E>(self) -> Result<Raw, E> {
                Ok(Raw::Null)
            }
            fn visit_none<E>(self) -> Result<Raw, E> {
                Ok(Raw::Null)
            }
            fn visit_bool<E>(self, v: bool) -> Result<Raw, E> {
                Ok(Raw::Bool(v))
            }
        }
        d.deserialize_any(V)
    }
}

/// A count cell (件): a non-negative integer.
#[derive(Clone, Debug, Deserialize)]
#[serde(transparent)]
pub struct Count(pub Sp<Raw>);

/// A signed integer cell (a change in table 二 of the 2019 format, written `+36` or `-2`).
#[derive(Clone, Debug, Deserialize)]
#[serde(transparent)]
pub struct Signed(pub Sp<Raw>);

/// An amount of money: a non-negative decimal, read exactly as written.
#[derive(Clone, Debug, Deserialize)]
#[serde(transparent)]
pub struct Money(pub Sp<Raw>);

impl JsonSchema for Count {
    fn schema_name() -> Cow<'static, str> {
        "Count".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "integer", "minimum": 0, "description": "件数：非负整数；没有请填 0，不要留空" })
    }
}

impl JsonSchema for Signed {
    fn schema_name() -> Cow<'static, str> {
        "Signed".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "integer", "description": "增减数：整数，可带正负号（+36、-2）" })
    }
}

impl JsonSchema for Money {
    fn schema_name() -> Cow<'static, str> {
        "Money".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "number", "minimum": 0, "description": "金额：非负数，可带小数；单位见字段说明，不要写在数字里" })
    }
}

/// A table row written as a YAML sequence: `[3, 0, 0, 0, 0, 0]`.
///
/// `MIN` numbers without the 总计 cell, `MAX` with it (they are equal where a row has no
/// total).
#[derive(Clone, Debug, Deserialize)]
#[serde(transparent)]
pub struct Row<const MIN: usize, const MAX: usize>(pub Sp<Vec<Count>>);

impl<const MIN: usize, const MAX: usize> JsonSchema for Row<MIN, MAX> {
    fn schema_name() -> Cow<'static, str> {
        format!("Row{MIN}_{MAX}").into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "array",
            "items": { "type": "integer", "minimum": 0 },
            "minItems": MIN,
            "maxItems": MAX,
        })
    }
}

/// A 2019-format item row of table 二: last year's items, the change, the decisions;
/// the middle one signed.
#[derive(Clone, Debug, Deserialize)]
#[serde(transparent)]
pub struct ItemRow(pub Sp<Vec<Sp<Raw>>>);

impl JsonSchema for ItemRow {
    fn schema_name() -> Cow<'static, str> {
        "ItemRow".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "array", "items": { "type": "integer" } })
    }
}

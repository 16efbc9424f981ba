//! Narrative text as written in the YAML: paragraphs and headed items, nested.

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

use super::Sp;

/// One narrative block: a paragraph, or a heading with its own content.
#[derive(Clone, Debug)]
pub enum Block {
    /// A paragraph of text.
    Para(String),
    /// A headed item; nianbao numbers the heading by its depth.
    Headed {
        /// Heading text, without any number.
        heading: Sp<String>,
        /// What follows the heading.
        content: Narrative,
    },
}

/// A list of blocks. In YAML either a list, or one string whose lines are paragraphs.
#[derive(Clone, Debug, Default)]
pub struct Narrative {
    /// The blocks in order.
    pub blocks: Vec<Sp<Block>>,
    /// Where the narrative is written.
    pub span: crate::source::Span,
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Block;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("一段文字，或带 heading / content 的小标题")
            }
            fn visit_str<E>(self, v: &str) -> Result<Block, E> {
                Ok(Block::Para(v.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Block, A::Error> {
                let mut heading: Option<Sp<String>> = None;
                let mut content: Option<Narrative> = None;
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "heading" if heading.is_some() => {
                            return Err(de::Error::duplicate_field("heading"));
                        }
                        "content" if content.is_some() => {
                            return Err(de::Error::duplicate_field("content"));
                        }
                        "heading" => heading = Some(map.next_value()?),
                        "content" => content = Some(map.next_value()?),
                        other => {
                            return Err(de::Error::unknown_field(other, &["heading", "content"]));
                        }
                    }
                }
                let heading = heading.ok_or_else(|| de::Error::missing_field("heading"))?;
                Ok(Block::Headed { heading, content: content.unwrap_or_default() })
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for Narrative {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let sp = Sp::<NarrativeRaw>::deserialize(d)?;
        let blocks = match sp.value {
            NarrativeRaw::List(blocks) => blocks,
            NarrativeRaw::Text(text) => text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|l| Sp::new(Block::Para(l.to_owned()), sp.span))
                .collect(),
            NarrativeRaw::Empty => Vec::new(),
        };
        Ok(Narrative { blocks, span: sp.span })
    }
}

enum NarrativeRaw {
    List(Vec<Sp<Block>>),
    Text(String),
    Empty,
}

impl<'de> Deserialize<'de> for NarrativeRaw {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = NarrativeRaw;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("文字（一段或多行），或段落与小标题的列表")
            }
            fn visit_str<E>(self, v: &str) -> Result<NarrativeRaw, E> {
                Ok(NarrativeRaw::Text(v.to_owned()))
            }
            fn visit_unit<E>(self) -> Result<NarrativeRaw, E> {
                Ok(NarrativeRaw::Empty)
            }
            fn visit_none<E>(self) -> Result<NarrativeRaw, E> {
                Ok(NarrativeRaw::Empty)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<NarrativeRaw, A::Error> {
                let mut out = Vec::new();
                while let Some(b) = seq.next_element()? {
                    out.push(b);
                }
                Ok(NarrativeRaw::List(out))
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for Narrative {
    fn schema_name() -> Cow<'static, str> {
        "Narrative".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let block = generator.subschema_for::<Block>();
        json_schema!({
            "description": "正文：一段文字（多行时每行一段），或由段落和小标题组成的列表。小标题由 nianbao 自动编号（（一）、1.、（1）），不要自己写编号。",
            "anyOf": [
                { "type": "string" },
                { "type": "null" },
                { "type": "array", "items": block }
            ]
        })
    }
}

impl JsonSchema for Block {
    fn schema_name() -> Cow<'static, str> {
        "Block".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let narrative = generator.subschema_for::<Narrative>();
        json_schema!({
            "anyOf": [
                { "type": "string", "description": "一个段落" },
                {
                    "type": "object",
                    "description": "小标题及其下的内容",
                    "properties": {
                        "heading": { "type": "string", "description": "小标题文字，不带编号" },
                        "content": narrative
                    },
                    "required": ["heading"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

//! `nianbao schema`: the JSON Schema (draft-07) of the input, for editors.

use schemars::generate::SchemaSettings;
use serde_json::Value;

use super::report::{Input2019, Input2021};

/// The schema of both formats: a file must match one of them.
pub fn json_schema() -> Value {
    let generator = SchemaSettings::draft07().into_generator();
    let mut generator = generator;
    let s2021 = generator.subschema_for::<Input2021>();
    let s2019 = generator.subschema_for::<Input2019>();
    let mut root = serde_json::json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "https://nianbao.invalid/schema/report.json",
        "title": "政府信息公开工作年度报告（nianbao 输入文件）",
        "description": "一个机关一年的政府信息公开工作年度报告。2021 年及以后用 2021 格式，2019、2020 年用 2019 格式。",
        "anyOf": [s2021, s2019],
    });
    let defs = generator.take_definitions(true);
    root["definitions"] = Value::Object(defs);
    root
}

//! `nianbao schema`: a draft-07 JSON Schema that knows every key of the input.

use serde_json::Value;

use crate::support::nianbao;

fn schema() -> Value {
    let run = nianbao(&["schema"]);
    assert_eq!(run.code, 0);
    serde_json::from_str(&run.stdout).expect("schema is JSON")
}

/// All property names anywhere in the schema.
fn properties(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            if let Some(Value::Object(props)) = map.get("properties") {
                out.extend(props.keys().cloned());
            }
            map.values().for_each(|x| properties(x, out));
        }
        Value::Array(items) => items.iter().for_each(|x| properties(x, out)),
        _ => {}
    }
}

// The schema is draft-07 with both formats, described in Chinese.
#[test]
fn schema_is_draft07() {
    let s = schema();
    assert_eq!(s["$schema"], "http://json-schema.org/draft-07/schema#");
    assert_eq!(s["anyOf"].as_array().unwrap().len(), 2);
    let text = s.to_string();
    assert!(text.contains("一、本年新收政府信息公开申请数量"));
    assert!(text.contains("\"additionalProperties\":false"));
}

// Every key the scaffolds use is a property in the schema, with a description.
#[test]
fn schema_covers_the_scaffolds() {
    let s = schema();
    let mut props = Vec::new();
    properties(&s, &mut props);
    for format in ["2021", "2019"] {
        let run = nianbao(&["init", "--format", format, "--year", "2024"]);
        for line in run.stdout.lines() {
            let t = line.trim_start().trim_start_matches("- ");
            if t.starts_with('#') || t.is_empty() {
                continue;
            }
            let Some((key, _)) = t.split_once(':') else { continue };
            assert!(props.iter().any(|p| p == key), "key {key} ({format}) missing from the schema");
        }
    }
}

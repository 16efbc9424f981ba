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

// The schema is draft-07 with the three formats, described in Chinese.
#[test]
fn schema_is_draft07() {
    let s = schema();
    assert_eq!(s["$schema"], "http://json-schema.org/draft-07/schema#");
    assert_eq!(s["anyOf"].as_array().unwrap().len(), 3);
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
    for format in ["2021", "2019", "2008"] {
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

// Every key of the 2008 format (its parts, headings and the items of the 附表) is
// described from the catalogue: the item's label, its unit, and the sum it must equal.
#[test]
fn schema_describes_the_2008_format() {
    let s = schema();
    let defs = s["definitions"].as_object().unwrap();
    let mut n = 0;
    for (name, def) in defs {
        let ours = name.starts_with("Annex") || name.ends_with("2008");
        let Some(props) = def["properties"].as_object().filter(|_| ours) else { continue };
        for (key, p) in props {
            let d = p["description"].as_str().unwrap_or("");
            assert!(!d.is_empty() && !d.contains("src/format"), "{name}.{key}: «{d}»");
            n += 1;
        }
    }
    assert!(n > 80, "only {n} keys of the 2008 format");
    let apps = &defs["AnnexApplications"]["properties"];
    assert_eq!(
        apps["received"]["description"],
        "（一）收到申请数（单位：件），等于 1.当面申请数 + 2.传真申请数 + 3.网络申请数 + 4.信函申请数 之和。"
    );
    assert_eq!(
        defs["AnnexLitigation"]["properties"]["upheld"]["description"],
        "（一）维持具体行政行为或者驳回原告诉讼请求数（单位：件）。"
    );
}

//! Chinese descriptions of YAML keys, taken from the JSON Schema so they are written once.

use std::sync::OnceLock;

use serde_json::Value;

/// The description of the first schema property named `key`.
pub(crate) fn describe(key: &str) -> Option<String> {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    let schema = SCHEMA.get_or_init(super::schema::json_schema);
    find(schema, key)
}

fn find(v: &Value, key: &str) -> Option<String> {
    match v {
        Value::Object(map) => {
            if let Some(Value::Object(props)) = map.get("properties")
                && let Some(desc) = props.get(key).and_then(|p| p.get("description"))
            {
                return desc.as_str().map(str::to_owned);
            }
            map.values().find_map(|x| find(x, key))
        }
        Value::Array(items) => items.iter().find_map(|x| find(x, key)),
        _ => None,
    }
}

//! JSON documents the user hands us: `--body FILE|-` and `--set path=value` assignments.

use std::io::Read;
use std::path::Path;

use serde_json::{Map, Value};

use crate::error::{Error, Result};

/// The exact bytes of a file, or of stdin when the path is `-`, with the name to give it in
/// messages.
pub fn read_bytes(path: &Path) -> Result<(String, Vec<u8>)> {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Error::usage(format!("cannot read the body from stdin: {e}")))?;
        Ok(("stdin".to_string(), bytes))
    } else {
        let bytes = std::fs::read(path)
            .map_err(|e| Error::usage(format!("cannot read {}: {e}", path.display())))?;
        Ok((path.display().to_string(), bytes))
    }
}

/// Reads a JSON document from a file, or from stdin when the path is `-`.
pub fn read_json(path: &Path) -> Result<Value> {
    let (name, bytes) = read_bytes(path)?;
    serde_json::from_slice(&bytes)
        .map_err(|e| Error::usage(format!("{name} is not valid JSON: {e}")))
}

/// Like [`read_json`], but the document must be a JSON object.
pub fn read_json_object(path: &Path) -> Result<Map<String, Value>> {
    match read_json(path)? {
        Value::Object(map) => Ok(map),
        other => Err(Error::usage(format!(
            "{} must hold a JSON object, not {}",
            if path.as_os_str() == "-" {
                "stdin".to_string()
            } else {
                path.display().to_string()
            },
            json_type(&other)
        ))),
    }
}

pub fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Applies `a.b.c=value`: the value is parsed as JSON where it parses, else taken as a
/// string; missing objects on the path are created.
pub fn apply_assignment(document: &mut Value, assignment: &str) -> Result<()> {
    let (path, raw) = assignment.split_once('=').ok_or_else(|| {
        Error::usage(format!("--set '{assignment}' is not of the form key=value"))
    })?;
    if path.is_empty() || path.split('.').any(str::is_empty) {
        return Err(Error::usage(format!(
            "--set '{assignment}' has an empty key; expected e.g. data.merchant_name=Shop"
        )));
    }
    let value = serde_json::from_str(raw).unwrap_or_else(|_| Value::String(raw.to_string()));
    let mut target = document;
    let keys: Vec<&str> = path.split('.').collect();
    for (i, key) in keys.iter().enumerate() {
        if !target.is_object() {
            return Err(Error::usage(format!(
                "--set '{assignment}': '{}' is {}, not an object",
                keys[..i].join("."),
                json_type(target)
            )));
        }
        let map = target.as_object_mut().expect("checked above");
        if i + 1 == keys.len() {
            map.insert(key.to_string(), value);
            return Ok(());
        }
        target = map
            .entry(key.to_string())
            .or_insert_with(|| Value::Object(Map::new()));
    }
    unreachable!("a non-empty path always ends in the loop")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn assignment_parses_json_and_falls_back_to_string() {
        let mut doc = json!({"url": "x"});
        apply_assignment(&mut doc, "retries=3").unwrap();
        apply_assignment(&mut doc, "name=shop").unwrap();
        apply_assignment(&mut doc, "data.merchant_name=\"A B\"").unwrap();
        assert_eq!(
            doc,
            json!({"url": "x", "retries": 3, "name": "shop", "data": {"merchant_name": "A B"}})
        );
    }

    #[test]
    fn assignment_rejects_bad_forms() {
        let mut doc = json!({"url": "x"});
        assert!(apply_assignment(&mut doc, "novalue").is_err());
        assert!(apply_assignment(&mut doc, "=1").is_err());
        assert!(apply_assignment(&mut doc, "url.inner=1").is_err());
    }
}

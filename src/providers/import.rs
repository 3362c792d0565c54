//! `hooks providers import`: an OpenAPI document's webhooks and callbacks as a provider folder.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value, json};

use super::pointer::Pointer;
use crate::cli::ImportArgs;
use crate::error::{Error, Result};
use crate::output::{Output, counted};

/// One operation that posts a notification to the user: a kind of the provider.
struct Operation {
    kind: String,
    summary: Option<String>,
    schema: Value,
    example: Option<Value>,
}

pub fn run(args: ImportArgs, out: Output) -> Result<()> {
    let text = std::fs::read_to_string(&args.spec)
        .map_err(|e| Error::usage(format!("cannot read {}: {e}", args.spec.display())))?;
    let document: Value = serde_yaml_ng::from_str(&text)
        .map_err(|e| Error::usage(format!("{} is not YAML or JSON: {e}", args.spec.display())))?;
    if document.get("openapi").and_then(Value::as_str).is_none() {
        return Err(Error::usage(format!(
            "{} is not an OpenAPI document: no `openapi` version field",
            args.spec.display()
        )));
    }
    if !args
        .name
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        || args.name.is_empty()
    {
        return Err(Error::usage(format!(
            "--name {:?} must be [a-z0-9-]+",
            args.name
        )));
    }
    let folder = args
        .out
        .unwrap_or_else(|| PathBuf::from("."))
        .join(&args.name);
    if folder.exists() && !args.force {
        return Err(Error::usage(format!(
            "{} exists; pass --force to overwrite it",
            folder.display()
        )));
    }
    let mut skipped = Vec::new();
    let operations = operations(&document, &mut skipped);
    let written = write_folder(&folder, &args.name, &document, &operations, &mut skipped)?;
    for line in &skipped {
        out.warn(format!("not mapped: {line}"));
    }
    if out.json {
        out.json_line(&json!({
            "provider": args.name,
            "folder": folder.display().to_string(),
            "kinds": operations.iter().map(|o| o.kind.clone()).collect::<Vec<_>>(),
            "written": written,
            "skipped": skipped,
        }));
    } else {
        out.line(format!(
            "wrote {} with {} ({})",
            folder.display(),
            counted(operations.len(), "kind", "kinds"),
            counted(written.len(), "file", "files")
        ));
    }
    Ok(())
}

/// Every webhook and callback operation with a JSON request body; what cannot be used goes to `skipped`.
fn operations(document: &Value, skipped: &mut Vec<String>) -> Vec<Operation> {
    let mut found = Vec::new();
    if let Some(webhooks) = document.get("webhooks").and_then(Value::as_object) {
        for (key, item) in webhooks {
            path_item(
                document,
                key,
                item,
                &format!("webhooks/{key}"),
                skipped,
                &mut found,
            );
        }
    }
    let paths = document.get("paths").and_then(Value::as_object);
    for (path, item) in paths.into_iter().flatten() {
        for (method, operation) in item.as_object().into_iter().flatten() {
            let callbacks = operation.get("callbacks").and_then(Value::as_object);
            for (name, callback) in callbacks.into_iter().flatten() {
                let callback = local(document, callback).unwrap_or(callback);
                for (expression, item) in callback.as_object().into_iter().flatten() {
                    let at = format!("paths{path}/{method}/callbacks/{name}/{expression}");
                    path_item(document, name, item, &at, skipped, &mut found);
                }
            }
        }
    }
    let mut seen = BTreeMap::new();
    for operation in &mut found {
        let n = seen.entry(operation.kind.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            skipped.push(format!(
                "two operations are named {}: the second is kept as {}-{n}",
                operation.kind, operation.kind
            ));
            operation.kind = format!("{}-{n}", operation.kind);
        }
    }
    found
}

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

fn path_item(
    document: &Value,
    key: &str,
    item: &Value,
    at: &str,
    skipped: &mut Vec<String>,
    found: &mut Vec<Operation>,
) {
    let item = local(document, item).unwrap_or(item);
    for method in METHODS {
        let Some(operation) = item.get(method) else {
            continue;
        };
        let at = format!("{at}/{method}");
        let name = operation
            .get("operationId")
            .and_then(Value::as_str)
            .unwrap_or(key);
        let kind = kind_name(name);
        let Some(body) = operation.get("requestBody") else {
            skipped.push(format!("{at}: no request body"));
            continue;
        };
        let body = match resolve_ref(document, body) {
            Ok(body) => body,
            Err(why) => {
                skipped.push(format!("{at}: {why}"));
                continue;
            }
        };
        let content = body.get("content").and_then(Value::as_object);
        let Some(media) = content.and_then(|c| {
            c.iter()
                .find(|(t, _)| t.starts_with("application/json") || t.ends_with("+json"))
                .map(|(_, m)| m)
        }) else {
            let types: Vec<&str> = content
                .into_iter()
                .flatten()
                .map(|(t, _)| t.as_str())
                .collect();
            skipped.push(format!(
                "{at}: no JSON body (content: {})",
                types.join(", ")
            ));
            continue;
        };
        let schema = match media.get("schema") {
            Some(schema) => match inline(document, schema) {
                Ok(schema) => schema,
                Err(why) => {
                    skipped.push(format!("{at}: {why}"));
                    continue;
                }
            },
            None => json!({}),
        };
        let example = media
            .get("example")
            .cloned()
            .or_else(|| {
                let examples = media.get("examples")?.as_object()?;
                let first = examples.values().next()?;
                resolve_ref(document, first).ok()?.get("value").cloned()
            })
            .or_else(|| schema.get("examples")?.get(0).cloned())
            .or_else(|| schema.get("example").cloned())
            .or_else(|| schema.get("default").cloned());
        found.push(Operation {
            kind,
            summary: operation
                .get("summary")
                .or_else(|| operation.get("description"))
                .and_then(Value::as_str)
                .map(str::to_owned),
            schema,
            example,
        });
    }
}

/// A kind name as a definition accepts it: lower case letters, digits and dashes.
fn kind_name(name: &str) -> String {
    let mut kind = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 && !kind.ends_with('-') {
            kind.push('-');
        }
        if c.is_ascii_alphanumeric() {
            kind.push(c.to_ascii_lowercase());
        } else if !kind.ends_with('-') && !kind.is_empty() {
            kind.push('-');
        }
    }
    let kind = kind.trim_end_matches('-').to_owned();
    if kind.is_empty() {
        "notification".into()
    } else {
        kind
    }
}

/// The object a `$ref` names in this document, if `value` is a local reference.
fn local<'a>(document: &'a Value, value: &Value) -> Option<&'a Value> {
    let reference = value.get("$ref")?.as_str()?;
    document.pointer(reference.strip_prefix('#')?)
}

fn resolve_ref<'a>(document: &'a Value, value: &'a Value) -> Result<&'a Value, String> {
    match value.get("$ref").and_then(Value::as_str) {
        None => Ok(value),
        Some(reference) if !reference.starts_with('#') => {
            Err(format!("$ref to another file ({reference})"))
        }
        Some(reference) => local(document, value).ok_or(format!("$ref {reference} names nothing")),
    }
}

/// `schema` with every local `$ref` copied in; a reference met again inside itself
/// (a recursive schema) stays a reference into the file's own `$defs`.
fn inline(document: &Value, schema: &Value) -> Result<Value, String> {
    let mut defs = Map::new();
    let mut stack = Vec::new();
    let mut inlined = copy(document, schema, &mut stack, &mut defs)?;
    if !defs.is_empty() {
        if let Value::Object(map) = &mut inlined {
            map.insert("$defs".into(), Value::Object(defs));
        } else {
            inlined = json!({ "$defs": defs, "allOf": [inlined] });
        }
    }
    if let Value::Object(map) = &mut inlined {
        map.insert(
            "$schema".into(),
            json!("https://json-schema.org/draft/2020-12/schema"),
        );
    }
    Ok(inlined)
}

fn copy(
    document: &Value,
    value: &Value,
    stack: &mut Vec<String>,
    defs: &mut Map<String, Value>,
) -> Result<Value, String> {
    match value {
        Value::Object(map) => {
            if let Some(reference) = map.get("$ref").and_then(Value::as_str) {
                if !reference.starts_with('#') {
                    return Err(format!("$ref to another file ({reference})"));
                }
                let name = reference.rsplit('/').next().unwrap_or(reference).to_owned();
                if stack.iter().any(|r| r == reference) {
                    defs.entry(name.clone()).or_insert(Value::Null);
                    return Ok(json!({ "$ref": format!("#/$defs/{name}") }));
                }
                let target = local(document, value)
                    .ok_or_else(|| format!("$ref {reference} names nothing"))?;
                stack.push(reference.to_owned());
                let copied = copy(document, target, stack, defs)?;
                stack.pop();
                if defs.get(&name) == Some(&Value::Null) {
                    defs.insert(name.clone(), copied);
                    return Ok(json!({ "$ref": format!("#/$defs/{name}") }));
                }
                return Ok(copied);
            }
            let mut copied = Map::new();
            for (key, item) in map {
                // OpenAPI 3.0's `nullable` and `example` are not JSON Schema keywords.
                if key == "nullable" && item == &Value::Bool(true) {
                    continue;
                }
                copied.insert(key.clone(), copy(document, item, stack, defs)?);
            }
            if map.get("nullable") == Some(&Value::Bool(true))
                && let Some(Value::String(t)) = copied.get("type").cloned()
            {
                copied.insert("type".into(), json!([t, "null"]));
            }
            Ok(Value::Object(copied))
        }
        Value::Array(items) => items
            .iter()
            .map(|item| copy(document, item, stack, defs))
            .collect::<Result<_, _>>()
            .map(Value::Array),
        other => Ok(other.clone()),
    }
}

/// A body that satisfies `schema`: its `const`/`enum`/`default`/`examples`, or one built from its type.
fn generate(schema: &Value, root: &Value, depth: usize) -> Value {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let target = reference.strip_prefix('#').and_then(|p| root.pointer(p));
        return match target {
            Some(target) if depth < 8 => generate(target, root, depth + 1),
            _ => Value::Null,
        };
    }
    for key in ["const", "default"] {
        if let Some(value) = schema.get(key) {
            return value.clone();
        }
    }
    for key in ["enum", "examples"] {
        if let Some(value) = schema.get(key).and_then(|v| v.get(0)) {
            return value.clone();
        }
    }
    if let Some(value) = schema.get("example") {
        return value.clone();
    }
    if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
        let mut merged = Map::new();
        for part in all {
            match generate(part, root, depth + 1) {
                Value::Object(map) => merged.extend(map),
                other if all.len() == 1 => return other,
                _ => {}
            }
        }
        return Value::Object(merged);
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(first) = schema.get(key).and_then(|v| v.get(0)) {
            return generate(first, root, depth + 1);
        }
    }
    let kind = match schema.get("type") {
        Some(Value::Array(types)) => types
            .iter()
            .filter_map(Value::as_str)
            .find(|t| *t != "null"),
        Some(t) => t.as_str(),
        None if schema.get("properties").is_some() => Some("object"),
        None => None,
    };
    match kind {
        Some("object") => {
            let mut object = Map::new();
            let properties = schema.get("properties").and_then(Value::as_object);
            for (name, property) in properties.into_iter().flatten() {
                if depth < 8 || is_required(schema, name) {
                    object.insert(name.clone(), generate(property, root, depth + 1));
                }
            }
            Value::Object(object)
        }
        Some("array") => {
            let item = schema.get("items").map(|i| generate(i, root, depth + 1));
            let min = schema
                .get("minItems")
                .and_then(Value::as_u64)
                .unwrap_or(1)
                .max(1);
            Value::Array(std::iter::repeat_n(item.unwrap_or(Value::Null), min as usize).collect())
        }
        Some("integer") | Some("number") => {
            let min = schema.get("minimum").and_then(Value::as_f64);
            let exclusive = schema.get("exclusiveMinimum").and_then(Value::as_f64);
            let n = min.or(exclusive.map(|e| e + 1.0)).unwrap_or(1.0).max(
                schema
                    .get("maximum")
                    .and_then(Value::as_f64)
                    .map_or(f64::MIN, |m| m.min(1.0)),
            );
            let n = n.ceil() as i64;
            json!(n)
        }
        Some("boolean") => json!(true),
        Some("null") => Value::Null,
        Some("string") => Value::String(sample_string(schema)),
        _ => json!({}),
    }
}

fn is_required(schema: &Value, name: &str) -> bool {
    schema
        .get("required")
        .and_then(Value::as_array)
        .is_some_and(|r| r.iter().any(|n| n == name))
}

fn sample_string(schema: &Value) -> String {
    let text = match schema.get("format").and_then(Value::as_str) {
        Some("uuid") => "3f1c8a52-6d0e-4b7a-9c1e-2a5b7d9e0f13".to_owned(),
        Some("date-time") => "2026-01-01T12:00:00Z".to_owned(),
        Some("date") => "2026-01-01".to_owned(),
        Some("email") => "someone@example.com".to_owned(),
        Some("uri") | Some("url") => "https://example.com/".to_owned(),
        _ => "example".to_owned(),
    };
    let min = schema.get("minLength").and_then(Value::as_u64).unwrap_or(0) as usize;
    let max = schema
        .get("maxLength")
        .and_then(Value::as_u64)
        .map(|m| m as usize);
    let mut text = text;
    while text.chars().count() < min {
        text.push('x');
    }
    if let Some(max) = max {
        text = text.chars().take(max).collect();
    }
    text
}

/// The field whose constant value tells the kinds apart: a top-level `const` or one-item `enum`.
fn discriminator(operations: &[Operation]) -> Option<String> {
    let candidates = ["type", "event", "eventType", "event_type", "kind", "action"];
    candidates
        .iter()
        .find(|field| {
            let values: Vec<_> = operations
                .iter()
                .map(|o| constant(&o.schema, field))
                .collect();
            values.iter().all(Option::is_some)
                && values
                    .iter()
                    .collect::<std::collections::BTreeSet<_>>()
                    .len()
                    == values.len()
        })
        .map(|field| (*field).to_owned())
}

fn constant(schema: &Value, field: &str) -> Option<String> {
    let property = schema.get("properties")?.get(field)?;
    property
        .get("const")
        .or_else(|| {
            property
                .get("enum")
                .filter(|e| e.as_array().is_some_and(|a| a.len() == 1))?
                .get(0)
        })?
        .as_str()
        .map(str::to_owned)
}

fn write_folder(
    folder: &Path,
    name: &str,
    document: &Value,
    operations: &[Operation],
    skipped: &mut Vec<String>,
) -> Result<Vec<String>> {
    let fail = |path: &Path, e: std::io::Error| {
        Error::usage(format!("cannot write {}: {e}", path.display()))
    };
    let schemas = folder.join("schemas");
    std::fs::create_dir_all(&schemas).map_err(|e| fail(&schemas, e))?;
    let mut written = Vec::new();
    let title = document
        .pointer("/info/title")
        .and_then(Value::as_str)
        .unwrap_or(name);
    let mut manifest = toml::Table::new();
    manifest.insert("name".into(), name.into());
    manifest.insert("title".into(), title.into());
    manifest.insert("priority".into(), toml::Value::Integer(10));
    let by_field = discriminator(operations);
    let mut recognize = toml::Table::new();
    let mut kinds = Vec::new();
    let mut descriptions = toml::Table::new();
    match &by_field {
        Some(field) => {
            let pointer = Pointer::top_level(field).to_string();
            let values: Vec<toml::Value> = operations
                .iter()
                .filter_map(|o| constant(&o.schema, field))
                .map(toml::Value::String)
                .collect();
            let mut table = toml::Table::new();
            table.insert(pointer.clone(), toml::Value::Array(values));
            recognize.insert("values".into(), toml::Value::Table(table));
            let mut kind_from = toml::Table::new();
            kind_from.insert("field".into(), pointer.into());
            manifest.insert("kind_from".into(), toml::Value::Table(kind_from));
        }
        None => {
            let required: Vec<toml::Value> = common_required(operations)
                .into_iter()
                .map(|f| toml::Value::String(Pointer::top_level(&f).to_string()))
                .collect();
            if required.is_empty() {
                skipped.push(
                    "recognition: no field is required by every kind's schema, so \
                     provider.toml's [recognize] claims every body; give it the fields or \
                     header only this provider's notifications carry"
                        .to_string(),
                );
            }
            recognize.insert("fields".into(), toml::Value::Array(required));
        }
    }
    manifest.insert("recognize".into(), toml::Value::Table(recognize));
    for operation in operations {
        let kind_value = by_field
            .as_ref()
            .and_then(|f| constant(&operation.schema, f))
            .unwrap_or_else(|| operation.kind.clone());
        let mut kind = toml::Table::new();
        kind.insert("name".into(), kind_value.clone().into());
        kind.insert("schema".into(), format!("schemas/{kind_value}.json").into());
        if let Some(summary) = &operation.summary {
            kind.insert("description".into(), summary.clone().into());
            descriptions.insert(kind_value.clone(), summary.clone().into());
        }
        kinds.push(toml::Value::Table(kind));
        let schema_path = schemas.join(format!("{kind_value}.json"));
        save(&schema_path, &operation.schema).map_err(|e| fail(&schema_path, e))?;
        written.push(format!("schemas/{kind_value}.json"));
        let fixture = operation
            .example
            .clone()
            .unwrap_or_else(|| generate(&operation.schema, &operation.schema, 0));
        let fixture_path = folder.join(format!("{kind_value}.json"));
        save(&fixture_path, &fixture).map_err(|e| fail(&fixture_path, e))?;
        written.push(format!("{kind_value}.json"));
    }
    manifest.insert("kinds".into(), toml::Value::Array(kinds));
    manifest.insert("fixtures".into(), toml::Value::Table(descriptions));
    let manifest_path = folder.join("provider.toml");
    let text = toml::to_string(&manifest).map_err(|e| Error::usage(e.to_string()))?;
    std::fs::write(&manifest_path, text).map_err(|e| fail(&manifest_path, e))?;
    written.insert(0, "provider.toml".into());
    Ok(written)
}

/// Fields every kind requires: the recognition rule when no field tells the kinds apart.
fn common_required(operations: &[Operation]) -> Vec<String> {
    let Some(first) = operations.first() else {
        return Vec::new();
    };
    let names = first.schema.get("required").and_then(Value::as_array);
    names
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .filter(|n| operations.iter().all(|o| is_required(&o.schema, n)))
        .map(str::to_owned)
        .collect()
}

fn save(path: &Path, value: &Value) -> std::io::Result<()> {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    std::fs::write(path, text)
}

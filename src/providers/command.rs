//! `hooks providers list | show NAME | check DIR`.

use serde_json::{Value, json};

use super::definition::Definition;
use super::{Provider, credential_place, folder, registry};
use crate::cli::ProvidersCommand;
use crate::error::{Error, Result};
use crate::output::{Output, table};

pub fn run(command: ProvidersCommand, out: Output) -> Result<()> {
    match command {
        ProvidersCommand::List => {
            let definitions = &registry().definitions;
            if out.json {
                out.json_line(&Value::Array(definitions.iter().map(summary).collect()));
                return Ok(());
            }
            let header = ["name", "priority", "kinds", "defined in"].map(String::from);
            let rows: Vec<Vec<String>> = definitions
                .iter()
                .map(|d| {
                    vec![
                        d.manifest.name.clone(),
                        d.manifest.priority.to_string(),
                        kind_names(d).join(", "),
                        d.origin.clone(),
                    ]
                })
                .collect();
            out.line(table(&header, &rows, out.stdout()).trim_end());
            Ok(())
        }
        ProvidersCommand::Show { name } => {
            let provider = Provider::named(&name).ok_or_else(|| {
                Error::usage(format!(
                    "no provider {name:?}; `hooks providers list` shows them"
                ))
            })?;
            let definition = provider
                .definition()
                .ok_or_else(|| Error::usage("no provider"))?;
            let shown = details(provider, definition);
            if out.json {
                out.json_line(&shown);
            } else {
                out.line(
                    shown
                        .as_object()
                        .into_iter()
                        .flatten()
                        .map(|(key, value)| match value {
                            Value::String(text) => format!("{key}: {text}"),
                            other => format!("{key}: {other}"),
                        })
                        .collect::<Vec<_>>()
                        .join("\n"),
                );
            }
            Ok(())
        }
        ProvidersCommand::Import(args) => super::import::run(args, out),
        ProvidersCommand::Check { dir } => {
            let names: Vec<String> = folder::load_all(&dir)
                .map_err(Error::usage)?
                .into_iter()
                .map(|d| d.manifest.name)
                .collect();
            if names.is_empty() {
                return Err(Error::usage(format!(
                    "{}: no provider.toml in it or in its folders",
                    dir.display()
                )));
            }
            let (_, checked) = folder::registry_with(&[dir]).map_err(Error::usage)?;
            let checked: Vec<_> = checked
                .into_iter()
                .filter(|c| names.contains(&c.provider))
                .collect();
            if out.json {
                out.json_line(&json!({"providers": names, "fixtures": checked}));
            } else {
                for c in &checked {
                    out.line(format!("ok {} → {} {}", c.fixture, c.provider, c.kind));
                }
                out.line(format!(
                    "{} checked: schemas compile, and each fixture ({}) passes its schema and is \
                     recognised",
                    names.join(", "),
                    checked.len(),
                ));
            }
            Ok(())
        }
    }
}

fn kind_names(definition: &Definition) -> Vec<String> {
    definition.kinds.iter().map(|k| k.name.clone()).collect()
}

fn summary(definition: &Definition) -> Value {
    json!({
        "name": definition.manifest.name,
        "title": definition.manifest.title,
        "priority": definition.manifest.priority,
        "kinds": kind_names(definition),
        "origin": definition.origin,
    })
}

fn details(provider: Provider, definition: &Definition) -> Value {
    let manifest = &definition.manifest;
    let mut shown = summary(definition);
    let extra = json!({
        "description": manifest.description,
        "credential": manifest.credential.as_ref().map(|_| credential_place(provider)),
        "signature": manifest.signature.as_ref().map(|rule| json!({"scheme": rule.scheme.as_str(), "secret_env": rule.secret_env})),
        "idempotency_key": manifest.idempotency_key,
        "fresh_ids": manifest.fresh_ids.iter().map(|(field, generator)| (field.to_string(), Value::from(format!("{generator:?}").to_lowercase()))).collect::<serde_json::Map<_, _>>(),
        "carry_unconfirmed": manifest.delivery.carry_unconfirmed,
        "confirm": definition.confirm.map_or_else(|| "2xx".to_string(), |s| s.to_string()),
    });
    if let (Some(map), Value::Object(extra)) = (shown.as_object_mut(), extra) {
        map.extend(extra);
    }
    shown
}

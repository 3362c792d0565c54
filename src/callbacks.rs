//! `hooks callbacks put|list|delete`: callback registrations on the Callback API.

use std::io::IsTerminal;

use reqwest::{Method, StatusCode, Url};
use serde_json::{Value, json};

use crate::callback_api::{Endpoint, is_supported, not_public_https};
use crate::cli::{CallbacksCommand, DeleteArgs, GlobalArgs, ListArgs, PutArgs};
use crate::client::{ApiClient, ApiResponse, redacted, redacted_json};
use crate::config::{ApiSettings, parse_http_url};
use crate::error::{Error, Result};
use crate::output::{Output, table};
use crate::payload::{apply_assignment, read_json_object};

pub async fn run(command: CallbacksCommand, global: &GlobalArgs, out: Output) -> Result<()> {
    match command {
        CallbacksCommand::Put(args) => put(args, global, out).await,
        CallbacksCommand::List(args) => list(args, global, out).await,
        CallbacksCommand::Delete(args) => delete(args, global, out).await,
    }
}

/// The body we PUT: `{"url": URL}` or the `--body` object, then every `--set`.
fn put_body(args: &PutArgs, out: &Output) -> Result<Value> {
    let mut body = match (&args.body, &args.url) {
        (Some(path), _) => Value::Object(read_json_object(path)?),
        (None, Some(url)) => {
            let parsed = parse_http_url(url, "--url")?;
            if let Some(reason) = not_public_https(&parsed) {
                out.warn(format!(
                    "{url} {reason}; the provider requires a public HTTPS URL (sending it anyway)"
                ));
            }
            json!({ "url": url })
        }
        (None, None) => return Err(Error::usage("pass --url URL or --body FILE")),
    };
    for assignment in &args.set {
        apply_assignment(&mut body, assignment)?;
    }
    Ok(body)
}

async fn put(args: PutArgs, global: &GlobalArgs, out: Output) -> Result<()> {
    let body = put_body(&args, &out)?;
    if !is_supported(args.notification_type) {
        // The provider validates the type; a type documented later should still go through.
        out.warn(format!(
            "notification type {} is not one the provider documents (5, 6, 7); it may refuse it \
             (sending it anyway)",
            args.notification_type
        ));
    }
    let client = ApiClient::new(ApiSettings::resolve(global)?, args.http.timeout, out);
    let url = client
        .settings
        .url(Endpoint::Callback, Some(args.notification_type));
    let response = client
        .send(Method::PUT, url, Some(&body))
        .await?
        .error_for_status()?;
    // A URL's password is masked here as everywhere `hooks` prints one.
    let target = match body.get("url").and_then(Value::as_str) {
        Some(url) => {
            Url::parse(url).map_or_else(|_| url.to_string(), |url| redacted(&url).to_string())
        }
        None => "the given body".to_string(),
    };
    response.report(
        &out,
        args.notification_type,
        &body,
        format!(
            "callback for notification type {} set to {target} ({})",
            args.notification_type, response.status
        ),
    );
    Ok(())
}

/// GET the partner's callbacks, with paging when given: the answer and its JSON document.
pub async fn fetch_list(
    client: &ApiClient,
    offset: Option<u64>,
    limit: Option<u64>,
) -> Result<(ApiResponse, Value)> {
    let mut url = client.settings.url(Endpoint::List, None);
    {
        let mut query = url.query_pairs_mut();
        if let Some(offset) = offset {
            query.append_pair("offset", &offset.to_string());
        }
        if let Some(limit) = limit {
            query.append_pair("limit", &limit.to_string());
        }
    }
    if url.query() == Some("") {
        url.set_query(None);
    }
    let response = client
        .send(Method::GET, url, None)
        .await?
        .error_for_status()?;
    let document: Value = serde_json::from_str(&response.body).map_err(|e| {
        Error::failure(format!(
            "GET {} answered {} with a body that is not JSON ({e})",
            response.url, response.status
        ))
    })?;
    Ok((response, document))
}

async fn list(args: ListArgs, global: &GlobalArgs, out: Output) -> Result<()> {
    let client = ApiClient::new(ApiSettings::resolve(global)?, args.http.timeout, out);
    let (response, document) = fetch_list(&client, args.offset, args.limit).await?;
    let document = redacted_json(&document);
    if out.json {
        // The server's document exactly as it sent it, so nothing we do can hide a field;
        // but a callback URL's password is masked, as in every line `hooks` prints.
        match document {
            std::borrow::Cow::Borrowed(_) => out.line(response.body.trim_end()),
            std::borrow::Cow::Owned(masked) => out.json_line(&masked),
        }
        return Ok(());
    }
    let entries = callback_entries(&document);
    if entries.is_empty() {
        out.line("no callbacks registered");
        return Ok(());
    }
    let (header, rows) = callback_table(&entries);
    out.line(table(&header, &rows, out.stdout()));
    Ok(())
}

/// Field names a list of registrations is usually wrapped in; the provider does not say.
const LIST_FIELDS: [&str; 5] = ["items", "callbacks", "data", "results", "content"];

/// The list of registrations: the document itself when it is an array, else a wrapped list:
/// a usual field name first, then any non-empty array of objects (so `"errors": []` beside
/// the list cannot hide it).
fn callback_entries(document: &Value) -> Vec<Value> {
    let objects = |value: &Value| match value {
        Value::Array(items) if items.iter().all(Value::is_object) => Some(items.clone()),
        _ => None,
    };
    match document {
        Value::Array(items) => items.clone(),
        Value::Object(map) => LIST_FIELDS
            .iter()
            .find_map(|name| map.get(*name).and_then(objects))
            .or_else(|| {
                map.values()
                    .filter_map(objects)
                    .find(|items| !items.is_empty())
            })
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// What a list of registrations says about one notification type.
#[derive(Debug, PartialEq)]
pub enum Registered {
    /// The callback URL registered for it.
    At(String),
    /// There are none, or they name their types and none is this one.
    Nothing,
    /// The entries do not say their type or URL in a way we recognise.
    Unknown,
}

/// Where the callback for `notification_type` points, according to the list `document`.
pub fn registered(document: &Value, notification_type: u32) -> Registered {
    let entries = callback_entries(document);
    let mut typed = entries.is_empty();
    for entry in entries {
        let Some(kind) = field(
            &entry,
            &["notificationType", "notificationTypeId", "type"],
            "type",
        ) else {
            continue;
        };
        typed = true;
        let same = match kind {
            Value::Number(n) => n.as_u64() == Some(u64::from(notification_type)),
            Value::String(text) => text.trim() == notification_type.to_string(),
            _ => false,
        };
        if same {
            return match field(&entry, &["url", "callbackUrl"], "url") {
                Some(Value::String(url)) => Registered::At(url.clone()),
                _ => Registered::Unknown,
            };
        }
    }
    if typed {
        Registered::Nothing
    } else {
        Registered::Unknown
    }
}

/// The field of `entry` with one of `names`, else the first whose name contains `part` (any
/// case): the provider does not document the list's field names.
fn field<'a>(entry: &'a Value, names: &[&str], part: &str) -> Option<&'a Value> {
    let map = entry.as_object()?;
    map.iter()
        .find(|(key, _)| names.iter().any(|name| key.eq_ignore_ascii_case(name)))
        .or_else(|| map.iter().find(|(key, _)| names_like(key, part)))
        .map(|(_, value)| value)
}

/// Whether a field name contains `part` (lower-case), in any case.
fn names_like(key: &str, part: &str) -> bool {
    key.to_ascii_lowercase().contains(part)
}

/// Columns: every field any entry carries, the notification type first, then the URL.
fn callback_table(entries: &[Value]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut columns: Vec<String> = Vec::new();
    for entry in entries {
        if let Value::Object(map) = entry {
            for key in map.keys() {
                if !columns.contains(key) {
                    columns.push(key.clone());
                }
            }
        }
    }
    let rank = |key: &str| {
        if names_like(key, "type") {
            0
        } else if names_like(key, "url") {
            1
        } else {
            2
        }
    };
    columns.sort_by_key(|key| rank(key));
    let rows = entries
        .iter()
        .map(|entry| {
            columns
                .iter()
                .map(|key| match entry.get(key) {
                    None | Some(Value::Null) => String::new(),
                    Some(Value::String(text)) => text.clone(),
                    Some(other) => other.to_string(),
                })
                .collect()
        })
        .collect();
    (columns, rows)
}

async fn delete(args: DeleteArgs, global: &GlobalArgs, out: Output) -> Result<()> {
    let settings = ApiSettings::resolve(global)?;
    if !args.yes {
        if !std::io::stdin().is_terminal() {
            return Err(Error::usage(format!(
                "refusing to delete the callback for notification type {} without confirmation: \
                 stdin is not a terminal; pass --yes",
                args.notification_type
            )));
        }
        // The prompt re-raises a Ctrl-C it reads as a key, once it has restored the terminal:
        // this catches it, so that the cursor can be shown again.
        let mut interrupts = crate::signals::interrupts()?;
        let prompt = format!(
            "Delete the callback for notification type {}?",
            args.notification_type
        );
        if let answer @ (Ok(false) | Err(_)) = confirm(prompt) {
            out.note("cancelled; nothing was deleted");
            return answer.map(drop);
        }
        // With the handler installed, Ctrl-C no longer ends the process by itself.
        return tokio::select! {
            deleted = send_delete(settings, &args, out) => deleted,
            _ = interrupts.recv() => Err(Error::Interrupted),
        };
    }
    send_delete(settings, &args, out).await
}

/// Asks yes/no on the terminal (default no). Esc, q and Ctrl-C are [`Error::Interrupted`],
/// with the cursor the prompt hid shown again.
fn confirm(prompt: String) -> Result<bool> {
    match dialoguer::Confirm::new()
        .with_prompt(prompt)
        .default(false)
        .interact_opt()
    {
        Ok(Some(answer)) => Ok(answer),
        // Esc or q: the prompt has restored the terminal itself.
        Ok(None) => Err(Error::Interrupted),
        Err(dialoguer::Error::IO(e)) if e.kind() == std::io::ErrorKind::Interrupted => {
            let terminal = dialoguer::console::Term::stderr();
            let _ = terminal.show_cursor();
            // The prompt's line was left open.
            let _ = terminal.write_line("");
            Err(Error::Interrupted)
        }
        Err(e) => Err(Error::usage(format!(
            "no confirmation given ({e}); pass --yes"
        ))),
    }
}

async fn send_delete(settings: ApiSettings, args: &DeleteArgs, out: Output) -> Result<()> {
    let client = ApiClient::new(settings, args.http.timeout, out);
    let url = client
        .settings
        .url(Endpoint::Callback, Some(args.notification_type));
    let response = client.send(Method::DELETE, url, None).await?;
    if response.status == StatusCode::NOT_FOUND {
        return Err(Error::failure(format!(
            "no callback is registered for notification type {} ({} answered 404)",
            args.notification_type, response.url
        )));
    }
    let response = response.error_for_status()?;
    if out.json {
        out.json_line(&json!({
            "deleted": true,
            "notification_type": args.notification_type,
            "status": response.status.as_u16(),
        }));
    } else {
        out.line(format!(
            "deleted the callback for notification type {} ({})",
            args.notification_type, response.status
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_found_in_arrays_and_wrapped_arrays() {
        let listed = json!([{"url": "a"}]);
        assert_eq!(callback_entries(&listed).len(), 1);
        let wrapped = json!({"total": 2, "items": [{"url": "a"}, {"url": "b"}]});
        assert_eq!(callback_entries(&wrapped).len(), 2);
        let beside_errors = json!({"errors": [], "items": [{"url": "a"}]});
        assert_eq!(callback_entries(&beside_errors).len(), 1);
        let unusual = json!({"a": [], "registrations": [{"url": "a"}]});
        assert_eq!(callback_entries(&unusual).len(), 1);
    }

    #[test]
    fn the_registration_of_a_type_is_found_by_its_fields() {
        let listed = json!({"items": [
            {"contentType": "json", "notificationType": 6, "url": "https://a/6"},
            {"notificationType": "5", "callbackUrl": "https://a/5"},
        ]});
        assert_eq!(registered(&listed, 5), Registered::At("https://a/5".into()));
        assert_eq!(registered(&listed, 6), Registered::At("https://a/6".into()));
        assert_eq!(registered(&listed, 7), Registered::Nothing);
        assert_eq!(registered(&json!({"items": []}), 5), Registered::Nothing);
        let untyped = json!([{"url": "https://a/5"}]);
        assert_eq!(registered(&untyped, 5), Registered::Unknown);
    }

    #[test]
    fn type_and_url_columns_come_first() {
        let entries = vec![json!({"createdAt": "t", "url": "u", "notificationType": 5})];
        let (header, rows) = callback_table(&entries);
        assert_eq!(header, ["notificationType", "url", "createdAt"]);
        assert_eq!(rows[0], ["5", "u", "t"]);
    }
}

//! `hooks echo`: asks the Callback API to fire a test notification at the registered
//! callback. The body must hold exactly one of `processUniqueId` / `simulationUniqueId`;
//! that is checked before anything is sent. With `--wait-on`, it also listens for the
//! notification the echo fires, with the same code as `hooks listen`, and checks it arrives.

use std::time::Duration;

use reqwest::Method;
use serde_json::{Map, Value};

use crate::cli::{EchoArgs, GlobalArgs};
use crate::client::ApiClient;
use crate::config::ApiSettings;
use crate::error::{Error, Result};
use crate::listen::{ListenOptions, Listener};
use crate::output::{Output, escape_controls};
use crate::payload::read_json_object;

/// The notification types the echo endpoint documents.
pub const ECHO_TYPES: [u32; 3] = [5, 6, 7];
pub const ID_FIELDS: [&str; 2] = ["processUniqueId", "simulationUniqueId"];

/// The echo body: from the flags, or the `--body` document, holding exactly one id field.
pub fn echo_body(args: &EchoArgs) -> Result<Map<String, Value>> {
    let mut body = Map::new();
    if let Some(path) = &args.body {
        body = read_json_object(path)?;
    }
    if let Some(id) = &args.process_id {
        body.insert(ID_FIELDS[0].into(), Value::String(id.clone()));
    }
    if let Some(id) = &args.simulation_id {
        body.insert(ID_FIELDS[1].into(), Value::String(id.clone()));
    }
    check_one_id(&body)?;
    Ok(body)
}

/// Exactly one of the two id fields, present and not null: the API answers 400 otherwise.
pub fn check_one_id(body: &Map<String, Value>) -> Result<()> {
    let present: Vec<&str> = ID_FIELDS
        .into_iter()
        .filter(|field| body.get(*field).is_some_and(|v| !v.is_null()))
        .collect();
    match present.len() {
        1 => Ok(()),
        0 => Err(Error::usage(
            "the echo body holds neither processUniqueId nor simulationUniqueId; give exactly one \
             (--process-id ID, --simulation-id ID, or a --body document with one of them)",
        )),
        _ => Err(Error::usage(
            "the echo body holds both processUniqueId and simulationUniqueId; give exactly one",
        )),
    }
}

pub fn check_type(notification_type: u32) -> Result<()> {
    if ECHO_TYPES.contains(&notification_type) {
        Ok(())
    } else {
        Err(Error::usage(format!(
            "notification type {notification_type} has no echo; the echo endpoint takes 5, 6 or 7"
        )))
    }
}

pub async fn run(args: EchoArgs, global: &GlobalArgs, out: Output) -> Result<()> {
    check_type(args.notification_type)?;
    let body = echo_body(&args)?;
    let expected = sent_id(&body);
    let body = Value::Object(body);
    let settings = ApiSettings::resolve(global)?;
    // Bound before the echo is requested, so a fast delivery cannot arrive before we listen.
    let listener = match &args.wait_on {
        Some(address) => {
            let listener = Listener::bind(ListenOptions::for_address(address)?).await?;
            out.note(format!("listening on {}", listener.url));
            Some(listener)
        }
        None => None,
    };
    let client = ApiClient::new(settings, args.http.timeout, out);
    let type_segment = args.notification_type.to_string();
    let url = client.settings.url(&[
        "v1",
        "callbacks",
        "echo",
        &client.settings.partner,
        &type_segment,
    ]);
    let response = client
        .send(Method::POST, url, Some(&body))
        .await?
        .error_for_status()?;
    let headline = format!(
        "echo for notification type {} accepted: {}",
        args.notification_type, response.status
    );
    match listener {
        None => {
            response.report(&out, args.notification_type, &body, headline);
            Ok(())
        }
        Some(listener) => {
            // The notification is the result; the API's answer is a diagnostic here.
            out.note(headline);
            wait_for_echo(
                listener,
                expected,
                Duration::from_secs(args.http.timeout),
                out,
            )
            .await
        }
    }
}

/// The id field the echo body carries and its value: what the delivered notification must echo.
fn sent_id(body: &Map<String, Value>) -> (&'static str, Value) {
    ID_FIELDS
        .into_iter()
        .find_map(|field| body.get(field).map(|value| (field, value.clone())))
        .expect("check_one_id guarantees one id field")
}

/// Waits for the notification that carries `field: value`; prints it as `hooks listen` would.
async fn wait_for_echo(
    mut listener: Listener,
    (field, value): (&'static str, Value),
    timeout: Duration,
    out: Output,
) -> Result<()> {
    let deadline = tokio::time::Instant::now() + timeout;
    let mut others: Vec<String> = Vec::new();
    loop {
        match tokio::time::timeout_at(deadline, listener.next()).await {
            Ok(Some(notification)) => {
                let body = notification.body();
                let echoed = body.as_ref().and_then(|body| body.get(field));
                if echoed == Some(&value) {
                    notification.print(&out);
                    listener.shutdown().await?;
                    return Ok(());
                }
                let seen = format!(
                    "{} {} ({}{})",
                    notification.method,
                    escape_controls(&notification.path),
                    notification.provider.as_str(),
                    echoed.map(|v| format!(", {field} {v}")).unwrap_or_default()
                );
                out.note(format!("not the echo, still waiting: {seen}"));
                others.push(seen);
            }
            Ok(None) => {
                return Err(Error::failure(format!(
                    "the listener on {} stopped before the echo arrived",
                    listener.url
                )));
            }
            Err(_) => {
                let arrived = if others.is_empty() {
                    "nothing arrived".to_string()
                } else {
                    format!(
                        "{} other request(s) arrived: {}",
                        others.len(),
                        others.join("; ")
                    )
                };
                return Err(Error::failure(format!(
                    "no notification with {field} {value} arrived on {} within {}s; {arrived}",
                    listener.url,
                    timeout.as_secs()
                )));
            }
        }
    }
}

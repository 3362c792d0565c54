//! `hooks echo`: asks the Callback API to fire a test notification at the registered
//! callback. The body must hold exactly one of `processUniqueId` / `simulationUniqueId`;
//! that is checked before anything is sent.

use reqwest::Method;
use serde_json::{Map, Value};

use crate::cli::{EchoArgs, GlobalArgs};
use crate::client::ApiClient;
use crate::config::ApiSettings;
use crate::error::{Error, Result};
use crate::output::Output;
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
    let body = Value::Object(echo_body(&args)?);
    let settings = ApiSettings::resolve(global)?;
    if args.wait_on.is_some() {
        return Err(Error::usage("--wait-on is not implemented yet"));
    }
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
    response.report(
        &out,
        args.notification_type,
        &body,
        format!(
            "echo for notification type {} accepted: {}",
            args.notification_type, response.status
        ),
    );
    Ok(())
}

//! `hooks signature sign | verify`: the signing schemes by hand, on a body in a file.

use reqwest::header::HeaderMap;
use serde_json::{Map, Value, json};

use super::{Key, Reason, Scheme, message_id, sign, unix_now, verify};
use crate::cli::{SignArgs, SignatureCommand, SignatureVerifyArgs};
use crate::client::parse_header_flags;
use crate::error::{Error, Result};
use crate::output::Output;
use crate::payload::read_bytes;

pub fn run(command: SignatureCommand, out: Output) -> Result<()> {
    match command {
        SignatureCommand::Sign(args) => sign_body(args, out),
        SignatureCommand::Verify(args) => verify_body(args, out),
    }
}

fn key(scheme: Scheme, secret: &str) -> Result<Key> {
    Key::new(scheme, secret).map_err(|e| Error::usage(format!("--secret: {e}")))
}

fn sign_body(args: SignArgs, out: Output) -> Result<()> {
    let key = key(args.scheme, &args.secret)?;
    let (_, body) = read_bytes(&args.body)?;
    let unsigned = match args.scheme {
        Scheme::Standard => None,
        Scheme::Stripe => args.id.is_some().then_some("--id"),
        Scheme::Github | Scheme::Shopify => match (&args.id, args.timestamp) {
            (Some(_), _) => Some("--id"),
            (None, Some(_)) => Some("--timestamp"),
            (None, None) => None,
        },
    };
    if let Some(flag) = unsigned {
        out.warn(format!(
            "{flag} is not signed by the {} scheme; ignored",
            args.scheme
        ));
    }
    let id = args.id.unwrap_or_else(message_id);
    let headers = sign(&key, &id, args.timestamp.unwrap_or_else(unix_now), &body);
    if out.json {
        let object: Map<String, Value> = headers
            .into_iter()
            .map(|(name, value)| (name.to_string(), Value::String(value)))
            .collect();
        out.json_line(&Value::Object(object));
    } else {
        for (name, value) in headers {
            out.line(format!("{name}: {value}"));
        }
    }
    Ok(())
}

fn verify_body(args: SignatureVerifyArgs, out: Output) -> Result<()> {
    let keys = args
        .secret
        .iter()
        .map(|secret| key(args.scheme, secret))
        .collect::<Result<Vec<_>>>()?;
    let headers: HeaderMap = parse_header_flags(&args.headers)?.into_iter().collect();
    let (_, body) = read_bytes(&args.body)?;
    let tolerance = (!args.ignore_timestamp).then_some(args.tolerance);
    match verify(&keys, &headers, &body, tolerance, unix_now()) {
        Ok(scheme) => {
            if out.json {
                out.json_line(&json!({"signature": "valid", "scheme": scheme.as_str()}));
            } else {
                out.line(format!("valid ({scheme})"));
            }
            Ok(())
        }
        Err(rejection) => {
            if out.json {
                out.json_line(&json!({
                    "signature": rejection.reason.as_str(),
                    "scheme": rejection.scheme.as_str(),
                    "detail": rejection.detail,
                }));
            }
            let hint = match rejection.reason {
                Reason::StaleTimestamp => "; --ignore-timestamp checks a captured request",
                Reason::MissingHeader => "; give each header received with -H 'Name: value'",
                _ => "",
            };
            Err(Error::failure(format!("{rejection}{hint}")))
        }
    }
}

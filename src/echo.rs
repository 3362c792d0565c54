//! `hooks echo`: asks the Callback API to fire a test notification at the registered
//! callback. The body must hold exactly one of `processUniqueId` / `simulationUniqueId`;
//! that is checked before anything is sent. With `--wait-on`, it also listens for the
//! notification the echo fires, with the same code as `hooks listen`, and checks it arrives;
//! first it reads where the registered callback points, and refuses to fire an echo that
//! could not arrive.

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use reqwest::{Method, Url};
use serde_json::{Map, Value, json};
use url::Host;

use crate::callback_api::{EchoIds, Endpoint, ID_FIELDS, echo_ids, is_supported};
use crate::callbacks::{Registered, fetch_list, registered};
use crate::cli::{EchoArgs, GlobalArgs};
use crate::client::{ApiClient, ApiResponse, redacted};
use crate::config::{ApiSettings, parse_http_url};
use crate::error::{Error, Result};
use crate::listen::{ListenOptions, Listener, Notification};
use crate::output::{Output, counted, escape_controls};
use crate::payload::read_json_object;

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
    one_id(&body)?;
    Ok(body)
}

/// Exactly one of the two id fields, present and not null: the API answers 400 otherwise.
/// Returns that field and its value.
pub fn one_id(body: &Map<String, Value>) -> Result<(&'static str, &Value)> {
    match echo_ids(body) {
        EchoIds::One(field, value) => Ok((field, value)),
        EchoIds::Neither => Err(Error::usage(
            "the echo body holds neither processUniqueId nor simulationUniqueId; give exactly one \
             (--process-id ID, --simulation-id ID, or a --body document with one of them)",
        )),
        EchoIds::Both => Err(Error::usage(
            "the echo body holds both processUniqueId and simulationUniqueId; give exactly one",
        )),
    }
}

pub fn check_type(notification_type: u32) -> Result<()> {
    if is_supported(notification_type) {
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
    let wait_on = args.wait_on.as_deref().map(wait_address).transpose()?;
    let client = ApiClient::new(ApiSettings::resolve(global)?, args.http.timeout, out);
    let Some(wait_on) = wait_on else {
        let body = Value::Object(body);
        let (response, headline) = post_echo(&client, args.notification_type, &body).await?;
        response.report(&out, args.notification_type, &body, headline);
        return Ok(());
    };
    let mut interrupts = crate::signals::interrupts()?;
    // Bound before the echo is requested, so a fast delivery cannot arrive before we listen.
    let mut listener = Listener::bind(wait_on).await?;
    let mut waiting = Waiting::new(args.notification_type, &body, &listener)?;
    let body = Value::Object(body);
    let triggered = tokio::select! {
        triggered = trigger(&client, args.notification_type, &body, &listener, out) => triggered,
        _ = interrupts.recv() => return Err(waiting.interrupted(&out)),
    };
    triggered?;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(args.http.timeout);
    loop {
        let next = tokio::select! {
            next = tokio::time::timeout_at(deadline, listener.next()) => next,
            _ = interrupts.recv() => return Err(waiting.interrupted(&out)),
        };
        match next {
            Ok(Some(notification)) => {
                if waiting.is_the_echo(&notification, &out) {
                    notification.print(&out);
                    listener.shutdown().await?;
                    return Ok(());
                }
            }
            Ok(None) => {
                return Err(Error::failure(format!(
                    "the listener on {} stopped before the echo arrived",
                    listener.url
                )));
            }
            Err(_) => return Err(waiting.timed_out(args.http.timeout)),
        }
    }
}

/// POSTs the echo; returns the answer and the line that says it was accepted.
async fn post_echo(
    client: &ApiClient,
    notification_type: u32,
    body: &Value,
) -> Result<(ApiResponse, String)> {
    let url = client.settings.url(Endpoint::Echo, Some(notification_type));
    let response = client
        .send(Method::POST, url, Some(body))
        .await?
        .error_for_status()?;
    let headline = format!(
        "echo for notification type {notification_type} accepted: {}",
        response.status
    );
    Ok((response, headline))
}

/// `--wait-on`: checks that the registered callback leads to `listener`, then has the echo
/// fired. The API's answer is a diagnostic here: the notification is the result.
async fn trigger(
    client: &ApiClient,
    notification_type: u32,
    body: &Value,
    listener: &Listener,
    out: Output,
) -> Result<()> {
    check_callback_target(client, notification_type, listener, &out).await?;
    out.note(format!("listening on {}", listener.url));
    let (_, headline) = post_echo(client, notification_type, body).await?;
    out.note(headline);
    Ok(())
}

/// `--wait-on`: a port (on 127.0.0.1), host:port, or an http:// URL such as the callback URL
/// itself (its path does not matter: the listener takes every path).
fn wait_address(text: &str) -> Result<ListenOptions> {
    if !text.contains("://") {
        return ListenOptions::for_address(text);
    }
    let url = parse_http_url(text, "--wait-on")?;
    if url.scheme() != "http" {
        return Err(Error::usage(format!(
            "--wait-on {} is https://, but the listener it starts serves plain HTTP; give an \
             http:// URL, a port or host:port",
            redacted(&url)
        )));
    }
    let host = url.host_str().unwrap_or_default();
    let host = host.trim_start_matches('[').trim_end_matches(']');
    Ok(ListenOptions::new(
        host,
        url.port_or_known_default().unwrap_or(80),
    ))
}

/// Whether a notification sent to a callback URL reaches the listener.
#[derive(Debug, PartialEq)]
enum Reach {
    Here,
    /// Never: another port or scheme on this host, or loopback when we listen elsewhere.
    Elsewhere,
    /// Another host: a tunnel or a proxy may forward it here.
    CannotTell,
}

fn reach(callback: &Url, bound: SocketAddr) -> Reach {
    let (ip, loopback) = match callback.host() {
        Some(Host::Ipv4(ip)) => (Some(IpAddr::V4(ip)), ip.is_loopback()),
        Some(Host::Ipv6(ip)) => (Some(IpAddr::V6(ip)), ip.is_loopback()),
        Some(Host::Domain(name)) if name.eq_ignore_ascii_case("localhost") => (None, true),
        _ => return Reach::CannotTell,
    };
    let listens_on_loopback = bound.ip().is_loopback() || bound.ip().is_unspecified();
    let same_host = ip == Some(bound.ip()) || (loopback && listens_on_loopback);
    if same_host {
        let same_port = callback.port_or_known_default() == Some(bound.port());
        if same_port && callback.scheme() == "http" {
            Reach::Here
        } else {
            Reach::Elsewhere
        }
    } else if loopback {
        Reach::Elsewhere
    } else {
        Reach::CannotTell
    }
}

/// Reads where the callback for `notification_type` points (GET callbacks) and refuses, before
/// the echo is fired, when it cannot lead to `listener`: waiting out --timeout would only
/// end in "nothing arrived".
async fn check_callback_target(
    client: &ApiClient,
    notification_type: u32,
    listener: &Listener,
    out: &Output,
) -> Result<()> {
    let (response, document) = fetch_list(client, None, None).await?;
    let here = &listener.url;
    let register_here =
        format!("hooks callbacks put {notification_type} --url {here}/hooks/{notification_type}");
    let callback = match registered(&document, notification_type) {
        Registered::At(callback) => callback,
        Registered::Nothing => {
            return Err(Error::usage(format!(
                "no callback is registered for notification type {notification_type} (GET {} \
                 lists none), so the echo has nowhere to go; register this listener first: \
                 {register_here}",
                response.url
            )));
        }
        Registered::Unknown => {
            out.note(format!(
                "cannot tell from GET {} where the callback for notification type \
                 {notification_type} points; waiting anyway",
                response.url
            ));
            return Ok(());
        }
    };
    let Ok(url) = Url::parse(&callback) else {
        out.warn(format!(
            "the callback for notification type {notification_type} is '{callback}', which is \
             not a URL; waiting anyway"
        ));
        return Ok(());
    };
    let shown = redacted(&url);
    match reach(&url, listener.addr) {
        Reach::Here => Ok(()),
        Reach::CannotTell => {
            out.note(format!(
                "the callback for notification type {notification_type} points at {shown}, \
                 another host than {here}; waiting in case a tunnel or proxy forwards it here"
            ));
            Ok(())
        }
        Reach::Elsewhere => Err(Error::usage(format!(
            "the callback for notification type {notification_type} points at {shown}, but \
             --wait-on listens on {here}, so the echo would never arrive here; wait where it \
             points (--wait-on {shown}) or point it here ({register_here})"
        ))),
    }
}

/// What `--wait-on` waits for, and what arrived instead: for the timeout's message and the
/// summary on Ctrl-C.
struct Waiting {
    notification_type: u32,
    field: &'static str,
    value: Value,
    url: String,
    /// Each other request, described for a person and for `--json`.
    others: Vec<(String, Value)>,
}

impl Waiting {
    fn new(
        notification_type: u32,
        body: &Map<String, Value>,
        listener: &Listener,
    ) -> Result<Waiting> {
        let (field, value) = one_id(body)?;
        Ok(Waiting {
            notification_type,
            field,
            value: value.clone(),
            url: listener.url.clone(),
            others: Vec::new(),
        })
    }

    /// Whether `notification` carries the id the echo was asked for; if not, it is noted.
    fn is_the_echo(&mut self, notification: &Notification, out: &Output) -> bool {
        let echoed = notification
            .body
            .as_ref()
            .and_then(|body| body.get(self.field));
        if echoed == Some(&self.value) {
            return true;
        }
        let path = escape_controls(&notification.path);
        let provider = notification.provider.as_str();
        let seen = format!(
            "{} {path} ({provider}{})",
            notification.method,
            echoed
                .map(|v| format!(", {} {v}", self.field))
                .unwrap_or_default()
        );
        out.note(format!("not the echo, still waiting: {seen}"));
        let mut described = json!({
            "method": notification.method,
            "path": path,
            "provider": provider,
        });
        if let Some(echoed) = echoed {
            described[self.field] = echoed.clone();
        }
        self.others.push((seen, described));
        false
    }

    /// "nothing arrived", or the other requests that did.
    fn arrived(&self) -> String {
        if self.others.is_empty() {
            return "nothing arrived".to_string();
        }
        let seen: Vec<&str> = self.others.iter().map(|(seen, _)| seen.as_str()).collect();
        format!(
            "{} arrived: {}",
            counted(self.others.len(), "other request", "other requests"),
            seen.join("; ")
        )
    }

    fn timed_out(&self, timeout_secs: u64) -> Error {
        Error::failure(format!(
            "no notification with {} {} arrived on {} within {timeout_secs}s; {}",
            self.field,
            self.value,
            self.url,
            self.arrived()
        ))
    }

    /// Prints what arrived so far (`--json`: a summary object marked `"interrupted": true`).
    fn interrupted(&self, out: &Output) -> Error {
        if out.json {
            out.json_line(&json!({
                "interrupted": true,
                "notification_type": self.notification_type,
                "waiting_for": { self.field: self.value },
                "listening_on": self.url,
                "arrived": self.others.iter().map(|(_, described)| described).collect::<Vec<_>>(),
            }));
        } else {
            out.note(format!(
                "interrupted: no notification with {} {} arrived on {}; {}",
                self.field,
                self.value,
                self.url,
                self.arrived()
            ));
        }
        Error::Interrupted
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reach_of(callback: &str, bound: &str) -> Reach {
        reach(&Url::parse(callback).unwrap(), bound.parse().unwrap())
    }

    #[test]
    fn a_callback_reaches_the_listener_on_its_host_and_port() {
        assert_eq!(
            reach_of("http://127.0.0.1:8080/h/5", "127.0.0.1:8080"),
            Reach::Here
        );
        assert_eq!(
            reach_of("http://localhost:8080/", "127.0.0.1:8080"),
            Reach::Here
        );
        assert_eq!(
            reach_of("http://127.0.0.1:8080/", "0.0.0.0:8080"),
            Reach::Here
        );
        assert_eq!(reach_of("http://[::1]:8080/", "[::1]:8080"), Reach::Here);
        assert_eq!(
            reach_of("http://10.1.2.3:8080/", "10.1.2.3:8080"),
            Reach::Here
        );
        assert_eq!(
            reach_of("http://127.0.0.1:8081/", "127.0.0.1:8080"),
            Reach::Elsewhere
        );
        assert_eq!(
            reach_of("http://localhost/", "127.0.0.1:8080"),
            Reach::Elsewhere
        );
        assert_eq!(
            reach_of("https://127.0.0.1:8080/", "127.0.0.1:8080"),
            Reach::Elsewhere
        );
        assert_eq!(
            reach_of("http://127.0.0.1:8080/", "10.1.2.3:8080"),
            Reach::Elsewhere
        );
        assert_eq!(
            reach_of("https://me.example/h/5", "127.0.0.1:8080"),
            Reach::CannotTell
        );
        assert_eq!(
            reach_of("http://10.9.9.9:8080/", "127.0.0.1:8080"),
            Reach::CannotTell
        );
    }

    #[test]
    fn wait_on_takes_a_port_an_address_or_an_http_url() {
        let from_url = wait_address("http://127.0.0.1:8123/hooks/5").unwrap();
        assert_eq!((from_url.host.as_str(), from_url.port), ("127.0.0.1", 8123));
        let v6 = wait_address("http://[::1]:8123/").unwrap();
        assert_eq!((v6.host.as_str(), v6.port), ("::1", 8123));
        let default_port = wait_address("http://localhost/hooks").unwrap();
        assert_eq!(default_port.port, 80);
        assert_eq!(wait_address("8124").unwrap().port, 8124);
        assert!(wait_address("https://127.0.0.1:8123/").is_err());
        assert!(wait_address("ftp://127.0.0.1:8123/").is_err());
    }
}

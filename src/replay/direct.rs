//! The hot path for plain-HTTP targets: each worker keeps one HTTP/1.1 connection of its
//! own and sends on it with hyper directly. Through reqwest (still used for https://, for
//! its TLS) a request costs about twice the CPU, in its pool, proxy matching and per-request
//! URL conversion; on a loopback benchmark that is most of the cost.

use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1::SendRequest;
use hyper_util::rt::TokioIo;
use reqwest::header::{HOST, HeaderMap, HeaderValue, USER_AGENT};
use reqwest::{Method, StatusCode, Url};

use crate::client::{self, failure_cause, redacted};

type Failure = Box<dyn std::error::Error + Send + Sync>;

/// Where and how to reach a plain-HTTP target.
#[derive(Debug)]
pub struct Target {
    /// For messages: the URL as the user gave it, any password masked.
    url: Url,
    /// The request target in origin form (`/path?query`), as HTTP/1.1 servers expect.
    path: hyper::Uri,
    /// `host:port` for the Host header and for resolving.
    authority: String,
    host: HeaderValue,
}

/// Whether a proxy for plain HTTP is set in the environment, as reqwest reads it.
fn http_proxy_set() -> bool {
    ["http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"]
        .iter()
        .any(|name| std::env::var_os(name).is_some_and(|value| !value.is_empty()))
}

/// One worker's connection: opened on first use, and again after it failed or closed.
#[derive(Default)]
pub struct Connection(Option<SendRequest<Full<Bytes>>>);

impl Target {
    /// For `http://` URLs only; https goes through reqwest and its TLS, and so does plain
    /// HTTP when a proxy is set for it (reqwest reads the same variables, and `NO_PROXY`).
    pub fn for_url(url: &Url) -> Option<Target> {
        if url.scheme() != "http" || http_proxy_set() {
            return None;
        }
        let host = url.host_str()?;
        let authority = format!("{host}:{}", url.port_or_known_default()?);
        let host = match url.port() {
            Some(_) => authority.clone(),
            None => host.to_string(),
        };
        let path = match url.query() {
            Some(query) => format!("{}?{query}", url.path()),
            None => url.path().to_string(),
        };
        Some(Target {
            url: redacted(url),
            path: path.parse().ok()?,
            host: HeaderValue::from_str(&host).ok()?,
            authority,
        })
    }

    /// Sends one request and reads the whole answer, all within `timeout`.
    pub async fn send(
        &self,
        connection: &mut Connection,
        method: &Method,
        headers: &HeaderMap,
        body: Bytes,
        timeout: Duration,
    ) -> Result<(StatusCode, Bytes), String> {
        let exchange = self.exchange(connection, method, headers, body);
        let failure = match tokio::time::timeout(timeout, exchange).await {
            Ok(Ok(answer)) => return Ok(answer),
            Ok(Err(error)) => format!(
                "{method} {} failed: {}",
                self.url,
                failure_cause(&*error, true)
            ),
            Err(_) => format!("{method} {} timed out", self.url),
        };
        // Whatever state the connection is in, the next delivery starts on a new one.
        connection.0 = None;
        Err(failure)
    }

    async fn exchange(
        &self,
        connection: &mut Connection,
        method: &Method,
        headers: &HeaderMap,
        body: Bytes,
    ) -> Result<(StatusCode, Bytes), Failure> {
        let mut request = hyper::Request::new(Full::new(body));
        *request.method_mut() = method.clone();
        *request.uri_mut() = self.path.clone();
        let all = request.headers_mut();
        all.clone_from(headers);
        // As reqwest does: a Host or User-Agent given with -H wins.
        all.entry(HOST).or_insert_with(|| self.host.clone());
        all.entry(USER_AGENT)
            .or_insert(HeaderValue::from_static(client::USER_AGENT));
        let kept = match connection.0.take() {
            Some(mut kept) => kept.ready().await.is_ok().then_some(kept),
            None => None,
        };
        let response = match kept {
            Some(mut kept) => {
                match kept.try_send_request(request).await {
                    Ok(response) => {
                        connection.0 = Some(kept);
                        response
                    }
                    // The server closed the kept connection before the request went out
                    // (an idle keep-alive timeout): it was not delivered, so send it anew.
                    Err(mut refused) if refused.error().is_canceled() => {
                        match refused.take_message() {
                            Some(request) => self.send_fresh(connection, request).await?,
                            None => return Err(refused.into_error().into()),
                        }
                    }
                    Err(refused) => return Err(refused.into_error().into()),
                }
            }
            None => self.send_fresh(connection, request).await?,
        };
        let status = response.status();
        let answer = response.into_body().collect().await?.to_bytes();
        Ok((status, answer))
    }

    async fn send_fresh(
        &self,
        connection: &mut Connection,
        request: hyper::Request<Full<Bytes>>,
    ) -> Result<hyper::Response<hyper::body::Incoming>, Failure> {
        let stream = tokio::net::TcpStream::connect(&self.authority).await?;
        stream.set_nodelay(true)?;
        let (mut sender, driver) =
            hyper::client::conn::http1::handshake(TokioIo::new(stream)).await?;
        // The driver ends when the sender is dropped or the peer closes the connection.
        tokio::spawn(driver);
        let response = sender.send_request(request).await?;
        connection.0 = Some(sender);
        Ok(response)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_are_plain_http_in_origin_form() {
        let target =
            Target::for_url(&Url::parse("http://[::1]:8080/hooks/in?x=1").unwrap()).unwrap();
        assert_eq!(target.path, "/hooks/in?x=1");
        assert_eq!(target.authority, "[::1]:8080");
        assert_eq!(target.host, "[::1]:8080");
        let default_port = Target::for_url(&Url::parse("http://localhost").unwrap()).unwrap();
        assert_eq!(default_port.authority, "localhost:80");
        assert_eq!(default_port.host, "localhost");
        assert!(Target::for_url(&Url::parse("https://localhost").unwrap()).is_none());
    }
}

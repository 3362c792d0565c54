//! The Callback API's HTTP surface, as the provider documents it, with its validation:
//! a bearer token, a GUID partner id, notification types 5/6/7, a 404 for a missing
//! registration, exactly one of `processUniqueId` / `simulationUniqueId` in an echo.
//! Every error, including axum's own rejections, is a JSON `{"error": ..., "status": ...}`.

use std::sync::Arc;
use std::time::Duration;

use axum::Json;
use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::rejection::{BytesRejection, FailedToBufferBody, PathRejection};
use axum::extract::{DefaultBodyLimit, FromRequestParts, Path, RawQuery, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use http_body_util::LengthLimitError;
use serde::Serialize;
use serde_json::{Map, Value, json};
use subtle::ConstantTimeEq;

use super::delivery::{Deliverer, Delivery, HELD_PER_SLOT, Refused};
use super::store::{Registration, Store};
use crate::callback_api::{
    EXAMPLE_GUID, EchoIds, Endpoint, Host, callback_host, echo_ids, guid, not_public_https,
    path_type,
};
use crate::client::redacted;
use crate::config::parse_http_url;
use crate::output::Output;

/// Larger request bodies get a 413: a registration or an echo payload is a few hundred bytes,
/// and every held delivery keeps its body until it is done.
const BODY_LIMIT: usize = 64 * 1024;
const DEFAULT_LIMIT: usize = 50;
const MAX_LIMIT: usize = 500;
/// Fields of a registration the sandbox sets itself; a PUT body cannot override them.
const SERVER_FIELDS: [&str; 3] = ["notificationType", "createdAt", "updatedAt"];

pub struct Sandbox {
    pub store: Store,
    /// The one accepted bearer token, or None to accept any non-empty one.
    pub token: Option<String>,
    pub deliverer: Arc<Deliverer>,
    pub out: Output,
    /// How long a request's body may take to arrive once its head has.
    pub body_timeout: Duration,
}

pub fn router(sandbox: Arc<Sandbox>) -> Router {
    Router::new()
        .route(Endpoint::List.template(), get(list))
        .route(
            Endpoint::Callback.template(),
            put(put_callback).delete(delete_callback),
        )
        .route(Endpoint::Echo.template(), post(echo))
        .method_not_allowed_fallback(method_not_allowed)
        // Only known paths need a token: an unknown path is a 404 whoever asks.
        .route_layer(middleware::from_fn_with_state(
            sandbox.clone(),
            require_token,
        ))
        .fallback(unknown_path)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(middleware::from_fn_with_state(
            sandbox.clone(),
            read_body_in_time,
        ))
        .layer(middleware::from_fn_with_state(sandbox.clone(), log_request))
        .with_state(sandbox)
}

/// An error answer: its status and a message that says what was wrong and what to do.
#[derive(Debug)]
struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    fn new(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError {
            status,
            message: message.into(),
        }
    }

    fn bad_request(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({"error": self.message, "status": self.status.as_u16()});
        let mut response = (self.status, Json(body)).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

impl From<PathRejection> for ApiError {
    fn from(rejection: PathRejection) -> Self {
        ApiError::new(rejection.status(), rejection.body_text())
    }
}

impl ApiError {
    fn too_large() -> Self {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the request body is larger than the sandbox's limit of {BODY_LIMIT} bytes"),
        )
    }
}

impl From<BytesRejection> for ApiError {
    fn from(rejection: BytesRejection) -> Self {
        match rejection {
            BytesRejection::FailedToBufferBody(FailedToBufferBody::LengthLimitError(_)) => {
                ApiError::too_large()
            }
            other => ApiError::new(other.status(), other.body_text()),
        }
    }
}

/// Reads the whole body (at most [`BODY_LIMIT`] bytes) within the body timeout, before any
/// handler runs: the connection watchdog bounds only the request head, so a body trickled
/// in a byte at a time would otherwise hold its connection for as long as it liked.
async fn read_body_in_time(
    State(sandbox): State<Arc<Sandbox>>,
    request: Request,
    next: Next,
) -> Response {
    let (parts, body) = request.into_parts();
    let read = axum::body::to_bytes(body, BODY_LIMIT);
    match tokio::time::timeout(sandbox.body_timeout, read).await {
        Ok(Ok(bytes)) => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
        Ok(Err(e)) if std::error::Error::source(&e).is_some_and(|e| e.is::<LengthLimitError>()) => {
            ApiError::too_large().into_response()
        }
        Ok(Err(_)) => ApiError::bad_request("the request body could not be read").into_response(),
        Err(_) => ApiError::new(
            StatusCode::REQUEST_TIMEOUT,
            format!(
                "the request body did not arrive within {} s",
                sandbox.body_timeout.as_secs_f64()
            ),
        )
        .into_response(),
    }
}

impl From<Refused> for ApiError {
    fn from(refused: Refused) -> Self {
        match refused {
            Refused::Full(held) => ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                format!(
                    "the sandbox already holds {held} deliveries ({HELD_PER_SLOT} per \
                     --max-in-flight slot); try again once some are done"
                ),
            ),
            Refused::Stopping => ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "the sandbox is stopping and starts no more deliveries",
            ),
        }
    }
}

fn storage_error(error: std::io::Error) -> ApiError {
    ApiError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        format!("the sandbox could not write its state file: {error}"),
    )
}

/// The partner id in its canonical form, so `{ABC…}` and `abc…` name the same partner.
fn partner_id(text: &str) -> Result<String, ApiError> {
    guid(text).ok_or_else(|| {
        ApiError::bad_request(format!(
            "partnerUniqueID '{text}' is not a GUID (expected e.g. {EXAMPLE_GUID})"
        ))
    })
}

/// A supported notification type, from the path segment as sent (before percent-decoding).
/// Unsupported and non-numeric types are both a 400: the request is malformed, whereas a
/// 404 means "no registration for this supported type".
fn notification_type(raw: &str) -> Result<u32, ApiError> {
    path_type(raw).ok_or_else(|| {
        ApiError::bad_request(format!(
            "notification type '{raw}' is not supported: the notification type must be 5, 6 or 7"
        ))
    })
}

/// `/…/{partner}/…/{notification_type}`, validated: a GUID and a supported type.
struct CallbackPath {
    partner: String,
    notification_type: u32,
}

impl<S: Send + Sync> FromRequestParts<S> for CallbackPath {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let Path((partner, _)) = Path::<(String, String)>::from_request_parts(parts, state).await?;
        // Both routes end in the type, so the raw path's last segment is the type as sent.
        let raw_type = parts.uri.path().rsplit('/').next().unwrap_or_default();
        Ok(CallbackPath {
            partner: partner_id(&partner)?,
            notification_type: notification_type(raw_type)?,
        })
    }
}

fn json_object(body: &[u8]) -> Result<Map<String, Value>, ApiError> {
    match serde_json::from_slice(body) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(ApiError::bad_request(
            "the request body must be a JSON object",
        )),
        Err(e) => Err(ApiError::bad_request(format!(
            "the request body is not valid JSON: {e}"
        ))),
    }
}

fn bearer_token(request: &Request) -> Option<&str> {
    let value = request
        .headers()
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

fn check_token(expected: Option<&str>, presented: Option<&str>) -> Result<(), ApiError> {
    match (expected, presented) {
        (_, None) => Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "a bearer token is required: send Authorization: Bearer <token> (set HOOKS_TOKEN)",
        )),
        (Some(expected), Some(presented))
            if !bool::from(expected.as_bytes().ct_eq(presented.as_bytes())) =>
        {
            Err(ApiError::new(
                StatusCode::UNAUTHORIZED,
                "the bearer token is not the one this sandbox was started with (--token / HOOKS_TOKEN)",
            ))
        }
        _ => Ok(()),
    }
}

async fn require_token(
    State(sandbox): State<Arc<Sandbox>>,
    request: Request,
    next: Next,
) -> Response {
    match check_token(sandbox.token.as_deref(), bearer_token(&request)) {
        Ok(()) => next.run(request).await,
        Err(error) => error.into_response(),
    }
}

/// One stderr line per request, so a developer sees what reached the sandbox.
async fn log_request(
    State(sandbox): State<Arc<Sandbox>>,
    request: Request,
    next: Next,
) -> Response {
    let asked = format!("{} {}", request.method(), request.uri().path());
    let response = next.run(request).await;
    sandbox
        .out
        .note(format!("{asked} -> {}", response.status()));
    response
}

async fn unknown_path() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        format!(
            "no such endpoint; the sandbox serves PUT/DELETE {}, GET {} and POST {}",
            Endpoint::Callback.template(),
            Endpoint::List.template(),
            Endpoint::Echo.template()
        ),
    )
}

async fn method_not_allowed(request: Request) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        format!(
            "{} is not allowed on {}",
            request.method(),
            request.uri().path()
        ),
    )
}

#[derive(Serialize)]
struct Page {
    items: Vec<Registration>,
    offset: usize,
    limit: usize,
    total: usize,
}

/// `offset` (from 0) and `limit` (1..=MAX_LIMIT) from the query string; others are ignored.
fn paging(query: Option<&str>) -> Result<(usize, usize), ApiError> {
    let (mut offset, mut limit) = (0, DEFAULT_LIMIT);
    for (key, value) in url::form_urlencoded::parse(query.unwrap_or("").as_bytes()) {
        let (slot, range) = match key.as_ref() {
            "offset" => (&mut offset, 0..=usize::MAX),
            "limit" => (&mut limit, 1..=MAX_LIMIT),
            _ => continue,
        };
        *slot = value
            .parse()
            .ok()
            .filter(|n| range.contains(n))
            .ok_or_else(|| {
                ApiError::bad_request(format!(
                    "{key} must be an integer from {} to {}, not '{value}'",
                    range.start(),
                    range.end()
                ))
            })?;
    }
    Ok((offset, limit))
}

async fn list(
    State(sandbox): State<Arc<Sandbox>>,
    path: Result<Path<String>, PathRejection>,
    RawQuery(query): RawQuery,
) -> Result<Json<Page>, ApiError> {
    let Path(partner) = path?;
    let partner = partner_id(&partner)?;
    let (offset, limit) = paging(query.as_deref())?;
    let all = sandbox.store.list(&partner);
    let total = all.len();
    let items = all.into_iter().skip(offset).take(limit).collect();
    Ok(Json(Page {
        items,
        offset,
        limit,
        total,
    }))
}

async fn put_callback(
    State(sandbox): State<Arc<Sandbox>>,
    target: CallbackPath,
    body: Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<Registration>), ApiError> {
    let mut fields = json_object(&body?)?;
    let url = match fields.remove("url") {
        Some(Value::String(url)) => url,
        _ => {
            return Err(ApiError::bad_request(
                "the body must carry the callback URL as a string field \"url\"",
            ));
        }
    };
    let parsed = parse_http_url(&url, "url").map_err(|e| ApiError::bad_request(e.to_string()))?;
    let shown = redacted(&parsed);
    match callback_host(&parsed) {
        Host::Unreachable(what) => {
            return Err(ApiError::bad_request(format!(
                "callback URL {shown} is on {what}: a delivery could never reach your receiver there; \
                 register the receiver's own address (127.0.0.1 for a local one)"
            )));
        }
        Host::Private(range) => sandbox.out.warn(format!(
            "{shown} is a private address ({range}): the real Callback API delivers from the \
             internet and could not reach it; the sandbox accepts it"
        )),
        Host::Other => {}
    }
    if let Some(reason) = not_public_https(&parsed) {
        sandbox.out.warn(format!(
            "{shown} {reason}: the real Callback API requires a public HTTPS URL and would refuse it; \
             the sandbox accepts it because it runs locally"
        ));
    }
    for field in SERVER_FIELDS {
        fields.remove(field);
    }
    let (registration, created) = sandbox
        .store
        .put(
            &target.partner,
            target.notification_type,
            url,
            fields,
            crate::timefmt::now(),
        )
        .map_err(storage_error)?;
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(registration)))
}

async fn delete_callback(
    State(sandbox): State<Arc<Sandbox>>,
    target: CallbackPath,
) -> Result<StatusCode, ApiError> {
    match sandbox
        .store
        .delete(&target.partner, target.notification_type)
        .map_err(storage_error)?
    {
        Some(_) => Ok(StatusCode::NO_CONTENT),
        None => Err(not_registered(&target)),
    }
}

fn not_registered(target: &CallbackPath) -> ApiError {
    let CallbackPath {
        partner,
        notification_type,
    } = target;
    ApiError::new(
        StatusCode::NOT_FOUND,
        format!(
            "no callback is registered for notification type {notification_type} of partner \
             {partner}; register one with PUT /{partner}/callbacks/{notification_type}"
        ),
    )
}

async fn echo(
    State(sandbox): State<Arc<Sandbox>>,
    target: CallbackPath,
    body: Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let body = body?;
    let fields = json_object(&body)?;
    let wrong = match echo_ids(&fields) {
        EchoIds::One(..) => None,
        EchoIds::Neither => Some("neither"),
        EchoIds::Both => Some("both"),
    };
    if let Some(wrong) = wrong {
        return Err(ApiError::bad_request(format!(
            "the body must hold exactly one of processUniqueId and simulationUniqueId, not {wrong}"
        )));
    }
    let registration = sandbox
        .store
        .get(&target.partner, target.notification_type)
        .ok_or_else(|| not_registered(&target))?;
    let url = url::Url::parse(&registration.url).map_err(|e| {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("the registered callback URL is not a URL ({e}); register it again"),
        )
    })?;
    let delivery = Delivery::new(target.partner, target.notification_type, url, body);
    let answer = json!({
        "accepted": true,
        "deliveryId": delivery.id,
        "notificationType": delivery.notification_type,
        "url": delivery.shown_url,
        "attempts": sandbox.deliverer.attempts(),
    });
    sandbox.deliverer.start(delivery)?;
    Ok((StatusCode::ACCEPTED, Json(answer)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_errors_are_bad_requests_naming_the_value() {
        let error = partner_id("partner-1").unwrap_err();
        assert_eq!(error.status, StatusCode::BAD_REQUEST);
        assert!(error.message.contains("'partner-1'"), "{}", error.message);
        assert_eq!(notification_type("6").unwrap(), 6);
        assert!(notification_type("05").is_err());
    }

    #[test]
    fn tokens_any_or_exact() {
        assert!(check_token(None, Some("anything")).is_ok());
        assert!(check_token(None, None).is_err());
        assert!(check_token(Some("t0k"), Some("t0k")).is_ok());
        assert!(check_token(Some("t0k"), Some("t0k2")).is_err());
    }

    #[test]
    fn paging_defaults_and_bounds() {
        assert_eq!(paging(None).unwrap(), (0, DEFAULT_LIMIT));
        assert_eq!(paging(Some("offset=2&limit=1&x=y")).unwrap(), (2, 1));
        assert!(paging(Some("limit=0")).is_err());
        assert!(paging(Some("offset=-1")).is_err());
        assert!(paging(Some("limit=9999")).is_err());
    }
}

mod common;

use common::*;

#[test]
fn put_sends_the_url_body_with_bearer_token() {
    let api = Recorder::ok();
    hooks()
        .args([
            "callbacks",
            "put",
            "5",
            "--url",
            "https://me.example/hooks/5",
        ])
        .env("HOOKS_BASE_URL", &api.url)
        .env("HOOKS_PARTNER", "3f2c8d8e-1111-2222-3333-444455556666")
        .env("HOOKS_TOKEN", "secret-token")
        .assert()
        .success();
    let requests = api.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].method, "PUT");
    assert_eq!(
        requests[0].uri,
        "/3f2c8d8e-1111-2222-3333-444455556666/callbacks/5"
    );
    assert_eq!(
        requests[0].header("authorization"),
        Some("Bearer secret-token")
    );
    assert_eq!(
        requests[0].json(),
        serde_json::json!({"url": "https://me.example/hooks/5"})
    );
}

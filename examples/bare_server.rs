//! The benchmark baseline: an axum server that answers 200 `{}` to every request and does
//! nothing else. `cargo run --release --example bare_server -- [PORT]` (default 0: a free port).

use std::net::SocketAddr;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let port = match std::env::args().nth(1) {
        Some(text) => text.parse::<u16>().map_err(|e| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("PORT {text:?}: {e}"),
            )
        })?,
        None => 0,
    };
    let listener = tokio::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], port))).await?;
    eprintln!("listening on http://{}", listener.local_addr()?);
    let app = axum::Router::new().fallback(|| async {
        (
            [(axum::http::header::CONTENT_TYPE, "application/json")],
            "{}",
        )
    });
    axum::serve(listener, app).await
}

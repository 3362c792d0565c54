//! The benchmark ceiling for `hooks listen`: an axum server that does the least any
//! webhook receiver must do — read each request's whole body — and answers 200 with an
//! empty body. Nothing is parsed, printed or recorded, so it is the fastest fair ceiling.
//! `cargo run --profile bench --example bare_server -- [PORT]` (default 0: a free port).

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
    // `Bytes` reads the whole body (up to axum's default 2 MB limit) before answering.
    let app = axum::Router::new().fallback(|_body: axum::body::Bytes| async {});
    axum::serve(listener, app).await
}

//! `hooks version`: what a bug report needs to know of this binary. `hooks --version` stays
//! the one short line clap prints.

use serde_json::{Value, json};

use crate::output::Output;

/// The details `build.rs` recorded, "unknown" where it could not tell.
pub fn details() -> Value {
    let features: Vec<&str> = env!("HOOKS_BUILD_FEATURES")
        .split(',')
        .filter(|feature| !feature.is_empty())
        .collect();
    json!({
        "version": env!("CARGO_PKG_VERSION"),
        "commit": env!("HOOKS_BUILD_COMMIT"),
        "build_date": env!("HOOKS_BUILD_DATE"),
        "target": env!("HOOKS_BUILD_TARGET"),
        "profile": env!("HOOKS_BUILD_PROFILE"),
        "features": features,
        "tls": "rustls (ring)",
    })
}

pub fn run(out: Output) {
    let details = details();
    if out.json {
        out.json_line(&details);
        return;
    }
    let text = |key: &str| details[key].as_str().unwrap_or_default().to_string();
    let features = details["features"]
        .as_array()
        .filter(|features| !features.is_empty())
        .map_or("none".to_string(), |features| {
            features
                .iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join(", ")
        });
    out.line(format!(
        "hooks {}\ncommit:     {}\nbuild date: {}\ntarget:     {}\nprofile:    {}\nfeatures:   {features}\ntls:        {}",
        text("version"),
        text("commit"),
        text("build_date"),
        text("target"),
        text("profile"),
        text("tls"),
    ));
}

//! `hooks version`: what a bug report needs, human and `--json`; `--version` stays one line.

mod common;

use common::hooks;
use serde_json::Value;

#[test]
fn version_json_names_version_commit_date_target_and_features() {
    let output = hooks().args(["version", "--json"]).output().unwrap();
    assert!(output.status.success());
    let details: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(details["version"], env!("CARGO_PKG_VERSION"));
    for key in ["commit", "build_date", "target", "profile", "tls"] {
        let value = details[key].as_str().unwrap_or_default();
        assert!(!value.is_empty(), "{key}: {details}");
    }
    assert!(details["features"].is_array(), "{details}");
    // Built from this checkout: the commit and its date are known.
    let commit = details["commit"].as_str().unwrap();
    assert!(
        commit.len() == 12 && commit.chars().all(|c| c.is_ascii_hexdigit()),
        "{details}"
    );
    // Without SOURCE_DATE_EPOCH, the build date is the commit's (UTC), as git tells it.
    let git = std::process::Command::new("git")
        .args(["log", "-1", "--date=format-local:%Y-%m-%d", "--format=%cd"])
        .env("TZ", "UTC")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let committed = String::from_utf8(git.stdout).unwrap();
    assert_eq!(details["build_date"], committed.trim(), "{details}");
}

#[test]
fn version_prints_the_same_details_for_people() {
    let json: Value =
        serde_json::from_slice(&hooks().args(["version", "--json"]).output().unwrap().stdout)
            .unwrap();
    let output = hooks().arg("version").output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.starts_with(&format!("hooks {}\n", env!("CARGO_PKG_VERSION"))),
        "{text}"
    );
    for key in ["commit", "build_date", "target"] {
        assert!(text.contains(json[key].as_str().unwrap()), "{key}: {text}");
    }
}

#[test]
fn dash_dash_version_is_one_short_line() {
    hooks()
        .arg("--version")
        .assert()
        .success()
        .stdout(format!("hooks {}\n", env!("CARGO_PKG_VERSION")));
}

//! Provider definitions: every provider's rules live in its definition folder, not the code.

use std::path::Path;

/// No provider is named in `src/` outside its test modules: recognition, warnings,
/// credentials, summaries, fresh ids and rounds all come from the definitions.
#[test]
fn no_provider_is_named_in_the_code() {
    fn walk(dir: &Path, found: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, found);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            // Everything from the first test module on is test code.
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            for (number, line) in code.lines().enumerate() {
                let lower = line.to_lowercase();
                for name in [
                    "clubcollect",
                    "receipthero",
                    "document-status",
                    "partner-callbacks",
                ] {
                    if lower.contains(name) {
                        found.push(format!("{}:{}: {line}", path.display(), number + 1));
                    }
                }
            }
        }
    }
    let mut found = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut found,
    );
    assert!(found.is_empty(), "{}", found.join("\n"));
}

mod common;

use common::{Running, hooks};
use predicates::prelude::*;
use serde_json::Value;

/// The GitHub-style provider defined only in this test folder.
fn test_providers() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/providers")
        .display()
        .to_string()
}

fn replay(args: &[&str]) {
    hooks()
        .args(["--providers", &test_providers(), "replay"])
        .args(args)
        .assert()
        .success();
}

/// Recognised by its header, validated by its schema, its body credential masked, its ids
/// fresh in another process's replay, as a built-in provider's are.
#[test]
fn a_provider_defined_in_a_folder_is_recognised_validated_masked_and_replayed() {
    let providers = test_providers();
    let mut running = Running::start(
        &["--json", "--providers", &providers, "listen", "--port", "0"],
        &[],
    );
    let url = running.listen_url();
    replay(&["github", "--fresh-ids", "--to", &url]);
    let push_fixture: Value = serde_json::from_str(
        &std::fs::read_to_string(Path::new(&providers).join("github/push.json")).unwrap(),
    )
    .unwrap();
    let mut kinds = Vec::new();
    for _ in 0..2 {
        let line = running.stdout_json();
        assert_eq!(line["provider"], "github", "{line}");
        assert_eq!(line["warnings"], serde_json::json!([]), "{line}");
        assert!(!line.to_string().contains("Hunter-Secret-9876"), "{line}");
        if line["kind"] == "push" {
            let after = line["body"]["after"].as_str().unwrap();
            assert_ne!(after, push_fixture["after"].as_str().unwrap());
            assert_eq!(after.len(), 40);
        }
        kinds.push(line["kind"].as_str().unwrap().to_string());
    }
    kinds.sort();
    assert_eq!(kinds, ["ping", "push"]);

    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    let mut body = push_fixture.clone();
    body["after"] = "not-a-sha".into();
    std::fs::write(&bad, body.to_string()).unwrap();
    replay(&[
        bad.to_str().unwrap(),
        "-H",
        "X-GitHub-Event: push",
        "--to",
        &url,
    ]);
    let line = running.stdout_json();
    assert_eq!(
        (line["provider"].as_str(), line["kind"].as_str()),
        (Some("github"), Some("push"))
    );
    let warnings = line["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1, "{line}");
    assert!(
        warnings[0]
            .as_str()
            .unwrap()
            .starts_with("after \"not-a-sha\""),
        "{line}"
    );
}

#[test]
fn a_provider_defined_in_a_folder_is_summarised_and_listed() {
    let providers = test_providers();
    let mut running = Running::start(&["--providers", &providers, "listen", "--port", "0"], &[]);
    let url = running.listen_url();
    replay(&["github/push", "--to", &url]);
    let mut block = String::new();
    while !block.contains("GET /repos/octo/hello/commits/") {
        block.push_str(&running.stdout_line());
        block.push('\n');
    }
    assert!(block.contains("github push"), "{block}");
    assert!(block.contains("repository: octo/hello"), "{block}");

    hooks()
        .env("HOOKS_PROVIDERS", &providers)
        .args(["fixtures", "list"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("github/push")
                .and(predicate::str::contains("one commit pushed")),
        );
    // <config dir>/hooks/providers/ is read too.
    let config = tempfile::tempdir().unwrap();
    copy_dir(
        &Path::new(&providers).join("github"),
        &config.path().join("hooks/providers/github"),
    );
    hooks()
        .env("XDG_CONFIG_HOME", config.path())
        .args(["providers", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("github"));
}

#[test]
fn providers_list_show_and_check() {
    let out = hooks()
        .args(["providers", "list", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let list: Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "clubcollect",
            "receipthero",
            "document-status",
            "partner-callbacks"
        ]
    );

    let out = hooks()
        .args(["providers", "show", "clubcollect", "--json"])
        .output()
        .unwrap();
    let shown: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(shown["confirm"], "200");
    assert_eq!(
        shown["carry_unconfirmed"],
        serde_json::json!(["/invoice_ids", "/import_ids"])
    );
    hooks().args(["providers", "show", "nope"]).assert().code(2);

    let out = hooks()
        .args(["providers", "check", &test_providers(), "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let checked: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(checked["providers"], serde_json::json!(["github"]));
    let kinds: Vec<&str> = checked["fixtures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["ping", "push"]);
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

/// A copy of the test provider, broken by `edit`: every command refuses to start (exit 2),
/// naming the file and what is wrong.
fn refused(edit: impl FnOnce(&Path), file: &str, what: &str) {
    let dir = tempfile::tempdir().unwrap();
    let github = dir.path().join("github");
    copy_dir(&Path::new(&test_providers()).join("github"), &github);
    edit(dir.path());
    let providers = dir.path().display().to_string();
    for args in [
        vec!["--providers", &providers, "listen", "--port", "0"],
        vec!["--providers", &providers, "fixtures", "list"],
        vec!["providers", "check", &providers],
    ] {
        hooks()
            .args(&args)
            .timeout(std::time::Duration::from_secs(20))
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(file).and(predicate::str::contains(what)));
    }
}

#[test]
fn bad_toml_is_refused() {
    refused(
        |dir| {
            let path = dir.join("github/provider.toml");
            let text = std::fs::read_to_string(&path).unwrap();
            std::fs::write(&path, text.replace("priority = 50", "priorty = 50")).unwrap();
        },
        "github/provider.toml",
        "priorty",
    );
}

#[test]
fn a_field_that_is_not_a_json_pointer_is_refused() {
    refused(
        |dir| {
            let path = dir.join("github/provider.toml");
            let text = std::fs::read_to_string(&path).unwrap();
            let broken = text.replace("[recognize]\n", "[recognize]\nfields = [\"api_key\"]\n");
            assert_ne!(broken, text);
            std::fs::write(&path, broken).unwrap();
        },
        "github/provider.toml",
        "`api_key` is not a JSON pointer: it must be empty or start with `/`",
    );
}

#[test]
fn a_schema_that_does_not_compile_is_refused() {
    refused(
        |dir| std::fs::write(dir.join("github/schemas/ping.json"), r#"{"type": 12}"#).unwrap(),
        "github/schemas/ping.json",
        "does not compile",
    );
}

#[test]
fn a_fixture_that_fails_its_own_schema_is_refused() {
    refused(
        |dir| {
            std::fs::write(
                dir.join("github/ping.json"),
                r#"{"zen": "z", "hook_id": "one"}"#,
            )
            .unwrap()
        },
        "github/ping.json",
        "fails its own schema",
    );
}

#[test]
fn two_providers_claiming_a_payload_with_one_priority_are_refused() {
    refused(
        |dir| {
            let twin = dir.join("twin");
            copy_dir(&dir.join("github"), &twin);
            let path = twin.join("provider.toml");
            let text = std::fs::read_to_string(&path).unwrap();
            std::fs::write(&path, text.replace("name = \"github\"", "name = \"twin\"")).unwrap();
        },
        "provider.toml",
        "with the same priority 50",
    );
}

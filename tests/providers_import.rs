mod common;

use std::path::Path;

use common::hooks;
use serde_json::Value;

fn data(name: &str) -> String {
    format!("{}/tests/data/openapi/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The written manifest's kinds, after checking every kind's fixture passes its kind's schema.
fn checked_kinds(folder: &Path) -> Vec<String> {
    let manifest: toml::Table = std::fs::read_to_string(folder.join("provider.toml"))
        .unwrap()
        .parse()
        .unwrap();
    let kinds = manifest["kinds"].as_array().unwrap();
    kinds
        .iter()
        .map(|kind| {
            let name = kind["name"].as_str().unwrap().to_owned();
            let schema = read_json(&folder.join(kind["schema"].as_str().unwrap()));
            let validator = jsonschema::options()
                .should_validate_formats(true)
                .build(&schema)
                .unwrap();
            let fixture = read_json(&folder.join(format!("{name}.json")));
            let errors: Vec<String> = validator
                .iter_errors(&fixture)
                .map(|e| e.to_string())
                .collect();
            assert!(errors.is_empty(), "{name}: {errors:?}\n{fixture}");
            name
        })
        .collect()
}

#[test]
fn import_of_the_openapi_webhook_example_writes_a_valid_provider_folder() {
    let out = tempfile::tempdir().unwrap();
    let assert = hooks()
        .args([
            "providers",
            "import",
            &data("webhook-example.yaml"),
            "--name",
            "pets",
            "--json",
            "--out",
        ])
        .arg(out.path())
        .assert()
        .success();
    let summary: Value = serde_json::from_slice(&assert.get_output().stdout).unwrap();
    assert_eq!(summary["kinds"], serde_json::json!(["new-pet"]));
    let folder = out.path().join("pets");
    assert_eq!(checked_kinds(&folder), ["new-pet"]);
    let manifest = std::fs::read_to_string(folder.join("provider.toml")).unwrap();
    assert!(
        manifest.contains("title = \"Webhook Example\""),
        "{manifest}"
    );
}

#[test]
fn import_resolves_cycles_reports_what_it_cannot_map_and_refuses_to_overwrite() {
    let out = tempfile::tempdir().unwrap();
    let import = || {
        let mut cmd = hooks();
        cmd.args([
            "providers",
            "import",
            &data("edge-cases.yaml"),
            "--name",
            "edge",
            "--out",
        ])
        .arg(out.path());
        cmd
    };
    let assert = import().assert().success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(
        stderr.contains("no JSON body (content: application/x-www-form-urlencoded)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("$ref to another file (other.yaml#/Thing)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("ping/{$request.body#/callbackUrl}/get: no request body"),
        "{stderr}"
    );
    let folder = out.path().join("edge");
    assert_eq!(checked_kinds(&folder), ["order.shipped", "tree.changed"]);
    let tree = read_json(&folder.join("schemas/tree.changed.json"));
    assert_eq!(tree["properties"]["root"]["$ref"], "#/$defs/Node");
    let manifest: toml::Table = std::fs::read_to_string(folder.join("provider.toml"))
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(manifest["kind_from"]["field"].as_str(), Some("/type"));

    let again = import().assert().code(2);
    let stderr = String::from_utf8_lossy(&again.get_output().stderr).into_owned();
    assert!(stderr.contains("pass --force"), "{stderr}");
    import().arg("--force").assert().success();
}

#[test]
fn import_of_a_document_that_is_not_openapi_is_a_usage_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("broken.yaml");
    std::fs::write(&spec, "openapi: [unclosed").unwrap();
    let assert = hooks()
        .args(["providers", "import", "--name", "x", "--out"])
        .arg(dir.path())
        .arg(&spec)
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(stderr.contains("broken.yaml"), "{stderr}");
    assert!(!dir.path().join("x").exists());
}

#[test]
fn import_of_the_openapi_callback_example_maps_its_callback() {
    let out = tempfile::tempdir().unwrap();
    // Its payload schema requires nothing, so nothing is left to recognise it by: said.
    hooks()
        .args([
            "providers",
            "import",
            &data("callback-example.yaml"),
            "--name",
            "streams",
            "--out",
        ])
        .arg(out.path())
        .assert()
        .success()
        .stderr(predicates::str::contains(
            "not mapped: recognition: no field is required by every kind's schema, so \
             provider.toml's [recognize] claims every body",
        ));
    assert_eq!(checked_kinds(&out.path().join("streams")), ["on-data"]);
}

/// An imported folder is a definition like any other: `providers check` passes it, and a
/// listener given it recognises its fixture sent over a socket.
#[test]
fn an_imported_provider_is_checked_and_recognised_by_listen() {
    let out = tempfile::tempdir().unwrap();
    hooks()
        .args(["providers", "import", &data("webhook-example.yaml")])
        .args(["--name", "pets", "--out"])
        .arg(out.path())
        .assert()
        .success()
        .stdout(predicates::str::contains("with 1 kind (3 files)"));
    let folder = out.path().join("pets");
    hooks()
        .args(["providers", "check"])
        .arg(&folder)
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "each fixture (1) passes its schema and is recognised",
        ));
    let providers = out.path().to_str().unwrap();
    let mut running = common::Running::start(
        &["--json", "--providers", providers, "listen", "--port", "0"],
        &[],
    );
    let url = running.listen_url();
    hooks()
        .args([
            "--providers",
            providers,
            "replay",
            "pets/new-pet",
            "--to",
            &url,
        ])
        .assert()
        .success();
    let line = running.stdout_json();
    assert_eq!(
        (line["provider"].as_str(), line["kind"].as_str()),
        (Some("pets"), Some("new-pet")),
        "{line}"
    );
    assert_eq!(line["warnings"], serde_json::json!([]), "{line}");
}

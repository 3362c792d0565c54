//! The fixture library: what is in `fixtures/`, embedded and
//! recognised, and `hooks fixtures list|show`.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::*;
use serde_json::Value;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// The fixtures the issue asks for, with the kind recognition must find in each.
const REQUIRED: [(&str, &str); 12] = [
    ("clubcollect/batch", "batch"),
    ("clubcollect/realtime", "realtime"),
    ("receipthero/receipt_notification", "receipt_notification"),
    (
        "receipthero/transaction_notification",
        "transaction_notification",
    ),
    (
        "receipthero/oauth_authorization_revoke",
        "oauth_authorization_revoke",
    ),
    (
        "document-status/document_status_changed",
        "DOCUMENT_STATUS_CHANGED",
    ),
    (
        "document-status/document_status_changed_error",
        "DOCUMENT_STATUS_CHANGED",
    ),
    (
        "document-status/document_status_changed_duplicated",
        "DOCUMENT_STATUS_CHANGED",
    ),
    (
        "document-status/invoice_status_changed",
        "INVOICE_STATUS_CHANGED",
    ),
    ("partner-callbacks/type-5", "echo"),
    ("partner-callbacks/type-6", "echo"),
    ("partner-callbacks/type-7", "echo"),
];

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// Every `fixtures/**/*.json` on disk outside `schemas/`, by name, with its text.
fn on_disk() -> BTreeMap<String, String> {
    fn walk(dir: &Path, root: &Path, out: &mut BTreeMap<String, String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.ends_with("schemas") {
                continue;
            }
            if path.is_dir() {
                walk(&path, root, out);
            } else if path.extension().is_some_and(|e| e == "json") {
                let name = path
                    .strip_prefix(root)
                    .unwrap()
                    .with_extension("")
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(name, std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(&fixtures_dir(), &fixtures_dir(), &mut out);
    out
}

fn list_json() -> Vec<Value> {
    let output = hooks()
        .args(["fixtures", "list", "--json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert_eq!(text.lines().count(), 1, "one JSON document: {text}");
    serde_json::from_str::<Value>(&text)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn the_binary_embeds_exactly_the_folder() {
    let disk = on_disk();
    let embedded: BTreeMap<String, String> = hooks::fixtures::all()
        .iter()
        .map(|f| (f.name.to_string(), f.text.to_string()))
        .collect();
    assert_eq!(embedded, disk);
    for (name, _) in REQUIRED {
        assert!(disk.contains_key(name), "missing fixture {name}");
    }
    // A definition only describes fixtures that exist.
    for definition in &hooks::providers::registry().definitions {
        let provider = &definition.manifest.name;
        for name in definition.manifest.fixtures.keys() {
            assert!(
                disk.contains_key(&format!("{provider}/{name}")),
                "{provider}/provider.toml describes no fixture {name}"
            );
        }
    }
}

#[test]
fn every_fixture_is_recognised_as_its_own_provider_and_kind_without_warnings() {
    let required: BTreeMap<&str, &str> = REQUIRED.into_iter().collect();
    for fixture in hooks::fixtures::all() {
        let body: Value = serde_json::from_str(fixture.text)
            .unwrap_or_else(|e| panic!("{} is not JSON: {e}", fixture.name));
        let recognition = hooks::providers::recognize(&body);
        assert_eq!(
            recognition.provider.as_str(),
            fixture.provider,
            "{}",
            fixture.name
        );
        assert!(!recognition.kind.is_empty(), "{}", fixture.name);
        if let Some(kind) = required.get(fixture.name) {
            assert_eq!(&recognition.kind, kind, "{}", fixture.name);
        }
        assert!(
            recognition.warnings.is_empty(),
            "{}: {:?}",
            fixture.name,
            recognition.warnings
        );
    }
}

/// The formats the providers document, checked here directly, so the fixtures stay valid
/// whatever the listener's shape warnings cover.
#[test]
fn fixture_values_are_valid_for_their_formats() {
    for fixture in hooks::fixtures::all() {
        let body: Value = serde_json::from_str(fixture.text).unwrap();
        let name = fixture.name;
        match fixture.provider {
            "clubcollect" => {
                assert!(is_clubcollect_id(&body["api_key"]), "{name}");
                for field in ["invoice_ids", "import_ids"] {
                    for id in body[field].as_array().unwrap() {
                        assert!(is_clubcollect_id(id), "{name}: {id}");
                    }
                }
            }
            "receipthero" => {
                assert!(is_uuid_v4(&body["receipthero_id"]), "{name}");
                if body["notification_type"] != "oauth_authorization_revoke" {
                    assert!(is_uuid_v4(&body["receipt_id"]), "{name}");
                }
                assert!(body["partner_metadata"].is_object(), "{name}");
            }
            "document-status" => {
                assert!(is_uuid_v4(&body["eventId"]), "{name}");
                let at = body["occurredAt"].as_str().unwrap();
                OffsetDateTime::parse(at, &Rfc3339).unwrap_or_else(|e| panic!("{name}: {e}"));
                assert!(at.ends_with('Z'), "{name}: UTC");
                let statuses = [
                    "CREATED",
                    "PROCESSING",
                    "OK",
                    "ERROR",
                    "DUPLICATED",
                    "PENDING_ACTION",
                ];
                assert!(
                    statuses.contains(&body["currentStatus"].as_str().unwrap()),
                    "{name}"
                );
                for field in ["documentId", "externalStatus", "flowDetail"] {
                    assert!(body[field].is_string(), "{name}: {field}");
                }
            }
            "partner-callbacks" => {
                let ids: Vec<&Value> = ["processUniqueId", "simulationUniqueId"]
                    .iter()
                    .filter_map(|f| body.get(*f))
                    .collect();
                assert_eq!(ids.len(), 1, "{name}: exactly one of the two ids");
                assert!(is_uuid_v4(ids[0]), "{name}");
            }
            other => panic!("{name}: unknown provider directory {other}"),
        }
    }
    let statuses: Vec<String> = on_disk()
        .values()
        .filter_map(|text| {
            let body: Value = serde_json::from_str(text).unwrap();
            body["currentStatus"].as_str().map(String::from)
        })
        .collect();
    for status in ["OK", "ERROR", "DUPLICATED"] {
        assert!(statuses.iter().any(|s| s == status), "a {status} variant");
    }
}

#[test]
fn list_shows_name_provider_kind_and_description() {
    let output = hooks().args(["fixtures", "list"]).output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    let line = text
        .lines()
        .find(|l| l.starts_with("receipthero/transaction_notification "))
        .expect("a line for the fixture");
    for word in [
        "receipthero",
        "transaction_notification",
        "with the merchant name",
    ] {
        assert!(line.contains(word), "{line}");
    }
    assert_eq!(
        text.lines().count(),
        on_disk().len() + 1,
        "header + one per fixture"
    );
}

#[test]
fn list_json_is_an_array_of_named_fixtures() {
    let items = list_json();
    assert_eq!(items.len(), on_disk().len());
    let batch = items
        .iter()
        .find(|i| i["name"] == "clubcollect/batch")
        .expect("clubcollect/batch listed");
    assert_eq!(batch["provider"], "clubcollect");
    assert_eq!(batch["kind"], "batch");
    assert!(batch["description"].as_str().is_some_and(|d| !d.is_empty()));
    for item in &items {
        assert!(item["name"].is_string() && item["provider"].is_string());
    }
}

#[test]
fn show_prints_the_fixture_from_any_directory() {
    let dir = tempfile::tempdir().unwrap();
    let output = hooks()
        .current_dir(dir.path())
        .args([
            "fixtures",
            "show",
            "document-status/document_status_changed_error",
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    let disk = &on_disk()["document-status/document_status_changed_error"];
    assert_eq!(String::from_utf8(output.stdout).unwrap(), *disk);
}

#[test]
fn coloured_show_keeps_the_files_key_order() {
    let output = hooks()
        .args(["--color", "always", "fixtures", "show", "clubcollect/batch"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let shown = String::from_utf8(output.stdout).unwrap();
    let disk = &on_disk()["clubcollect/batch"];
    let at = |text: &str, key: &str| text.find(&format!("\"{key}\"")).unwrap();
    // The file lists invoice_ids before import_ids, the reverse of alphabetical order.
    assert!(at(disk, "invoice_ids") < at(disk, "import_ids"));
    assert!(
        at(&shown, "api_key") < at(&shown, "invoice_ids")
            && at(&shown, "invoice_ids") < at(&shown, "import_ids"),
        "{shown}"
    );
    assert!(shown.contains('\u{1b}'), "not coloured: {shown}");
}

#[test]
fn show_of_an_unknown_name_is_a_usage_error() {
    hooks()
        .args(["fixtures", "show", "clubcollect/nope"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::contains("hooks fixtures list"));
}

#[test]
fn show_of_a_mistyped_name_suggests_the_nearest() {
    hooks()
        .args(["fixtures", "show", "clubcolect/batch"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("did you mean clubcollect/batch?"));
}

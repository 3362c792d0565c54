//! The pages committed in man/ must be exactly what the binary generates. After changing
//! the CLI, refresh them with `HOOKS_UPDATE_MAN=1 cargo test --test man`.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::hooks;
use predicates::prelude::*;

fn pages_in(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect()
}

#[test]
fn committed_man_pages_match_the_binary() {
    let generated = tempfile::tempdir().unwrap();
    hooks()
        .args(["man", "--out"])
        .arg(generated.path())
        .assert()
        .success()
        .stdout("");
    let generated = pages_in(generated.path());
    assert!(generated.contains_key("hooks.1"), "{:?}", generated.keys());
    assert!(generated.contains_key("hooks-listen.1"));
    assert!(generated.contains_key("hooks-callbacks-put.1"));
    let committed_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("man");
    if std::env::var_os("HOOKS_UPDATE_MAN").is_some() {
        let _ = std::fs::remove_dir_all(&committed_dir);
        std::fs::create_dir_all(&committed_dir).unwrap();
        for (name, page) in &generated {
            std::fs::write(committed_dir.join(name), page).unwrap();
        }
        return;
    }
    let committed = pages_in(&committed_dir);
    assert_eq!(
        committed.keys().collect::<Vec<_>>(),
        generated.keys().collect::<Vec<_>>(),
        "man/ holds other pages than `hooks man --out` writes; regenerate with \
         HOOKS_UPDATE_MAN=1 cargo test --test man"
    );
    for (name, page) in &generated {
        assert!(
            committed[name] == *page,
            "man/{name} differs from what the binary generates; regenerate with \
             HOOKS_UPDATE_MAN=1 cargo test --test man"
        );
    }
}

/// `hooks man` prints hooks(1); `hooks man callbacks put` that command's own page.
#[test]
fn man_prints_the_page_of_a_command() {
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("man");
    for (args, file) in [
        (vec!["man"], "hooks.1"),
        (vec!["man", "callbacks", "put"], "hooks-callbacks-put.1"),
    ] {
        let output = hooks().args(&args).output().unwrap();
        assert!(output.status.success(), "{args:?}");
        assert_eq!(output.stdout, std::fs::read(committed.join(file)).unwrap());
    }
    let page = String::from_utf8(hooks().args(["man", "listen"]).output().unwrap().stdout).unwrap();
    assert!(page.starts_with(".ie \\n(.g .ds Aq"), "roff: {page}");
    assert!(page.contains("hooks\\-listen"), "{page}");
    assert!(page.contains("\\-\\-max\\-body"), "its options: {page}");
}

#[test]
fn man_of_an_unknown_command_or_in_json_is_a_usage_error() {
    hooks()
        .args(["man", "lisen"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("no command `hooks lisen`"));
    hooks()
        .args(["--json", "man"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("--json"));
}

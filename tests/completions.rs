//! The scripts committed in completions/ must be exactly what the binary generates.
//! After changing the CLI, refresh them with `HOOKS_UPDATE_COMPLETIONS=1 cargo test --test completions`.

mod common;

use std::path::Path;

use common::hooks;

const SCRIPTS: [(&str, &str); 5] = [
    ("bash", "hooks.bash"),
    ("zsh", "_hooks"),
    ("fish", "hooks.fish"),
    ("powershell", "_hooks.ps1"),
    ("elvish", "hooks.elv"),
];

#[test]
fn committed_completions_match_the_binary() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    let update = std::env::var_os("HOOKS_UPDATE_COMPLETIONS").is_some();
    for (shell, file) in SCRIPTS {
        let output = hooks().args(["completions", shell]).output().unwrap();
        assert!(output.status.success(), "hooks completions {shell} failed");
        assert!(!output.stdout.is_empty(), "empty {shell} script");
        let path = dir.join(file);
        if update {
            std::fs::write(&path, &output.stdout).unwrap();
            continue;
        }
        let committed =
            std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        assert!(
            committed == output.stdout,
            "{} differs from `hooks completions {shell}`; regenerate with \
             HOOKS_UPDATE_COMPLETIONS=1 cargo test --test completions",
            path.display()
        );
    }
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    hooks().args(["completions", "tcsh"]).assert().code(2);
}

/// A shell script has no JSON form: asking for one is refused wherever --json is written.
#[test]
fn completions_refuse_json() {
    for args in [
        ["--json", "completions", "bash"],
        ["completions", "bash", "--json"],
    ] {
        hooks()
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicates::str::contains("--json"));
    }
}

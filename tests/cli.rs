//! Global behaviour: settings from flags, environment and profiles; usage errors; help.

mod common;

use common::*;
use predicates::prelude::*;

#[test]
fn missing_settings_name_the_flag_and_the_variable() {
    hooks()
        .args(["callbacks", "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--base-url"))
        .stderr(predicate::str::contains("HOOKS_BASE_URL"));
    hooks()
        .args(["callbacks", "list", "--base-url", "http://127.0.0.1:1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--partner"))
        .stderr(predicate::str::contains("HOOKS_PARTNER"));
    hooks()
        .args([
            "callbacks",
            "list",
            "--base-url",
            "http://127.0.0.1:1",
            "--partner",
            PARTNER,
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--token"))
        .stderr(predicate::str::contains("HOOKS_TOKEN"));
}

#[test]
fn a_base_url_that_is_not_a_url_is_a_usage_error() {
    hooks()
        .args(["callbacks", "list", "--base-url", "api.partner.example"])
        .args(["--partner", PARTNER, "--token", "t"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("base URL"));
}

fn write_config(dir: &tempfile::TempDir, text: &str) -> String {
    let path = dir.path().join("config.toml");
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn a_profile_supplies_settings_and_flags_then_env_win() {
    let from_profile = Recorder::always(200, "[]");
    let from_env = Recorder::always(200, "[]");
    let from_flag = Recorder::always(200, "[]");
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(
        &dir,
        &format!(
            "[profiles.staging]\nbase_url = \"{}\"\npartner = \"{PARTNER}\"\ntoken = \"profile-token\"\n",
            from_profile.url
        ),
    );
    let run = |extra_env: &[(&str, &str)], extra_args: &[&str]| {
        hooks()
            .env("HOOKS_CONFIG", &config)
            .env("HOOKS_PROFILE", "staging")
            .envs(extra_env.iter().copied())
            .args(["callbacks", "list"])
            .args(extra_args)
            .assert()
            .success();
    };
    run(&[], &[]);
    assert_eq!(from_profile.requests().len(), 1);
    assert_eq!(
        from_profile.requests()[0].header("authorization"),
        Some("Bearer profile-token")
    );
    run(&[("HOOKS_BASE_URL", &from_env.url)], &[]);
    assert_eq!(from_env.requests().len(), 1);
    run(
        &[("HOOKS_BASE_URL", &from_env.url)],
        &["--base-url", &from_flag.url],
    );
    assert_eq!(from_flag.requests().len(), 1);
    assert_eq!(from_env.requests().len(), 1);
    assert_eq!(from_profile.requests().len(), 1);
}

#[test]
fn an_unknown_profile_is_a_usage_error_listing_the_known_ones() {
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(&dir, "[profiles.staging]\ntoken = \"x\"\n");
    hooks()
        .env("HOOKS_CONFIG", &config)
        .args(["--profile", "prod", "callbacks", "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("prod"))
        .stderr(predicate::str::contains("staging"));
}

#[test]
fn a_hooks_config_naming_a_missing_file_is_a_usage_error_naming_it() {
    let api = Recorder::always(200, "[]");
    against(&api.url)
        .env("HOOKS_CONFIG", "/nonexistent/typo-config.toml")
        .args(["callbacks", "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/nonexistent/typo-config.toml"))
        .stderr(predicate::str::contains("does not exist"));
    assert!(api.requests().is_empty(), "nothing may be sent");
}

#[test]
fn a_broken_config_file_is_a_usage_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(&dir, "[profiles.staging\n");
    hooks()
        .env("HOOKS_CONFIG", &config)
        .args(["--profile", "staging", "callbacks", "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not valid"))
        .stderr(predicate::str::contains("panicked").not());
}

#[test]
fn clap_usage_errors_exit_2_and_help_exits_0() {
    hooks().arg("frobnicate").assert().code(2);
    hooks()
        .args(["callbacks", "put", "five", "--url", "https://x.example"])
        .assert()
        .code(2);
    hooks().args(["callbacks", "put", "5"]).assert().code(2);
    hooks()
        .args(["--color", "sometimes", "callbacks", "list"])
        .assert()
        .code(2);
    hooks()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("callbacks"))
        .stdout(predicate::str::contains("Exit codes"));
    hooks()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn put_help_states_the_body_contract() {
    hooks()
        .args(["callbacks", "put", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("does not document"))
        .stdout(predicate::str::contains("--set"))
        .stdout(predicate::str::contains("--body"));
}

#[test]
fn errors_are_plain_when_stderr_is_not_a_terminal() {
    hooks()
        .args(["callbacks", "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("hooks: error: "))
        .stderr(predicate::str::contains("\u{1b}[").not());
}

/// `hooks ARGS` on a pseudo-terminal against `api`, with `envs` and typed `keys`.
fn on_api_terminal(api: &Recorder, args: &str, envs: &[(&str, &str)], keys: &str) -> String {
    let mut all = vec![
        ("HOOKS_BASE_URL", api.url.as_str()),
        ("HOOKS_PARTNER", PARTNER),
        ("HOOKS_TOKEN", "t"),
    ];
    all.extend_from_slice(envs);
    on_terminal(args, &all, keys)
}

/// `auto` colours a terminal unless NO_COLOR is set.
#[test]
fn auto_colour_follows_the_terminal_and_no_color() {
    let api = Recorder::always(
        200,
        r#"[{"notificationType":5,"url":"https://me.example/5"}]"#,
    );
    let coloured = on_api_terminal(&api, "callbacks list", &[], "");
    assert!(coloured.contains("https://me.example/5"), "{coloured}");
    assert!(
        coloured.contains("\u{1b}["),
        "colour on a terminal: {coloured:?}"
    );
    let plain = on_api_terminal(&api, "callbacks list", &[("NO_COLOR", "1")], "");
    assert!(plain.contains("https://me.example/5"), "{plain}");
    assert!(!plain.contains("\u{1b}["), "NO_COLOR: {plain:?}");
}

/// On a terminal, `delete` without `--yes` asks first: "n" sends nothing, "y" deletes.
#[test]
fn delete_on_a_terminal_asks_for_confirmation() {
    let api = Recorder::always(204, "");
    let declined = on_api_terminal(&api, "callbacks delete 5", &[], "n");
    assert!(
        declined.contains("Delete the callback for notification type 5?"),
        "{declined}"
    );
    assert!(api.requests().is_empty(), "declined: nothing sent");
    let accepted = on_api_terminal(&api, "callbacks delete 5", &[], "y");
    assert!(accepted.contains("deleted"), "{accepted}");
    assert_eq!(api.requests().len(), 1);
    assert_eq!(api.requests()[0].method, "DELETE");
}

#[test]
fn a_config_error_does_not_quote_the_token() {
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(&dir, "[profiles.default]\ntoken=eyJhbGciOiSECRETTOKEN\n");
    hooks()
        .env("HOOKS_CONFIG", &config)
        .args(["callbacks", "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("line 2"))
        .stderr(predicate::str::contains("SECRETTOKEN").not());
}

#[test]
fn a_password_in_the_base_url_is_masked_in_errors() {
    hooks()
        .args(["callbacks", "list", "--partner", PARTNER, "--token", "t"])
        .args([
            "--base-url",
            &format!("http://user:PASSWORD123@127.0.0.1:{}/", free_port()),
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("user:PASS****@127.0.0.1"))
        .stderr(predicate::str::contains("PASSWORD123").not());
}

#[test]
fn a_token_that_cannot_be_a_header_is_a_usage_error_not_shown() {
    let api = Recorder::ok();
    hooks()
        .args([
            "callbacks",
            "list",
            "--partner",
            PARTNER,
            "--base-url",
            &api.url,
        ])
        .args(["--token", "sec\nret-value"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--token"))
        .stderr(predicate::str::contains("ret-value").not());
    assert!(api.requests().is_empty());
}

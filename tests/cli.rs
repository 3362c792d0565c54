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

/// Colour is decided per stream: with stdout sent elsewhere the terminal's stderr is still
/// coloured, and with stderr sent elsewhere the terminal's stdout is.
#[test]
fn colour_is_decided_for_stdout_and_stderr_apart() {
    let shown = on_terminal("callbacks list >/dev/null", &[], "");
    assert!(
        shown.contains("hooks: \u{1b}[1m\u{1b}[31merror:\u{1b}[0m"),
        "stderr on the terminal: {shown:?}"
    );
    let api = Recorder::always(200, r#"{"url":"https://me.example/9"}"#);
    let dir = tempfile::tempdir().unwrap();
    let errors = dir.path().join("stderr");
    let shown = on_api_terminal(
        &api,
        &format!(
            "callbacks put 9 --url https://me.example/9 2>{}",
            errors.display()
        ),
        &[],
        "",
    );
    assert!(
        shown.contains("\u{1b}[1m\u{1b}[34m\"url\""),
        "stdout on the terminal: {shown:?}"
    );
    let errors = std::fs::read_to_string(errors).unwrap();
    assert!(errors.contains("warning: "), "{errors}");
    assert!(!errors.contains('\u{1b}'), "stderr in a file: {errors:?}");
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
fn help_never_shows_a_variables_value() {
    hooks()
        .args(["callbacks", "list", "--help"])
        .env("HOOKS_BASE_URL", "http://user:PASSWORD123@127.0.0.1:1/")
        .env("HOOKS_PARTNER", "partner-from-env")
        .assert()
        .success()
        .stdout(predicate::str::contains("HOOKS_BASE_URL]"))
        .stdout(predicate::str::contains("PASSWORD123").not())
        .stdout(predicate::str::contains("partner-from-env").not());
}

#[test]
fn a_password_in_the_base_url_is_masked_in_errors() {
    let (_refusing, port) = refusing_port();
    hooks()
        .args(["callbacks", "list", "--partner", PARTNER, "--token", "t"])
        .args([
            "--base-url",
            &format!("http://user:PASSWORD123@127.0.0.1:{port}/"),
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

/// Each subcommand's `--help` opens with its own options; the global ones follow under a
/// heading of their own.
#[test]
fn subcommand_help_lists_its_own_options_before_the_global_ones() {
    for (command, first) in [
        (&["listen"][..], "--host"),
        (&["replay"][..], "--to"),
        (&["echo"][..], "--process-id"),
        (&["callbacks", "put"][..], "--url"),
    ] {
        let output = hooks().args(command).arg("--help").output().unwrap();
        assert!(output.status.success());
        let help = String::from_utf8(output.stdout).unwrap();
        let first_option = help
            .lines()
            .find(|line| line.trim_start().starts_with('-'))
            .unwrap_or_default();
        assert!(first_option.contains(first), "{command:?}: {help}");
        let heading = help
            .find("\nGlobal options:\n")
            .expect("a Global options heading");
        for global in [
            "--base-url",
            "--partner",
            "--token",
            "--profile",
            "--json",
            "--color",
        ] {
            let at = help
                .find(global)
                .unwrap_or_else(|| panic!("{global} in {help}"));
            assert!(
                at > heading,
                "{command:?}: {global} before the heading: {help}"
            );
        }
    }
}

#[test]
fn an_empty_secret_flag_is_a_usage_error_naming_it_and_nothing_is_sent() {
    let api = Recorder::ok();
    against(&api.url)
        .args(["callbacks", "list", "--token", ""])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--token"))
        .stderr(predicate::str::contains("empty"));
    hooks()
        .args(["replay", "receipthero", "--to", &api.url, "--api-key", ""])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--api-key"));
    hooks()
        .args(["listen", "--port", "0", "--api-key", " "])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--api-key"));
    hooks()
        .args(["sandbox", "--port", "0", "--token", ""])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--token"));
    assert!(api.requests().is_empty(), "nothing may be sent");
}

/// `HOOKS_TOKEN=` clears the variable for one command: the profile's token is used.
#[test]
fn an_empty_variable_counts_as_unset() {
    let api = Recorder::always(200, "[]");
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(
        &dir,
        &format!(
            "[profiles.default]\nbase_url = \"{}\"\npartner = \"{PARTNER}\"\ntoken = \"profile-token\"\n",
            api.url
        ),
    );
    hooks()
        .env("HOOKS_CONFIG", &config)
        .env("HOOKS_TOKEN", "")
        .env("HOOKS_PARTNER", "")
        .args(["callbacks", "list"])
        .assert()
        .success();
    assert_eq!(
        api.requests()[0].header("authorization"),
        Some("Bearer profile-token")
    );
    hooks()
        .env("HOOKS_API_KEY", "")
        .args([
            "replay",
            "receipthero/receipt_notification",
            "--to",
            &api.url,
        ])
        .assert()
        .success();
    assert_eq!(api.requests()[1].header("authorization"), None);
}

#[test]
fn a_partner_that_is_not_a_guid_is_refused_and_nothing_is_sent() {
    let api = Recorder::ok();
    for args in [
        &["callbacks", "list"][..],
        &["callbacks", "put", "5", "--url", "https://me.example/5"],
        &["callbacks", "delete", "5", "--yes"],
        &["echo", "5", "--process-id", "p"],
    ] {
        against(&api.url)
            .env("HOOKS_PARTNER", "partner-1")
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("'partner-1'"))
            .stderr(predicate::str::contains("is not a GUID"));
    }
    assert!(api.requests().is_empty(), "nothing may be sent");
    // Any spelling of a GUID is one, sent in its canonical form.
    against(&api.url)
        .env("HOOKS_PARTNER", "{3F2C8D8E-1111-2222-3333-444455556666}")
        .args(["callbacks", "list"])
        .assert()
        .success();
    assert_eq!(api.requests()[0].uri, format!("/{PARTNER}/callbacks"));
}

/// Runs `hooks ARGS` on a pseudo-terminal against `api`; once the terminal shows `ready`,
/// types `keys` (again each second, in case the first press came before the prompt read
/// the terminal). Returns what the terminal showed and the exit code.
fn answer_prompt(api: &Recorder, args: &str, ready: &str, keys: &str) -> (String, Option<i32>) {
    use std::io::{Read, Write};
    use std::time::{Duration, Instant};
    let settings = [
        ("HOOKS_BASE_URL", api.url.as_str()),
        ("HOOKS_PARTNER", PARTNER),
        ("HOOKS_TOKEN", "t"),
    ];
    let mut script = terminal_command(args, &settings)
        .spawn()
        .expect("run script");
    let mut stdin = script.stdin.take().unwrap();
    let mut stdout = script.stdout.take().unwrap();
    /// Ends `script` (and so, by the terminal's hang-up, hooks) if the test fails first.
    struct Killed(std::process::Child);
    impl Drop for Killed {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
    let mut child = Killed(script);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = stdout.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut shown = Vec::new();
    let deadline = Instant::now() + PATIENCE;
    let mut typed_at: Option<Instant> = None;
    loop {
        if let Some(status) = child.0.try_wait().unwrap() {
            while let Ok(more) = rx.recv_timeout(Duration::from_millis(200)) {
                shown.extend(more);
            }
            return (String::from_utf8_lossy(&shown).into_owned(), status.code());
        }
        assert!(
            Instant::now() < deadline,
            "hooks did not exit: {:?}",
            String::from_utf8_lossy(&shown)
        );
        if let Ok(more) = rx.recv_timeout(Duration::from_millis(50)) {
            shown.extend(more);
        }
        let ready_now = String::from_utf8_lossy(&shown).contains(ready);
        if ready_now && typed_at.is_none_or(|at| at.elapsed() > Duration::from_secs(1)) {
            let _ = stdin.write_all(keys.as_bytes());
            let _ = stdin.flush();
            typed_at = Some(Instant::now());
        }
    }
}

/// Esc and Ctrl-C at the delete question: nothing deleted, cursor shown again, exit 130,
/// no error line.
#[test]
fn esc_or_ctrl_c_at_the_delete_question_restores_the_terminal_and_exits_130() {
    let api = Recorder::always(204, "");
    for key in ["\u{1b}", "\u{3}"] {
        let (shown, code) = answer_prompt(&api, "callbacks delete 5", "\u{1b}[?25l", key);
        assert_eq!(code, Some(130), "{key:?}: {shown:?}");
        let hidden = shown.rfind("\u{1b}[?25l").unwrap();
        assert!(
            shown[hidden..].contains("\u{1b}[?25h"),
            "{key:?}: the cursor is shown again: {shown:?}"
        );
        assert!(!shown.contains("error:"), "{key:?}: {shown:?}");
        assert!(shown.contains("nothing was deleted"), "{key:?}: {shown:?}");
    }
    assert!(api.requests().is_empty(), "nothing deleted");
}

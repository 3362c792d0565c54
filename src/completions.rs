//! `hooks completions SHELL`: the scripts committed in `completions/` come from here.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::{Cli, GlobalArgs};
use crate::error::{Error, Result};

/// The completion script for `shell`, as bytes.
pub fn generate(shell: Shell) -> Vec<u8> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "hooks", &mut script);
    script
}

/// Prints the script. `--json` is refused rather than ignored: a script is not JSON, and a
/// caller asking for JSON would otherwise parse shell code.
pub fn run(shell: Shell, global: &GlobalArgs) -> Result<()> {
    if global.json {
        return Err(Error::usage(
            "completions prints a shell script, which has no JSON form; leave out --json",
        ));
    }
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(&generate(shell));
    Ok(())
}

/// The file name each script is committed under in `completions/`.
pub fn file_name(shell: Shell) -> String {
    match shell {
        Shell::Bash => "hooks.bash".into(),
        Shell::Zsh => "_hooks".into(),
        Shell::Fish => "hooks.fish".into(),
        Shell::PowerShell => "_hooks.ps1".into(),
        Shell::Elvish => "hooks.elv".into(),
        other => format!("hooks.{other}"),
    }
}

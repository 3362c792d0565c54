//! `hooks man`: manual pages from the same clap definition as `--help`; the pages committed
//! in `man/` come from here.

use std::path::Path;

use clap::CommandFactory;

use crate::cli::{Cli, GlobalArgs};
use crate::error::{Error, Result};

/// Every page, as (file name, roff): hooks.1, then one per command as git names them
/// (hooks-listen.1, hooks-callbacks-put.1, ...), depth first in the order of `--help`.
pub fn pages() -> Vec<(String, Vec<u8>)> {
    fn collect(command: &clap::Command, pages: &mut Vec<(String, Vec<u8>)>) {
        let man = clap_mangen::Man::new(command.clone());
        let mut page = Vec::new();
        // Rendering into memory cannot fail.
        let _ = man.render(&mut page);
        pages.push((man.get_filename(), page));
        for sub in command.get_subcommands().filter(|sub| !sub.is_hide_set()) {
            collect(sub, pages);
        }
    }
    let mut command = Cli::command().disable_help_subcommand(true);
    // Building names each command as its page does: `hooks-callbacks-put`.
    command.build();
    let mut pages = Vec::new();
    collect(&command, &mut pages);
    pages
}

pub fn run(command: &[String], out: Option<&Path>, global: &GlobalArgs) -> Result<()> {
    if global.json {
        return Err(Error::usage(
            "man prints a manual page, which has no JSON form; leave out --json",
        ));
    }
    let pages = pages();
    if let Some(dir) = out {
        std::fs::create_dir_all(dir)
            .map_err(|e| Error::usage(format!("cannot create {}: {e}", dir.display())))?;
        for (name, page) in &pages {
            let path = dir.join(name);
            std::fs::write(&path, page)
                .map_err(|e| Error::usage(format!("cannot write {}: {e}", path.display())))?;
        }
        eprintln!("wrote {} pages into {}", pages.len(), dir.display());
        return Ok(());
    }
    let wanted = std::iter::once("hooks")
        .chain(command.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join("-")
        + ".1";
    let (_, page) = pages
        .iter()
        .find(|(name, _)| *name == wanted)
        .ok_or_else(|| {
            Error::usage(format!(
                "no command `hooks {}`; `hooks --help` lists them",
                command.join(" ")
            ))
        })?;
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(page);
    Ok(())
}

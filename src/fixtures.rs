//! `hooks fixtures` (issue 5).

use crate::cli::FixturesCommand;
use crate::error::{Error, Result};
use crate::output::Output;

pub fn run(_command: FixturesCommand, _out: Output) -> Result<()> {
    Err(Error::failure("hooks fixtures is not implemented yet"))
}

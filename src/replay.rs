//! `hooks replay` (issue 5).

use crate::cli::ReplayArgs;
use crate::error::{Error, Result};
use crate::output::Output;

pub async fn run(_args: ReplayArgs, _out: Output) -> Result<()> {
    Err(Error::failure("hooks replay is not implemented yet"))
}

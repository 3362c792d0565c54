//! `hooks listen` (issue 4).

use crate::cli::ListenArgs;
use crate::error::{Error, Result};
use crate::output::Output;

pub async fn run(_args: ListenArgs, _out: Output) -> Result<()> {
    Err(Error::failure("hooks listen is not implemented yet"))
}

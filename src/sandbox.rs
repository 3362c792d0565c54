//! `hooks sandbox` (issue 6).

use crate::cli::{GlobalArgs, SandboxArgs};
use crate::error::{Error, Result};
use crate::output::Output;

pub async fn run(_args: SandboxArgs, _global: &GlobalArgs, _out: Output) -> Result<()> {
    Err(Error::failure("hooks sandbox is not implemented yet"))
}

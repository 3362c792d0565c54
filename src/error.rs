//! The one error type every command returns, and the one place that maps it to an exit code.

use std::process::ExitCode;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The user asked for something we will not do: a bad flag, value or file. Exit 2.
    #[error("{0}")]
    Usage(String),
    /// A server answered with an error, a delivery failed, the network failed, or time ran out. Exit 1.
    #[error("{0}")]
    Failure(String),
    /// The user pressed Ctrl-C (or Esc at a prompt). Exit 130, as a shell reports SIGINT;
    /// whatever was worth saying (a summary) has been printed already.
    #[error("interrupted")]
    Interrupted,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn usage(message: impl Into<String>) -> Self {
        Error::Usage(message.into())
    }

    pub fn failure(message: impl Into<String>) -> Self {
        Error::Failure(message.into())
    }

    pub fn exit_code(&self) -> ExitCode {
        match self {
            Error::Usage(_) => ExitCode::from(2),
            Error::Failure(_) => ExitCode::from(1),
            Error::Interrupted => ExitCode::from(130),
        }
    }
}

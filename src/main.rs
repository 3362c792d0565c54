use std::process::ExitCode;

fn main() -> ExitCode {
    hooks::run(std::env::args_os())
}

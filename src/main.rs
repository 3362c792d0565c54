use std::process::ExitCode;

/// mimalloc instead of the system allocator: under `hooks listen`'s load each request
/// allocates and frees a few dozen small blocks across threads, and glibc's malloc spent a
/// quarter of the listener's instructions there (plus lock contention between workers).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    hooks::run(std::env::args_os())
}

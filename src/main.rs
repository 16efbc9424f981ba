//! The `nianbao` command.

use std::process::ExitCode;

fn main() -> ExitCode {
    nianbao::cli::main()
}

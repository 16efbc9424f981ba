//! Writing results: stdout that tells a full disk from a closed pipe, and files through
//! the safe writer ([`crate::files`]).

use std::io::Write;
use std::path::Path;

/// Prints to stdout. A closed pipe (`nianbao check … | head`) ends quietly with exit 0,
/// as the reader has all it wanted; any other failure (`> /dev/full`) is an error: the
/// output was lost, so the command exits 2 and says why.
pub(crate) fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("错误：无法写入标准输出（{}）", crate::files::write_reason(&e));
        std::process::exit(super::Outcome::Unreadable as i32);
    }
}

/// Writes one file whole or not at all (see [`crate::files::write_all`]).
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    crate::files::write_one(path, bytes).map_err(|e| e.to_string())
}

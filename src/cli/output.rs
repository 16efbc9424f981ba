//! Writing results: stdout that tolerates a closed pipe, files written atomically.

use std::io::Write;
use std::path::Path;

use crate::source::display_path;

/// Prints to stdout; a closed pipe (`nianbao check … | head`) ends quietly.
pub(crate) fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    if out.write_all(text.as_bytes()).and_then(|()| out.flush()).is_err() {
        std::process::exit(0);
    }
}

/// Writes a file through a temporary file in the same folder and a rename, so that a
/// failure never leaves a half-written file behind.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.nianbao-tmp"));
    let fail = |e: std::io::Error| {
        let _ = std::fs::remove_file(&tmp);
        format!("无法写入 {}（{}）", display_path(path), crate::source::io_reason(&e))
    };
    let mut f = std::fs::File::create(&tmp).map_err(fail)?;
    f.write_all(bytes).and_then(|()| f.sync_all()).map_err(fail)?;
    drop(f);
    std::fs::rename(&tmp, path).map_err(fail)
}

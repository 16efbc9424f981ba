//! Running the binary and comparing its output with snapshot files.
//!
//! `UPDATE_SNAPSHOTS=1 cargo test` rewrites the snapshots; without it a missing or
//! different snapshot fails the test with both texts shown.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The output of one run of `nianbao`.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Everything, as stored in a snapshot.
    pub fn transcript(&self, args: &[&str]) -> String {
        format!(
            "$ nianbao {}\nexit: {}\n--- stdout\n{}--- stderr\n{}",
            args.join(" "),
            self.code,
            self.stdout,
            self.stderr
        )
    }

    /// Both streams.
    pub fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

/// The repository root; tests run the binary from there so paths in messages are short.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `nianbao args…` in the repository root.
pub fn nianbao(args: &[&str]) -> Run {
    nianbao_in(&root(), args)
}

/// Runs `nianbao args…` in `dir`.
pub fn nianbao_in(dir: &Path, args: &[&str]) -> Run {
    run(command(dir).args(args), args)
}

/// The command that runs `nianbao` in `dir`, with the bundled fonts only
/// (`NIANBAO_FONTS=bundled`): what a test renders must not depend on the fonts installed
/// on the machine that runs it. `tests/fonts.rs` changes this where installed fonts are
/// the point.
pub fn command(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_nianbao"));
    cmd.current_dir(dir)
        .env_remove("RUST_BACKTRACE")
        .env_remove("NIANBAO_FONT_DIRS")
        .env("NIANBAO_FONTS", "bundled");
    cmd
}

/// Runs a command made by [`command`]; `args` are for messages.
pub fn run(cmd: &mut Command, args: &[&str]) -> Run {
    let out = cmd.output().expect("run nianbao");
    let run = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    };
    assert!(
        !run.stderr.contains("panicked") && !run.stderr.contains("RUST_BACKTRACE"),
        "nianbao panicked on {args:?}:\n{}",
        run.stderr
    );
    run
}

/// Compares `actual` with `tests/snapshots/<name>`.
pub fn snapshot(name: &str, actual: &str) {
    let path = root().join("tests/snapshots").join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!("snapshot {name} is missing; run UPDATE_SNAPSHOTS=1 cargo test and review it\n--- actual\n{actual}")
    });
    if expected != actual {
        panic!(
            "snapshot {name} differs (UPDATE_SNAPSHOTS=1 cargo test rewrites it)\n--- expected\n{expected}\n--- actual\n{actual}"
        );
    }
}

/// A temporary folder removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("nianbao-test-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The flags every headless Chromium run of the tests starts with: no sandbox (CI runs
/// as root), no GPU, and nothing that reaches the network.
pub const CHROMIUM: [&str; 7] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

/// The path of an external tool a test needs. Under `CI=true` a missing tool fails the
/// test; elsewhere the test is skipped with a message.
pub fn external(name: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths).map(|p| p.join(name)).find(|p| p.is_file())
    });
    if found.is_none() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{name} is required under CI but not installed"
        );
        eprintln!("skipped: {name} is not installed");
    }
    found
}

/// Rule ids of the diagnostics in a `check` output, in order of appearance.
pub fn rule_ids(output: &str) -> Vec<String> {
    output
        .lines()
        .filter_map(|l| {
            let rest = ["错误[", "警告[", "已确认["].iter().find_map(|p| l.strip_prefix(p))?;
            rest.split_once(']').map(|(c, _)| c.to_owned())
        })
        .collect()
}

//! Writing outputs so that a reader only ever sees a complete file, and a set of files
//! (a report's PDF, HTML and DOCX) appears all together or not at all.
//!
//! Each file is written to a temporary file of its own in the target's folder, created
//! with `O_EXCL` (so an existing name, a planted symbolic link included, is never opened),
//! locked while it is written, flushed to disk, and renamed over the target only when
//! every file of the set is ready. A target that exists must be a regular file; a link,
//! a FIFO, a device or a folder there is refused, never replaced. If renaming fails half
//! way, the files renamed so far are taken back and earlier versions restored from hard
//! links made beforehand.
//!
//! Temporary names are `.nb~` and six random letters: short whatever the target's name
//! (a 250-byte target name still works), and recognisable, so a run that finds such a
//! file left by a killed run (older than a few minutes and not locked by a live one)
//! removes it.

use std::fmt;
use std::fs::{File, OpenOptions};
use std::hash::{BuildHasher, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::read::kind_of;
use super::write_reason;
use crate::source::display_path;

/// The prefix of temporary files.
const TEMP_PREFIX: &str = ".nb~";
/// Letters after the prefix.
const TEMP_LETTERS: usize = 6;
/// A temporary file this old, and not locked, was left by a run that was killed.
const STALE_AFTER: Duration = Duration::from_secs(300);

/// Why outputs could not be written. Nothing of the set was left behind.
#[derive(Debug)]
pub enum WriteError {
    /// The target exists and is not a regular file.
    NotRegular {
        /// The target as shown.
        path: String,
        /// What is there, in Chinese.
        kind: &'static str,
    },
    /// The system refused.
    Io {
        /// The file as shown.
        path: String,
        /// Why.
        error: std::io::Error,
    },
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::NotRegular { path, kind } => write!(
                f,
                "无法写入 {path}（那里已经有{kind}，不是普通文件；nianbao 不会替换它，请换一个输出位置）"
            ),
            WriteError::Io { path, error } => {
                write!(f, "无法写入 {path}（{}）", write_reason(error))
            }
        }
    }
}

impl std::error::Error for WriteError {}

fn io_error(path: &Path) -> impl Fn(std::io::Error) -> WriteError + '_ {
    move |error| WriteError::Io { path: display_path(path), error }
}

/// The folder a target is written in.
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Six random letters. Random, not derived from the content: two runs writing the same
/// target at once must not meet on one temporary name. (The outputs themselves never
/// depend on it.)
fn letters() -> String {
    let mut h = std::hash::RandomState::new().build_hasher();
    h.write_u128(
        SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_nanos()),
    );
    h.write_u32(std::process::id());
    let mut n = h.finish();
    (0..TEMP_LETTERS)
        .map(|_| {
            let c = (n % 26) as u8;
            n /= 26;
            char::from(b'a' + c)
        })
        .collect()
}

/// A temporary file being written, locked, in the target's folder.
struct Temp {
    path: PathBuf,
    file: Option<File>,
}

impl Temp {
    /// Creates a fresh temporary file in `dir`; never opens an existing name.
    fn create(dir: &Path) -> Result<Temp, WriteError> {
        let mut last = None;
        for _ in 0..16 {
            let path = dir.join(format!("{TEMP_PREFIX}{}", letters()));
            let mut opts = OpenOptions::new();
            opts.write(true).create_new(true);
            match opts.open(&path) {
                Ok(file) => {
                    // A lock tells a cleaning run that this file is alive.
                    let _ = file.try_lock();
                    return Ok(Temp { path, file: Some(file) });
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
                Err(e) => return Err(io_error(dir)(e)),
            }
        }
        Err(io_error(dir)(last.unwrap_or_else(|| std::io::ErrorKind::AlreadyExists.into())))
    }

    fn write(&mut self, bytes: &[u8], target: &Path, flush: Flush) -> Result<(), WriteError> {
        let file = self.file.as_mut().expect("written once");
        file.write_all(bytes).map_err(io_error(target))?;
        if flush == Flush::EachFile || !cfg!(target_os = "linux") {
            file.sync_all().map_err(io_error(target))?;
        }
        Ok(())
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        self.file.take();
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Removes temporary files a killed run left in `dir`.
fn clean_stale(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let ours = name.len() == TEMP_PREFIX.len() + TEMP_LETTERS
            && name.starts_with(TEMP_PREFIX)
            && name[TEMP_PREFIX.len()..].bytes().all(|b| b.is_ascii_lowercase());
        if !ours {
            continue;
        }
        let Ok(meta) = entry.metadata() else { continue };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| m.elapsed().ok())
            .is_some_and(|age| age > STALE_AFTER);
        if !meta.is_file() || !old {
            continue;
        }
        // A live run holds its lock; only an abandoned file can be locked here.
        if let Ok(f) = File::open(entry.path())
            && f.try_lock().is_ok()
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Refuses a target that exists and is not a regular file.
fn check_target(path: &Path) -> Result<bool, WriteError> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.is_file() => Ok(true),
        Ok(meta) => Err(WriteError::NotRegular { path: display_path(path), kind: kind_of(&meta) }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(io_error(path)(e)),
    }
}

/// When written files are flushed to the disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flush {
    /// Each file before it is renamed into place.
    EachFile,
    /// Once for the whole output folder, by [`flush_folder`], after a batch: hundreds of
    /// flushes one after another take seconds, one takes milliseconds. Linux only (it has
    /// `syncfs`); elsewhere this is [`Flush::EachFile`].
    Later,
}

/// Writes every file of a set, or none: see the module's documentation.
pub fn write_all(files: &[(PathBuf, &[u8])]) -> Result<(), WriteError> {
    write_all_flushed(files, Flush::EachFile)
}

/// [`write_all`], flushed to the disk as `flush` says.
pub fn write_all_flushed(files: &[(PathBuf, &[u8])], flush: Flush) -> Result<(), WriteError> {
    let mut exists = Vec::with_capacity(files.len());
    for (path, _) in files {
        exists.push(check_target(path)?);
    }
    let mut folders: Vec<PathBuf> = files.iter().map(|(p, _)| folder_of(p)).collect();
    folders.sort();
    folders.dedup();
    folders.iter().for_each(|d| clean_stale(d));

    // 1. Every file written in full beside its target.
    let mut temps = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        let mut t = Temp::create(&folder_of(path))?;
        t.write(bytes, path, flush)?;
        temps.push(t);
    }
    // 2. Earlier versions kept as hard links, so that a failure can restore them.
    let mut backups: Vec<Option<Temp>> = Vec::with_capacity(files.len());
    for ((path, _), exists) in files.iter().zip(&exists) {
        backups.push(if *exists { backup(path) } else { None });
    }
    // 3. All renamed into place; on a failure, what was renamed is taken back.
    for (i, ((path, _), temp)) in files.iter().zip(&mut temps).enumerate() {
        if let Err(e) = std::fs::rename(&temp.path, path) {
            for ((done, _), backup) in files[..i].iter().zip(&mut backups) {
                match backup {
                    Some(b) if std::fs::rename(&b.path, done).is_ok() => b.path = PathBuf::new(),
                    _ => {
                        let _ = std::fs::remove_file(done);
                    }
                }
            }
            return Err(io_error(path)(e));
        }
        // Renamed: the temporary name no longer exists, nothing to remove on drop.
        temp.path = PathBuf::new();
        temp.file = None;
    }
    Ok(())
}

/// A hard link to the current target under a temporary name, if the file system allows.
fn backup(path: &Path) -> Option<Temp> {
    let dir = folder_of(path);
    for _ in 0..16 {
        let link = dir.join(format!("{TEMP_PREFIX}{}", letters()));
        match std::fs::hard_link(path, &link) {
            Ok(()) => return Some(Temp { path: link, file: None }),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(_) => return None,
        }
    }
    None
}

/// Flushes to the disk everything written under `dir` with [`Flush::Later`]: the file
/// system holding `dir` is synchronised once (`syncfs`). Elsewhere than on Linux the
/// files were flushed one by one already, and this does nothing.
pub fn flush_folder(dir: &Path) -> Result<(), WriteError> {
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        unsafe extern "C" {
            fn syncfs(fd: i32) -> i32;
        }
        let folder = File::open(dir).map_err(io_error(dir))?;
        // SAFETY: syncfs only reads the descriptor, which `folder` keeps open.
        if unsafe { syncfs(folder.as_raw_fd()) } != 0 {
            return Err(io_error(dir)(std::io::Error::last_os_error()));
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = dir;
    Ok(())
}

/// Writes one file (see [`write_all`]).
pub fn write_one(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_all(&[(path.to_path_buf(), bytes)])
}

#[cfg(test)]
mod tests;

//! Reading what the user names: only regular files, never more than a limit.
//!
//! A FIFO would block forever, `/dev/zero` would be read until memory runs out, and a
//! "font" of a gibibyte would be read whole: each is refused before it is opened (or,
//! for a file that grows while it is read, as soon as it passes the limit).

use std::fmt;
use std::fs::File;
use std::io::Read;
use std::path::Path;

use super::read_reason;
use crate::source::display_path;

/// What is being read, and how much of it nianbao accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    /// What the file is, for messages (`YAML 文件`, `字体文件`, `模板`).
    pub what: &'static str,
    /// The largest size accepted, in bytes.
    pub bytes: u64,
}

impl Limit {
    /// A report's YAML file: 4 MiB (real ones are 10–100 KB).
    pub const YAML: Limit = Limit { what: "文件", bytes: 4 << 20 };
    /// A font file of the user's: 128 MiB (the largest CJK collections are about 60 MB).
    pub const FONT: Limit = Limit { what: "字体文件", bytes: 128 << 20 };
    /// One template file: 1 MiB (the built-in ones are under 2 KB).
    pub const TEMPLATE: Limit = Limit { what: "模板", bytes: 1 << 20 };
}

/// Why a file could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// It is not a regular file (a folder, a FIFO, a device, a socket).
    NotRegular {
        /// The path as shown.
        path: String,
        /// What it is, in Chinese.
        kind: &'static str,
        /// What it should have been.
        what: &'static str,
    },
    /// It is larger than the limit.
    TooLarge {
        /// The path as shown.
        path: String,
        /// Its size, as far as it was read.
        size: u64,
        /// The limit.
        limit: Limit,
    },
    /// The system refused.
    Io {
        /// The path as shown.
        path: String,
        /// What it should have been.
        what: &'static str,
        /// Why.
        error: std::io::Error,
    },
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotRegular { path, kind, what } => {
                write!(f, "无法读取{what} {path}（这是{kind}，不是普通文件）")
            }
            ReadError::TooLarge { path, size, limit } => write!(
                f,
                "无法读取{} {path}（有 {size} 字节，超过了 {} MiB 的上限）",
                limit.what,
                limit.bytes >> 20
            ),
            ReadError::Io { path, what, error } => {
                write!(f, "无法读取{what} {path}（{}）", read_reason(error))
            }
        }
    }
}

impl std::error::Error for ReadError {}

/// What a file that is not a regular one is, in Chinese.
pub(super) fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_dir() {
        return "一个文件夹";
    }
    if t.is_symlink() {
        return "一个符号链接";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "一个管道（FIFO）";
        }
        if t.is_char_device() || t.is_block_device() {
            return "一个设备";
        }
        if t.is_socket() {
            return "一个套接字";
        }
    }
    "一个特殊文件"
}

/// Reads a regular file of at most `limit.bytes` bytes.
pub fn read_limited(path: &Path, limit: Limit) -> Result<Vec<u8>, ReadError> {
    let shown = display_path(path);
    let io = |error| ReadError::Io { path: shown.clone(), what: limit.what, error };
    // Metadata first, following links as opening would: a FIFO must not be opened at all.
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular { path: shown, kind: kind_of(&meta), what: limit.what });
    }
    if meta.len() > limit.bytes {
        return Err(ReadError::TooLarge { path: shown, size: meta.len(), limit });
    }
    let file = File::open(path).map_err(io)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // One byte more than the limit tells a file that grew since its metadata was read.
    file.take(limit.bytes + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit.bytes {
        return Err(ReadError::TooLarge { path: shown, size: bytes.len() as u64, limit });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_folders_and_large_files_are_refused() {
        let dir = std::env::temp_dir();
        let e = read_limited(&dir, Limit::YAML).unwrap_err();
        assert_eq!(
            e.to_string(),
            format!("无法读取文件 {}（这是一个文件夹，不是普通文件）", display_path(&dir))
        );
        #[cfg(unix)]
        {
            let e = read_limited(Path::new("/dev/zero"), Limit::FONT).unwrap_err();
            assert!(matches!(e, ReadError::NotRegular { kind: "一个设备", .. }), "{e}");
        }
        let path = dir.join(format!("nianbao-read-{}.bin", std::process::id()));
        std::fs::write(&path, vec![b'a'; 2048]).unwrap();
        let small = Limit { what: "模板", bytes: 1024 };
        assert!(matches!(read_limited(&path, small), Err(ReadError::TooLarge { .. })));
        assert_eq!(read_limited(&path, Limit::TEMPLATE).unwrap().len(), 2048);
        std::fs::remove_file(&path).unwrap();
    }
}

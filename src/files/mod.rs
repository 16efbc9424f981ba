//! The file system, handled with suspicion: what nianbao reads must be a regular file of
//! a bounded size ([`read`]), and what it writes appears whole or not at all, never
//! through a link and never over something that is not a regular file ([`write`]).
//! Reasons from the operating system are given in Chinese ([`reason`]).

mod read;
mod reason;
mod write;

pub use read::{Limit, ReadError, read_limited};
pub use reason::{read_reason, write_reason};
pub use write::{Flush, WriteError, flush_folder, write_all, write_all_flushed, write_one};

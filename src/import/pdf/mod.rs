//! Reading a PDF's text layer into a [`Published`] report: text positions and ruling
//! lines rebuilt into paragraphs and table grids.

use super::{Published, Unreadable};

/// Reads a PDF. Not yet merged: every PDF is refused for now.
pub fn read(bytes: &[u8]) -> Result<Published, Unreadable> {
    let _ = bytes;
    Err(Unreadable("暂不支持从 PDF 导入".to_owned()))
}

//! `nianbao import`: a published report (HTML, DOCX, PDF or copied text) read back into
//! a nianbao YAML file, every cell mapped by its official row and column labels.

pub mod document;
pub mod pdf;

pub use document::{Block, Cell, Published, Table, Unreadable};
